"""Opening a store for a command that only reads (``events``, ``events show``, exports).

A DuckDB file that ``frontlines serve`` holds is opened read-only beside it: the server holds
it read-only too between writes (``duckdb_shared``), and a reader waits out a write in
progress. Without a server the file is opened as every command opens it (migrated if older).
"""

from __future__ import annotations

import re
from pathlib import Path

from frontlines.errors import StoreLockedError
from frontlines.store import open_store, require_existing
from frontlines.store.backends import DEFAULT_SCHEME, scheme_of
from frontlines.store.base import Store
from frontlines.store.server_address import server_address

READ_WAIT_S = 15.0  # how long a reader waits for a write in progress to end


def open_for_reading(location: str | Path, *, wait_s: float = READ_WAIT_S) -> Store:
    """The store at ``location`` (which must exist), for reading only where another process
    holds it; StoreLockedError in one line when a writer keeps it past ``wait_s``."""
    from frontlines.store.duckdb_shared import open_waiting

    require_existing(location)
    text = str(location)
    if text == ":memory:" or scheme_of(text) != DEFAULT_SCHEME:
        return open_store(text, create=False)
    path = text.removeprefix(f"{DEFAULT_SCHEME}://")
    if server_address(path) is None:
        try:
            return open_store(text, create=False)
        except StoreLockedError:
            pass  # another process holds it: perhaps only for reading
    try:
        return open_waiting(path, read_only=True, wait_s=wait_s)
    except StoreLockedError as error:
        pid = re.search(r"PID \d+", str(error))
        holder = f" ({pid.group(0)})" if pid else ""
        raise StoreLockedError(
            f"{path} is being written by another frontlines process{holder} (an `ingest`, "
            f"`watch` or `events split|merge`): a command that only reads waits {wait_s:.0f} s "
            "for a write; try again when it ends"
        ) from None
