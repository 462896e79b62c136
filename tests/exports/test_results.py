"""``frontlines.query_events()``: the Python API's query results, as Arrow, pandas and Parquet."""

from __future__ import annotations

from pathlib import Path

import pytest

import frontlines
from frontlines.errors import InputError
from frontlines.store import open_store
from tests.store.test_fusion_contract import kharkiv_analyses, saraqib_analysis

pa = pytest.importorskip("pyarrow", reason="pyarrow comes with the scale extra")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    with open_store(path) as store:
        for analysis in [*kharkiv_analyses(), saraqib_analysis()]:
            store.save(analysis)
    return path


def test_query_events_takes_the_cli_filter_names_in_any_case(db: Path) -> None:
    everything = frontlines.query_events(db)
    assert len(everything) == 2
    battles = frontlines.query_events(db, type="battles")
    assert [stored.event.event_type for stored in battles] == ["Battles"]
    assert len(frontlines.query_events(db, level="reports")) == 4
    assert len(frontlines.query_events(db, level="reports", limit=1)) == 1
    with pytest.raises(InputError, match="unknown filter 'kind'"):
        frontlines.query_events(db, kind="Battles")


def test_query_events_reads_an_open_store_too(db: Path) -> None:
    with open_store(db) as store:
        found = frontlines.query_events(store, date_from="2024-11-14", to="2024-11-14")
        assert len(found) == 2
        assert not frontlines.query_events(store, date_from="2024-11-15")


def test_to_arrow_and_to_pandas_have_the_same_rows(db: Path) -> None:
    found = frontlines.query_events(db)
    table = found.to_arrow()
    assert table.num_rows == len(found)
    assert table.schema.field("event_date").type == pa.date32()
    pytest.importorskip("pandas", reason="pandas comes with the scale extra")
    frame = found.to_pandas()
    assert len(frame) == 2
    assert {"location.latitude", "actor1.name", "fatalities", "geometry"} <= set(frame.columns)
    assert sorted(frame["report_count"]) == [1, 3]
    nested = found.to_pandas(flatten=False)
    assert "location" in nested.columns and "location.latitude" not in nested.columns


def test_to_parquet_writes_one_geoparquet_file(db: Path, tmp_path: Path) -> None:
    found = frontlines.query_events(db, level="reports")
    assert found.to_parquet(tmp_path / "reports.parquet") == 4
    table = pq.read_table(tmp_path / "reports.parquet")
    assert table.num_rows == 4
    assert b"geo" in table.schema.metadata
