"""Batched ingest (nlp.pipe, worker processes, a transaction per batch) stores what ingest does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from frontlines.exports.events import event_json
from frontlines.ingest.batched import ingest_batched
from frontlines.ingest.ingester import IngestReport, ingest_paths
from frontlines.python_api import analyze_article
from frontlines.settings import Settings
from frontlines.store import EventQuery, open_store
from frontlines.store.base import Store
from tests.batch.corpus import write_corpus

pytestmark = pytest.mark.slow


def snapshot(store: Store) -> dict[str, Any]:
    articles = sorted(article.id for article in store.articles(limit=999))
    return {
        "counts": store.counts(),
        "analyses": [store.get_analysis(key).to_dict() for key in articles],
        "metadata": [store.article_metadata(key) for key in articles],
        "links": store.syndication_links(),
        "events": sorted((event_json(e) for e in store.iter_events()), key=lambda e: e["id"]),
        "reports": sorted(
            (event_json(e) for e in store.iter_events(EventQuery(level="reports"))),
            key=lambda e: (e["article_id"], e["id"]),
        ),
    }


def outcomes(report: IngestReport) -> list[tuple[str, str, int, str | None]]:
    return [(r.input, r.outcome, r.events, r.reason) for r in report.results]


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_batched_stores_what_ingest_stores(
    tmp_path: Path, settings: Settings, workers: int
) -> None:
    sources = write_corpus(tmp_path / "in", parquet=False)
    sources.append(sources[0])  # read twice: a duplicate
    with open_store(tmp_path / "one.duckdb") as one, open_store(tmp_path / "many.duckdb") as many:
        expected = ingest_paths(
            sources,
            store=one,
            settings=settings,
            analyze=lambda article: analyze_article(article, settings=settings),
        )
        found = ingest_batched(sources, store=many, settings=settings, workers=workers, batch=3)
        assert outcomes(found) == outcomes(expected)
        assert {r.outcome for r in found.results} >= {"stored", "syndicated", "duplicate"}
        assert snapshot(many) == snapshot(one)
