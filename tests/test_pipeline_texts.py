"""The whole pipeline over real texts: every analysis has unique ids and is stored, none crashes.

The demo corpus always; a few hundred real news texts of the shared data when it is there
(``$FRONTLINES_BENCH_DATA``, else ``../shared/data`` beside the repository), spread evenly over
its sets (``$FRONTLINES_PROPERTY_TEXTS`` of them, 300 by default).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from frontlines.bench.realnews_texts import read_texts
from frontlines.ingest.ingester import demo_corpus_paths
from frontlines.model import Analysis, Article
from frontlines.python_api import load_pipeline
from frontlines.readers.plain_text import read_text_file
from frontlines.settings import Settings
from frontlines.store.duckdb import DuckDBStore
from tests.bench.test_gate import bench_data_dir

pytestmark = pytest.mark.slow
REAL_TEXTS = int(os.environ.get("FRONTLINES_PROPERTY_TEXTS", "300"))


def duplicates(values: Iterable[str]) -> list[str]:
    return [value for value, count in Counter(values).items() if count > 1]


def check_all(articles: list[Article], settings: Settings) -> None:
    """Analyse and store each article; collect every problem, then fail once, naming them."""
    pipeline = load_pipeline(settings)
    problems: list[str] = []
    with DuckDBStore.open(":memory:") as store:
        for article in articles:
            analysis: Analysis = pipeline(article)  # any exception fails the test here
            same_events = duplicates(event.id for event in analysis.events)
            same_actors = duplicates(actor.id for actor in analysis.actors)
            if same_events or same_actors:
                problems.append(f"{article.url or article.id}: {same_events + same_actors}")
                continue
            saved = store.save(analysis)
            if saved.events != len(analysis.events):
                problems.append(f"{article.url or article.id}: stored {saved.events} events")
    assert not problems, problems


def test_pipeline_texts_the_demo_corpus_analyses_and_stores_whole(settings: Settings) -> None:
    articles = [read_text_file(path, max_bytes=10_000_000) for path in demo_corpus_paths()]
    check_all(articles, settings)


@pytest.mark.bench
def test_pipeline_texts_real_news_analyses_and_stores_whole(settings: Settings) -> None:
    data_dir: Path = bench_data_dir()
    texts = read_texts(data_dir) if data_dir.is_dir() else {}
    if not texts:
        pytest.skip(f"no real news texts under {data_dir} (set FRONTLINES_BENCH_DATA)")
    ids = sorted(texts)
    chosen = ids[:: max(1, len(ids) // REAL_TEXTS)][:REAL_TEXTS]
    articles = [Article.create(texts[i].text, url=i, published=texts[i].published) for i in chosen]
    assert len({text.source for text in (texts[i] for i in chosen)}) >= 4  # every set has a say
    check_all(articles, settings)
