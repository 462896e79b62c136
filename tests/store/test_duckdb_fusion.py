from __future__ import annotations

import threading
from pathlib import Path

from frontlines.store.base import EventQuery, Store
from frontlines.store.duckdb import DuckDBStore
from tests.store.conftest import open_raw_duckdb
from tests.store.samples import numbered_analysis
from tests.store.test_fusion_contract import kharkiv_analyses, saraqib_analysis


def fused_state(store: Store) -> list[object]:
    return [
        (e.article_id, e.event, e.reports, e.origins)
        for e in store.events(EventQuery(limit=1000, sort="date"))
    ]


def test_duckdb_fusion_reports_stored_before_fusion_are_fused_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with DuckDBStore.open(path) as store:
        for analysis in [*kharkiv_analyses(), saraqib_analysis()]:
            store.save(analysis)
        before = fused_state(store)
    with open_raw_duckdb(path) as con:  # as a store written before fused events existed
        for table in ("fused_events", "fused_members", "fusion_state"):
            con.execute(f"DELETE FROM {table}")
    with DuckDBStore.open(path) as store:
        assert store.count_events() == 2
        assert fused_state(store) == before


def test_duckdb_fusion_threads_saving_at_once_leave_every_report_fused_once(
    tmp_path: Path,
) -> None:
    with DuckDBStore.open(tmp_path / "threads.duckdb") as store:

        def save(analyses: list[object]) -> None:
            for analysis in analyses:
                store.save(analysis)  # type: ignore[arg-type]

        work = [*kharkiv_analyses(), saraqib_analysis(), *map(numbered_analysis, range(8))]
        threads = [threading.Thread(target=save, args=(work[n::3],)) for n in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        reports = store.events(EventQuery(level="reports", limit=1000))
        assert all(report.fused_id for report in reports)
        members = [r.id for e in store.events(EventQuery(limit=1000)) for r in e.reports]
        assert sorted(members) == sorted(f"{r.article_id}:{r.event.id}" for r in reports)
        before = fused_state(store)
        store.rebuild_fusion()
        assert fused_state(store) == before
