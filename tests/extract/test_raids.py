"""A raid that ends in arrests is an arrest, unless the raid hurt someone."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.extract.lexicon import Lexicon
from frontlines.extract.merge import merge
from frontlines.extract.raids import raid_ending_in_arrests
from tests.extract.helpers import mentions_in

pytestmark = pytest.mark.slow

ACTORS = {
    "police": ("state forces", ["police", "Police"]),
    "government": ("government", ["the government", "The government"]),
}


def _raids(nlp: Any, lexicon: Lexicon, lookup_in: Any, text: str) -> list[bool]:
    clusters = merge(mentions_in(nlp, lexicon, lookup_in(text, ACTORS), text))
    return [raid_ending_in_arrests(cluster) for cluster in clusters]


def test_a_raid_whose_outcome_is_arrests_is_an_arrest(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "Police stormed a bath house on Sunday. They arrested at least two dozen men."
    assert _raids(nlp, lexicon, lookup_in, text) == [True]


def test_raids_and_detentions_told_apart_are_one_arrest(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "Police launched raids early Monday in the east of the city. "
        "A police spokesman said a number of people had been detained."
    )
    assert _raids(nlp, lexicon, lookup_in, text) == [True]


def test_a_raid_that_killed_is_no_arrest(nlp: Any, lexicon: Lexicon, lookup_in: Any) -> None:
    text = "Police raided a village on Monday, killing three people. They arrested five men."
    assert True not in _raids(nlp, lexicon, lookup_in, text)


def test_a_raid_without_arrests_stays_what_it_was(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "Police raided a village on Monday and burned several houses."
    assert True not in _raids(nlp, lexicon, lookup_in, text)


def test_a_raid_by_no_named_force_keeps_its_type(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "The government raided a meeting on Monday. Eight participants were detained."
    assert True not in _raids(nlp, lexicon, lookup_in, text)
