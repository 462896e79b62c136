"""The Python API: ``analyze()``, ``geoparse()``, ``open_store()``.

The default pipeline is loaded on the first call and reused by later calls with the same settings
(like spaCy's ``nlp`` object); pass ``settings=`` to use another configuration.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from frontlines.model import Analysis, Article, Place
from frontlines.readers.common import make_article
from frontlines.settings import Settings

if TYPE_CHECKING:
    from frontlines.pipeline import Pipeline
    from frontlines.store.base import Store


@lru_cache(maxsize=4)
def load_pipeline(settings: Settings | None = None) -> Pipeline:
    """The pipeline for these settings, built once per process and settings."""
    from frontlines.pipeline import Pipeline
    from frontlines.stages.resources import Resources

    settings = settings or Settings.from_env()
    return Pipeline.from_settings(settings, resources=Resources(settings))


def analyze(
    text: str,
    *,
    published: date | str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    fictional: bool = False,
    settings: Settings | None = None,
) -> Analysis:
    """Analyse one article's text; nothing is stored."""
    article = make_article(
        text,
        published=published,
        title=title,
        outlet=outlet,
        url=url,
        fictional=fictional,
        origin="text",
        published_source="input",
    )
    return analyze_article(article, settings=settings)


def analyze_article(article: Article, *, settings: Settings | None = None) -> Analysis:
    return load_pipeline(settings)(article)


def geoparse(text: str, *, settings: Settings | None = None) -> list[Place]:
    """The places a text names, resolved where the gazetteer allows."""
    return list(analyze(text, settings=settings).places)


def open_store(path: str | Path | None = None, *, settings: Settings | None = None) -> Store:
    """Open (creating if needed) the store at ``path`` (a file, or a URL whose scheme names a
    backend), else the one the settings name."""
    from frontlines.store import open_store as _open_store

    settings = settings or Settings.from_env()
    return _open_store(path if path is not None else settings.db_path)
