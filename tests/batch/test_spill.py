"""What a batch writes, spilled to disk while Ray runs and read back, in order, afterwards."""

from __future__ import annotations

from datetime import UTC, datetime

from frontlines.batch.rows import Stored, article_row, reports_of
from frontlines.batch.spill import Spill
from frontlines.fusion import Report, fuse
from frontlines.readers.common import make_article
from tests.cheap_analysis import cheap_analyze

AT = datetime(2024, 11, 6, 12, tzinfo=UTC)


def stored(text: str, published: str | None) -> Stored:
    analysis = cheap_analyze(make_article(text, origin="t", published=published))
    return Stored(analysis=analysis, metadata={"origin": "t"}, origin="t", original_id="x")


def test_reports_come_back_equal_and_in_the_order_they_were_spilled() -> None:
    items = [
        stored("Shelling hit Kharkiv. More text.", "2024-11-03"),
        stored("Rebels took Saraqib. More text.", None),
        stored("A clash in Idlib. More text.", "2024-11-05"),
    ]
    groups = [reports_of(item, ingested_at=AT) for item in items]
    expected = [report for group in groups for report in group]
    with Spill[list[Report]]() as spill:
        spill.add(groups[0])
        spill.add([])  # an article without events
        spill.add(groups[1])
        assert [report for group in spill for report in group] == expected[:2]
        spill.add(groups[2])  # more after a read go after what was there
        back = [report for group in spill for report in group]
    assert spill.count == 4
    assert back == expected
    assert back[1].published is None and back[0].ingested_at == AT
    assert [event.event.id for event in fuse(back)] == [event.event.id for event in fuse(expected)]


def test_rows_come_back_with_their_dates_and_texts() -> None:
    row = article_row(stored("Shelling hit Kharkiv. “Quoted” text.", "2024-11-03"), ingested_at=AT)
    with Spill[dict[str, object]]() as spill:
        spill.add(row)
        assert list(spill) == [row]


def test_an_empty_spill_reads_back_nothing() -> None:
    with Spill[int]() as spill:
        assert list(spill) == []
