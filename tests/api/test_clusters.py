from __future__ import annotations

from fastapi.testclient import TestClient


def test_clusters_count_every_located_event_once_at_every_zoom(client: TestClient) -> None:
    located = client.get("/api/events", params={"format": "geojson", "limit": 1000}).json()
    points = len(located["features"])
    for zoom in (0, 3, 8, 14):
        body = client.get("/api/clusters", params={"zoom": zoom}).json()
        assert body["type"] == "Clusters" and body["zoom"] == zoom
        assert body["total"] == points == sum(c["count"] for c in body["clusters"])
        for cluster in body["clusters"]:
            west, south, east, north = cluster["bbox"]
            assert west <= cluster["longitude"] <= east and south <= cluster["latitude"] <= north


def test_clusters_split_as_the_map_zooms_in_and_take_the_event_filters(client: TestClient) -> None:
    coarse = client.get("/api/clusters", params={"zoom": 0}).json()["clusters"]
    fine = client.get("/api/clusters", params={"zoom": 14}).json()["clusters"]
    assert len(coarse) <= len(fine)
    syria = client.get("/api/clusters", params={"zoom": 5, "country": "Syria"}).json()
    assert syria["total"] == client.get("/api/stats", params={"country": "Syria"}).json()["total"]


def test_clusters_refuse_a_zoom_out_of_range(client: TestClient) -> None:
    assert client.get("/api/clusters", params={"zoom": 21}).status_code == 422
    assert client.get("/api/clusters", params={"zoom": -1}).status_code == 422
