"""Apps over real DuckDB stores: one shared store of the hand-written samples, read only, and
fresh empty stores for the tests that write. Opening a store loads the spatial extension, which
takes a second or two, so the shared one is opened once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from frontlines.api import create_app
from frontlines.settings import Settings
from frontlines.store.base import Store
from frontlines.store.duckdb import DuckDBStore
from tests.api.samples import Sample, all_samples

TOKEN = "test-token-7f3a"


def api_settings(tmp_path: Path, **overrides: object) -> Settings:
    """No spaCy: the pipeline is the cleanup stage alone."""
    values: dict[str, object] = {
        "db_path": tmp_path / "api.duckdb",
        "cache_dir": tmp_path / "cache",
        "pipeline": "cleanup",
        "api_token": TOKEN,
        **overrides,
    }
    return Settings.from_env({}, **values)


@pytest.fixture(scope="session")
def samples() -> list[Sample]:
    return all_samples()


@pytest.fixture(scope="session")
def shared_store(
    tmp_path_factory: pytest.TempPathFactory, samples: list[Sample]
) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("api") / "samples.duckdb"
    with DuckDBStore.open(path) as store:
        for sample in samples:
            store.save(sample.analysis())
        yield store


@pytest.fixture
def client(tmp_path: Path, shared_store: Store) -> Iterator[TestClient]:
    """Reads only: the store is shared by every test."""
    with TestClient(create_app(shared_store, api_settings(tmp_path))) as test_client:
        yield test_client


@pytest.fixture
def writable_client(tmp_path: Path) -> Iterator[TestClient]:
    """Over an empty store of its own."""
    settings = api_settings(tmp_path)
    with (
        DuckDBStore.open(settings.db_path) as store,
        TestClient(create_app(store, settings)) as test_client,
    ):
        yield test_client
