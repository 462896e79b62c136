"""Storage behind one interface; the embedded default is DuckDB, other backends by URL scheme."""

from __future__ import annotations

from pathlib import Path

from frontlines.errors import NotFoundError
from frontlines.store.backends import DEFAULT_SCHEME, open_by_scheme, scheme_of
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
    """Open the store at ``location``: a URL whose scheme names a backend (``frontlines.stores``:
    ``postgresql://...``, a plugin's), else a DuckDB file path. With ``create=False`` a DuckDB
    file that does not exist is a NotFoundError, not a new empty store."""
    if not create:
        require_existing(location)
    return open_by_scheme(str(location))


def require_existing(location: str | Path) -> None:
    """NotFoundError, in one line, unless a store file is at ``location`` (a URL of another
    backend is that backend's to check)."""
    text = str(location)
    if text == ":memory:" or scheme_of(text) != DEFAULT_SCHEME:
        return
    if not Path(text.removeprefix(f"{DEFAULT_SCHEME}://")).is_file():
        raise NotFoundError(
            f"{text}: no store there; `frontlines ingest` makes one (or `frontlines serve "
            "--create`), and --db or FRONTLINES_DB names another"
        )
