from __future__ import annotations

from dataclasses import replace

import pytest

from frontlines.errors import InputError
from frontlines.model import Event
from frontlines.store.fusion_decisions import (
    Endpoint,
    leaving_reports,
    merge_pairs,
    split_pairs,
)
from tests.fusion.samples import KHARKIV_TEXTS, as_report, make_article, make_event

TEXT = KHARKIV_TEXTS["Frontline Wire"]


def reports_of_one_article() -> list:  # type: ignore[type-arg]
    article = make_article(TEXT, outlet="Frontline Wire")
    return [
        as_report(article, make_event(article, phrase), seq=seq)
        for seq, phrase in enumerate(["Russian ballistic missile", "killing four people"])
    ]


def test_fusion_decisions_endpoint_finds_a_renamed_report_by_its_evidence() -> None:
    first, second = reports_of_one_article()
    endpoint = Endpoint.of(second)
    assert endpoint.resolve([first, second]) == second
    shifted = second.event.evidence[0]
    moved = replace(shifted, start=shifted.start + 3, text=TEXT[shifted.start + 3 : shifted.end])
    renamed = replace(second, event=replace(second.event, id="evt_renamed", evidence=(moved,)))
    assert endpoint.resolve([first, renamed]) == renamed
    elsewhere = replace(renamed, event=replace(renamed.event, evidence=(first.event.evidence[0],)))
    assert endpoint.resolve([first, elsewhere]) is None  # its evidence is gone: no report
    assert Endpoint.of(first).resolve([]) is None


def test_fusion_decisions_split_and_merge_pairs() -> None:
    a, b = reports_of_one_article()
    c = replace(a, article_id="art_other")
    assert {frozenset((x.id, y.id)) for x, y in split_pairs([a, b, c], [c])} == {
        frozenset((a.id, c.id)), frozenset((b.id, c.id)),
    }  # fmt: skip
    assert len(split_pairs([a, b, c], [])) == 3
    assert len(merge_pairs([[a, b], [c]])) == 2
    with pytest.raises(InputError, match="at least two"):
        merge_pairs([[a, b], [b, a]])


def test_fusion_decisions_leaving_reports_checks_membership() -> None:
    a, b = reports_of_one_article()
    assert leaving_reports([a, b], named=None, given=[b.event.id], event_id="x") == [b]
    assert leaving_reports([a, b], named=a, given=[], event_id="x") == [a]
    with pytest.raises(InputError, match="single report"):
        leaving_reports([a], named=None, given=[], event_id="x")
    with pytest.raises(InputError, match="not a report"):
        leaving_reports([a, b], named=None, given=["evt_else"], event_id="x")


def test_fusion_decisions_event_ids_are_what_the_model_makes() -> None:
    a, _ = reports_of_one_article()
    assert a.event.id == Event.make_id(a.article_id, a.event.evidence)
