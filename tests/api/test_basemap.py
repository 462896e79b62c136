"""GET /api/basemap/labels over a small gazetteer of real places."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from frontlines.api import create_app
from frontlines.store.base import Store
from tests.api.conftest import api_settings
from tests.geo.test_labels import gazetteer


@pytest.fixture
def labelled(tmp_path: Path, shared_store: Store) -> Iterator[TestClient]:
    settings = api_settings(tmp_path)
    gazetteer(settings.cache_dir)
    with TestClient(create_app(shared_store, settings)) as test_client:
        yield test_client


def test_labels_of_a_view_largest_first_with_attribution(labelled: TestClient) -> None:
    response = labelled.get("/api/basemap/labels", params={"bbox": "35,49,38,51", "zoom": 9})
    assert response.status_code == 200
    body = response.json()
    assert "GeoNames" in body["attribution"]
    cities = [item for item in body["items"] if item["kind"] == "city"]
    assert [c["name"] for c in cities] == ["Kharkiv", "Chuhuiv", "Vovchansk"]
    assert cities[0]["latitude"] == pytest.approx(49.98)
    assert body["note"] is None


def test_no_gazetteer_gives_no_labels_and_says_why(client: TestClient) -> None:
    body = client.get("/api/basemap/labels", params={"bbox": "35,49,38,51", "zoom": 9}).json()
    assert body["items"] == []
    assert "frontlines gazetteer" in body["note"]


def test_a_bad_view_is_refused_naming_it(labelled: TestClient) -> None:
    response = labelled.get("/api/basemap/labels", params={"bbox": "35,49,38", "zoom": 9})
    assert response.status_code == 400  # an InputError, as for /api/events?bbox=
    assert "bbox" in response.text
    missing = labelled.get("/api/basemap/labels", params={"bbox": "35,49,38,51"})
    assert missing.status_code == 422
