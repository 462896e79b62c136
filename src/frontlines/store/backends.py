"""Store backends by URL scheme, from the ``frontlines.stores`` entry-point group.

A backend is a function ``open(location: str) -> Store`` registered under the scheme it serves
(``postgresql`` for ``postgresql://...``); the built-in backends register in ``pyproject.toml``
exactly as a plugin's would. A location without a scheme is a DuckDB file path.
"""

from __future__ import annotations

import re
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from frontlines.errors import ConfigError

if TYPE_CHECKING:
    from frontlines.store.base import Store

ENTRY_POINT_GROUP = "frontlines.stores"
DEFAULT_SCHEME = "duckdb"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def scheme_of(location: str) -> str:
    """The URL scheme of a store location; ``duckdb`` for a plain file path."""
    match = _SCHEME.match(location)
    return match.group(1).lower() if match else DEFAULT_SCHEME


def open_by_scheme(location: str) -> Store:
    scheme = scheme_of(location)
    found = {entry.name: entry for entry in entry_points(group=ENTRY_POINT_GROUP)}
    entry = found.get(scheme)
    if entry is None:
        known = ", ".join(sorted(found)) or "none (is frontlines installed?)"
        raise ConfigError(f"{location}: no store backend for {scheme}:// (backends: {known})")
    store: Store = entry.load()(location)
    return store


def open_duckdb(location: str) -> Store:
    """The embedded DuckDB store: ``duckdb:///path/to/file.duckdb`` or a plain path."""
    from frontlines.store.duckdb import DuckDBStore

    path = location.removeprefix(f"{DEFAULT_SCHEME}://")
    return DuckDBStore.open(Path(path))


def open_postgresql(location: str) -> Store:
    """The shared store: ``postgresql://user:password@host:port/database`` (the postgres extra)."""
    from frontlines.store.postgres import PostgresStore

    if location.startswith("postgres://"):
        location = "postgresql://" + location.removeprefix("postgres://")
    return PostgresStore.open(location)
