from __future__ import annotations

import json
from pathlib import Path

from frontlines.bench.report import (
    BenchReport,
    BenchResult,
    Figure,
    Table,
    figures_from_dict,
    format_value,
    markdown_table,
    share_figures,
)


def report() -> BenchReport:
    share = Figure("x: recall", 0.5, "share", "higher", "set", 10, "frontlines bench --only x")
    speed = Figure("x: articles/s", 12.345, "articles/s", "higher", "set", 10, "cmd")
    return BenchReport(
        sample="gate",
        results=(
            BenchResult(
                name="x",
                status="ok",
                figures=(share, speed),
                tables=(Table(title="by country", columns=("c", "n"), rows=(("A", "1"),)),),
            ),
            BenchResult(name="y", status="skipped", reason="data/y not found"),
        ),
        frontlines_version="0.1.0",
        pipeline=("cleanup",),
        data_dir="data",
    )


def test_report_markdown_has_the_table_the_skips_and_breakdowns() -> None:
    text = report().to_markdown()
    assert "| figure | value | data set | size | command |" in text
    assert "| x: recall | 0.500 | set | 10 | `frontlines bench --only x` |" in text
    assert "| x: articles/s | 12.3 |" in text
    assert "- y: skipped (data/y not found)" in text
    assert "### by country" in text


def test_report_writes_json_and_markdown_that_read_back(tmp_path: Path) -> None:
    json_path, md_path = report().write(tmp_path / "out")
    assert md_path.read_text(encoding="utf-8").startswith("## frontlines 0.1.0")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["sample"] == "gate"
    figures = figures_from_dict(data)
    assert [f.name for f in figures] == ["x: recall", "x: articles/s"]
    assert figures[0].gated and not figures[1].gated
    assert data["results"][1]["status"] == "skipped"


def test_report_formats_values_by_unit() -> None:
    assert format_value(None, unit="share") == "n/a"
    assert format_value(3.0, unit="count") == "3"
    assert format_value(0.12345, unit="auc") == "0.123"
    assert markdown_table(("a",), [("x|y",)]).splitlines()[-1] == "| x\\|y |"


def test_report_share_figures_are_higher_is_better_shares() -> None:
    found = share_figures(
        {"recall": (0.5, 10), "precision": (None, 0)}, prefix="x: ", dataset="d", command="c"
    )
    assert [f.name for f in found] == ["x: recall", "x: precision"]
    assert all(f.unit == "share" and f.better == "higher" for f in found)
    assert found[0].size == 10 and found[1].value is None
