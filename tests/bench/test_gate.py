"""The accuracy gate: the gate sample's figures must not drop below the committed floors.

Runs when the shared benchmark data is present (``$FRONTLINES_BENCH_DATA``, else ``../shared/data``
beside the repository) and skips otherwise. Deselect with ``pytest -m "not bench"``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from frontlines.bench.floors import Floors, check_floors
from frontlines.bench.runner import ACCURACY_BENCHMARKS, run_benchmarks
from frontlines.settings import Settings

REPO_ROOT = Path(__file__).resolve().parents[2]


def bench_data_dir() -> Path:
    configured = os.environ.get("FRONTLINES_BENCH_DATA")
    return Path(configured) if configured else REPO_ROOT.parent / "shared" / "data"


@pytest.mark.bench
def test_gate_figures_stay_above_their_floors(tmp_path: Path) -> None:
    data_dir = bench_data_dir()
    if not data_dir.is_dir():
        pytest.skip(f"no benchmark data at {data_dir} (set FRONTLINES_BENCH_DATA to run the gate)")
    report = run_benchmarks(
        data_dir=data_dir,
        only=ACCURACY_BENCHMARKS,
        out_dir=tmp_path,
        settings=Settings.from_env(),
        sample="gate",
    )
    drops = check_floors(report.figures, Floors.load())
    assert not drops, "figures below their floor (see bench/README.md):\n" + "\n".join(
        drop.describe() for drop in drops
    )


def test_gate_skips_cleanly_without_data(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FRONTLINES_BENCH_DATA", str(tmp_path / "absent"))
    assert bench_data_dir() == tmp_path / "absent"
    assert not bench_data_dir().is_dir()
