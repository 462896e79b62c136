from __future__ import annotations

from datetime import date
from typing import Any

from frontlines.extract.lexicon import Lexicon
from frontlines.extract.mentions import EventMention, sentence_mentions
from frontlines.extract.split_towns import Town, by_town


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


def test_by_town_splits_a_strike_on_coordinated_towns_and_keeps_the_toll_once(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "Russian missiles hit Kharkiv, Sumy and Odesa on Monday, killing five people."
    found = _mentions(text, nlp, lexicon, lookup_in)
    split = by_town(found, text=text, towns=_towns(text, "Kharkiv", "Sumy", "Odesa"))
    sites = [text[slice(*m.site)] for m in split if m.site is not None]
    assert sites == ["Kharkiv", "Sumy", "Odesa"]
    tolls = [m.figures.fatalities for m in split if m.site is not None]
    assert tolls == [5, None, None]


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
