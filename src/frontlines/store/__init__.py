"""Storage behind one interface; the embedded default is DuckDB."""

from __future__ import annotations

from pathlib import Path

from frontlines.errors import ConfigError
from frontlines.store.base import EventQuery, SaveResult, Store, StoredEvent

__all__ = ["EventQuery", "SaveResult", "Store", "StoredEvent", "open_store"]


def open_store(location: str | Path) -> Store:
    """Open the store at ``location``: a postgresql:// URL, else a DuckDB file path."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        raise ConfigError(f"{text}: the PostgreSQL backend is not available in this version")
    from frontlines.store.duckdb import DuckDBStore

    return DuckDBStore.open(Path(location))
