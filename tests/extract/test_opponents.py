"""The other side of a battle told with one side: the story's most-named force of the other kind."""

from __future__ import annotations

from frontlines.extract.opponents import armed_forces, both_sides, opponent
from frontlines.model import Actor, Mention


def _actor(actor_id: str, kind: str, *starts: int) -> Actor:
    mentions = tuple(Mention("x", start, start + 1) for start in starts)
    return Actor(id=actor_id, name=actor_id, kind=kind, mentions=mentions)


ARMY = _actor("army", "state forces", 5, 50)
POLICE = _actor("police", "state forces", 90)
REBELS = _actor("rebels", "rebel group", 10, 60, 70)
MILITIA = _actor("militia", "political militia", 3)
GOVERNMENT = _actor("government", "government", 1, 2, 3, 4)


def test_forces_are_ranked_by_how_often_the_article_names_them() -> None:
    forces = armed_forces([POLICE, MILITIA, GOVERNMENT, ARMY, REBELS])
    assert [f.id for f in forces] == ["rebels", "army", "militia", "police"]


def test_state_forces_fight_the_most_named_armed_group_and_back() -> None:
    forces = armed_forces([ARMY, POLICE, REBELS, MILITIA])
    found = opponent(ARMY.ref(), forces)
    assert found is not None and found.id == "rebels"
    found = opponent(MILITIA.ref(), forces)
    assert found is not None and found.id == "army"


def test_a_side_that_is_no_fighting_force_takes_no_opponent() -> None:
    forces = armed_forces([ARMY, REBELS])
    assert opponent(GOVERNMENT.ref(), forces) is None
    assert opponent(ARMY.ref(), armed_forces([ARMY, POLICE])) is None


def test_a_battle_with_no_side_named_is_the_states_forces_against_the_armed_group() -> None:
    sides = both_sides(armed_forces([REBELS, ARMY]))
    assert sides is not None and (sides[0].id, sides[1].id) == ("army", "rebels")
    assert both_sides(armed_forces([REBELS, MILITIA])) is None
