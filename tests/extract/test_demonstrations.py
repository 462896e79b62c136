from __future__ import annotations

from typing import Any

import pytest

from frontlines.extract.classify import HARM_FRAMES
from frontlines.extract.demonstrations import in_crowd, intervener, response_frames
from frontlines.extract.lexicon import Lexicon
from frontlines.extract.mentions import EventMention
from frontlines.extract.roles import Participant
from tests.extract.helpers import mentions_in

pytestmark = pytest.mark.slow

TEXT = (
    "Hundreds of teachers staged a protest in Bamako on Monday. "
    "Police charged with batons and dispersed the demonstrators."
)


def _mentions(nlp: Any, lexicon: Lexicon, lookup_in: Any) -> list[EventMention]:
    return mentions_in(nlp, lexicon, lookup_in(TEXT, {}), TEXT)


def test_demonstrations_the_police_response_is_an_intervention(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    protest, *rest = _mentions(nlp, lexicon, lookup_in)
    frames = frozenset().union(*(response_frames(m, protest) for m in rest))
    assert "intervene" in frames
    assert not frames & HARM_FRAMES


def test_demonstrations_the_intervener_is_not_the_crowd(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    protest, *rest = _mentions(nlp, lexicon, lookup_in)
    found = intervener(rest, crowd=protest.roles.actor1)
    assert found is not None
    assert not in_crowd(found)


def test_demonstrations_unnamed_protesters_are_the_crowd() -> None:
    crowd = Participant(actor=None, kind="protesters", head="protester", start=0, end=10)
    police = Participant(actor=None, kind="state_forces", head="police", start=0, end=6)
    assert in_crowd(crowd)
    assert not in_crowd(police)


def test_demonstrations_activists_assaulting_the_marchers_intervene(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "Students staged a protest march in the city. "
        "Ruling party activists assaulted the protesters."
    )
    found = mentions_in(nlp, lexicon, lookup_in(text, {}), text)
    protest, assault = found[0], found[-1]
    assert assault.sentence == 1
    assert response_frames(assault, protest) >= {"intervene"}


def test_demonstrations_another_party_assaulting_its_members_intervenes(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "Members of the Blue Party staged a protest in the city. "
        "Members of the Red League assaulted the protesting members."
    )
    table = {
        "blue": ("other", ["Blue Party"]),
        "red": ("other", ["Red League"]),
    }
    found = mentions_in(nlp, lexicon, lookup_in(text, table), text)
    protest, assault = found[0], found[-1]
    assert assault.sentence == 1
    assert response_frames(assault, protest) >= {"intervene"}
