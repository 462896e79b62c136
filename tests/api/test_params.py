"""Query parameters: one set of filter names with the CLI, any-case values, unknown ones refused."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from frontlines.filters import FILTERS


def test_an_unknown_parameter_is_refused_with_its_name(client: TestClient) -> None:
    response = client.get("/api/events", params={"typ": "Battles", "colour": "red"})
    assert response.status_code == 422
    assert "colour, typ" in response.json()["detail"]


def test_every_shared_filter_name_is_a_parameter_of_events_and_stats(client: TestClient) -> None:
    for path in ("/api/events", "/api/stats"):
        for spec in FILTERS:
            response = client.get(path, params={spec.name: ""})
            assert response.status_code == 200, (path, spec.name, response.text)


def test_the_cli_names_filter_like_the_old_names(client: TestClient) -> None:
    new = client.get("/api/events", params={"type": "battles", "from": "2024-01-01"}).json()
    old = client.get("/api/events", params={"event_type": "Battles", "date_from": "2024-01-01"})
    assert new["total"] == old.json()["total"] >= 1
    assert {item["event_type"] for item in new["items"]} == {"Battles"}


def test_a_wrong_value_names_the_parameter_and_the_valid_values(client: TestClient) -> None:
    response = client.get("/api/events", params={"certainty": "sure"})
    assert response.status_code == 400
    assert "unknown certainty 'sure'" in response.json()["detail"]
    assert "reported" in response.json()["detail"]


def test_min_fatalities_keeps_only_tolls_at_or_above(client: TestClient) -> None:
    page = client.get("/api/events", params={"min_fatalities": 5}).json()
    assert page["total"] >= 1
    assert all(item["fatalities"] >= 5 for item in page["items"])


def test_the_page_route_takes_its_url_state(client: TestClient) -> None:
    assert client.get("/", params={"type": "Battles"}).status_code == 200


def test_csv_is_acleds_and_streams_the_filtered_events(client: TestClient) -> None:
    response = client.get("/api/events", params={"format": "csv", "type": "battles"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    total = client.get("/api/events", params={"type": "Battles"}).json()["total"]
    assert 1 <= len(rows) <= total
    assert {row["event_type"] for row in rows} == {"Battles"}
    assert all(row["actor1"] for row in rows)
