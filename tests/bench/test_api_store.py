from __future__ import annotations

from pathlib import Path

from frontlines.bench.api_store import build_synthetic
from frontlines.store.base import EventQuery
from frontlines.store.duckdb import DuckDBStore


def test_api_synthetic_store_spreads_its_copies_in_time_and_space(tmp_path: Path) -> None:
    path = tmp_path / "bench.duckdb"
    build_synthetic(path, total=300, template=100)
    with DuckDBStore.open(path, read_only=True) as store:
        assert store.count_events(EventQuery()) == 300
        located = store.clusters(zoom=12)
        assert sum(cluster.count for cluster in located) == 300
        copies = {stored.event.location.latitude for stored in store.events(EventQuery(limit=300))}  # type: ignore[union-attr]
        assert len(copies) == 300
