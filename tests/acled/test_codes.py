from __future__ import annotations

from datetime import date

from frontlines.acled.codes import (
    AcledActor,
    acled_actor,
    acled_sides,
    civilian_targeting,
    event_id_cnty,
    interaction,
)
from frontlines.model import ActorRef

DAY = date(2024, 11, 27)


def test_kb_actors_get_acled_dictionary_names() -> None:
    ours = ActorRef(
        id="generic-state-forces-russia", name="State forces (Russia)", kind="state forces"
    )
    russia = acled_actor(ours, country="Ukraine", on=DAY)
    assert russia == AcledActor(name="Military Forces of Russia (2000-)", inter=8)  # foreign
    at_home = acled_actor(ours, country="Russia", on=DAY)
    assert at_home.inter == 1
    known = ActorRef(id="ru-forces", name="Russian armed forces", kind="state forces")
    assert acled_actor(known, country="Ukraine", on=DAY).name == "Military Forces of Russia (2000-)"


def test_generic_actors_take_acled_forms_with_the_event_country() -> None:
    civilians = ActorRef(id="civilians", name="Civilians", kind="civilians")
    assert acled_actor(civilians, country="Mali", on=DAY) == AcledActor("Civilians (Mali)", 7)
    group = ActorRef(id="x", name="Unidentified armed group (Sudan)", kind="other")
    assert acled_actor(group, country="Sudan", on=DAY) == AcledActor(
        "Unidentified Armed Group (Sudan)", 3
    )
    rioters = ActorRef(id="y", name="Rioters (Syria)", kind="other")
    assert acled_actor(rioters, country="Syria", on=DAY).inter == 5


def test_an_unknown_actor_keeps_its_name_and_its_kind_code() -> None:
    rebels = ActorRef(id="unk-x", name="Burkinabe rebels", kind="rebel group")
    assert acled_actor(rebels, country="Burkina Faso", on=DAY) == AcledActor("Burkinabe rebels", 2)


def test_sides_never_put_civilians_first_and_always_name_actor1() -> None:
    civilians = AcledActor("Civilians (Ukraine)", 7)
    side1, side2 = acled_sides(
        "Explosions/Remote violence", civilians, civilians, country="Ukraine"
    )
    assert side1 == AcledActor("Unidentified Armed Group (Ukraine)", 3)
    assert side2 == civilians
    assert acled_sides("Protests", None, None, country="Mali")[0] == AcledActor(
        "Protesters (Mali)", 6
    )
    riot = acled_sides(
        "Riots", AcledActor("Unidentified Armed Group (Mali)", 3), None, country="Mali"
    )
    assert riot[0] == AcledActor("Rioters (Mali)", 5)


def test_civilian_targeting_only_where_acled_sets_it() -> None:
    assert civilian_targeting("Violence against civilians", inter2=7) == "Civilian targeting"
    assert civilian_targeting("Explosions/Remote violence", inter2=7) == "Civilian targeting"
    assert civilian_targeting("Explosions/Remote violence", inter2=1) is None
    assert civilian_targeting("Protests", inter2=7) is None
    assert civilian_targeting("Strategic developments", inter2=7) is None


def test_interaction_and_event_ids() -> None:
    assert (interaction(6, 0), interaction(7, 1), interaction(2, 2)) == (60, 17, 22)
    first = event_id_cnty("evt_1", iso3="SYR")
    assert first.startswith("SYR") and first[3:].isdigit()
    assert first == event_id_cnty("evt_1", iso3="SYR") != event_id_cnty("evt_2", iso3="SYR")
    assert event_id_cnty("evt_1", iso3=None).startswith("XXX")
