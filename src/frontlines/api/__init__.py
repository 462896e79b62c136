"""The HTTP API and the page: ``create_app(store, settings)`` builds everything, nothing is global.

FastAPI and uvicorn come with the ``server`` extra; without them ``create_app`` raises
MissingDependencyError naming ``pip install "frontlines[server]"``.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from typing import TYPE_CHECKING

from frontlines.errors import MissingDependencyError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from frontlines.settings import Settings
    from frontlines.store.base import Store

SERVER_MODULES: tuple[str, ...] = ("fastapi", "uvicorn")

__all__ = ["create_app", "require_server_extra"]


def require_server_extra(*, modules: Sequence[str] = SERVER_MODULES, purpose: str) -> None:
    """Raise MissingDependencyError unless every module of the ``server`` extra is importable."""
    for module in modules:
        if importlib.util.find_spec(module) is None:
            raise MissingDependencyError(package=module, extra="server", purpose=purpose)


def create_app(store: Store, settings: Settings) -> FastAPI:
    """The FastAPI app serving the API under /api, the page at / and the OpenAPI docs at /docs."""
    require_server_extra(purpose="the HTTP API")
    from frontlines.api.app import build_app

    return build_app(store=store, settings=settings)
