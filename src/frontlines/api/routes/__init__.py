"""One router per resource; each module's ``make_router()`` builds its router afresh.

Routers are found through the ``frontlines.routes`` entry-point group: the built-in ones register
in ``pyproject.toml`` exactly as a plugin's would, and are included first, in ``BUILT_IN`` order
(a path that two routers serve goes to the first); a plugin's follow, by name.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points

from fastapi import APIRouter

from frontlines.errors import ConfigError

ENTRY_POINT_GROUP = "frontlines.routes"
BUILT_IN = (
    "fusion", "events", "actors", "relations", "articles", "analyze", "ingest", "stats", "clusters",
    "basemap", "page",
)  # fmt: skip


def router_factories() -> list[Callable[[], APIRouter]]:
    """The installed ``make_router`` functions, built-in ones first."""
    found = {entry.name: entry for entry in entry_points(group=ENTRY_POINT_GROUP)}
    missing = [name for name in BUILT_IN if name not in found]
    if missing:
        raise ConfigError(f"API routers {missing} are not installed: reinstall frontlines")
    plugins = sorted(set(found) - set(BUILT_IN))
    factories: list[Callable[[], APIRouter]] = [
        found[name].load() for name in (*BUILT_IN, *plugins)
    ]
    return factories
