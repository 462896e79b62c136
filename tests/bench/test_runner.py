from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.bench.runner import BENCHMARKS, check_names, run_benchmarks
from frontlines.errors import InputError
from frontlines.settings import Settings


def test_runner_skips_every_benchmark_when_data_is_missing(tmp_path: Path) -> None:
    report = run_benchmarks(
        data_dir=tmp_path / "data",
        only=None,
        out_dir=tmp_path / "out",
        settings=Settings.from_env({}, pipeline=("cleanup",)),
        sample="gate",
    )
    assert [r.name for r in report.results] == list(BENCHMARKS)
    assert all(r.status == "skipped" for r in report.results)
    assert report.figures == ()
    assert (tmp_path / "out" / "results.json").is_file()
    assert "skipped" in (tmp_path / "out" / "results.md").read_text(encoding="utf-8")


def test_runner_only_keeps_the_canonical_order_and_refuses_unknown_names() -> None:
    assert check_names(["speed", "reference"]) == ("reference", "speed")
    assert check_names(None) == BENCHMARKS
    with pytest.raises(InputError, match="unknown benchmark nope"):
        check_names(["nope"])
