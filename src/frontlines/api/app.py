"""Build the FastAPI app: routers, error handlers, static files. Called by ``create_app``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from frontlines.api.deps import AppContext
from frontlines.api.params import reject_unknown_parameters
from frontlines.api.routes import page, router_factories
from frontlines.errors import AuthError, FrontlinesError
from frontlines.model import Analysis, Article
from frontlines.settings import Settings
from frontlines.store.base import Store
from frontlines.version import __version__

DESCRIPTION = """Conflict events read from news text, ACLED-style, each traceable to its evidence.

Offsets (`start`, `end`) count Unicode code points in the article text, end exclusive.
Article-derived text is untrusted: escape it wherever it is shown. Events from fictional
(demo) articles carry `fictional: true`. Writes need `Authorization: Bearer <token>`, the
token the operator set in `FRONTLINES_API_TOKEN`; reads are open unless
`FRONTLINES_READ_REQUIRES_TOKEN` is set.
"""


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
    app.middleware("http")(_no_sniff)
    for make_router in router_factories():
        app.include_router(make_router())
    app.mount("/static", StaticFiles(directory=page.static_dir()), name="static")
    return app


def _pipeline(settings: Settings) -> Callable[[Article], Analysis]:
    """The pipeline of ``settings``, loaded on the first analysis rather than at start-up."""

    def run(article: Article) -> Analysis:
        from frontlines.api_python import analyze_article

        return analyze_article(article, settings=settings)

    return run


async def _no_sniff(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Browsers must take JSON for JSON, never sniff article text into HTML."""
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    return response


async def _frontlines_error(request: Request, exc: Exception) -> JSONResponse:
    status = exc.http_status if isinstance(exc, FrontlinesError) else 500
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, AuthError) else None
    return JSONResponse(
        {"detail": str(exc), "error": type(exc).__name__}, status_code=status, headers=headers
    )
