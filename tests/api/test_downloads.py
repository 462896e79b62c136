"""GET /api/events?format=parquet|csv: streamed files of the filtered events, every match unless
a limit is given."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow comes with the scale extra")


def parquet_of(client: TestClient, **params: Any) -> Any:
    response = client.get("/api/events", params={"format": "parquet", **params})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/vnd.apache.parquet"
    assert 'filename="events.parquet"' in response.headers["content-disposition"]
    return pq.read_table(io.BytesIO(response.content))


def ids(client: TestClient, **params: Any) -> list[str]:
    return [item["id"] for item in client.get("/api/events", params=params).json()["items"]]


def test_parquet_holds_every_filtered_event_as_geoparquet(client: TestClient) -> None:
    table = parquet_of(client, type="battles")
    assert table.column("id").to_pylist() == ids(client, type="Battles")
    assert set(table.column("event_type").to_pylist()) == {"Battles"}
    geo = json.loads(table.schema.metadata[b"geo"])
    assert geo["primary_column"] == "geometry"
    everything = parquet_of(client)
    total = client.get("/api/stats").json()["total"]
    assert everything.num_rows == total


def test_parquet_of_reports_names_their_fused_events(client: TestClient) -> None:
    table = parquet_of(client, level="reports")
    page = client.get("/api/events", params={"level": "reports"}).json()
    assert table.num_rows == page["total"]
    assert None not in table.column("fused_id").to_pylist()


def test_a_limit_and_offset_cut_the_download_like_a_page(client: TestClient) -> None:
    table = parquet_of(client, limit=2, offset=1)
    assert table.column("id").to_pylist() == ids(client, limit=2, offset=1)
    response = client.get("/api/events", params={"format": "csv", "limit": 1})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) <= 1


def test_an_unknown_format_is_refused(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "xlsx"})
    assert response.status_code == 422
    assert "parquet" in response.text
