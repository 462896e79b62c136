from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest

import frontlines
from frontlines.errors import ConfigError, StoreError
from frontlines.store import open_store
from frontlines.store.backends import scheme_of
from frontlines.store.duckdb import DuckDBStore
from tests.store.samples import syria_analysis


@pytest.mark.parametrize(
    ("location", "scheme"),
    [
        ("data/frontlines.duckdb", "duckdb"),
        ("/abs/path.duckdb", "duckdb"),
        ("duckdb:///abs/path.duckdb", "duckdb"),
        ("postgresql://user@host/db", "postgresql"),
        ("Memory://x", "memory"),
    ],
)
def test_the_scheme_of_a_location(location: str, scheme: str) -> None:
    assert scheme_of(location) == scheme


def test_the_built_in_backends_are_registered_as_entry_points() -> None:
    registered = {entry.name for entry in entry_points(group="frontlines.stores")}
    assert {"duckdb", "postgresql", "postgres"} <= registered


def test_a_path_or_a_duckdb_url_opens_the_duckdb_store(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.duckdb") as store:
        assert isinstance(store, DuckDBStore)
        store.save(syria_analysis())
    with open_store(f"duckdb://{tmp_path / 'a.duckdb'}") as store:
        assert store.counts()["articles"] == 1


def test_postgresql_url_without_a_server_says_it_cannot_open_the_store() -> None:
    with pytest.raises(StoreError, match="cannot open the store") as raised:
        open_store("postgresql://user:secret@127.0.0.1:9/frontlines")
    assert "secret" not in str(raised.value)  # the password is not repeated


def test_postgresql_url_opens_the_postgresql_store(postgres_url: str) -> None:
    with open_store(postgres_url) as store:
        assert store.backend == "postgresql"
        assert store.counts()["articles"] == 0


def test_an_unknown_scheme_names_the_backends_there_are() -> None:
    with pytest.raises(ConfigError, match=r"no store backend for memory:// \(backends: duckdb, "):
        open_store("memory://events")


def test_a_plugin_backend_is_opened_by_its_scheme(example_plugin: Path) -> None:
    with frontlines.open_store("memory://events") as store:
        assert store.counts()["articles"] == 0
        store.save(syria_analysis())
        assert store.get_analysis(syria_analysis().article.id).events
