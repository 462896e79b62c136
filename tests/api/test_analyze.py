from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from frontlines.api import create_app
from frontlines.settings import Settings
from frontlines.store.duckdb import DuckDBStore

TEXT = "Hayat Tahrir al-Sham fighters attacked army positions near Saraqib on Thursday."


def test_analyze_returns_the_contract_document_and_stores_nothing(client: TestClient) -> None:
    before = client.get("/api/stats").json()["total"]
    response = client.post("/api/analyze", json={"text": TEXT, "published": "2024-10-18"})
    assert response.status_code == 200, response.text
    document = response.json()
    assert {"frontlines_version", "pipeline", "article", "events", "actors", "relations",
            "claims", "places", "framing"} <= document.keys()  # fmt: skip
    assert document["article"]["published"] == "2024-10-18"
    assert [stage["name"] for stage in document["pipeline"]] == ["cleanup"]
    assert client.get("/api/stats").json()["total"] == before
    assert client.get(f"/api/articles/{document['article']['id']}").status_code == 404


def test_analyze_rejects_bad_input(client: TestClient) -> None:
    assert client.post("/api/analyze", json={"text": ""}).status_code == 422
    assert client.post("/api/analyze", json={"text": "x", "published": "soon"}).status_code == 422
    assert client.post("/api/analyze", content=b"not json").status_code == 422


@pytest.mark.slow
def test_analyze_runs_the_default_pipeline(settings: Settings) -> None:
    """The one API test that loads spaCy: the whole default pipeline, over HTTP."""
    with DuckDBStore.open(":memory:") as store, TestClient(create_app(store, settings)) as c:
        response = c.post("/api/analyze", json={"text": TEXT, "published": "2024-10-18"})
    assert response.status_code == 200, response.text
    document = response.json()
    assert [stage["name"] for stage in document["pipeline"]] == list(settings.pipeline)
    assert document["article"]["published"] == "2024-10-18"


def test_analyze_says_a_language_is_not_read_yet(client: TestClient) -> None:
    text = (
        "Des combattants ont attaqué jeudi des positions de l'armée près de Saraqib, faisant au "
        "moins sept morts selon une organisation de surveillance du conflit."
    )
    document = client.post("/api/analyze", json={"text": text}).json()
    assert document["article"]["language"] == "fr"
    assert document["events"] == []
    assert any("'fr' is not supported yet" in warning for warning in document["warnings"])
