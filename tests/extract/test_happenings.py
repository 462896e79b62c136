from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from frontlines.extract.happenings import left_out
from frontlines.extract.lexicon import Lexicon
from frontlines.extract.mentions import sentence_mentions
from frontlines.extract.merge import merge
from tests.extract.helpers import mentions_in

pytestmark = pytest.mark.slow

ACTORS = {
    "jnim": ("rebel group", ["JNIM", "the militants", "militants"]),
    "army": ("state forces", ["Malian army", "soldiers", "the army"]),
}
# Filler that tells no event, to make a text as long as a report.
FILLER = " ".join(f"The market in town number {n} opened as usual." for n in range(8))


def _reasons(nlp: Any, lexicon: Lexicon, lookup_in: Any, text: str) -> list[str | None]:
    clusters = merge(mentions_in(nlp, lexicon, lookup_in(text, ACTORS), text))
    sentences = len(list(nlp(text).sents))
    return [left_out(cluster, sentences=sentences) for cluster in clusters]


def test_an_attack_with_its_sides_is_a_happening(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = f"JNIM militants attacked a Malian army convoy near Douentza. {FILLER}"
    assert _reasons(nlp, lexicon, lookup_in, text) == [None]


def test_a_threat_is_foreseen_not_a_happening(nlp: Any, lexicon: Lexicon, lookup_in: Any) -> None:
    text = f"{FILLER} JNIM militants will attack the Malian army convoy near Douentza."
    reasons = _reasons(nlp, lexicon, lookup_in, text)
    assert reasons and all(reason and reason.startswith("foreseen") for reason in reasons)


def test_a_toll_without_an_act_is_no_happening_in_a_report(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = f"{FILLER} Five people were killed in the town."
    assert _reasons(nlp, lexicon, lookup_in, text) == ["consequences only"]


def test_a_toll_without_an_act_is_the_news_of_a_note(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    assert _reasons(nlp, lexicon, lookup_in, "Five people were killed in the town.") == [None]


def test_fighting_nobody_wages_on_no_day_is_thin(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = f"{FILLER} Heavy fighting broke out in the town."
    assert _reasons(nlp, lexicon, lookup_in, text) == ["no side, toll or date"]


def test_a_thin_headline_still_tells_the_news(nlp: Any, lexicon: Lexicon, lookup_in: Any) -> None:
    text = f"Heavy fighting broke out in the town. {FILLER}"
    assert _reasons(nlp, lexicon, lookup_in, text) == [None]


def test_a_strike_told_by_its_means_is_a_happening_though_it_names_nobody(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = f"{FILLER} Two trucks on the road were destroyed by airstrikes."
    assert _reasons(nlp, lexicon, lookup_in, text) == [None]


def _reasons_on(nlp: Any, lexicon: Lexicon, text: str) -> list[str | None]:
    """The reasons for a text published on 16 March 2002 (a Saturday)."""
    found = []
    sentences = list(nlp(text).sents)
    for number, sentence in enumerate(sentences):
        found += sentence_mentions(
            sentence,
            number=number,
            published=date(2002, 3, 16),
            lookup=lambda start, end: None,
            lexicon=lexicon,
        )
    return [left_out(cluster, sentences=len(sentences)) for cluster in merge(found)]


def test_an_arrest_told_with_its_day_in_the_lede_is_the_news(nlp: Any, lexicon: Lexicon) -> None:
    text = f"Five party leaders were arrested on Friday as they left for the capital. {FILLER}"
    assert _reasons_on(nlp, lexicon, text) == [None]


def test_an_arrest_told_deep_in_a_report_is_what_followed_something_else(
    nlp: Any, lexicon: Lexicon
) -> None:
    text = f"{FILLER} Five party leaders were arrested on Friday as they left for the capital."
    assert _reasons_on(nlp, lexicon, text) == ["consequences only"]


def test_an_arrest_in_a_clause_of_the_lede_or_a_tally_so_far_is_no_news(
    nlp: Any, lexicon: Lexicon
) -> None:
    framed = f"Police named the activist when he was arrested on Friday. {FILLER}"
    assert _reasons_on(nlp, lexicon, framed) == ["consequences only"]
    tally = f"Six thousand officers have been detained after Friday's coup attempt. {FILLER}"
    assert _reasons_on(nlp, lexicon, tally) == ["consequences only"]


def test_an_arrest_beside_a_killing_in_the_lede_is_no_arrest_news(
    nlp: Any, lexicon: Lexicon
) -> None:
    text = f"Three men were arrested on Friday and a guard was found dead. {FILLER}"
    assert None not in _reasons_on(nlp, lexicon, text)


def test_a_dated_killing_told_by_its_manner_is_an_act(nlp: Any, lexicon: Lexicon) -> None:
    stabbed = f"{FILLER} Three people were stabbed to death in the city on Friday."
    assert _reasons_on(nlp, lexicon, stabbed) == [None]
    toll = f"{FILLER} Three people were killed in the city on Friday."
    assert _reasons_on(nlp, lexicon, toll) == ["consequences only"]
