"""POST /api/analyze: the analysis of a posted text; nothing is stored. It needs the API token
unless the operator set FRONTLINES_ANALYZE_REQUIRES_TOKEN=0 (``serve --open-analyze``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from frontlines.api.deps import AnalyzeAccess, AnalyzeDep, SettingsDep
from frontlines.api.payloads import AnalyzeIn
from frontlines.languages import analyze_supported


def make_router() -> APIRouter:
    router = APIRouter(prefix="/api/analyze", tags=["analyze"], dependencies=[AnalyzeAccess])

    @router.post(
        "",
        response_model=dict[str, Any],
        responses={401: {"description": "missing or wrong API token"}},
    )
    def analyze_text(settings: SettingsDep, analyze: AnalyzeDep, body: AnalyzeIn) -> dict[str, Any]:
        """The analysis contract's JSON document for the text (see docs/contract.md).

        The language is detected: a text in a language the pipeline does not read yet comes
        back with no events and a warning naming the language.
        """
        article = body.to_article(origin="POST /api/analyze", max_chars=settings.max_article_bytes)
        return analyze_supported(article, analyze, language=settings.language).to_dict()

    return router
