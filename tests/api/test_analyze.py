from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from frontlines.api import create_app
from frontlines.settings import Settings
from frontlines.store.base import Store
from frontlines.store.duckdb import DuckDBStore
from tests.api.conftest import TOKEN, api_settings

TEXT = "Hayat Tahrir al-Sham fighters attacked army positions near Saraqib on Thursday."
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_analyze_returns_the_contract_document_and_stores_nothing(client: TestClient) -> None:
    before = client.get("/api/stats").json()["total"]
    response = client.post(
        "/api/analyze", json={"text": TEXT, "published": "2024-10-18"}, headers=AUTH
    )
    assert response.status_code == 200, response.text
    document = response.json()
    assert {"frontlines_version", "pipeline", "article", "events", "actors", "relations",
            "claims", "places", "framing"} <= document.keys()  # fmt: skip
    assert document["article"]["published"] == "2024-10-18"
    assert [stage["name"] for stage in document["pipeline"]] == ["cleanup"]
    assert client.get("/api/stats").json()["total"] == before
    assert client.get(f"/api/articles/{document['article']['id']}").status_code == 404


def test_analyze_rejects_bad_input(client: TestClient) -> None:
    for body in ({"text": ""}, {"text": "x", "published": "soon"}):
        assert client.post("/api/analyze", json=body, headers=AUTH).status_code == 422
    assert client.post("/api/analyze", content=b"not json", headers=AUTH).status_code == 422


def test_analyze_needs_the_token_unless_the_operator_opens_it(
    tmp_path: Path, shared_store: Store
) -> None:
    with TestClient(create_app(shared_store, api_settings(tmp_path))) as closed:
        refused = closed.post("/api/analyze", json={"text": TEXT})
        wrong = closed.post(
            "/api/analyze", json={"text": TEXT}, headers={"Authorization": "Bearer x"}
        )
    assert (refused.status_code, wrong.status_code) == (401, 401)
    assert refused.headers["WWW-Authenticate"] == "Bearer"
    opened = api_settings(tmp_path, analyze_requires_token=False)
    with TestClient(create_app(shared_store, opened)) as open_client:
        assert open_client.post("/api/analyze", json={"text": TEXT}).status_code == 200


@pytest.mark.slow
def test_analyze_runs_the_default_pipeline(settings: Settings) -> None:
    """The one API test that loads spaCy: the whole default pipeline, over HTTP."""
    settings = replace(settings, analyze_requires_token=False)
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
