from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from frontlines.extract.dates import EventDate, resolved_spans
from frontlines.extract.story_time import in_history, told_at

pytestmark = pytest.mark.slow

Parse = Callable[[str], Any]
PUBLISHED = date(2015, 7, 2)


def _told(sentence: Parse, text: str) -> EventDate | None:
    parsed = sentence(text)
    return told_at(parsed, resolved_spans(parsed, published=PUBLISHED), published=PUBLISHED)


def test_a_day_in_the_main_clause_moves_the_story(sentence: Parse) -> None:
    found = _told(sentence, "Farkhunda, 27, was killed on March 19 in Kabul.")
    assert found is not None
    assert found.value == date(2015, 3, 19)
    assert in_history(found, PUBLISHED)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels hold Aleppo, which they seized four years ago.",
        "Museveni has been in power since January 1986.",
        "I am deeply saddened, said Kim Grey, 40, from Texas.",
        "On 27 and 28 November, youths attacked civilians in Duk county.",
        "Students clashed with police during their 'March to Dhaka' demonstration.",
    ],
)
def test_dates_that_describe_a_noun_or_a_start_do_not(sentence: Parse, text: str) -> None:
    assert _told(sentence, text) is None


def test_a_recent_day_is_not_history(sentence: Parse) -> None:
    found = _told(sentence, "Gunmen attacked a bus on Monday.")
    assert found is not None
    assert not in_history(found, PUBLISHED)
    assert not in_history(None, PUBLISHED)
