"""GET /api/articles/{article_id} (text and highlighted mentions) and POST /api/articles."""

from __future__ import annotations

from fastapi import APIRouter, status

from frontlines.api.deps import AnalyzeDep, ReadAccess, SettingsDep, StoreDep, WriteAccess
from frontlines.api.detail import article_out
from frontlines.api.payloads import ArticleIn, ArticleOut, IngestOut


def make_router() -> APIRouter:
    router = APIRouter(prefix="/api/articles", tags=["articles"])

    @router.get("/{article_id}", response_model=ArticleOut, dependencies=[ReadAccess])
    def get_article(store: StoreDep, article_id: str) -> ArticleOut:
        """The article's text and every mention found in it, as offsets into that text."""
        return article_out(store, article_id)

    @router.post(
        "",
        response_model=IngestOut,
        status_code=status.HTTP_201_CREATED,
        dependencies=[WriteAccess],
        responses={401: {"description": "missing or wrong API token"}},
    )
    def ingest_article(
        store: StoreDep, settings: SettingsDep, analyze: AnalyzeDep, body: ArticleIn
    ) -> IngestOut:
        """Analyse an article and store it (needs the operator's API token as a Bearer header).

        An article already stored (same outlet, url and text) is left alone unless ``replace``.
        """
        article = body.to_article(origin="POST /api/articles", max_chars=settings.max_article_bytes)
        if store.has_article(article.id) and not body.replace:
            return IngestOut(article_id=article.id, outcome="duplicate", events=0)
        saved = store.save(analyze(article), replace=body.replace)
        return IngestOut(article_id=saved.article_id, outcome=saved.outcome, events=saved.events)

    return router
