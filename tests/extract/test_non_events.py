from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from frontlines.extract.lexicon import Lexicon
from frontlines.extract.non_events import accidental, generic, period_tally, reference, walkout

pytestmark = pytest.mark.slow

Parse = Callable[[str], Any]


def _token(sentence: Parse, text: str, word: str) -> Any:
    return next(t for t in sentence(text) if t.lower_ == word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The plane crashed into the sea, killing all 66 people on board.", "killing"),
        ("Eight people died of the unidentified disease.", "died"),
        ("Floods killed 12 people in the province on Monday.", "killed"),
        ("Three pilgrims were killed in a road accident near the shrine.", "killed"),
        ("Two children were killed by the landslide.", "killed"),
        ("A deadly bacteria that has killed 12 patients may have come from abroad.", "killed"),
    ],
)
def test_deaths_by_accident_disaster_or_illness(
    sentence: Parse, lexicon: Lexicon, text: str, word: str
) -> None:
    assert accidental(_token(sentence, text, word), lexicon) is not None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Gunmen killed 12 people in the province on Monday.", "killed"),
        ("A suicide bomber blew himself up, killing six soldiers.", "killing"),
        ("Three soldiers were killed in an ambush near the border.", "killed"),
        ("Two children were killed by the shelling.", "killed"),
        ("The militia that killed 12 villagers has withdrawn.", "killed"),
    ],
)
def test_killings_by_people_are_no_accident(
    sentence: Parse, lexicon: Lexicon, text: str, word: str
) -> None:
    assert accidental(_token(sentence, text, word), lexicon) is None


def test_a_simple_present_event_verb_states_a_generality(sentence: Parse) -> None:
    assert generic(_token(sentence, "The group kills anyone who opposes it.", "kills"), dated=False)
    # a dated present (a rare historic present) and past or perfect forms are reports
    dated = _token(sentence, "The group kills three men on Monday.", "kills")
    assert generic(dated, dated=True) is None
    for text, word in (
        ("The group killed three men.", "killed"),
        ("The group has killed three men.", "killed"),
        ("Three men are killed every week.", "killed"),
    ):
        assert generic(_token(sentence, text, word), dated=False) is None


@pytest.mark.parametrize(
    ("text", "word", "tally"),
    [
        ("So far, 40 people have been killed in police firing, an official said.", "killed", True),
        ("Militants killed 40 people in the district this year.", "killed", True),
        ("As many as 668 people had been killed in the violence till March 12.", "killed", True),
        (
            "The toll in the last six days stands at 544, including 58 killed on a train.",
            "killed",
            True,
        ),
        ("Militants killed 40 people in the village on Monday.", "killed", False),
        ("Gunmen attacked a market in the past week.", "attacked", False),
    ],
)
def test_a_toll_over_a_period_is_a_tally(
    sentence: Parse, text: str, word: str, tally: bool
) -> None:
    assert (period_tally(_token(sentence, text, word)) is not None) is tally


@pytest.mark.parametrize(
    ("text", "word", "refers"),
    [
        ("Police arrested 12 people in connection with Saturday's attack.", "attack", True),
        ("Two men were charged over the bombing of the mosque.", "bombing", True),
        ("They demanded a judicial inquiry into the police firing.", "firing", True),
        ("Aziz cited the agency's links to Monday's bombing in Quetta.", "bombing", True),
        ("Crowds marked the anniversary of the shooting in Ferguson.", "shooting", True),
        ("Police raised an alert in the wake of the attack on the train.", "attack", True),
        ("The Taliban claimed responsibility for the attack on the checkpoint.", "attack", False),
        ("Three soldiers were killed in the attack on the checkpoint.", "attack", False),
    ],
)
def test_an_event_noun_another_happening_answers_is_a_reference(
    sentence: Parse, lexicon: Lexicon, text: str, word: str, refers: bool
) -> None:
    assert (reference(_token(sentence, text, word), lexicon) is not None) is refers


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Opposition legislators walked out of the assembly protesting the ruling.", "protesting"),
        ("The opposition staged a walkout from the house on Monday.", "walkout"),
    ],
)
def test_a_walkout_of_a_chamber_is_no_demonstration(
    sentence: Parse, lexicon: Lexicon, text: str, word: str
) -> None:
    assert walkout(_token(sentence, text, word), lexicon) is not None


def test_a_walkout_of_a_workplace_and_a_street_protest_stay_demonstrations(
    sentence: Parse, lexicon: Lexicon
) -> None:
    text = "Workers walked out of the factory on Monday protesting low pay."
    assert walkout(_token(sentence, text, "protesting"), lexicon) is None
    assert (
        walkout(_token(sentence, "Thousands protested in the city.", "protested"), lexicon) is None
    )
