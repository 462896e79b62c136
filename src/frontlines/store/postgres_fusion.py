"""Fusion's tables in PostgreSQL: the embedded store's SQL through a translating cursor, with
PostgreSQL's own bulk inserts (``executemany``, JSON as JSONB) and upserts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from frontlines.fusion import FusedEvent
from frontlines.store.duckdb_fusion import DuckDBFusionTables
from frontlines.store.fused import FUSED_COLUMNS, fused_rows
from frontlines.store.fusion_decisions import LIST, as_list
from frontlines.store.postgres_sql import translate
from frontlines.store.rows import COLUMNS, Row

if TYPE_CHECKING:
    import psycopg

ALL_COLUMNS: dict[str, tuple[str, ...]] = {**COLUMNS, **FUSED_COLUMNS}


def insert_statement(table: str) -> str:
    """An INSERT of one row of ``table`` (``geom`` is generated from longitude and latitude)."""
    names = ALL_COLUMNS[table]
    listed = ", ".join(f'"{column}"' for column in names)
    return f"INSERT INTO {table} ({listed}) VALUES ({', '.join(['%s'] * len(names))})"


class TranslatingCursor:
    """A psycopg cursor that takes the store's DuckDB-dialect SQL (``?`` placeholders)."""

    def __init__(self, cur: psycopg.Cursor[Any]) -> None:
        self.cur = cur

    @property
    def description(self) -> Any:
        return self.cur.description

    def execute(self, query: Any, parameters: Any = ()) -> TranslatingCursor:
        self.cur.execute(translate(str(query)), list(parameters or ()))
        return self

    def fetchall(self) -> list[Any]:
        return list(self.cur.fetchall())

    def fetchone(self) -> Any:
        return self.cur.fetchone()


class PostgresFusionTables(DuckDBFusionTables):
    """``fusion_service.FusionTables`` through one psycopg cursor."""

    def __init__(self, cur: psycopg.Cursor[Any]) -> None:
        super().__init__(TranslatingCursor(cur), inserts={})
        self.raw = cur

    @staticmethod
    def params(table: str, row: Row) -> list[object]:
        """A row's values as psycopg binds them: lists and dicts as JSONB."""
        from psycopg.types.json import Jsonb

        del table  # every table's JSON columns hold lists or dicts, and only they do
        return [Jsonb(value) if isinstance(value, list | dict) else value for value in row]

    def insert(self, table: str, rows: Sequence[Row]) -> None:
        self.raw.executemany(insert_statement(table), [self.params(table, row) for row in rows])

    def write_fused(self, fused: Sequence[FusedEvent], *, blocks: Iterable[str]) -> None:
        gone = as_list(blocks)
        self.cur.execute(f"DELETE FROM fused_events WHERE block_id IN {LIST}", [gone])
        self.cur.execute(f"DELETE FROM fused_members WHERE block_id IN {LIST}", [gone])
        events: list[Row] = []
        members: list[Row] = []
        for item in fused:
            row, rows = fused_rows(item)
            events.append(row)
            members.extend(rows)
        if events:
            self.insert("fused_events", events)
            self.insert("fused_members", members)

    def set_state(self, key: str, value: str) -> None:
        self.cur.execute(
            "INSERT INTO fusion_state VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )
