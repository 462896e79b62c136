"""Stored events as GeoParquet: written, streamed in pieces, and read back with pyarrow."""

from __future__ import annotations

import io
import json
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontlines.exports.parquet import event_schema, parquet_chunks, to_arrow, write_parquet
from frontlines.store import open_store
from frontlines.store.base import EventQuery, Store
from tests.store.test_fusion_contract import kharkiv_analyses, saraqib_analysis

pa = pytest.importorskip("pyarrow", reason="pyarrow comes with the scale extra")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """One strike told by three outlets (one fused event of three reports) and a clash."""
    with open_store(tmp_path / "events.duckdb") as opened:
        for analysis in [*kharkiv_analyses(), saraqib_analysis()]:
            opened.save(analysis)
        yield opened


def point(wkb: bytes) -> tuple[float, float]:
    order, kind, lon, lat = struct.unpack("<BIdd", wkb)
    assert (order, kind) == (1, 1)  # little-endian WKB point
    return lon, lat


def test_fused_events_read_back_with_arrow_types_and_geoparquet_points(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "events.parquet"
    assert write_parquet(store.iter_events(), path) == 2
    table = pq.read_table(path)
    assert table.num_rows == 2
    schema = table.schema
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("fatalities").type == pa.int64()
    assert schema.field("report_count").type == pa.int64()
    assert pa.types.is_struct(schema.field("location").type)
    assert pa.types.is_list(schema.field("reports").type)
    assert schema.field("geometry").type == pa.binary()
    assert "date" not in schema.names  # the batch's partition column is not in a single file

    geo = json.loads(pq.read_schema(path).metadata[b"geo"])
    assert geo["version"].startswith("1.")
    assert geo["primary_column"] == "geometry"
    assert geo["columns"]["geometry"]["encoding"] == "WKB"
    assert geo["columns"]["geometry"]["geometry_types"] == ["Point"]

    by_id = {row["id"]: row for row in table.to_pylist()}
    for stored in store.events():
        row = by_id[stored.event.id]
        assert row["report_count"] == stored.report_count
        assert row["event_date"] == stored.event.event_date
        assert row["fatalities"] == stored.event.fatalities
        loc = stored.event.location
        if loc is not None and loc.latitude is not None and loc.longitude is not None:
            assert point(row["geometry"]) == (loc.longitude, loc.latitude)
            assert row["location"]["latitude"] == loc.latitude
        else:
            assert row["geometry"] is None
    assert sorted(row["report_count"] for row in by_id.values()) == [1, 3]


def test_reports_name_their_fused_event(store: Store) -> None:
    reports = list(store.iter_events(EventQuery(level="reports")))
    table = to_arrow(reports, level="reports")
    assert table.num_rows == len(reports) == 4
    assert table.schema.equals(event_schema("reports"))
    fused = {stored.fused_id for stored in store.events()}
    fused_ids = table.column("fused_id").to_pylist()
    assert set(fused_ids) == fused
    assert sorted(fused_ids.count(i) for i in fused) == [1, 3]


def test_no_events_is_an_empty_file_with_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "none.parquet"
    assert write_parquet([], path) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0
    assert table.schema.names == event_schema().names


def test_streamed_pieces_make_the_same_file(store: Store, tmp_path: Path) -> None:
    pieces = list(parquet_chunks(store.iter_events(), chunk_rows=1))
    assert len(pieces) == 3  # a row group, another, then the footer
    assert pieces[0].startswith(b"PAR1") and pieces[-1].endswith(b"PAR1")
    streamed = pq.read_table(io.BytesIO(b"".join(pieces)))
    write_parquet(store.iter_events(), tmp_path / "whole.parquet")
    assert streamed.equals(pq.read_table(tmp_path / "whole.parquet"))
    assert pq.ParquetFile(io.BytesIO(b"".join(pieces))).metadata.num_row_groups == 2


def test_duckdb_spatial_reads_the_geometry_as_points(store: Store, tmp_path: Path) -> None:
    from frontlines.store.duckdb_connect import connect, load_spatial, spatial_extension_path

    path = tmp_path / "events.parquet"
    write_parquet(store.iter_events(), path)
    con = connect(":memory:")
    load_spatial(con, spatial_extension_path())
    rows = con.execute(
        "SELECT typeof(geometry), ST_X(geometry), ST_Y(geometry), location.longitude, "
        "location.latitude FROM read_parquet(?) WHERE geometry IS NOT NULL",
        [str(path)],
    ).fetchall()
    con.close()
    assert rows
    for kind, x, y, longitude, latitude in rows:
        assert kind.startswith("GEOMETRY")  # read as geometry, from the GeoParquet metadata
        assert (x, y) == (longitude, latitude)
