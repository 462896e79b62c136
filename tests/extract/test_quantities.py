from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from frontlines.extract.lexicon import Lexicon
from frontlines.extract.quantities import Figures, read_figures
from frontlines.extract.triggers import find_triggers

pytestmark = pytest.mark.slow

Parse = Callable[[str], Any]


def _figures(sentence: Parse, lexicon: Lexicon, text: str) -> Figures:
    return read_figures(list(sentence(text)), lexicon=lexicon)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("Gunmen killed at least 12 villagers in the raid.", 12),
        ("At least 24 people were killed in fresh attacks, taking the toll to 561.", 24),
        ("Two soldiers were killed on Monday as the death toll rose to 40.", 2),
        ("Between 5 and 8 soldiers were killed in the ambush.", 5),
        ("Militants killed four civilians on Sunday.", 4),
        ("The attack killed dozens of people.", 12),
        ("No casualties were reported after the blast.", 0),
        ("Rebels attacked the army post near the river.", None),
        ("At least three people were fatally shot in the market.", 3),
        ("Two men were shot in the market.", None),
        ("The bomb exploded in the market, killing no one.", 0),
    ],
)
def test_quantities_fatalities_are_conservative(
    sentence: Parse, lexicon: Lexicon, text: str, fatalities: int | None
) -> None:
    assert _figures(sentence, lexicon, text).fatalities == fatalities


def test_quantities_ranges_and_qualifiers(sentence: Parse, lexicon: Lexicon) -> None:
    found = _figures(
        sentence,
        lexicon,
        "The rebels captured up to 30 kilometers of territory, seizing over 9 villages.",
    )
    by_what = {q.what: q for q in found.quantities}
    assert by_what["territory captured"].value == 30
    assert by_what["territory captured"].unit == "km"
    assert by_what["territory captured"].qualifier == "up to"
    assert by_what["villages captured"].value == 9
    assert by_what["villages captured"].qualifier == "over"


def test_quantities_estimated_range(sentence: Parse, lexicon: Lexicon) -> None:
    found = _figures(
        sentence, lexicon, "The width of the breach is estimated to be between 3 and 5 kilometers."
    )
    quantity = found.quantities[0]
    assert (quantity.low, quantity.high, quantity.unit) == (3, 5, "km")
    assert quantity.qualifier == "estimated"
    assert quantity.what == "width of breach"


def test_quantities_vague_distance(sentence: Parse, lexicon: Lexicon) -> None:
    found = _figures(sentence, lexicon, "Troops advanced to within a few miles of Bakhmut.")
    quantity = found.quantities[0]
    assert quantity.what == "distance to Bakhmut"
    assert (quantity.value, quantity.qualifier, quantity.unit) == (None, "a few", "mi")


def test_quantities_injured_and_prisoners(sentence: Parse, lexicon: Lexicon) -> None:
    found = _figures(sentence, lexicon, "The fighters took prisoners and wounded three guards.")
    by_what = {q.what: q for q in found.quantities}
    assert by_what["injured"].value == 3
    assert by_what["prisoners"].value is None


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        ("Gunmen killed a trader in the market.", 1),
        ("Unknown gunmen shot dead a civilian and his son.", 2),
        ("Gunmen killed two soldiers and a civilian.", 3),
        ("A man stepped on a landmine and died.", 1),
        ("Militants threatened to kill a teacher.", None),
        ("A landmine killed a buffalo near the village.", None),
    ],
)
def test_quantities_each_single_person_killed_counts_one(
    sentence: Parse, lexicon: Lexicon, text: str, fatalities: int | None
) -> None:
    parsed = sentence(text)
    killings = frozenset(t.index for t in find_triggers(parsed, lexicon) if t.frame == "kill")
    assert read_figures(list(parsed), lexicon=lexicon, killings=killings).fatalities == fatalities


def test_quantities_a_killing_outside_the_event_counts_no_one(
    sentence: Parse, lexicon: Lexicon
) -> None:
    tokens = list(sentence("Students protested after a driver killed a student."))
    assert read_figures(tokens, lexicon=lexicon, killings=frozenset()).fatalities is None


def test_quantities_a_toll_spread_over_many_places_is_no_events_toll(
    sentence: Parse, lexicon: Lexicon
) -> None:
    text = "As many as 47 persons have been killed in police firing in various places."
    assert _figures(sentence, lexicon, text).fatalities is None
    assert _figures(sentence, lexicon, "Police killed 4 persons in the town.").fatalities == 4


@pytest.mark.parametrize(
    "text",
    [
        "Four people were killed during protests over the last week.",
        "Thousands of civilians have been killed in this war.",
        "The group documented 400 civilian deaths between January and mid-May.",
        "So far, 30 soldiers have been killed.",
    ],
)
def test_quantities_a_toll_over_a_campaign_is_no_events_toll(
    sentence: Parse, lexicon: Lexicon, text: str
) -> None:
    assert _figures(sentence, lexicon, text).fatalities is None


def test_quantities_a_toll_of_one_day_stands(sentence: Parse, lexicon: Lexicon) -> None:
    text = "Four people were killed during the protest on Tuesday."
    assert _figures(sentence, lexicon, text).fatalities == 4


def test_quantities_a_toll_only_a_vague_word_gives_is_marked_vague(
    sentence: Parse, lexicon: Lexicon
) -> None:
    assert _figures(sentence, lexicon, "Gunmen killed several villagers.").vague
    assert not _figures(sentence, lexicon, "Gunmen killed five villagers.").vague
