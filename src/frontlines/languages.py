"""Which languages the pipeline reads, and what an analysis of another language says instead.

The pipeline is English only for now: a text detected as another language gets a clear warning
and no events, rather than a wrong-language parse that finds nothing and says nothing.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from frontlines.ingest.langid import detect_language
from frontlines.model import Analysis, Article
from frontlines.version import __version__

logger = logging.getLogger(__name__)

SUPPORTED: tuple[str, ...] = ("en",)


def unsupported_note(language: str) -> str:
    return (
        f"language {language!r} is not supported yet: no events were extracted "
        f"(frontlines reads {', '.join(SUPPORTED)})"
    )


def with_detected_language(article: Article) -> Article:
    """The article with the language its text is written in, where the text says clearly."""
    detected = detect_language(article.text)
    if detected is None or detected == article.language:
        return article
    logger.info("article %s: detected language %r (was %r)", article.id, detected, article.language)
    return dataclasses.replace(article, language=detected)


def analyze_supported(article: Article, analyze: Callable[[Article], Analysis]) -> Analysis:
    """``analyze(article)`` when its language is supported (or unknown); else no events and a
    warning that says why."""
    article = with_detected_language(article)
    if article.language is None or article.language in SUPPORTED:
        return analyze(article)
    note = unsupported_note(article.language)
    logger.warning("%s", note)
    return Analysis(frontlines_version=__version__, pipeline=(), article=article, warnings=(note,))
