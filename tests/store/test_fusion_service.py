"""The backend-neutral fusion service: its date windows, and the same fusion on any backend."""

from __future__ import annotations

from datetime import date

from frontlines.store.base import EventQuery, Store
from frontlines.store.fusion_service import spans
from tests.store.conftest import Harness
from tests.store.samples import numbered_analysis
from tests.store.test_fusion_contract import kharkiv_analyses, saraqib_analysis


def test_fusion_service_date_spans_merge_overlapping_windows() -> None:
    days = [date(2024, 1, 1), date(2024, 1, 3), date(2024, 3, 1)]
    assert spans(days, 2) == [
        (date(2023, 12, 30), date(2024, 1, 5)),
        (date(2024, 2, 28), date(2024, 3, 3)),
    ]


def test_fusion_service_gives_the_same_events_in_any_save_order(store: Store) -> None:
    work = [*kharkiv_analyses(), saraqib_analysis(), *map(numbered_analysis, range(4))]
    for analysis in reversed(work):
        store.save(analysis)
    backwards = [(e.event, e.reports) for e in store.events(EventQuery(sort="date", limit=100))]
    summary = store.rebuild_fusion()
    rebuilt = [(e.event, e.reports) for e in store.events(EventQuery(sort="date", limit=100))]
    assert rebuilt == backwards
    assert summary.events == len(rebuilt) and summary.merged >= 1


def test_fusion_service_rebuilding_one_report_at_a_time_gives_what_saving_gave(
    store: Store, harness: Harness
) -> None:
    for analysis in [*kharkiv_analyses(), saraqib_analysis(), *map(numbered_analysis, range(4))]:
        store.save(analysis)
    saved = [(e.event, e.reports) for e in store.events(EventQuery(sort="date", limit=100))]
    with harness.fusion_step(store) as fusing:
        reports, events, merged = fusing.rebuild(batch=1)
    rebuilt = [(e.event, e.reports) for e in store.events(EventQuery(sort="date", limit=100))]
    assert rebuilt == saved
    assert (reports, events) == (sum(len(r) for _, r in saved), len(saved))
    assert merged >= 1
