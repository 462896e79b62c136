from __future__ import annotations

from fastapi.testclient import TestClient


def test_actors_lists_each_actor_once_with_counts(client: TestClient) -> None:
    page = client.get("/api/actors").json()
    by_id = {actor["id"]: actor for actor in page["items"]}
    assert page["total"] == len(by_id) == 10
    assert by_id["act_rsf"]["event_count"] == 2
    assert by_id["act_rsf"]["kind"] == "rebel group"
    assert by_id["act_rsf"]["fictional"] is True
    assert by_id["act_turkey"]["event_count"] == 0  # named in an article, in no event
    counts = [actor["event_count"] for actor in page["items"]]
    assert counts == sorted(counts, reverse=True)


def test_actors_text_filter_and_pagination(client: TestClient) -> None:
    found = client.get("/api/actors", params={"text": "military forces"}).json()
    assert {a["id"] for a in found["items"]} == {
        "act_syria_army", "act_turkey", "act_saf", "act_russia", "act_ukraine",
    }  # fmt: skip
    first = client.get("/api/actors", params={"limit": 4}).json()
    rest = client.get("/api/actors", params={"limit": 4, "offset": 4}).json()
    assert len(first["items"]) == 4 and first["total"] == 10
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in rest["items"]}


def test_actors_detail_has_relations_over_time_with_evidence(client: TestClient) -> None:
    actor = client.get("/api/actors/act_russia").json()
    assert actor["name"] == "Military Forces of Russia"
    (relation,) = actor["relations"]
    assert relation["source"] == "act_wagner" and relation["type"] == "controlled_by"
    assert relation["evidence"]["text"] == "controlled by the Russian command"
    assert relation["article"]["published"] == "2024-11-15"
    assert relation["article"]["fictional"] is True
    sentence = relation["sentence"]
    assert sentence["text"].startswith("Wagner Group fighters, controlled by")
    assert {"kind": "actor", "text": "Wagner Group"}.items() <= sentence["highlights"][0].items()


def test_actors_detail_orders_relations_by_article_date(client: TestClient) -> None:
    relations = client.get("/api/actors/act_hts").json()["relations"]
    assert [r["type"] for r in relations] == ["fights"]
    syria_army = client.get("/api/actors/act_syria_army").json()
    dates = [r["article"]["published"] for r in syria_army["relations"]]
    assert dates == sorted(dates)


def test_actors_unknown_actor_is_404_and_bad_limit_is_422(client: TestClient) -> None:
    assert client.get("/api/actors/act_nobody").status_code == 404
    assert client.get("/api/actors", params={"limit": "many"}).status_code == 422
