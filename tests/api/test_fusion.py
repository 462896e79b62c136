from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from frontlines.api import create_app
from frontlines.store.duckdb import DuckDBStore
from tests.api.conftest import TOKEN, api_settings
from tests.store.test_fusion_contract import kharkiv_analyses, saraqib_analysis

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def fused_client(tmp_path: Path) -> Iterator[TestClient]:
    settings = api_settings(tmp_path)
    with DuckDBStore.open(settings.db_path) as store:
        for analysis in [*kharkiv_analyses(), saraqib_analysis()]:
            store.save(analysis)
        with TestClient(create_app(store, settings)) as test_client:
            yield test_client


def strike_id(client: TestClient) -> str:
    items = client.get("/api/events").json()["items"]
    return str(next(item["id"] for item in items if item["report_count"] == 3))


def test_fusion_events_are_fused_by_default_and_reports_one_step_away(
    fused_client: TestClient,
) -> None:
    page = fused_client.get("/api/events").json()
    assert page["total"] == 2
    strike = next(item for item in page["items"] if item["report_count"] == 3)
    assert strike["independent_source_count"] == 3
    assert [value["value"] for value in strike["contested"]["fatalities"]] == [4, 7]
    assert [r["article"]["outlet"] for r in strike["reports"]] == [
        "Frontline Wire", "Eastern Front Herald", "Levant Ledger",
    ]  # fmt: skip
    assert all(r["evidence"] and r["article"]["fictional"] for r in strike["reports"])
    reports = fused_client.get("/api/events", params={"level": "reports"}).json()
    assert reports["total"] == 4
    assert {item["fused_id"] for item in reports["items"]} == {i["id"] for i in page["items"]}
    detail = fused_client.get(f"/api/events/{strike['id']}").json()
    assert [r["article"]["outlet"] for r in detail["reports"]] == [
        "Frontline Wire", "Eastern Front Herald", "Levant Ledger",
    ]  # fmt: skip
    assert {r["origin"] for r in detail["reports"]} == {o["name"] for o in strike["origins"]}
    assert detail["contested"]["fatalities"][1]["sources"] == ["Levant Ledger"]
    assert fused_client.get("/api/stats").json()["total"] == 2


def test_fusion_split_needs_the_token_and_is_kept(fused_client: TestClient) -> None:
    event_id = strike_id(fused_client)
    assert fused_client.post(f"/api/events/{event_id}/split", json={}).status_code == 401
    response = fused_client.post(f"/api/events/{event_id}/split", json={}, headers=AUTH)
    assert response.status_code == 200
    assert [item["report_count"] for item in response.json()] == [1, 1, 1]
    decisions = fused_client.get("/api/fusion/decisions").json()
    assert [decision["kind"] for decision in decisions] == ["cannot"] * 3
    assert fused_client.get("/api/events").json()["total"] == 4


def test_fusion_merge_and_its_errors(fused_client: TestClient) -> None:
    ids = [item["id"] for item in fused_client.get("/api/events").json()["items"]]
    merged = fused_client.post("/api/events/merge", json={"ids": ids}, headers=AUTH)
    assert merged.status_code == 200
    assert merged.json()["report_count"] == 4
    assert (
        fused_client.post("/api/events/merge", json={"ids": ids}, headers=AUTH).status_code == 404
    )
    twice = [merged.json()["id"]] * 2
    again = fused_client.post("/api/events/merge", json={"ids": twice}, headers=AUTH)
    assert again.status_code == 400
    missing = fused_client.post("/api/events/evt_nothing/split", json={}, headers=AUTH)
    assert missing.status_code == 404
