"""What every store backend must do about fused events, split and merge decisions."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from frontlines.errors import InputError, NotFoundError
from frontlines.model import Analysis, Event, Location
from frontlines.store.base import EventQuery, Store, StoredEvent
from tests.fusion.samples import (
    ARMY,
    HTS,
    KHARKIV_TEXTS,
    SARAQIB,
    analysis_of,
    make_article,
    make_event,
)
from tests.store.conftest import Harness


def kharkiv_analyses() -> list[Analysis]:
    """One strike told by three outlets on three days, the third with a higher toll."""
    found = []
    for number, (outlet, text) in enumerate(KHARKIV_TEXTS.items()):
        article = make_article(text, outlet=outlet, published=date(2024, 11, 14 + number))
        toll = 7 if outlet == "Levant Ledger" else 4
        found.append(analysis_of(article, make_event(article, text[:30], fatalities=toll)))
    return found


def saraqib_analysis() -> Analysis:
    text = "HTS fighters attacked army posts near Saraqib on Thursday, a monitor said."
    article = make_article(text, outlet="Levant Ledger", published=date(2024, 11, 15))
    event = make_event(
        article, "HTS fighters attacked army posts", event_type="Battles",
        sub_event_type="Armed clash", actor1=HTS, actor2=ARMY, where=SARAQIB,
    )  # fmt: skip
    return analysis_of(article, event)


BURKINA = Location(
    name="Burkina Faso", country="Burkina Faso", latitude=12.5, longitude=-1.67, geo_precision=4,
    geonameid=None,
)  # fmt: skip
FOOD_RIOTS = (
    "Rioters in Bobo-Dioulasso took to the streets to protest "
    "the rising price of food, fuel and cloth."
)


def reprinted_note_analyses() -> list[Analysis]:
    """An analyst's note (unknown outlet), its reprint a day later with one more event, and an
    unrelated note: the note and the reprint's protest are one event only once the reprint is
    linked to the note (a reprint is positive evidence; nothing else is)."""
    found = []
    for day, text in enumerate(
        [FOOD_RIOTS, f"{FOOD_RIOTS} Police arrested 26.", "Teachers staged a sit-in over pay."]
    ):
        when = date(2008, 2, 20 + day)
        article = make_article(text, outlet="", published=when)
        note = {"when": when, "precision": "approximate", "where": BURKINA, "fatalities": None}
        note |= {"actor1": None, "actor2": None}
        kinds = [("Protests", "Peaceful protest", text[:40])]
        if day == 1:
            kinds.append(("Riots", "Violent demonstration", "Police arrested 26."))
        events = [
            make_event(article, phrase, event_type=kind, sub_event_type=sub, **note)  # type: ignore[arg-type]
            for kind, sub, phrase in kinds
        ]
        found.append(analysis_of(article, *events))
    return found


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_fusion_contract_a_reprint_linked_after_saving_fuses_as_fusing_everything_does(
    harness: Harness, order: tuple[int, ...]
) -> None:
    analyses = reprinted_note_analyses()
    note, reprint = (analysis.article.id for analysis in analyses[:2])
    store = harness.another().open()
    try:
        for number in order:  # linked as an ingester links: once the second of them is stored
            store.save(analyses[number])
            if number in (0, 1) and all(store.has_article(key) for key in (note, reprint)):
                store.link_syndicated(reprint, note, 0.9)
        incremental = snapshot(store)
        store.rebuild_fusion()
        assert snapshot(store) == incremental
        assert sorted(e.report_count for e in store.events()) == [1, 1, 2]
    finally:
        store.close()


def report_ids(stored: StoredEvent) -> set[str]:
    return {report.id for report in stored.reports}


def snapshot(store: Store) -> list[object]:
    return [
        (item.article_id, item.event, item.reports, item.origins, dict(item.contested))
        for item in store.events(EventQuery(limit=1000, sort="date"))
    ]


@pytest.fixture
def fused(store: Store) -> Store:
    for analysis in [*kharkiv_analyses(), saraqib_analysis()]:
        store.save(analysis)
    return store


@pytest.fixture
def other_store(harness: Harness) -> Iterator[Store]:
    opened = harness.another().open()
    yield opened
    opened.close()


def test_fusion_contract_events_are_fused_by_default_with_reports_one_step_away(
    fused: Store,
) -> None:
    events = fused.events(EventQuery(sort="date"))
    assert len(events) == fused.count_events() == 2
    strike = next(e for e in events if e.report_count == 3)
    assert (strike.article_count, strike.independent_source_count) == (3, 3)
    assert strike.event.id.startswith("fev_")
    assert strike.fused_id == strike.event.id
    assert strike.outlet == "Frontline Wire"  # the lead report: published first
    assert strike.event.fatalities == 4
    assert [value.value for value in strike.contested["fatalities"]] == [4, 7]
    assert [origin.name for origin in strike.origins] == [
        "Eastern Front Herald", "Frontline Wire", "Levant Ledger",
    ]  # fmt: skip
    reports = fused.events(EventQuery(level="reports", sort="date"))
    assert len(reports) == fused.count_events(EventQuery(level="reports")) == 4
    in_strike = {f"{r.article_id}:{r.event.id}" for r in reports if r.fused_id == strike.event.id}
    assert report_ids(strike) == in_strike
    assert len(in_strike) == 3
    assert fused.get_event(strike.event.id) == strike
    first = reports[0]
    assert fused.get_event(f"{first.article_id}:{first.event.id}").fused_id == first.fused_id


def test_fusion_contract_filters_match_any_report_of_a_fused_event(fused: Store) -> None:
    herald = kharkiv_analyses()[1].article
    [found] = fused.events(EventQuery(article_id=herald.id))
    assert found.report_count == 3
    assert fused.count_events(EventQuery(source="Eastern Front Herald")) == 1
    assert fused.count_events(EventQuery(source="Levant Ledger")) == 2
    assert fused.count_events(EventQuery(source="Levant Ledger", level="reports")) == 2
    assert fused.event_stats().total == 2
    assert fused.event_stats(EventQuery(level="reports")).total == 4


def test_fusion_contract_order_of_saving_does_not_matter(fused: Store, other_store: Store) -> None:
    for analysis in [saraqib_analysis(), *kharkiv_analyses()[::-1]]:
        other_store.save(analysis)
    assert snapshot(other_store) == snapshot(fused)
    summary = other_store.rebuild_fusion()
    assert (summary.reports, summary.events, summary.merged) == (4, 2, 1)
    assert snapshot(other_store) == snapshot(fused)


def test_fusion_contract_split_survives_reanalysis_and_rebuild(fused: Store) -> None:
    strike = next(e for e in fused.events() if e.report_count == 3)
    ledger = next(r for r in strike.reports if r.outlet == "Levant Ledger")
    after = fused.split_event(strike.event.id, reports=[ledger.id])
    assert sorted(e.report_count for e in after) == [1, 2]
    assert [c.kind for c in fused.fusion_constraints()] == ["cannot", "cannot"]
    # re-analysis renames the events (their first evidence moves a little): still apart
    for analysis in kharkiv_analyses():
        moved = tuple(_renamed(analysis, event) for event in analysis.events)
        fused.save(replace(analysis, events=moved), replace=True)
    assert sorted(e.report_count for e in fused.events()) == [1, 1, 2]
    fused.rebuild_fusion()
    assert sorted(e.report_count for e in fused.events()) == [1, 1, 2]


def test_fusion_contract_an_older_fusion_is_redone_on_opening_keeping_decisions(
    fused: Store, harness: Harness
) -> None:
    strike = next(e for e in fused.events() if e.report_count == 3)
    fused.split_event(strike.event.id, reports=[strike.reports[-1].id])
    before, decisions = snapshot(fused), fused.fusion_constraints()
    fused.close()
    harness.set_fusion_version("0")
    reopened = harness.open()
    try:
        assert sorted(e.report_count for e in reopened.events()) == [1, 1, 2]
        assert snapshot(reopened) == before
        assert reopened.fusion_constraints() == decisions
    finally:
        reopened.close()


def test_fusion_contract_a_rebuild_cut_short_goes_on_when_opened_again(
    fused: Store, harness: Harness
) -> None:
    strike = next(e for e in fused.events() if e.report_count == 3)
    fused.split_event(strike.event.id, reports=[strike.reports[0].id])
    before = snapshot(fused)
    with harness.fusion_step(fused) as fusing:  # a rebuild that stops after its first step
        assert fusing.start_rebuild() is False
        assert fusing.rebuild_step(batch=1) == 1
    assert fused.count_events() == 1
    assert fused.count_events(EventQuery(level="reports")) == 4
    fused.close()
    reopened = harness.open()
    try:
        assert snapshot(reopened) == before
        assert reopened.rebuild_fusion().events == 3
        assert snapshot(reopened) == before
    finally:
        reopened.close()


def test_fusion_contract_a_rebuild_step_fuses_merged_reports_together(
    fused: Store, harness: Harness
) -> None:
    strike, clash = sorted(fused.events(), key=lambda e: e.report_count, reverse=True)
    fused.merge_events([strike.event.id, clash.event.id])
    before = snapshot(fused)
    with harness.fusion_step(fused) as fusing:
        fusing.start_rebuild()
        assert fusing.rebuild_step(batch=1) == 4  # the first report brings those merged with it
        assert fusing.rebuild_step(batch=1) == 0
    assert snapshot(fused) == before
    summary = fused.rebuild_fusion()
    assert (summary.reports, summary.events, summary.merged) == (4, 1, 1)
    assert snapshot(fused) == before


def _renamed(analysis: Analysis, event: Event) -> Event:
    first = event.evidence[0]
    shifted = analysis.article.mention(first.start + 2, first.end)
    return replace(event, id=Event.make_id(analysis.article.id, [shifted]), evidence=(shifted,))


def test_fusion_contract_split_into_single_reports_and_merge_back(fused: Store) -> None:
    strike = next(e for e in fused.events() if e.report_count == 3)
    assert [e.report_count for e in fused.split_event(strike.event.id)] == [1, 1, 1]
    assert fused.count_events() == 4
    singles = [e.event.id for e in fused.events() if e.outlet != "Levant Ledger"]
    merged = fused.merge_events(singles)
    assert merged.report_count == 2
    assert fused.count_events() == 3


def test_fusion_contract_merge_joins_what_fusion_keeps_apart(fused: Store) -> None:
    strike, clash = sorted(fused.events(), key=lambda e: e.report_count, reverse=True)
    merged = fused.merge_events([strike.event.id, clash.event.id])
    assert merged.report_count == 4
    assert fused.count_events() == 1
    assert {c.kind for c in fused.fusion_constraints()} == {"must"}
    fused.rebuild_fusion()
    assert [e.report_count for e in fused.events()] == [4]


def test_fusion_contract_decisions_need_real_events(fused: Store) -> None:
    clash = next(e for e in fused.events() if e.report_count == 1)
    with pytest.raises(InputError, match="single report"):
        fused.split_event(clash.event.id)
    with pytest.raises(NotFoundError):
        fused.split_event("evt_no_such_event")
    with pytest.raises(InputError, match="at least two"):
        fused.merge_events([clash.event.id, clash.event.id])


def test_fusion_contract_reprints_count_as_one_origin(fused: Store) -> None:
    wire, herald, _ = kharkiv_analyses()
    fused.link_syndicated(herald.article.id, wire.article.id, 0.9)
    strike = next(e for e in fused.events() if e.report_count == 3)
    assert strike.independent_source_count == 2
    assert [origin.name for origin in strike.origins] == ["Frontline Wire", "Levant Ledger"]


def test_fusion_contract_strictness_is_kept_and_fuses_everything_again(
    fused: Store, harness: Harness
) -> None:
    assert fused.fusion_strictness() == "normal"
    summary = fused.set_fusion_strictness("off")
    assert (summary.reports, summary.events, summary.merged) == (4, 4, 0)
    with pytest.raises(InputError):
        fused.set_fusion_strictness("sloppy")
    fused.close()
    reopened = harness.open()
    try:
        assert reopened.fusion_strictness() == "off"
        assert reopened.count_events() == 4
        assert reopened.set_fusion_strictness("normal").events == 2
    finally:
        reopened.close()
