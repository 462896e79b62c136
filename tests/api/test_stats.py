from __future__ import annotations

from fastapi.testclient import TestClient


def test_stats_counts_by_day_type_region_and_source(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["total"] == 7 and stats["fictional"] == 6 and stats["undated"] == 0
    assert {"date": "2024-12-01", "count": 2} in stats["by_day"]
    days = [d["date"] for d in stats["by_day"]]
    assert days == sorted(days)
    assert stats["by_type"][0] == {"key": "Explosions/Remote violence", "count": 4}
    assert {"key": "Sudan", "count": 2} in stats["by_country"]
    assert {"country": "Syria", "admin1": "Idlib", "count": 1} in stats["by_admin1"]
    assert {"key": "Nile Valley Courier", "count": 2} in stats["by_source"]


def test_stats_applies_the_event_filters(client: TestClient) -> None:
    stats = client.get("/api/stats", params={"country": "Syria", "date_to": "2024-10-31"}).json()
    assert stats["total"] == 1
    assert stats["by_day"] == [{"date": "2024-10-17", "count": 1}]


def test_stats_rejects_bad_filters(client: TestClient) -> None:
    assert client.get("/api/stats", params={"event_type": "Wars"}).status_code == 400
    assert client.get("/api/stats", params={"date_to": "soon"}).status_code == 400
