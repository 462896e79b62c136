from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.errors import SchemaVersionError, StoreError
from frontlines.store.duckdb import DuckDBStore
from frontlines.store.duckdb_schema import MIGRATIONS, TABLES, Migration, latest_version
from tests.store.conftest import open_raw_duckdb
from tests.store.samples import ruritania_analysis, syria_analysis

V2 = Migration(
    version=latest_version() + 1,
    description="events: the sources' own words for the fatality figure",
    statements=("ALTER TABLE events ADD COLUMN fatalities_text VARCHAR DEFAULT 'not given'",),
)


def columns(path: Path, table: str) -> set[str]:
    with open_raw_duckdb(path) as con:
        rows = con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
        ).fetchall()
    return {name for (name,) in rows}


def test_schema_new_store_has_every_table_at_the_latest_version(tmp_path: Path) -> None:
    with DuckDBStore.open(tmp_path / "new.duckdb") as store:
        assert store.schema_version() == latest_version() == len(MIGRATIONS)
        assert set(store.counts()) == set(TABLES)
        assert store.counts()["schema_migrations"] == len(MIGRATIONS)
    assert {"geom", "latitude", "longitude", "pipeline_version"} <= columns(
        tmp_path / "new.duckdb", "events"
    )


def test_schema_older_store_is_migrated_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with DuckDBStore.open(path, migrations=MIGRATIONS) as store:
        store.save(syria_analysis())
    with DuckDBStore.open(path, migrations=(*MIGRATIONS, V2)) as store:
        assert store.schema_version() == V2.version
        assert store.counts()["schema_migrations"] == V2.version
        assert store.count_events() == 2
        store.save(ruritania_analysis())
        assert store.count_events() == 4
    assert "fatalities_text" in columns(path, "events")
    with open_raw_duckdb(path) as con:
        texts = con.execute("SELECT DISTINCT fatalities_text FROM events").fetchall()
    assert texts == [("not given",)]


def test_schema_failed_migration_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    DuckDBStore.open(path).close()
    broken = Migration(
        version=latest_version() + 1,
        description="half a migration",
        statements=("ALTER TABLE articles ADD COLUMN x INTEGER", "SELECT * FROM no_such_table"),
    )
    with pytest.raises(StoreError, match="schema migration failed"):
        DuckDBStore.open(path, migrations=(*MIGRATIONS, broken))
    assert "x" not in columns(path, "articles")
    with DuckDBStore.open(path) as store:
        assert store.schema_version() == latest_version()


def test_schema_newer_store_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "store.duckdb"
    DuckDBStore.open(path, migrations=(*MIGRATIONS, V2)).close()
    newer = rf"version {V2.version}, newer than .*\({latest_version()}\).*upgrade"
    with pytest.raises(SchemaVersionError, match=newer):
        DuckDBStore.open(path)


def test_schema_migrations_must_be_in_increasing_order(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="strictly increasing"):
        DuckDBStore.open(tmp_path / "store.duckdb", migrations=(V2, *MIGRATIONS))


def test_schema_v4_gives_the_events_of_an_older_store_their_grid_cells(tmp_path: Path) -> None:
    path = tmp_path / "v3.duckdb"
    with DuckDBStore.open(path, migrations=MIGRATIONS[:3]) as old:
        old.save(syria_analysis())
    assert "grid_x" not in columns(path, "fused_events")
    with DuckDBStore.open(path) as store:
        located = [s for s in store.events() if s.event.location and s.event.location.latitude]
        assert sum(cluster.count for cluster in store.clusters(zoom=14)) == len(located) > 0
    assert {"grid_x", "grid_y"} <= columns(path, "events") & columns(path, "fused_events")
