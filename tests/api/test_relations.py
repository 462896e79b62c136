from __future__ import annotations

from fastapi.testclient import TestClient


def test_relations_lists_the_graph_edges_oldest_first(client: TestClient) -> None:
    items = client.get("/api/relations").json()["items"]
    assert [(r["source"], r["type"], r["target"]) for r in items] == [
        ("act_hts", "fights", "act_syria_army"),
        ("act_turkey", "supports", "act_sna"),
        ("act_wagner", "controlled_by", "act_russia"),
        ("act_saf", "fights", "act_rsf"),
    ]
    assert all(r["sentence"] is None for r in items)


def test_relations_filters_by_actor_and_type_with_context(client: TestClient) -> None:
    response = client.get(
        "/api/relations", params={"actor": "act_sna", "type": "supports", "context": "true"}
    )
    (item,) = response.json()["items"]
    assert item["source_name"] == "Military Forces of Turkey"
    assert item["sentence"]["text"].startswith("The Syrian National Army, supported by")
    assert (
        client.get("/api/relations", params={"actor": "act_sna", "type": "fights"}).json()["items"]
        == []
    )


def test_relations_rejects_an_unknown_type(client: TestClient) -> None:
    response = client.get("/api/relations", params={"type": "loves"})
    assert response.status_code == 422
    assert "supports" in response.text
