"""Storage behind one interface; the embedded default is DuckDB."""

from __future__ import annotations

from pathlib import Path

from frontlines.errors import ConfigError, NotFoundError
from frontlines.store.base import EventQuery, SaveResult, Store, StoredEvent

__all__ = [
    "EventQuery",
    "SaveResult",
    "Store",
    "StoredEvent",
    "open_store",
    "require_existing",
]


def open_store(location: str | Path, *, create: bool = True) -> Store:
    """Open the store at ``location``: a postgresql:// URL, else a DuckDB file path. With
    ``create=False`` a file that does not exist is a NotFoundError, not a new empty store."""
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        raise ConfigError(f"{text}: the PostgreSQL backend is not available in this version")
    if not create:
        require_existing(location)
    from frontlines.store.duckdb import DuckDBStore

    return DuckDBStore.open(Path(location))


def require_existing(location: str | Path) -> None:
    """NotFoundError, in one line, unless a store file is at ``location``."""
    text = str(location)
    if text == ":memory:" or text.startswith(("postgresql://", "postgres://")):
        return
    if not Path(location).is_file():
        raise NotFoundError(
            f"{text}: no store there; `frontlines ingest` makes one (or `frontlines serve "
            "--create`), and --db or FRONTLINES_DB names another"
        )
