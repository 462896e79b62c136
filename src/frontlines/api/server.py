"""Run the app with uvicorn over one open store: what ``frontlines serve`` calls."""

from __future__ import annotations

from frontlines.api import create_app, require_server_extra
from frontlines.settings import Settings
from frontlines.store import open_store


def serve(*, settings: Settings, host: str, port: int) -> None:
    """Serve until interrupted; the store stays open (and locked) for the server's lifetime."""
    require_server_extra(purpose="frontlines serve")
    import uvicorn

    with open_store(settings.db_path) as store:
        uvicorn.run(create_app(store, settings), host=host, port=port, log_level="info")
