"""POST /api/analyze: the analysis of a posted text; nothing is stored."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from frontlines.api.deps import AnalyzeDep, ReadAccess, SettingsDep
from frontlines.api.schemas import AnalyzeIn
from frontlines.languages import analyze_supported


def make_router() -> APIRouter:
    router = APIRouter(prefix="/api/analyze", tags=["analyze"], dependencies=[ReadAccess])

    @router.post("", response_model=dict[str, Any])
    def analyze_text(settings: SettingsDep, analyze: AnalyzeDep, body: AnalyzeIn) -> dict[str, Any]:
        """The analysis contract's JSON document for the text (see docs/contract.md).

        The language is detected: a text in a language the pipeline does not read yet comes
        back with no events and a warning naming the language.
        """
        article = body.to_article(origin="POST /api/analyze", max_chars=settings.max_article_bytes)
        return analyze_supported(article, analyze).to_dict()

    return router
