"""POST /api/ingest over the store as ``frontlines serve`` holds it: a batch of articles read by a
client, stored and fused as ``ingest`` would, each once, one outcome each in order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from frontlines.api.app import build_app
from frontlines.api.ingest_schemas import MAX_ITEMS
from frontlines.store.base import Store
from frontlines.store.duckdb_shared import SharedDuckDBStore
from tests.api.conftest import TOKEN, api_settings
from tests.cheap_analysis import cheap_analyze
from tests.store.test_duckdb import start_python
from tests.wire_story import REPRINTS, WIRE

AUTH = {"Authorization": f"Bearer {TOKEN}"}
HOLD_READ_ONLY = """
import sys
from frontlines.store.duckdb import DuckDBStore
store = DuckDBStore.open(sys.argv[1], read_only=True)
print("ready", flush=True)
sys.stdin.read()
store.close()
"""
CLASH = "Militia fighters clashed with police in Goma on Monday. Two were wounded."
PROTEST = "Traders protested against new taxes in Bukavu on Tuesday. The market stayed shut."
FRENCH = "Des combattants ont attaqué un poste de police à Goma lundi, selon des témoins sur place."


def item(text: str, origin: str, **fields: Any) -> dict[str, Any]:
    return {"origin": origin, "text": text, "published": "2024-03-04", "fictional": True, **fields}


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[TestClient, Store]]:
    settings = api_settings(tmp_path, max_article_bytes=2_000, max_request_bytes=40_000)
    with SharedDuckDBStore.open(settings.db_path) as store:
        app = build_app(store=store, settings=settings, analyze=cheap_analyze)
        with TestClient(app) as client:
            yield client, store


def outcomes(response: Any) -> list[tuple[str, str]]:
    assert response.status_code == 200, response.text
    return [(found["input"], found["outcome"]) for found in response.json()["results"]]


def test_a_batch_is_stored_and_fused_and_sending_it_again_stores_nothing_twice(
    served: tuple[TestClient, Store],
) -> None:
    client, store = served
    batch = {"items": [item(CLASH, "a.txt"), item(PROTEST, "b.txt", outlet="Kivu Post")]}
    assert outcomes(client.post("/api/ingest", json=batch, headers=AUTH)) == [
        ("a.txt", "stored"),
        ("b.txt", "stored"),
    ]
    assert store.counts()["articles"] == 2
    assert store.count_events() == 2
    again = client.post("/api/ingest", json=batch, headers=AUTH)
    assert outcomes(again) == [("a.txt", "duplicate"), ("b.txt", "duplicate")]
    assert store.counts()["articles"] == 2
    replaced = client.post("/api/ingest", json={**batch, "replace": True}, headers=AUTH)
    assert outcomes(replaced) == [("a.txt", "replaced"), ("b.txt", "replaced")]
    assert store.count_events() == 2


def test_a_bad_article_fails_alone_and_loses_nothing_stored(
    served: tuple[TestClient, Store],
) -> None:
    client, store = served
    client.post("/api/ingest", json={"items": [item(CLASH, "first.txt")]}, headers=AUTH)
    future = (date.today() + timedelta(days=30)).isoformat()
    batch = {
        "items": [
            item("   ", "blank.txt"),
            item(PROTEST, "future.txt", published=future),
            item("x" * 2_100 + ".", "long.txt"),
            item(PROTEST, "good.txt"),
            item(FRENCH, "fr.txt", language="fr"),
        ]
    }
    response = client.post("/api/ingest", json=batch, headers=AUTH)
    assert outcomes(response) == [
        ("blank.txt", "failed"),
        ("future.txt", "failed"),
        ("long.txt", "failed"),
        ("good.txt", "stored"),
        ("fr.txt", "skipped"),  # stored, not analysed: not English
    ]
    reasons = [found["reason"] for found in response.json()["results"]]
    assert "blank.txt: the text is empty" in reasons[0]
    assert "long.txt" in reasons[2] and "limit of 2000 characters" in reasons[2]
    assert store.counts()["articles"] == 3
    assert store.has_article(store.articles(limit=10)[-1].id)


def test_a_reprint_is_stored_and_linked_to_its_original(served: tuple[TestClient, Store]) -> None:
    client, store = served
    batch = {
        "items": [
            item(WIRE, "wire.txt", outlet="Wire"),
            item(REPRINTS[0], "reprint.txt", outlet="Daily Echo"),
        ]
    }
    assert outcomes(client.post("/api/ingest", json=batch, headers=AUTH)) == [
        ("wire.txt", "stored"),
        ("reprint.txt", "syndicated"),
    ]
    [link] = store.syndication_links()
    assert link.copy_id != link.original_id


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        ({}, {"items": [item(CLASH, "a.txt")]}, 401),
        ({"Authorization": "Bearer wrong"}, {"items": [item(CLASH, "a.txt")]}, 401),
        (AUTH, {"items": []}, 422),
        (AUTH, {"items": [item("A clash.", f"{n}") for n in range(MAX_ITEMS + 1)]}, 422),
        (AUTH, {"items": [item(CLASH, "a.txt", unknown=1)]}, 422),
        (AUTH, {"items": [item(CLASH * 600, "big.txt")]}, 413),
    ],
)
def test_a_refused_batch_stores_nothing(
    served: tuple[TestClient, Store], headers: dict[str, str], body: dict[str, Any], status: int
) -> None:
    client, store = served
    response = client.post("/api/ingest", json=body, headers=headers)
    assert response.status_code == status, response.text
    assert store.counts()["articles"] == 0


def test_a_batch_the_store_cannot_take_yet_is_503_and_stores_nothing(tmp_path: Path) -> None:
    settings = api_settings(tmp_path)
    SharedDuckDBStore.open(settings.db_path).close()  # create it
    reader = start_python(HOLD_READ_ONLY, str(settings.db_path))
    assert reader.stdout is not None and reader.stdout.readline().strip() == "ready"
    try:
        with SharedDuckDBStore(settings.db_path, wait_s=0.3) as store:
            app = build_app(store=store, settings=settings, analyze=cheap_analyze)
            with TestClient(app) as client:
                batch = {"items": [item(CLASH, "a.txt")]}
                response = client.post("/api/ingest", json=batch, headers=AUTH)
                assert response.status_code == 503
                assert "try again" in response.json()["detail"]
                assert store.counts()["articles"] == 0
    finally:
        reader.communicate(input="", timeout=60)
