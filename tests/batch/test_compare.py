"""Two outputs in the batch's layout compared table by table, row by row, field by field."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

pytest.importorskip("pyarrow", reason="pyarrow comes with the scale extra")

from frontlines.batch.compare import compare_outputs, compare_rows
from frontlines.batch.parquet import TableWriter
from frontlines.batch.rows import (
    Stored,
    actor_rows,
    article_row,
    claim_rows,
    fused_event_row,
    relation_rows,
    report_row,
    reports_of,
)
from frontlines.fusion import fuse
from frontlines.model import Location
from frontlines.readers.common import make_article
from tests.cheap_analysis import cheap_analyze

TEXTS = (
    ("Shelling hit Kharkiv on Sunday. More text.", "2024-11-03"),
    ("Rebels took Saraqib. More text.", "2024-11-05"),
    ("A clash somewhere. No date.", None),
)


def items() -> list[Stored]:
    found = []
    for text, published in TEXTS:
        analysis = cheap_analyze(make_article(text, origin="t", published=published))
        found.append(Stored(analysis=analysis, metadata={"origin": "t"}, origin="t"))
    return found


def write(out: Path, stored: list[Stored], *, at: datetime) -> Path:
    writer = TableWriter.create(out)
    for item in stored:
        writer.add("articles", [article_row(item, ingested_at=at)])
        writer.add("actors", actor_rows(item.analysis))
        writer.add("claims", claim_rows(item.analysis))
        writer.add("relations", relation_rows(item.analysis))
    reports = [report for item in stored for report in reports_of(item, ingested_at=at)]
    fused = fuse(reports)
    fused_id = {ref.id: event.event.id for event in fused for ref in event.reports}
    writer.add("reports", (report_row(r, fused_id=fused_id.get(r.id)) for r in reports))
    writer.add("events", (fused_event_row(event) for event in fused))
    writer.close()
    return out


def test_outputs_of_the_same_analyses_are_the_same_whenever_ingested(tmp_path: Path) -> None:
    left = write(tmp_path / "a", items(), at=datetime(2024, 11, 6, tzinfo=UTC))
    right = write(tmp_path / "b", list(reversed(items())), at=datetime(2025, 1, 1, tzinfo=UTC))
    found = {difference.table: difference for difference in compare_outputs(left, right)}
    assert all(difference.same for difference in found.values())
    assert found["articles"].rows == (3, 3)
    assert found["reports"].rows == found["events"].rows == (3, 3)
    assert found["articles"].line() == "articles: 3 rows and 3 rows, the same"


def test_a_moved_event_and_a_missing_article_are_named(tmp_path: Path) -> None:
    left = write(tmp_path / "a", items(), at=datetime(2024, 11, 6, tzinfo=UTC))
    first, second, _ = items()
    kharkiv = Location(name="Kharkiv", country="Ukraine", latitude=49.99, longitude=36.23)
    moved = replace(first.analysis.events[0], location=kharkiv)
    first = replace(first, analysis=replace(first.analysis, events=(moved,)))
    right = write(tmp_path / "b", [first, second], at=datetime(2024, 11, 6, tzinfo=UTC))
    found = {difference.table: difference for difference in compare_outputs(left, right)}
    article_id = first.analysis.article.id
    assert found["articles"].only_left == [items()[2].analysis.article.id]
    assert found["articles"].only_right == []
    assert set(found["articles"].fields) == {"analysis"}  # the event inside the analysis JSON
    reports = found["reports"]
    assert set(reports.fields) == {"location", "geometry"}
    assert reports.examples["location"] == [f"{article_id}/0"]
    assert "location differs in 1" in reports.line()
    assert not found["events"].same
    assert found["claims"].same


def test_rows_repeating_a_key_are_named() -> None:
    row = {"article_id": "a", "seq": 0, "text": "x"}
    found = compare_rows("claims", [row, row], [row])
    assert found.repeated == ["a/0"]
    assert found.rows == (2, 1)
    assert not found.same
