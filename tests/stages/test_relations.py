from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from frontlines.kb import ActorKB
from frontlines.lexicons import load_lexicon
from frontlines.stages.actors import Actors
from frontlines.stages.relations import Relations
from tests.kb.sample import SAMPLE_KB
from tests.stages.sample_docs import actor_stage, with_actors

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def actors(nlp: Any) -> Actors:
    return actor_stage(nlp)


@pytest.fixture(scope="module")
def stage() -> Relations:
    return Relations(lexicon=load_lexicon("relations"), kb=ActorKB.from_data(SAMPLE_KB))


def edges(nlp: Any, actors: Actors, stage: Relations, text: str) -> set[tuple[str, str, str, str]]:
    doc = stage(with_actors(nlp, actors, text, published=date(2024, 11, 27)))
    for relation in doc.relations:
        assert text[relation.evidence.start : relation.evidence.end] == relation.evidence.text
    return {(r.source, r.type, r.target, r.evidence.text) for r in doc.relations}


def test_relations_backed_compounds_with_coordination(
    nlp: Any, actors: Actors, stage: Relations
) -> None:
    text = (
        "In Syria, the Tehran and Kremlin-backed government lost ground to Turkish-backed rebels."
    )
    found = edges(nlp, actors, stage, text)
    assert (
        "state-iran",
        "supports",
        "forces-syria",
        "Tehran and Kremlin-backed government",
    ) in found
    assert (
        "state-russia",
        "supports",
        "forces-syria",
        "Tehran and Kremlin-backed government",
    ) in found


def test_relations_controlled_compound_points_to_the_controller(
    nlp: Any, actors: Actors, stage: Relations
) -> None:
    found = edges(nlp, actors, stage, "Fighters of the Kremlin-controlled Wagner Group left.")
    assert ("wagner", "controlled_by", "state-russia", "Kremlin-controlled Wagner Group") in found


def test_relations_passive_agent_and_relative_clause(
    nlp: Any, actors: Actors, stage: Relations
) -> None:
    text = "It would weaken the Syrian Arab Army, which is heavily supported by Russia and Iran."
    pairs = {(s, t, o) for s, t, o, _ in edges(nlp, actors, stage, text)}
    assert {
        ("state-russia", "supports", "forces-syria"),
        ("state-iran", "supports", "forces-syria"),
    } <= pairs


def test_relations_offensive_against_and_losses_to(
    nlp: Any, actors: Actors, stage: Relations
) -> None:
    text = (
        "Syrian opposition forces launched an offensive against the regime in Syria. "
        "Opposition fighters shot missiles, causing losses to Russian aircraft."
    )
    found = edges(nlp, actors, stage, text)
    assert ("opposition-syria", "fights", "forces-syria", "offensive against the regime") in found
    assert ("opposition-syria", "fights", "forces-russia", "losses to Russian aircraft") in found


def test_relations_accusation_through_object_control_and_pronoun(
    nlp: Any, actors: Actors, stage: Relations
) -> None:
    text = "Assad ruled for years. His record prompted Hezbollah to accuse him of betrayal."
    found = edges(nlp, actors, stage, text)
    assert ("hezbollah", "accuses", "assad", "accuse him of betrayal") in found


def test_relations_sanctions_and_clashes(nlp: Any, actors: Actors, stage: Relations) -> None:
    text = (
        "Assad is under Western imposed sanctions. "
        "Hezbollah suffered losses in clashes with Israel in Lebanon."
    )
    found = edges(nlp, actors, stage, text)
    assert (
        "unk-western-governments",
        "sanctions",
        "assad",
        "under Western imposed sanctions",
    ) in found
    assert ("hezbollah", "fights", "state-israel", "clashes with Israel") in found


def test_relations_unnamed_backer_uses_the_kb_only_if_named(
    nlp: Any, actors: Actors, stage: Relations
) -> None:
    named = "Ankara denied it, but foreign-backed Syrian rebels advanced."
    assert (
        "state-turkiye",
        "supports",
        "opposition-syria",
        "foreign-backed Syrian rebels",
    ) in edges(nlp, actors, stage, named)
    unnamed = "Foreign-backed Syrian rebels advanced."
    assert not edges(nlp, actors, stage, unnamed)


def test_relations_none_without_a_stated_link(nlp: Any, actors: Actors, stage: Relations) -> None:
    assert not edges(nlp, actors, stage, "Russia and Iran held elections in the same week.")


def test_relations_active_verbs_and_denials(nlp: Any, actors: Actors, stage: Relations) -> None:
    text = "In Syria, Hezbollah fighters attacked army positions. Ankara denies backing the rebels."
    found = {(s, t, o) for s, t, o, _ in edges(nlp, actors, stage, text)}
    assert ("hezbollah", "fights", "forces-syria") in found
    assert all(kind != "supports" for _, kind, _ in found)
