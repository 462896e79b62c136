"""Run the app with uvicorn over one open store: what ``frontlines serve`` calls.

A DuckDB file is held as ``SharedDuckDBStore``: read-only between writes, so the CLI's read-only
commands open it beside the server. While the server runs, ``<store>.server.json`` beside the
file says where it listens, so ``frontlines ingest`` sends its articles here (with the token).
"""

from __future__ import annotations

import contextlib
import gc
import signal
import socket
import threading
from types import FrameType

from frontlines.api import create_app, require_server_extra
from frontlines.errors import ConfigError
from frontlines.settings import Settings
from frontlines.store import open_store
from frontlines.store.backends import DEFAULT_SCHEME, scheme_of
from frontlines.store.base import Store


def serve(*, settings: Settings, host: str, port: int) -> None:
    """Serve until interrupted."""
    require_server_extra(purpose="frontlines serve")
    import uvicorn

    location = str(settings.db_path)
    try:
        listening = socket.create_server(
            (host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET
        )
    except OSError as error:
        reason = error.strerror or str(error)
        raise ConfigError(f"cannot listen on {host}:{port}: {reason}") from None
    with contextlib.ExitStack() as stack:
        stack.callback(listening.close)
        store = stack.enter_context(open_served(location))
        if _is_file(location):
            from frontlines.store.server_address import advertised, server_url

            bound = int(listening.getsockname()[1])
            path = location.removeprefix(f"{DEFAULT_SCHEME}://")
            stack.enter_context(advertised(path, url=server_url(host, bound)))
        config = uvicorn.Config(create_app(store, settings), log_level="info")
        # What is loaded by now lives as long as the server: out of the collector's sight, a
        # full collection (every 20 or so pages of events) takes 0.2 ms instead of 35 ms.
        gc.collect()
        gc.freeze()
        if threading.current_thread() is threading.main_thread():
            # uvicorn stops gracefully on SIGTERM, then raises it again once its handlers are
            # gone: with this one, the store is closed and the address file removed first
            signal.signal(signal.SIGTERM, _terminated)
        uvicorn.Server(config).run(sockets=[listening])


def _terminated(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def open_served(location: str) -> Store:
    """The store as the server holds it: a DuckDB file shared with readers, else as opened."""
    if not _is_file(location):
        return open_store(location)
    from frontlines.store.duckdb_shared import SharedDuckDBStore

    return SharedDuckDBStore.open(location.removeprefix(f"{DEFAULT_SCHEME}://"), warm=True)


def _is_file(location: str) -> bool:
    return location != ":memory:" and scheme_of(location) == DEFAULT_SCHEME
