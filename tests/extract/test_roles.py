from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from spacy.tokens import Doc

from frontlines.extract.lexicon import Lexicon
from frontlines.extract.roles import ActorLookup, Roles, find_roles
from frontlines.extract.triggers import find_triggers
from tests.extract.helpers import mentions_in

pytestmark = pytest.mark.slow

Parse = Callable[[str], Any]
Table = dict[str, tuple[str, list[str]]]
ACTORS: Table = {
    "army": ("state forces", ["Sudanese Armed Forces", "army", "SAF"]),
    "rsf": ("rebel group", ["Rapid Support Forces", "RSF", "paramilitaries"]),
    "uae": ("state", ["United Arab Emirates", "Emirati"]),
    "militia": ("identity militia", ["Misseriya militia", "tribal fighters"]),
}


def _roles(
    sentence: Parse,
    lexicon: Lexicon,
    lookup_in: Callable[[str, Table], ActorLookup],
    text: str,
    word: str,
) -> Roles:
    parsed = sentence(text)
    trigger = next(t for t in find_triggers(parsed, lexicon) if parsed.doc[t.index].lower_ == word)
    lookup = lookup_in(text, ACTORS)
    return find_roles(parsed.doc[trigger.index], trigger, lookup=lookup, lexicon=lexicon)


def _id(roles: Roles, side: int) -> str | None:
    person = roles.actor1 if side == 1 else roles.actor2
    return person.actor.id if person and person.actor else None


def test_roles_subject_and_object(sentence: Parse, lexicon: Lexicon, lookup_in: Any) -> None:
    roles = _roles(
        sentence, lexicon, lookup_in, "The RSF attacked the army in El Fasher.", "attacked"
    )
    assert (_id(roles, 1), _id(roles, 2)) == ("rsf", "army")


def test_roles_passive_agent(sentence: Parse, lexicon: Lexicon, lookup_in: Any) -> None:
    roles = _roles(
        sentence, lexicon, lookup_in, "Army positions were shelled by the RSF overnight.", "shelled"
    )
    assert (_id(roles, 1), _id(roles, 2)) == ("rsf", "army")


def test_roles_support_is_an_associate(sentence: Parse, lexicon: Lexicon, lookup_in: Any) -> None:
    roles = _roles(
        sentence,
        lexicon,
        lookup_in,
        "The RSF, with Emirati support, launched drone strikes on army positions.",
        "strikes",
    )
    assert _id(roles, 1) == "rsf"
    assert _id(roles, 2) == "army"
    assert [p.actor.id for p in roles.assoc1 if p.actor] == ["uae"]


def test_roles_including_is_an_associate_of_the_target(
    sentence: Parse, lexicon: Lexicon, lookup_in: Any
) -> None:
    roles = _roles(
        sentence,
        lexicon,
        lookup_in,
        "The RSF killed army soldiers, including tribal fighters, near Babanusa.",
        "killed",
    )
    assert _id(roles, 2) == "army"
    assert [p.actor.id for p in roles.assoc2 if p.actor] == ["militia"]


def test_roles_clash_with_is_the_opponent(
    sentence: Parse, lexicon: Lexicon, lookup_in: Any
) -> None:
    roles = _roles(
        sentence, lexicon, lookup_in, "The army clashed with the RSF near Omdurman.", "clashed"
    )
    assert (_id(roles, 1), _id(roles, 2)) == ("army", "rsf")


def test_roles_unnamed_participants_keep_their_kind(
    sentence: Parse, lexicon: Lexicon, lookup_in: Any
) -> None:
    roles = _roles(
        sentence, lexicon, lookup_in, "Gunmen killed four villagers on Tuesday.", "killed"
    )
    assert roles.actor1 is not None and roles.actor1.kind == "armed_group"
    assert roles.actor2 is not None and roles.actor2.kind == "civilians"


def test_roles_who_fired_the_weapon_that_struck(
    sentence: Parse, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "Shells fired by the RSF struck the army barracks in El Obeid."
    roles = _roles(sentence, lexicon, lookup_in, text, "struck")
    assert _id(roles, 1) == "rsf"


def test_roles_whoever_stages_a_protest_is_a_protester(
    sentence: Parse, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "Rickshaw pullers staged a rally in the capital."
    roles = _roles(sentence, lexicon, lookup_in, text, "rally")
    assert roles.actor1 is not None and roles.actor1.kind == "protesters"


def test_roles_a_group_named_for_guerrillas_is_armed(
    sentence: Parse, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "The Urban Guerrilla Group exploded two bombs near the office."
    roles = _roles(sentence, lexicon, lookup_in, text, "exploded")
    assert roles.actor1 is not None and roles.actor1.kind == "armed_group"


@pytest.mark.parametrize(
    "text",
    [
        "On 7 January 2024, supporters of Red League stabbed and killed a supporter of Blue "
        "Party in the town.",
    ],
)
def test_roles_survive_a_parse_that_lost_the_main_verb(
    nlp: Any, lexicon: Lexicon, lookup_in: Any, text: str
) -> None:
    table = {"red": ("other", ["Red League"]), "blue": ("other", ["Blue Party"])}
    (mention,) = mentions_in(nlp, lexicon, lookup_in(text, table), text)
    roles = mention.roles
    assert roles.actor1 is not None and roles.actor2 is not None
    assert roles.actor1.kind == roles.actor2.kind == "partisans"
    assert roles.actor1.start < roles.actor2.start


def test_roles_a_past_verb_parsed_as_an_adjective_still_acts(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    words = ["Militants", "attacked", "villagers", "."]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 2, 2, 2],
        deps=["nsubj", "amod", "ROOT", "punct"],
        tags=["NNS", "VBD", "NNS", "."],
        pos=["NOUN", "VERB", "NOUN", "PUNCT"],
        lemmas=["militant", "attack", "villager", "."],
        sent_starts=[True, False, False, False],
    )
    (trigger,) = find_triggers(doc[:], lexicon)
    assert trigger.lemma == "attack"
    roles = find_roles(doc[1], trigger, lookup=lookup_in(" ".join(words), {}), lexicon=lexicon)
    assert roles.actor1 is not None and roles.actor1.head == "militant"
    assert roles.actor2 is not None and roles.actor2.head == "villager"


def test_roles_a_measure_of_goods_names_the_goods(
    sentence: Parse, lexicon: Lexicon, lookup_in: Callable[[str, Table], ActorLookup]
) -> None:
    text = "RSF fighters seized 460 tons of wheat from a silo near the village."
    roles = _roles(sentence, lexicon, lookup_in, text, "seized")
    assert "wheat" in roles.objects and "ton" not in roles.objects


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Two men were killed in police firing in the town on Sunday.", "killed"),
        ("Two men were killed in a police raid in the town on Sunday.", "killed"),
    ],
)
def test_roles_the_attacker_named_before_the_means_of_a_passive_killing(
    sentence: Parse,
    lexicon: Lexicon,
    lookup_in: Callable[[str, Table], ActorLookup],
    text: str,
    word: str,
) -> None:
    roles = _roles(sentence, lexicon, lookup_in, text, word)
    assert roles.actor1 is not None and roles.actor1.kind == "state_forces"


def test_roles_where_a_blast_went_off_is_what_it_hit(
    sentence: Parse, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "Two explosions occurred at the police station on Monday."
    roles = _roles(sentence, lexicon, lookup_in, text, "explosions")
    assert roles.actor2 is not None
    assert (roles.actor2.kind, roles.actor2.head) == ("state_forces", "police")
    text = "Two explosions occurred at the market on Monday."
    assert _roles(sentence, lexicon, lookup_in, text, "explosions").actor2 is None
