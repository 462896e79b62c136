from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from frontlines.extract.certainty import certainty, sources
from frontlines.extract.lexicon import Lexicon

pytestmark = pytest.mark.slow

Parse = Callable[[str], Any]


def _at(parsed: Any, word: str) -> Any:
    return next(token for token in parsed if token.lower_ == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Militants reportedly killed three herders.", "killed", "unconfirmed"),
        ("The group allegedly abducted a pastor.", "abducted", "unconfirmed"),
        ("The army denied shelling the market.", "shelling", "denied"),
        ("The rebels claimed to have captured the airport.", "captured", "claimed"),
        ("The two sides will sign a ceasefire.", "ceasefire", "expected"),
        ("The militia is expected to attack the town.", "attack", "expected"),
        ("Soldiers killed three fighters.", "killed", "reported"),
    ],
)
def test_certainty_from_hedges(
    sentence: Parse, lexicon: Lexicon, text: str, word: str, expected: str
) -> None:
    parsed = sentence(text)
    assert certainty(_at(parsed, word), lexicon=lexicon) == expected


def test_certainty_sources_from_reporting_verbs(sentence: Parse, lexicon: Lexicon) -> None:
    parsed = sentence("Rebels shelled the port on Friday, Reuters reported.")
    assert sources(_at(parsed, "shelled"), sentence=parsed, lexicon=lexicon) == ("Reuters",)


def test_certainty_sources_from_according_to(sentence: Parse, lexicon: Lexicon) -> None:
    parsed = sentence("Two soldiers died in the blast, according to local officials.")
    assert sources(_at(parsed, "blast"), sentence=parsed, lexicon=lexicon) == ("local officials",)


def test_certainty_no_source_in_the_outlets_own_voice(sentence: Parse, lexicon: Lexicon) -> None:
    parsed = sentence("Rebels shelled the port on Friday.")
    assert sources(_at(parsed, "shelled"), sentence=parsed, lexicon=lexicon) == ()
