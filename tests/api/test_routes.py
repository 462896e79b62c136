from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

from fastapi.testclient import TestClient

from frontlines.api import create_app
from frontlines.api.routes import BUILT_IN, router_factories
from frontlines.store.base import Store
from tests.api.conftest import api_settings


def test_the_built_in_routers_are_registered_as_entry_points_and_come_first() -> None:
    registered = {entry.name for entry in entry_points(group="frontlines.routes")}
    assert set(BUILT_IN) <= registered
    names = [factory.__module__.rsplit(".", 1)[-1] for factory in router_factories()]
    assert names[: len(BUILT_IN)] == list(BUILT_IN)


def test_a_plugin_route_is_served(
    tmp_path: Path, shared_store: Store, example_plugin: Path
) -> None:
    with TestClient(create_app(shared_store, api_settings(tmp_path))) as client:
        response = client.get("/api/example/counts")
        assert response.status_code == 200
        assert response.json()["articles"] == shared_store.counts()["articles"] > 0
        assert client.get("/api/stats").status_code == 200  # the built-in routes are all there


def test_without_the_plugin_its_route_is_not_served(tmp_path: Path, shared_store: Store) -> None:
    with TestClient(create_app(shared_store, api_settings(tmp_path))) as client:
        assert client.get("/api/example/counts").status_code == 404
