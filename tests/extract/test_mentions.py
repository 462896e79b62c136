from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from frontlines.extract.assemble import _finer
from frontlines.extract.dates import EventDate
from frontlines.extract.lexicon import Lexicon
from frontlines.extract.mentions import sentence_mentions
from tests.extract.helpers import mentions_in

pytestmark = pytest.mark.slow

PUBLISHED = date(2024, 3, 5)


def _dates(sentence: Callable[[str], Any], lexicon: Lexicon, text: str) -> dict[str, Any]:
    found = sentence_mentions(
        sentence(text), number=0, published=PUBLISHED, lookup=lambda s, e: None, lexicon=lexicon
    )
    return {trigger.lemma: m.date for m in found for trigger in m.triggers}


def test_mentions_date_belongs_to_the_nearer_event(
    sentence: Callable[[str], Any], lexicon: Lexicon
) -> None:
    text = "The rebels said the raid was a response to army shelling of their villages this month."
    dates = _dates(sentence, lexicon, text)
    assert dates["shell"] is not None and dates["shell"].precision == "month"
    assert dates["raid"] is None


def test_mentions_a_happening_dated_by_a_past_month_is_context(
    sentence: Callable[[str], Any], lexicon: Lexicon
) -> None:
    # Read on 5 March: "last month" and "in January" are over and began weeks before.
    assert _dates(sentence, lexicon, "The army shelled the villages last month.") == {}
    assert _dates(sentence, lexicon, "Rebels attacked the town in January.") == {}
    assert "attack" in _dates(sentence, lexicon, "Rebels attacked the town on Monday.")


def test_mentions_date_reaches_the_same_event(
    sentence: Callable[[str], Any], lexicon: Lexicon
) -> None:
    dates = _dates(sentence, lexicon, "Rebels attacked and captured the town on Monday.")
    assert dates["attack"] is not None and dates["attack"].value == date(2024, 3, 4)


def test_story_day_outranks_a_coarser_date_of_another_mention() -> None:
    day = EventDate(date(2024, 3, 3), "day", "3 March")
    month = EventDate(date(2024, 2, 1), "month", "last month")
    assert _finer(day, month)
    assert not _finer(month, day)
    assert not _finer(day, EventDate(date(2024, 3, 4), "day", "Monday"))
    assert not _finer(None, month)


def test_mentions_arson_by_armed_men_is_destruction_not_a_riot(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "Gunmen set fire to a school in the village."
    (arson,) = mentions_in(nlp, lexicon, lookup_in(text, {}), text)
    assert arson.family == "loot"
    text = "Youths set fire to a school in the village."
    (riot,) = mentions_in(nlp, lexicon, lookup_in(text, {}), text)
    assert riot.family == "protest"


def test_mentions_a_date_inside_another_event_is_not_this_ones(
    sentence: Callable[[str], Any], lexicon: Lexicon
) -> None:
    dates = _dates(sentence, lexicon, "Protesters marched over the 2019 murder of a journalist.")
    assert dates["march"] is None
    dates = _dates(sentence, lexicon, "On Monday, rebels attacked the village and killed five.")
    assert dates["kill"] is not None and dates["kill"].value == date(2024, 3, 4)
    text = "Two soldiers were killed when a bomb struck their vehicle on Saturday."
    killed = _dates(sentence, lexicon, text)["kill"]
    assert killed is not None and killed.value == date(2024, 3, 2)


def test_mentions_a_date_on_a_saying_inside_the_events_clause_is_not_its_date(
    sentence: Callable[[str], Any], lexicon: Lexicon
) -> None:
    text = "Kurdish forces advanced quickly, with officials saying Tuesday they met no fire."
    assert _dates(sentence, lexicon, text)["advance"] is None
    text = "The army said on Monday that rebels attacked the base."
    said = _dates(sentence, lexicon, text)["attack"]
    assert said is not None and said.value == date(2024, 3, 4)
    dates = _dates(sentence, lexicon, "Rebels attacked the base on Monday, the army said.")
    assert dates["attack"] is not None and dates["attack"].value == date(2024, 3, 4)


def test_mentions_a_participle_clause_dates_its_own_event(
    sentence: Callable[[str], Any], lexicon: Lexicon
) -> None:
    text = "On Monday, militants executed one of the aid workers abducted in January."
    dates = _dates(sentence, lexicon, text)
    assert dates["execute"] is not None and dates["execute"].value == date(2024, 3, 4)


def test_mentions_a_clash_between_communities_is_mob_violence(nlp: Any, lexicon: Lexicon) -> None:
    lookup: Any = lambda start, end: None  # noqa: E731
    for text in (
        "Six people were injured in a clash between two communities in the town on Monday.",
        "Communal clashes broke out in the town on Monday, leaving five dead.",
    ):
        (found,) = mentions_in(nlp, lexicon, lookup, text)
        assert found.event_type == ("Riots", "Mob violence")
    (battle,) = mentions_in(nlp, lexicon, lookup, "Soldiers clashed with rebels in the town.")
    assert battle.event_type == ("Battles", "Armed clash")
