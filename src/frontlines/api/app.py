"""Build the FastAPI app: routers, error handlers, static files. Called by ``create_app``."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from frontlines.api.deps import AppContext
from frontlines.api.guard import RequestGuard
from frontlines.api.params import reject_unknown_parameters
from frontlines.api.routes import page, router_factories
from frontlines.errors import (
    AuthError,
    ConfigError,
    FrontlinesError,
    StoreError,
    StoreLockedError,
)
from frontlines.model import Analysis, Article
from frontlines.settings import Settings
from frontlines.store.base import Store
from frontlines.version import __version__

DESCRIPTION = """Conflict events read from news text, ACLED-style, each traceable to its evidence.

Offsets (`start`, `end`) count Unicode code points in the article text, end exclusive.
Article-derived text is untrusted: escape it wherever it is shown. Events from fictional
(demo) articles carry `fictional: true`. Writes and analyses need `Authorization: Bearer
<token>`, the token the operator set in `FRONTLINES_API_TOKEN` (analyses are open when
`FRONTLINES_ANALYZE_REQUIRES_TOKEN=0`); reads are open unless `FRONTLINES_READ_REQUIRES_TOKEN` is
set. Request bodies over `FRONTLINES_MAX_REQUEST_BYTES` are refused (413) before they are read.
"""


logger = logging.getLogger(__name__)
SERVER_FAULT: tuple[tuple[type[Exception], str], ...] = (
    (StoreLockedError, "the store is busy (other processes are reading it): try again shortly"),
    (StoreError, "the store could not answer this request; the error is in the server's log"),
    (ConfigError, "the server is not set up for this request; the error is in the server's log"),
    (Exception, "the server failed on this request; the error is in the server's log"),
)


def build_app(
    *,
    store: Store,
    settings: Settings,
    analyze: Callable[[Article], Analysis] | None = None,
) -> FastAPI:
    app = FastAPI(
        title="frontlines",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        dependencies=[Depends(reject_unknown_parameters)],
    )
    app.state.context = AppContext(
        store=store, settings=settings, analyze=analyze or _pipeline(settings)
    )
    app.add_exception_handler(FrontlinesError, _frontlines_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(Exception, _unexpected_error)
    app.middleware("http")(_no_sniff)
    app.add_middleware(RequestGuard, settings=settings)
    for make_router in router_factories():
        app.include_router(make_router())
    app.mount("/static", StaticFiles(directory=page.static_dir()), name="static")
    return app


def _pipeline(settings: Settings) -> Callable[[Article], Analysis]:
    """The pipeline of ``settings``, loaded on the first analysis rather than at start-up."""

    def run(article: Article) -> Analysis:
        from frontlines.python_api import analyze_article

        return analyze_article(article, settings=settings)

    return run


async def _no_sniff(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Browsers must take JSON for JSON, never sniff article text into HTML."""
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response


async def _frontlines_error(request: Request, exc: Exception) -> Response:
    """One line for the client: the problem with its request, never a path or a store's
    internals (those go to the server's log)."""
    status = exc.http_status if isinstance(exc, FrontlinesError) else 500
    if status >= 500:
        logger.error("%s %s failed: %s", request.method, request.url.path, exc, exc_info=exc)
        detail = next(
            (words for kind, words in SERVER_FAULT if isinstance(exc, kind)), SERVER_FAULT[-1][1]
        )
    else:
        detail = _scrubbed(str(exc), store_locations=_store_locations(request))
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, AuthError) else None
    return json_response(
        {"detail": detail, "error": type(exc).__name__}, status=status, headers=headers
    )


async def _invalid_request(request: Request, exc: Exception) -> Response:
    """422 listing what is wrong where, without echoing the input (it may be binary, or hold
    lone surrogates that no JSON encoder writes)."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    listed = [
        {
            "loc": [str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg", "")),
            "type": str(error.get("type", "")),
        }
        for error in errors
    ]
    return json_response({"detail": listed, "error": "InputError"}, status=422)


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    logger.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return json_response({"detail": SERVER_FAULT[-1][1], "error": "InternalError"}, status=500)


def json_response(
    payload: dict[str, Any], *, status: int, headers: dict[str, str] | None = None
) -> Response:
    """JSON with every non-ASCII character escaped, so that any text can be written."""
    body = json.dumps(payload, ensure_ascii=True)
    return Response(body, status_code=status, headers=headers, media_type="application/json")


def _store_locations(request: Request) -> list[str]:
    context: AppContext = request.app.state.context
    return [context.store.location, str(context.settings.db_path)]


def _scrubbed(message: str, *, store_locations: list[str]) -> str:
    """The message with the store's file (and its folder) replaced by words."""
    for given in store_locations:
        if not given or given == ":memory:":
            continue
        path = Path(given)
        for location in (str(path.resolve()), given, str(path.resolve().parent)):
            if len(location) > 1:
                message = message.replace(location, "the store")
    return message
