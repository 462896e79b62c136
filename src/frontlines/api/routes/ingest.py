"""POST /api/ingest: a batch of articles, read by the client, analysed, stored and fused here.

What ``frontlines ingest`` sends while ``frontlines serve`` holds the store: the same outcomes
(stored, duplicate, syndicated, skipped, failed) as ingesting the files into the store directly.
An article is known by its key (outlet, url and text), so sending a batch again stores nothing
twice. Needs the operator's API token.
"""

from __future__ import annotations

from fastapi import APIRouter

from frontlines.api.deps import AnalyzeDep, SettingsDep, StoreDep, WriteAccess
from frontlines.api.ingest_schemas import IngestBatchIn, IngestBatchOut, InputResultOut
from frontlines.api.ingest_service import IngestService


def make_router() -> APIRouter:
    router = APIRouter(prefix="/api/ingest", tags=["articles"])
    service = IngestService()  # this app's: its syndication index, one batch at a time

    @router.post(
        "",
        response_model=IngestBatchOut,
        dependencies=[WriteAccess],
        responses={401: {"description": "missing or wrong API token"}},
    )
    def ingest_batch(
        store: StoreDep, settings: SettingsDep, analyze: AnalyzeDep, body: IngestBatchIn
    ) -> IngestBatchOut:
        """Analyse and store a batch of articles (up to 256), one outcome each, in order.

        Articles already stored are duplicates unless ``replace``; a reprint of a stored article
        is stored and linked to it; an article that fails fails alone.
        """
        items = [item.to_item(max_chars=settings.max_article_bytes) for item in body.items]
        results = service.ingest(items, store=store, analyze=analyze, replace=body.replace)
        return IngestBatchOut(results=[InputResultOut.of(result) for result in results])

    return router
