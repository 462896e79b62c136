from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from frontlines.api import create_app
from frontlines.store.base import Store
from tests.api.conftest import TOKEN, api_settings
from tests.api.samples import ATTACK_IN_TITLE, SCRIPT, Sample

AUTH = {"Authorization": f"Bearer {TOKEN}"}
NEW = {"text": "Militia fighters clashed with police in Goma on Monday.", "fictional": True}


def test_articles_gives_text_and_highlighted_mentions(
    client: TestClient, samples: list[Sample]
) -> None:
    sample = samples[0]
    article = client.get(f"/api/articles/{sample.article.id}").json()
    assert article["text"] == sample.text
    assert article["fictional"] is True
    kinds = {m["kind"] for m in article["mentions"]}
    assert kinds == {"actor", "place", "claim", "evidence"}
    for mention in article["mentions"]:
        assert sample.text[mention["start"] : mention["end"]] == mention["text"]
    assert [e["id"] for e in article["events"]] == ["evt_saraqib"]


def test_articles_script_tag_stays_inert_text(client: TestClient, samples: list[Sample]) -> None:
    response = client.get(f"/api/articles/{samples[-1].article.id}")
    assert response.headers["content-type"] == "application/json"
    article = response.json()
    assert SCRIPT in article["text"]
    assert article["title"] == f"Convoy ambush {ATTACK_IN_TITLE}"


def test_articles_unknown_article_is_404(client: TestClient) -> None:
    response = client.get("/api/articles/art_missing")
    assert response.status_code == 404
    assert "art_missing" in response.json()["detail"]


def test_articles_post_without_token_is_401(client: TestClient) -> None:
    response = client.post("/api/articles", json=NEW)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "missing API token" in response.json()["detail"]


def test_articles_post_with_a_wrong_token_is_401(client: TestClient) -> None:
    response = client.post("/api/articles", json=NEW, headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401
    assert response.json()["detail"] == "wrong API token"


def test_articles_post_with_token_stores_once(writable_client: TestClient) -> None:
    client = writable_client
    first = client.post("/api/articles", json=NEW, headers=AUTH)
    assert first.status_code == 201, first.text
    article_id = first.json()["article_id"]
    assert first.json()["outcome"] == "stored"
    stored = client.get(f"/api/articles/{article_id}").json()
    assert stored["text"] == NEW["text"] and stored["fictional"] is True
    again = client.post("/api/articles", json=NEW, headers=AUTH)
    assert again.json() == {"article_id": article_id, "outcome": "duplicate", "events": 0}
    replaced = client.post("/api/articles", json={**NEW, "replace": True}, headers=AUTH)
    assert replaced.json()["outcome"] == "replaced"


def test_articles_post_rejects_bad_bodies(writable_client: TestClient) -> None:
    client = writable_client
    assert client.post("/api/articles", json={"text": ""}, headers=AUTH).status_code == 422
    assert client.post("/api/articles", json={"txt": "x"}, headers=AUTH).status_code == 422
    nul = client.post("/api/articles", json={"text": "a\x00b"}, headers=AUTH)
    assert nul.status_code == 400 and "NUL" in nul.json()["detail"]


def test_articles_post_is_refused_when_no_token_is_configured(
    tmp_path: Path, shared_store: Store
) -> None:
    settings = api_settings(tmp_path, api_token=None)
    with TestClient(create_app(shared_store, settings)) as c:
        response = c.post("/api/articles", json=NEW, headers=AUTH)
    assert response.status_code == 401
    assert "no API token configured" in response.json()["detail"]


def test_articles_reads_can_require_the_token(
    tmp_path: Path, shared_store: Store, samples: list[Sample]
) -> None:
    settings = api_settings(tmp_path, read_requires_token=True)
    with TestClient(create_app(shared_store, settings)) as c:
        path = f"/api/articles/{samples[0].article.id}"
        assert c.get(path).status_code == 401
        assert c.get("/api/events").status_code == 401
        assert c.get(path, headers=AUTH).status_code == 200
        assert c.get("/api/events", headers=AUTH).json()["total"] == 7
