from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontlines.bench.speed_worker import main, measure, peak_rss_mib
from frontlines.settings import Settings


def test_speed_worker_measures_the_pipeline_on_texts() -> None:
    settings = Settings.from_env({}, pipeline=("cleanup",))
    measured = measure("pipeline", ["One text.", "Another text."], settings=settings)
    assert measured["articles"] == 2
    assert measured["characters"] == len("One text.") + len("Another text.")
    assert measured["seconds"] >= 0
    assert measured["peak_rss_mib"] > 10


def test_speed_worker_main_reads_settings_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, result = tmp_path / "texts.json", tmp_path / "result.json"
    corpus.write_text(json.dumps(["Rebels shelled Idlib."]), encoding="utf-8")
    monkeypatch.setenv("FRONTLINES_PIPELINE", "cleanup")
    assert main(["pipeline", str(corpus), str(result)]) == 0
    assert json.loads(result.read_text(encoding="utf-8"))["mode"] == "pipeline"


def test_speed_worker_peak_memory_is_read_from_the_process_status(tmp_path: Path) -> None:
    status = tmp_path / "status"
    status.write_text("Name:\tpython\nVmHWM:\t  204800 kB\nVmRSS:\t 1024 kB\n", encoding="utf-8")
    assert peak_rss_mib(status) == 200.0
    assert peak_rss_mib(tmp_path / "absent") > 0
