from __future__ import annotations

from typing import Any

import pytest

from frontlines.model import Actor, Place
from frontlines.pipeline import Document
from frontlines.stages.actors import Actors, actor_at
from tests.stages.sample_docs import actor_stage, parsed, with_actors

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stage(nlp: Any) -> Actors:
    return actor_stage(nlp)


def run(stage: Actors, nlp: Any, text: str) -> Document:
    return with_actors(nlp, stage, text)


def by_id(doc: Document) -> dict[str, Actor]:
    return {actor.id: actor for actor in doc.actors}


def test_actors_mentions_point_into_the_text(stage: Actors, nlp: Any) -> None:
    text = "Fighters of the Wagner Group left Bakhmut. Wagner later returned."
    doc = run(stage, nlp, text)
    wagner = by_id(doc)["wagner"]
    assert [text[m.start : m.end] for m in wagner.mentions] == ["Wagner Group", "Wagner"]
    assert wagner.aliases == ("Wagner Group", "Wagner")
    assert wagner.kind == "mercenary"


def test_actors_metonyms_stand_for_states_but_not_as_places(stage: Actors, nlp: Any) -> None:
    doc = run(stage, nlp, "Moscow urged Ankara to act, the Kremlin said.")
    actors = by_id(doc)
    assert actors["state-russia"].aliases == ("Moscow", "Kremlin")
    assert actors["state-turkiye"].aliases == ("Ankara",)
    doc = run(stage, nlp, "The delegation arrived in Moscow on Monday.")
    assert "state-russia" not in by_id(doc)


def test_actors_country_names_used_as_places_are_not_actors(stage: Actors, nlp: Any) -> None:
    doc = run(stage, nlp, "Troops were deployed in Syria. Aleppo is Syria's second city.")
    assert "state-syria" not in by_id(doc)
    doc = run(stage, nlp, "The regime is supported by Russia and Iran.")
    assert {"state-russia", "state-iran"} <= set(by_id(doc))


def test_actors_demonym_forces_resolve_to_state_forces(stage: Actors, nlp: Any) -> None:
    text = "Russian special forces and Russian aircraft struck, with Russian air support."
    russia = by_id(run(stage, nlp, text))["forces-russia"]
    assert russia.aliases == ("Russian special forces", "Russian aircraft", "Russian air support")


def test_actors_a_demonym_attack_names_the_forces_behind_it(stage: Actors, nlp: Any) -> None:
    doc = run(stage, nlp, "A Russian airstrike hit the town, and a Russian missile hit a school.")
    russia = by_id(doc)["forces-russia"]
    assert russia.aliases == ("Russian airstrike", "Russian missile")
    assert "forces-russia" not in by_id(run(stage, nlp, "The Russian economy shrank."))


def test_actors_demonym_forces_unknown_to_the_kb_are_kept(stage: Actors, nlp: Any) -> None:
    doc = run(stage, nlp, "Ukrainian troops shelled the town.")
    actor = by_id(doc)["unk-military-forces-of-ukraine"]
    assert (actor.kind, actor.country, actor.aliases) == (
        "state forces",
        "Ukraine",
        ("Ukrainian troops",),
    )


def test_actors_descriptors_follow_the_focus_country(stage: Actors, nlp: Any) -> None:
    syria = "The regime shelled Idlib in Syria. Opposition fighters hit back near Aleppo, Syria."
    actors = by_id(run(stage, nlp, syria))
    assert actors["forces-syria"].aliases == ("regime",)
    assert actors["opposition-syria"].aliases == ("Opposition fighters",)
    sudan = "The army shelled Omdurman in Sudan. Sudanese civilians fled Khartoum, Sudan."
    actors = by_id(run(stage, nlp, sudan))
    assert actors["unk-military-forces-of-sudan"].aliases == ("army",)
    assert actors["unk-civilians-sudan"].kind == "civilians"


def test_actors_linked_demonyms_and_possessives(stage: Actors, nlp: Any) -> None:
    text = "Turkish-backed rebels advanced. Assad's forces retreated under Assad's orders."
    actors = by_id(run(stage, nlp, text))
    assert actors["state-turkiye"].aliases == ("Turkish",)
    assert actors["forces-syria"].aliases == ("Assad's forces",)
    assert actors["assad"].aliases == ("Assad",)


def test_actors_acronyms_match_only_in_capitals(stage: Actors, nlp: Any) -> None:
    doc = run(stage, nlp, "It is unclear whether IS fighters were there.")
    assert [m.text for m in by_id(doc)["is"].mentions] == ["IS fighters"]


def test_actors_unknown_entities_are_kept_with_a_guessed_kind(stage: Actors, nlp: Any) -> None:
    text = (
        "The Jaysh al-Ahrar militia attacked, according to Militarnyi, a Ukrainian media outlet. "
        "The U.S. Congress condemned it. Western sanctions followed."
    )
    actors = {actor.name: actor for actor in run(stage, nlp, text).actors}
    assert actors["Militarnyi"].kind == "media outlet"
    assert actors["Militarnyi"].country == "Ukraine"
    assert actors["US Congress"].kind == "government"
    assert actors["US Congress"].aliases == ("U.S. Congress",)
    assert actors["Western governments"].aliases == ("Western",)


def test_actors_abbreviations_of_common_nouns_are_not_actors(stage: Actors, nlp: Any) -> None:
    doc = run(stage, nlp, "Rebels used man-portable air-defense systems (MANPADS) against jets.")
    assert all(actor.name != "MANPADS" for actor in doc.actors)


def test_actors_actor_at_finds_the_covering_mention(stage: Actors, nlp: Any) -> None:
    text = "Russian forces and the Wagner Group attacked."
    doc = run(stage, nlp, text)
    start = text.index("Wagner")
    assert actor_at(doc, start, start + 6).id == "wagner"  # type: ignore[union-attr]
    assert actor_at(doc, 0, 3).id == "forces-russia"  # type: ignore[union-attr]
    assert actor_at(doc, text.index("attacked"), len(text)) is None


def test_actors_capitals_are_actors_only_where_they_act(stage: Actors, nlp: Any) -> None:
    assert "state-iran" not in by_id(run(stage, nlp, "Rockets hit Tehran overnight."))
    doc = run(stage, nlp, "Talks stalled after repeated attempts by Moscow to contact Ankara.")
    assert {"state-russia", "state-turkiye"} <= set(by_id(doc))


def test_actors_descriptor_after_a_name_belongs_to_it(stage: Actors, nlp: Any) -> None:
    doc = run(stage, nlp, "Hezbollah fighters crossed into Syria, where rebels hid.")
    actors = by_id(doc)
    assert actors["hezbollah"].aliases == ("Hezbollah fighters",)
    assert actors["opposition-syria"].aliases == ("rebels",)


def test_actors_place_names_mistaken_for_entities_are_not_actors(stage: Actors, nlp: Any) -> None:
    doc = run(stage, nlp, "Shelling hit Maungdaw in northern Rakhine State and Khin Oblast.")
    assert not any(actor.name in ("Rakhine State", "Khin Oblast") for actor in doc.actors)


def test_actors_actor_at_skips_a_backer_inside_the_words(stage: Actors, nlp: Any) -> None:
    text = "An Iran-backed militia shelled the base near Deir ez-Zor."
    doc = run(stage, nlp, text)
    start, end = text.index("Iran"), text.index("militia") + len("militia")
    found = actor_at(doc, start, end)
    assert found is None or found.kind not in ("state", "government")


def test_actors_a_camp_named_as_a_place_is_no_person(stage: Actors, nlp: Any) -> None:
    text = (
        "Shells struck Abu Shouk camp near El Fasher on Tuesday. "
        "Abu Shouk, set up in 2004, was home to many displaced people."
    )
    doc = parsed(nlp, text)
    start = text.index("Abu Shouk")
    doc.places = [Place(text="Abu Shouk", start=start, end=start + len("Abu Shouk"))]
    found = stage(doc)
    assert all(actor.name != "Abu Shouk" for actor in found.actors)


def test_actors_a_street_is_no_actor(stage: Actors, nlp: Any) -> None:
    text = (
        "Of the two worst explosions at Oxford Street and the Cavehill Road, warnings were "
        "given well in advance."
    )
    doc = parsed(nlp, text)
    doc.places = [
        Place(text=name, start=text.index(name), end=text.index(name) + len(name), role="street")
        for name in ("Oxford Street", "Cavehill Road")
    ]
    found = stage(doc)
    assert not [
        actor.name for actor in found.actors if "Road" in actor.name or "Street" in actor.name
    ]
