from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from frontlines.bench.cli import bench_command
from frontlines.bench.floors import Floors


def write_results(path: Path, *, recall: float) -> Path:
    figure: dict[str, Any] = {
        "unit": "share",
        "better": "higher",
        "dataset": "d",
        "size": 3,
        "command": "c",
    }
    data = {
        "sample": "gate",
        "results": [
            {
                "name": "x",
                "figures": [
                    {**figure, "name": "x: recall", "value": recall},
                    {**figure, "name": "x: speed", "value": 9.0, "unit": "articles/s"},
                ],
            }
        ],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_cli_prints_the_table_and_reports_skips(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        bench_command,
        [
            "--data",
            str(tmp_path / "none"),
            "--out",
            str(tmp_path / "out"),
            "--sample",
            "gate",
            "--only",
            "reference",
            "--no-progress",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "| figure | value | data set | size | command |" in result.stdout
    assert "reference: skipped" in result.stdout
    assert (tmp_path / "out" / "results.md").is_file()


def test_cli_updates_floors_from_results_then_checks_them(tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    runner = CliRunner()
    good = write_results(tmp_path / "good.json", recall=0.4)
    update = runner.invoke(
        bench_command, ["--from-results", str(good), "--update-floors", "--floors", str(floors)]
    )
    assert update.exit_code == 0, update.output
    assert Floors.load(floors).floors["x: recall"].value == 0.4
    assert "x: speed" not in Floors.load(floors).floors
    check = runner.invoke(
        bench_command, ["--from-results", str(good), "--check", "--floors", str(floors)]
    )
    assert check.exit_code == 0, check.output

    worse = write_results(tmp_path / "worse.json", recall=0.3)
    failed = runner.invoke(
        bench_command, ["--from-results", str(worse), "--check", "--floors", str(floors)]
    )
    assert failed.exit_code == 1
    assert "x: recall: 0.300 (floor 0.400" in failed.output


def test_cli_refuses_floors_from_a_full_run(tmp_path: Path) -> None:
    path = write_results(tmp_path / "r.json", recall=0.4)
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "sample": "full"}), encoding="utf-8")
    result = CliRunner().invoke(
        bench_command,
        ["--from-results", str(path), "--update-floors", "--floors", str(tmp_path / "f.json")],
    )
    assert result.exit_code != 0
    assert not (tmp_path / "f.json").exists()
