from __future__ import annotations

from typing import Any

import pytest

from frontlines.extract.detector import (
    EVENT,
    LABELS,
    EventDetector,
    kind_of,
    normalise_text,
)


@pytest.fixture(scope="module")
def detector() -> EventDetector:
    return EventDetector.load()


def test_detector_kinds_cover_violence_protest_and_arrests_only() -> None:
    assert kind_of("Battles", "Armed clash") == "violence"
    assert kind_of("Explosions/Remote violence", "Air/drone strike") == "violence"
    assert kind_of("Violence against civilians", "Abduction/forced disappearance") == "violence"
    assert kind_of("Riots", "Mob violence") == "protest"
    assert kind_of("Strategic developments", "Arrests") == "arrest"
    assert kind_of("Strategic developments", "Agreement") is None
    assert kind_of(None, None) is None


def test_detector_normalise_text_hides_figures_and_case() -> None:
    assert normalise_text("On 3 May,  12 KILLED") == "on 0 may, 00 killed"


def test_detector_tells_leaves_kinds_it_was_not_trained_on_to_the_rules() -> None:
    detector = EventDetector(nlp=None, drop_below=0.2)
    sure_none = dict.fromkeys(LABELS, 0.01)
    assert detector.tells(sure_none, ("Strategic developments", "Agreement"))
    assert not detector.tells(sure_none, ("Battles", "Armed clash"))
    assert detector.tells({**sure_none, EVENT: 0.2}, ("Battles", "Armed clash"))


@pytest.mark.slow
def test_detector_shipped_model_scores_every_label(detector: EventDetector) -> None:
    scores = detector.scores("Gunmen killed 12 villagers in an attack on Sunday.")
    assert set(scores) == set(LABELS)
    assert all(0.0 <= value <= 1.0 for value in scores.values())


@pytest.mark.slow
def test_detector_shipped_model_tells_a_raid_from_a_disaster_and_a_condemnation(
    detector: EventDetector,
) -> None:
    attack = detector.scores(
        "Suspected militants stormed a village in Borno state on Tuesday night, shooting dead "
        "nine people and setting houses on fire, residents said."
    )
    quake = detector.scores(
        "A strong earthquake shook the region on Tuesday, flattening houses and killing nine "
        "people, officials said."
    )
    condemnation = detector.scores(
        "The foreign minister condemned the killings and urged an independent investigation."
    )
    assert attack[EVENT] >= detector.drop_below
    assert quake[EVENT] < attack[EVENT]
    assert condemnation[EVENT] < attack[EVENT]
    assert max(("violence", "protest", "arrest"), key=attack.__getitem__) == "violence"


@pytest.mark.slow
def test_detector_reads_the_line_of_the_trigger(detector: EventDetector, nlp: Any) -> None:
    headline = "Teachers Protest Over Pay"
    body = "Hundreds of teachers marched in Nairobi on Monday to demand higher wages"
    doc = nlp(f"{headline}\n{body}")
    sentence = next(s for s in doc.sents if "\n" in s.text)
    at = detector.line_scores(sentence)
    marched = next(token.i for token in doc if token.text == "marched")
    protest = next(token.i for token in doc if token.text == "Protest")
    assert at(marched) == detector.scores(body)
    assert at(protest) == detector.scores(headline)
