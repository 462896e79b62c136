from __future__ import annotations

from datetime import date
from typing import Any

from frontlines.extract.lexicon import Lexicon
from frontlines.extract.mentions import EventMention, sentence_mentions
from frontlines.extract.split_towns import Town, by_town, split_toll


def _mentions(text: str, nlp: Any, lexicon: Lexicon, lookup_in: Any) -> list[EventMention]:
    found: list[EventMention] = []
    for number, sentence in enumerate(nlp(text).sents):
        found += sentence_mentions(
            sentence,
            number=number,
            published=date(2024, 11, 12),
            lookup=lookup_in(text, {}),
            lexicon=lexicon,
        )
    return found


def _towns(text: str, *names: str) -> list[Town]:
    return sorted((text.index(n), text.index(n) + len(n), n) for n in names)


def test_by_town_splits_a_strike_on_coordinated_towns_and_its_toll_evenly(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "Russian missiles hit Kharkiv, Sumy and Odesa on Monday, killing five people."
    found = _mentions(text, nlp, lexicon, lookup_in)
    split = by_town(found, text=text, towns=_towns(text, "Kharkiv", "Sumy", "Odesa"))
    sites = [text[slice(*m.site)] for m in split if m.site is not None]
    assert sites == ["Kharkiv", "Sumy", "Odesa"]
    tolls = [m.figures.fatalities for m in split if m.site is not None]
    assert tolls == [2, 2, 1]
    assert all(m.figures.vague for m in split if m.site is not None)


def test_by_town_splits_a_town_and_the_city_of_another(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "Russian drones struck Kherson and the city of Mykolaiv on Friday, killing four people."
    found = _mentions(text, nlp, lexicon, lookup_in)
    split = by_town(found, text=text, towns=_towns(text, "Kherson", "Mykolaiv"))
    sites = [text[slice(*m.site)] for m in split if m.site is not None]
    assert sites == ["Kherson", "Mykolaiv"]
    assert [m.figures.fatalities for m in split if m.site is not None] == [2, 2]


def test_by_town_keeps_no_toll_and_nobody_killed_as_told(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    untold = "Russian missiles hit Kharkiv and Odesa on Monday."
    found = _mentions(untold, nlp, lexicon, lookup_in)
    split = by_town(found, text=untold, towns=_towns(untold, "Kharkiv", "Odesa"))
    assert [m.figures.fatalities for m in split if m.site is not None] == [None, None]
    nobody = "Russian missiles hit Kharkiv and Odesa on Monday; no one was killed."
    found = _mentions(nobody, nlp, lexicon, lookup_in)
    split = by_town(found, text=nobody, towns=_towns(nobody, "Kharkiv", "Odesa"))
    assert [m.figures.fatalities for m in split if m.site is not None] == [0, 0]


def test_split_toll_gives_what_does_not_divide_to_the_first_towns() -> None:
    assert split_toll(5, towns=3) == [2, 2, 1]
    assert split_toll(6, towns=2) == [3, 3]
    assert split_toll(1, towns=2) == [1, 0]
    assert split_toll(None, towns=2) == [None, None]


def test_by_town_leaves_towns_that_are_not_coordinated(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "Russian missiles fired from Belgorod hit Kharkiv on Monday, killing five people."
    found = _mentions(text, nlp, lexicon, lookup_in)
    assert by_town(found, text=text, towns=_towns(text, "Belgorod", "Kharkiv")) == found


def test_by_town_leaves_the_towns_a_strike_came_from(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "Russian forces shelled Sumy from Kursk and Belgorod on Monday, killing two people."
    found = _mentions(text, nlp, lexicon, lookup_in)
    assert found
    assert by_town(found, text=text, towns=_towns(text, "Kursk", "Belgorod", "Sumy")) == found
