"""A batch's inputs, read on the driver: articles to analyse, and what ingest would say of each.

Files, folders and URLs are read by the same readers as ``ingest``, Parquet files included (one
record per row, see ``readers.parquet``), and a folder's Parquet files too. Language detection,
duplicates and syndication (which article reprints which) are decided here, in input order, as
``ingest`` decides them article by article, so the analysis can then run anywhere in any order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontlines.ingest.ingester import InputResult
from frontlines.ingest.langid import detect_language
from frontlines.ingest.syndication import Fingerprint, SyndicationIndex
from frontlines.languages import pipeline_reads
from frontlines.model import Article
from frontlines.readers.common import Item, ReadLimits
from frontlines.readers.folders import walk
from frontlines.readers.named_inputs import read_source
from frontlines.readers.parquet import SUFFIX


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article to store: its metadata as ingest stores it, and whether to analyse it."""

    article: Article
    origin: str
    metadata: dict[str, Any]
    readable: bool  # the pipeline reads its language (others are stored unread)


@dataclass
class Inputs:
    """Everything read, in input order: articles to store, and the other inputs' outcomes."""

    articles: list[Prepared] = field(default_factory=list)
    others: list[InputResult] = field(default_factory=list)  # failed, skipped, duplicate
    links: dict[str, tuple[str, float]] = field(default_factory=dict)  # copy -> original


def read_inputs(sources: Iterable[str], *, limits: ReadLimits, language: str = "en") -> Inputs:
    """Read every source; decide language (the pipeline reads ``language``), duplicates and
    syndication as ingest would."""
    found = Inputs()
    index = SyndicationIndex()
    seen: set[str] = set()
    for item in iter_items(sources, limits=limits):
        if item.error is not None:
            found.others.append(InputResult(item.origin, "failed", reason=item.error))
            continue
        if item.article is None:
            reason = item.skip or "nothing to read"
            found.others.append(InputResult(item.origin, "skipped", reason=reason))
            continue
        article = item.article
        if article.language is None:
            article = dataclasses.replace(article, language=detect_language(article.text))
        fingerprint = Fingerprint.of(article)
        group = index.group(fingerprint)
        if article.id in seen:
            found.others.append(InputResult(item.origin, "duplicate", article_id=article.id))
        else:
            seen.add(article.id)
            copy = group.copy_of(article.id) if group else None
            metadata: dict[str, Any] = {
                **dict(item.metadata),
                "origin": item.origin,
                "published_source": article.published_source,
            }
            if copy is not None:
                metadata["syndicated_from"] = {"article_id": copy[0], "similarity": copy[1]}
            readable = pipeline_reads(article.language, language=language)
            found.articles.append(Prepared(article, item.origin, metadata, readable))
            index.add(fingerprint)
        if group is not None:
            for copy_id, similarity in group.members.items():
                found.links[copy_id] = (group.original_id, similarity)
    return found


def iter_items(sources: Iterable[str], *, limits: ReadLimits) -> Iterator[Item]:
    """Items of every source; a folder's files (its Parquet files too) in path order."""
    for source in sources:
        path = Path(source)
        files = sorted({*walk(path), *path.rglob(f"*{SUFFIX}")}) if path.is_dir() else []
        for name in [str(file) for file in files] or [source]:
            yield from read_source(name, limits=limits)
