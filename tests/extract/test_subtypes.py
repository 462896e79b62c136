from __future__ import annotations

import pytest

from frontlines.extract.subtypes import (
    LABELS,
    NONE_LABEL,
    SubtypeClassifier,
    normalise_text,
    refine,
)
from frontlines.model import SUB_EVENT_TYPES


def _scores(best: str, probability: float) -> dict[str, float]:
    rest = (1.0 - probability) / (len(LABELS) - 1)
    return {label: probability if label == best else rest for label in LABELS}


def test_subtypes_labels_are_acleds_and_none() -> None:
    assert set(LABELS) == {*SUB_EVENT_TYPES, NONE_LABEL}


def test_subtypes_normalise_text_hides_figures_and_case() -> None:
    assert normalise_text("On 3 May 2023,  12 KILLED") == "on 0 may 0000, 00 killed"


def test_subtypes_refine_changes_the_sub_type_within_the_family() -> None:
    typed = ("Protests", "Peaceful protest")
    assert refine(typed, _scores("Protest with intervention", 0.6)) == (
        "Protests",
        "Protest with intervention",
    )


def test_subtypes_refine_needs_near_certainty_across_families() -> None:
    typed = ("Battles", "Armed clash")
    assert refine(typed, _scores("Attack", 0.6)) == typed
    assert refine(typed, _scores("Attack", 0.95)) == ("Violence against civilians", "Attack")


def test_subtypes_refine_never_makes_or_removes_an_event() -> None:
    assert refine((None, None), _scores("Attack", 0.99)) == (None, None)
    typed = ("Battles", "Armed clash")
    assert refine(typed, _scores(NONE_LABEL, 0.99)) == typed


@pytest.mark.slow
def test_subtypes_shipped_model_scores_every_label() -> None:
    classifier = SubtypeClassifier.load()
    scores = classifier.scores("Police fired tear gas to disperse students protesting in Dhaka.")
    assert set(scores) == set(LABELS)
    assert sum(scores.values()) == pytest.approx(1.0, abs=1e-3)
    best = max(scores, key=scores.__getitem__)
    assert best == "Protest with intervention"


def test_subtypes_refine_keeps_the_weapon_the_rules_read() -> None:
    typed = ("Explosions/Remote violence", "Air/drone strike")
    assert refine(typed, _scores("Shelling/artillery/missile attack", 0.7)) == typed
    assert refine(typed, _scores("Shelling/artillery/missile attack", 0.95)) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )


def test_subtypes_refine_keeps_a_sub_type_the_text_cued() -> None:
    typed = ("Protests", "Protest with intervention")
    assert refine(typed, _scores("Peaceful protest", 0.7)) == typed
