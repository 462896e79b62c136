"""Several processes writing one PostgreSQL store at once, while others read it."""

from __future__ import annotations

import multiprocessing
import random
from collections import Counter

from frontlines.model import Analysis
from frontlines.store.base import EventQuery, Store
from frontlines.store.postgres import PostgresStore
from tests.store.conftest import PostgresHarness
from tests.store.postgres_cluster import Cluster
from tests.store.samples import numbered_analysis
from tests.store.test_fusion_contract import kharkiv_analyses, saraqib_analysis

WRITERS = 4
READERS = 2


def work() -> list[Analysis]:
    """Reports that fuse across writers (one strike told thrice) and many that do not."""
    return [*kharkiv_analyses(), saraqib_analysis(), *map(numbered_analysis, range(24))]


def save_all(url: str, seed: int) -> list[tuple[str, str]]:
    """Every analysis, in an order of this writer's own: (article id, outcome) each."""
    analyses = work()
    random.Random(seed).shuffle(analyses)
    with PostgresStore.open(url, max_connections=2) as store:
        return [(a.article.id, store.save(a).outcome) for a in analyses]


def read_while_writing(url: str, rounds: int) -> int:
    """Reads events and counts over and over; how many reads answered."""
    answered = 0
    with PostgresStore.open(url, max_connections=1) as store:
        for _ in range(rounds):
            store.events(EventQuery(limit=50))
            store.event_stats()
            answered += 1
    return answered


def snapshot(store: Store) -> list[object]:
    events = store.events(EventQuery(sort="date", limit=1000))
    return [(e.article_id, e.event, sorted(r.id for r in e.reports), e.origins) for e in events]


def test_postgres_concurrent_writers_store_each_article_once_and_fuse_as_one_writer(
    postgres_cluster: Cluster,
) -> None:
    shared = PostgresHarness(postgres_cluster)
    PostgresStore.open(shared.url).close()  # migrated once, before the crowd arrives
    context = multiprocessing.get_context("spawn")
    with context.Pool(WRITERS + READERS) as pool:
        readers = [pool.apply_async(read_while_writing, (shared.url, 15)) for _ in range(READERS)]
        writers = [pool.apply_async(save_all, (shared.url, seed)) for seed in range(WRITERS)]
        outcomes = [outcome for writer in writers for outcome in writer.get(timeout=300)]
        reads = [reader.get(timeout=300) for reader in readers]
    assert reads == [15] * READERS
    stored = Counter(article for article, outcome in outcomes if outcome == "stored")
    assert sorted(stored) == sorted(a.article.id for a in work())
    assert set(stored.values()) == {1}  # each article stored by exactly one writer
    assert len(outcomes) == WRITERS * len(work())

    sequential = PostgresHarness(postgres_cluster).open()
    with sequential, shared.open() as concurrent:
        for analysis in work():
            sequential.save(analysis)
        assert concurrent.counts() == sequential.counts()
        assert snapshot(concurrent) == snapshot(sequential)
        assert any(e.report_count == 3 for e in concurrent.events())  # fused across writers
