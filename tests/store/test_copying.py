"""Copying a store between backends: DuckDB -> PostgreSQL -> DuckDB reproduces every row."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from frontlines.errors import StoreError
from frontlines.store.base import EventQuery, Store
from frontlines.store.copying import COPY_COLUMNS, copy_store
from frontlines.store.duckdb import DuckDBStore
from frontlines.store.postgres import PostgresStore
from tests.store.samples import numbered_analysis, ruritania_analysis, syria_analysis
from tests.store.test_fusion_contract import kharkiv_analyses, saraqib_analysis


def every_row(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in one order whatever the backend (JSONB orders keys its way:
    rows compare as values)."""

    def key(row: tuple[Any, ...]) -> str:
        return json.dumps(row, sort_keys=True, default=str)

    return {table: sorted(store.export_rows(table), key=key) for table in COPY_COLUMNS}


def filled(store: Store) -> Store:
    for analysis in [syria_analysis(), ruritania_analysis(), *kharkiv_analyses()]:
        store.save(analysis, metadata={"feed": "test", "tags": ["a", "b"]})
    store.save(saraqib_analysis())
    store.save(numbered_analysis(3, events=2))
    strike = next(e for e in store.events() if e.report_count == 3)
    store.split_event(strike.event.id, reports=[strike.reports[-1].id])
    store.link_syndicated(numbered_analysis(3).article.id, syria_analysis().article.id, 0.9)
    return store


def test_copying_duckdb_to_postgresql_and_back_reproduces_every_row(
    tmp_path: Path, postgres_url: str
) -> None:
    with DuckDBStore.open(tmp_path / "first.duckdb") as first:
        before = every_row(filled(first))
        events = first.events(EventQuery(limit=100))
        decisions = first.fusion_constraints()
        with PostgresStore.open(postgres_url) as middle:
            copied = copy_store(first, middle)
            assert every_row(middle) == before
            assert middle.events(EventQuery(limit=100)) == events
            assert middle.fusion_constraints() == decisions
            with DuckDBStore.open(tmp_path / "last.duckdb") as last:
                assert copy_store(middle, last) == copied
                assert every_row(last) == before
                assert last.events(EventQuery(limit=100)) == events
    assert copied["articles"] == 7 and copied["fusion_constraints"] == 2
    with DuckDBStore.open(tmp_path / "last.duckdb") as reopened:  # nothing to re-fuse
        assert every_row(reopened) == before


def test_copying_continues_decision_ids_after_the_copied_ones(
    tmp_path: Path, postgres_url: str
) -> None:
    with DuckDBStore.open(tmp_path / "a.duckdb") as source, PostgresStore.open(postgres_url) as pg:
        copy_store(filled(source), pg)
        merged = pg.merge_events([e.event.id for e in pg.events() if e.report_count < 3][:2])
        assert [c.id for c in pg.fusion_constraints()][-1] == 3
        assert merged.report_count >= 2
        with DuckDBStore.open(tmp_path / "b.duckdb") as back:
            copy_store(pg, back)
            strike = next(e for e in back.events() if e.report_count == 2)
            back.split_event(strike.event.id)
            assert [c.id for c in back.fusion_constraints()][-1] == 4


def test_copying_refuses_a_target_that_holds_rows(tmp_path: Path) -> None:
    with DuckDBStore.open(tmp_path / "a.duckdb") as a, DuckDBStore.open(tmp_path / "b.duckdb") as b:
        a.save(syria_analysis())
        b.save(ruritania_analysis())
        with pytest.raises(StoreError, match="empty"):
            copy_store(a, b)
