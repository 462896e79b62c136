"""A ``memory://`` store backend: the DuckDB store, kept in memory for the process's life."""

from __future__ import annotations

from frontlines.store.base import Store
from frontlines.store.duckdb import DuckDBStore


def open_memory(location: str) -> Store:
    return DuckDBStore.open(":memory:")
