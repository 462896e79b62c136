from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from frontlines.fusion.origins import is_news_organisation, origins
from frontlines.fusion.report import Report
from tests.fusion.samples import KHARKIV_TEXTS, one_report

WIRE, HERALD, LEDGER = (KHARKIV_TEXTS[name] for name in KHARKIV_TEXTS)


def kharkiv(outlet: str, text: str = WIRE, **event: Any) -> Report:
    return one_report(text, text[:20], outlet=outlet, **event)


def test_origins_a_wire_story_and_its_reprints_count_once() -> None:
    original = kharkiv("Frontline Wire", published=date(2024, 11, 14))
    copies = [
        replace(kharkiv(outlet), original_id=original.article_id)
        for outlet in ("The Harbourline Times", "Northgate Gazette", "Conflict Desk Bulletin")
    ]
    found = origins([original, *copies])
    assert [origin.name for origin in found] == ["Frontline Wire"]
    assert found[0].reports == tuple(sorted(r.id for r in [original, *copies]))


def test_origins_crediting_the_same_agency_counts_once() -> None:
    first = kharkiv("Eastern Front Herald", HERALD, sources=("AP",))
    second = kharkiv("Levant Ledger", LEDGER, sources=("Associated Press", "officials"))
    third = kharkiv("The Meridian Post", WIRE, sources=("ap",))
    found = origins([first, second, third])
    assert len(found) == 2  # "AP" twice; "Associated Press" is another spelling we do not join
    assert found[0].name == "AP"
    assert set(found[0].reports) == {first.id, third.id}


def test_origins_officials_and_sources_do_not_merge_outlets() -> None:
    first = kharkiv("Eastern Front Herald", HERALD, sources=("regional governor", "officials"))
    second = kharkiv("Levant Ledger", LEDGER, sources=("officials", "a military source"))
    assert [origin.name for origin in origins([first, second])] == [
        "Eastern Front Herald",
        "Levant Ledger",
    ]


def test_origins_one_outlet_counts_once_and_state_media_is_an_origin() -> None:
    first = kharkiv("Levant Ledger", LEDGER)
    update = kharkiv("Levant Ledger", HERALD)
    relay = kharkiv("The Meridian Post", WIRE, sources=("state media",))
    relay_too = kharkiv("Eastern Front Herald", HERALD, sources=("State Media",))
    names = [origin.name for origin in origins([first, update, relay, relay_too])]
    assert names == ["Levant Ledger", "State Media"]


def test_origins_news_organisations() -> None:
    outlets = frozenset({"levant ledger"})
    assert is_news_organisation("Reuters", outlets=outlets)
    assert is_news_organisation("the Levant Ledger", outlets=outlets)
    assert is_news_organisation("Continental Press Service", outlets=frozenset())
    assert not is_news_organisation("a military source", outlets=outlets)
    assert not is_news_organisation("Syrian Observatory for Human Rights", outlets=outlets)
