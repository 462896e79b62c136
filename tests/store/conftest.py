"""The contract tests' backends: each harness opens a fresh store and can reach under it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import duckdb
import pytest

from frontlines.store.base import Store
from frontlines.store.fusion_service import FusionService
from tests.store.postgres_cluster import Cluster


class Harness(Protocol):
    """One backend under test: open its store, and fake what only a newer frontlines would do."""

    def open(self) -> Store: ...

    def set_schema_version(self, version: int) -> None: ...

    def another(self) -> Harness:
        """A second, empty store of the same backend."""
        ...

    def set_fusion_version(self, version: str) -> None:
        """Mark the store (closed) as fused by another version of fusion."""
        ...

    def fusion_step(self, store: Store) -> contextlib.AbstractContextManager[FusionService]:
        """Fusion over one transaction of the store's (committed on leaving)."""
        ...


def open_raw_duckdb(path: Path) -> duckdb.DuckDBPyConnection:
    """The store's file opened directly, as frontlines opens it (spatial loaded, no downloads)."""
    from frontlines.store.duckdb_connect import spatial_extension_path

    config: dict[str, str | bool | int | float | list[str]] = {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
    }
    con = duckdb.connect(str(path), config=config)
    con.execute(f"LOAD '{spatial_extension_path()}'")
    return con


class DuckDBHarness:
    def __init__(self, path: Path) -> None:
        self.path = path

    def open(self) -> Store:
        from frontlines.store.duckdb import DuckDBStore

        return DuckDBStore.open(self.path)

    def another(self) -> Harness:
        return DuckDBHarness(self.path.with_name(f"other-{self.path.name}"))

    def set_schema_version(self, version: int) -> None:
        with open_raw_duckdb(self.path) as con:
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, 'from the future', now())", [version]
            )

    def set_fusion_version(self, version: str) -> None:
        with open_raw_duckdb(self.path) as con:
            con.execute("UPDATE fusion_state SET value = ? WHERE key = 'version'", [version])

    def fusion_step(self, store: Store) -> contextlib.AbstractContextManager[FusionService]:
        from frontlines.store.duckdb import DuckDBStore

        assert isinstance(store, DuckDBStore)
        return store._fusion_step("a test's step")


class PostgresHarness:
    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.url = cluster.new_database()

    def another(self) -> Harness:
        return PostgresHarness(self.cluster)

    def open(self) -> Store:
        from frontlines.store.postgres import PostgresStore

        return PostgresStore.open(self.url)

    def set_schema_version(self, version: int) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as con:
            con.execute(
                "INSERT INTO schema_migrations VALUES (%s, 'from the future', now())", [version]
            )

    def set_fusion_version(self, version: str) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as con:
            con.execute("UPDATE fusion_state SET value = %s WHERE key = 'version'", [version])

    @contextlib.contextmanager
    def fusion_step(self, store: Store) -> Iterator[FusionService]:
        from frontlines.store.postgres import PostgresStore

        assert isinstance(store, PostgresStore)
        with store._fusing("a test's step") as (_, fusing):
            yield fusing


@pytest.fixture(params=["duckdb", "postgres"])
def harness(request: pytest.FixtureRequest, tmp_path: Path) -> Harness:
    if request.param == "postgres":
        return PostgresHarness(request.getfixturevalue("postgres_cluster"))
    return DuckDBHarness(tmp_path / "store.duckdb")


@pytest.fixture
def store(harness: Harness) -> Iterator[Store]:
    opened = harness.open()
    yield opened
    opened.close()
