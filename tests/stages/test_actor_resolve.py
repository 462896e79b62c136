from __future__ import annotations

from typing import Any

import pytest

from frontlines.kb import ActorKB
from frontlines.lexicons import load_lexicon
from frontlines.pipeline import Document
from frontlines.stages.actor_match import ActorMatcher
from frontlines.stages.actor_resolve import force_branch, kind_cues
from frontlines.stages.actors import Actors
from tests.stages.sample_docs import with_actors

FORCES = "state_forces_of_focus_country"
POLICE_KB: dict[str, Any] = {
    "actors": [
        {
            "id": "bd-army",
            "name": "Bangladesh Armed Forces",
            "kind": "state forces",
            "country": "Bangladesh",
            "aliases": ["Bangladesh Army"],
        },
        {
            "id": "bd-police",
            "name": "Bangladesh Police",
            "kind": "state forces",
            "country": "Bangladesh",
        },
        {
            "id": "bd-city-police",
            "name": "Dhaka City Police",
            "kind": "state forces",
            "country": "Bangladesh",
            "parent": "bd-police",
        },
        {
            "id": "sd-army",
            "name": "Sudanese Armed Forces",
            "kind": "state forces",
            "country": "Sudan",
        },
        {"id": "ml-army", "name": "Malian Armed Forces", "kind": "state forces", "country": "Mali"},
        {
            "id": "ml-gendarmerie",
            "name": "National Gendarmerie of Mali",
            "kind": "state forces",
            "country": "Mali",
        },
    ],
    "descriptors": [
        *(
            {"phrase": phrase, "resolves_to": FORCES}
            for phrase in ("army", "police", "policemen", "riot police", "gendarmes")
        ),
        {"phrase": "gunmen", "resolves_to": "unidentified-armed-group"},
    ],
}
POLICE_KB["actors"].append(
    {"id": "unidentified-armed-group", "name": "Unidentified armed group", "kind": "other"}
)


@pytest.fixture(scope="module")
def stage(nlp: Any) -> Actors:
    kb = ActorKB.from_data(POLICE_KB)
    lexicon = load_lexicon("actors")
    matcher = ActorMatcher(nlp=nlp, kb=kb, lexicon=lexicon)
    return Actors(kb=kb, matcher=matcher, cues=kind_cues(lexicon))


def aliases_by_id(stage: Actors, nlp: Any, text: str) -> dict[str, tuple[str, ...]]:
    doc: Document = with_actors(nlp, stage, text)
    return {actor.id: actor.aliases for actor in doc.actors}


def test_actor_resolve_force_branch_reads_police_and_gendarmerie_words() -> None:
    assert force_branch("riot police") == "police"
    assert force_branch("Policemen") == "police"
    assert force_branch("gendarmes") == "gendarm"
    assert force_branch("troops") is None
    assert force_branch("policy makers") is None


@pytest.mark.slow
def test_actor_resolve_police_descriptors_name_the_country_police(stage: Actors, nlp: Any) -> None:
    text = "Police arrested five men in Bangladesh. Riot police and the army later left Bangladesh."
    found = aliases_by_id(stage, nlp, text)
    assert found["bd-police"] == ("Police", "Riot police")
    assert found["bd-army"] == ("army",)
    assert "bd-city-police" not in found


@pytest.mark.slow
def test_actor_resolve_demonym_police_and_gendarmes_find_their_force(
    stage: Actors, nlp: Any
) -> None:
    text = "Malian gendarmerie and Malian troops patrolled Mali. Gendarmes later left Mali."
    found = aliases_by_id(stage, nlp, text)
    assert found["ml-gendarmerie"] == ("Malian gendarmerie", "Gendarmes")
    assert found["ml-army"] == ("Malian troops",)


@pytest.mark.slow
def test_actor_resolve_police_without_a_police_entry_are_acleds_police_forces(
    stage: Actors, nlp: Any
) -> None:
    doc: Document = with_actors(nlp, stage, "Policemen fired tear gas in Sudan.")
    assert [actor.name for actor in doc.actors] == ["Police Forces of Sudan"]


@pytest.mark.slow
def test_actor_resolve_unnamed_gunmen_are_an_unidentified_armed_group_of_the_country(
    stage: Actors, nlp: Any
) -> None:
    doc: Document = with_actors(nlp, stage, "Gunmen attacked a market in Mali.")
    names = {actor.id: actor.name for actor in doc.actors}
    assert names["unidentified-armed-group"] == "Unidentified armed group (Mali)"
