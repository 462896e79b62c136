from __future__ import annotations

from typing import Any

import pytest

from frontlines.lexicons import load_lexicon
from frontlines.model import Claim
from frontlines.stages.actors import Actors
from frontlines.stages.claims import Claims, Cues
from tests.stages.sample_docs import actor_stage, with_actors

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def actors(nlp: Any) -> Actors:
    return actor_stage(nlp)


@pytest.fixture(scope="module")
def stage() -> Claims:
    return Claims(cues=Cues.from_lexicon(load_lexicon("attribution")))


def claims_of(nlp: Any, actors: Actors, stage: Claims, text: str) -> list[Claim]:
    doc = stage(with_actors(nlp, actors, text))
    for claim in doc.claims:
        assert text[claim.start : claim.end] == claim.text
    return doc.claims


def test_claims_trailing_reporting_verb(nlp: Any, actors: Actors, stage: Claims) -> None:
    text = "Rebels seized the airport on Monday, Associated Press reports."
    [claim] = claims_of(nlp, actors, stage, text)
    assert (claim.source, claim.cue, claim.direct) == ("Associated Press", "reports", False)
    assert claim.text == "Rebels seized the airport on Monday"


def test_claims_quote_with_speaker_is_direct(nlp: Any, actors: Actors, stage: Claims) -> None:
    text = "“We have taken the airport,” said a rebel commander."
    [claim] = claims_of(nlp, actors, stage, text)
    assert claim.direct
    assert claim.text == "We have taken the airport"
    assert claim.source == "a rebel commander"
    assert claim.cue == "said"


def test_claims_reported_speech_resolves_the_source(
    nlp: Any, actors: Actors, stage: Claims
) -> None:
    text = "The Kremlin said that Wagner fighters had left the city."
    [claim] = claims_of(nlp, actors, stage, text)
    assert claim.source == "Russia"
    assert claim.text == "Wagner fighters had left the city"


def test_claims_according_to_on_either_side(nlp: Any, actors: Actors, stage: Claims) -> None:
    text = (
        "Ten soldiers died in the attack, according to AP. "
        "According to Hezbollah, the strike hit a school."
    )
    first, second = claims_of(nlp, actors, stage, text)
    assert (first.source, first.cue, first.text) == (
        "Associated Press",
        "according to",
        "Ten soldiers died in the attack",
    )
    assert (second.source, second.text) == ("Hezbollah", "the strike hit a school")


def test_claims_unattributed_hedges(nlp: Any, actors: Actors, stage: Claims) -> None:
    text = (
        "The rebels reportedly killed five soldiers, officials added nothing. "
        "The toll is estimated to be near 40. "
        "Ankara, despite its denials, is expected to send drones."
    )
    hedged = [c for c in claims_of(nlp, actors, stage, text) if c.hedge]
    assert [(c.source, c.hedge, c.text) for c in hedged] == [
        (None, "reportedly", "reportedly killed five soldiers"),
        (None, "estimated", "The toll is estimated to be near 40"),
        (None, "expected", "is expected to send drones"),
    ]


def test_claims_passive_with_agent_is_not_a_hedge(nlp: Any, actors: Actors, stage: Claims) -> None:
    claims = claims_of(nlp, actors, stage, "The attack was claimed by Hezbollah on Friday.")
    assert all(claim.hedge is None for claim in claims)


def test_claims_plain_narration_has_no_claims(nlp: Any, actors: Actors, stage: Claims) -> None:
    assert claims_of(nlp, actors, stage, "Rebels seized the airport on Monday.") == []
