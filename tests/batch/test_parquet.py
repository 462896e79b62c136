"""The batch's tables written and read back: schemas, date partitions, GeoParquet points."""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("pyarrow", reason="pyarrow comes with the scale extra")

import pyarrow.parquet as pq

from frontlines.batch.arrow import TABLE_NAMES
from frontlines.batch.parquet import FLUSH_ROWS_PER_TABLE, TableWriter, iter_rows, read_table
from frontlines.batch.rows import Row, Stored, article_row, fused_event_row, report_row, reports_of
from frontlines.errors import InputError
from frontlines.fusion import fuse
from frontlines.model import Location
from frontlines.readers.common import make_article
from tests.cheap_analysis import cheap_analyze

AT = datetime(2024, 11, 6, 12, tzinfo=UTC)


def stored(text: str, published: str | None, *, where: Location | None = None) -> Stored:
    analysis = cheap_analyze(make_article(text, origin="t", published=published))
    if where is not None:
        analysis = replace(analysis, events=(replace(analysis.events[0], location=where),))
    return Stored(analysis=analysis, metadata={"origin": "t"}, origin="t")


def test_tables_round_trip_partitioned_by_date(tmp_path: Path) -> None:
    kharkiv = Location(name="Kharkiv", country="Ukraine", latitude=49.99, longitude=36.23)
    items = [
        stored("Shelling hit Kharkiv. More text.", "2024-11-03", where=kharkiv),
        stored("Rebels took Saraqib. More text.", "2024-11-05"),
        stored("A clash somewhere. No date.", None),
    ]
    writer = TableWriter.create(tmp_path / "out", flush_rows=2)
    writer.add("articles", (article_row(item, ingested_at=AT) for item in items))
    reports = [report for item in items for report in reports_of(item, ingested_at=AT)]
    writer.add("reports", (report_row(report, fused_id=None) for report in reports))
    writer.add("events", (fused_event_row(event) for event in fuse(reports)))
    counts = writer.close()
    assert counts == {"articles": 3, "reports": 3, "events": 3}
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == sorted(TABLE_NAMES)
    folders = sorted(path.name for path in (tmp_path / "out" / "articles").iterdir())
    assert folders == ["date=2024-11-03", "date=2024-11-05", "date=undated"]
    articles = sorted(read_table(tmp_path / "out", "articles").to_pylist(), key=lambda r: r["date"])
    assert [row["published"] for row in articles] == [date(2024, 11, 3), date(2024, 11, 5), None]
    assert json.loads(articles[0]["analysis"]) == items[0].analysis.to_dict()
    assert articles[0]["ingested_at"] == AT
    assert read_table(tmp_path / "out", "claims").num_rows == 0
    events = {row["notes"] + row["date"]: row for row in iter_rows(tmp_path / "out", "events")}
    kharkiv_event = events["A clash was reported.2024-11-03"]
    assert kharkiv_event["location"]["name"] == "Kharkiv"
    assert struct.unpack("<BIdd", kharkiv_event["geometry"]) == (1, 1, 36.23, 49.99)
    assert events["A clash was reported.undated"]["location"] is None
    assert events["A clash was reported.undated"]["geometry"] is None
    [part] = (tmp_path / "out" / "events" / "date=2024-11-03").iterdir()
    assert json.loads(pq.read_schema(part).metadata[b"geo"])["primary_column"] == "geometry"


def test_one_buffer_may_span_more_days_than_pyarrow_partitions_by_default(tmp_path: Path) -> None:
    days = [date(2020, 1, 1) + timedelta(days=n) for n in range(1100)]
    items = [stored(f"Shelling hit a town. Day {n}.", str(day)) for n, day in enumerate(days)]
    writer = TableWriter.create(tmp_path / "out", flush_rows=5000)
    writer.add("articles", (article_row(item, ingested_at=AT) for item in items))
    assert writer.close()["articles"] == 1100
    assert len(list((tmp_path / "out" / "articles").iterdir())) == 1100
    assert read_table(tmp_path / "out", "articles").num_rows == 1100


def test_a_generator_is_written_as_it_is_read(tmp_path: Path) -> None:
    # The fused events and reports come as generators: the writer holds at most flush_rows.
    items = [stored(f"Shelling hit a town. Day {n}.", "2024-11-03") for n in range(5)]
    writer = TableWriter.create(tmp_path / "out", flush_rows=2)
    written: list[int] = []

    def rows() -> Iterator[Row]:
        for item in items:
            written.append(writer.counts.get("articles", 0))
            yield article_row(item, ingested_at=AT)

    writer.add("articles", rows())
    assert written == [0, 0, 2, 2, 4]  # each pair written before the next row is read
    assert writer.close()["articles"] == 5
    assert read_table(tmp_path / "out", "articles").num_rows == 5


def test_a_batch_never_writes_into_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not empty"):
        TableWriter.create(tmp_path)


def test_a_flush_of_interleaved_dates_writes_one_file_per_date_in_row_order(
    tmp_path: Path,
) -> None:
    days = ["2024-11-05", "2024-11-03", "2024-11-05", None, "2024-11-03", "2024-11-05"]
    items = [stored(f"Clash number {n} in the town. More text.", day) for n, day in enumerate(days)]
    writer = TableWriter.create(tmp_path / "out")
    writer.add("articles", (article_row(item, ingested_at=AT) for item in items))
    writer.close()
    files = sorted((tmp_path / "out" / "articles").rglob("*.parquet"))
    assert [path.parent.name for path in files] == [
        "date=2024-11-03",
        "date=2024-11-05",
        "date=undated",
    ]
    texts = {path.parent.name: pq.read_table(path).column("text").to_pylist() for path in files}
    assert texts["date=2024-11-05"] == [items[n].analysis.article.text for n in (0, 2, 5)]
    assert texts["date=2024-11-03"] == [items[n].analysis.article.text for n in (1, 4)]


def test_articles_are_written_in_smaller_groups_than_the_other_tables(tmp_path: Path) -> None:
    # An article row holds its text and whole analysis: fewer of them are buffered at once.
    row = article_row(stored("Shelling hit a town.", "2024-11-03"), ingested_at=AT)
    most = FLUSH_ROWS_PER_TABLE["articles"]
    writer = TableWriter.create(tmp_path / "out", flush_rows=5000)
    writer.add("articles", ({**row, "id": f"a{n}"} for n in range(most + 1)))
    assert writer.counts == {"articles": most}  # one row still buffered
    assert writer.close()["articles"] == most + 1
    assert read_table(tmp_path / "out", "articles").num_rows == most + 1
