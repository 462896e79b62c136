"""Storage behind one interface; the embedded default is DuckDB, other backends by URL scheme."""

from __future__ import annotations

from pathlib import Path

from frontlines.store.backends import open_by_scheme
from frontlines.store.base import EventQuery, SaveResult, Store, StoredEvent

__all__ = ["EventQuery", "SaveResult", "Store", "StoredEvent", "open_store"]


def open_store(location: str | Path) -> Store:
    """Open the store at ``location``: a URL whose scheme names a backend (``frontlines.stores``:
    ``postgresql://...``, a plugin's), else a DuckDB file path."""
    return open_by_scheme(str(location))
