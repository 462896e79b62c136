from __future__ import annotations

from frontlines.geo.not_places import names_a_weapon_or_unit


def at(text: str, name: str) -> bool:
    start = text.index(name)
    return names_a_weapon_or_unit(text, start, start + len(name))


def test_not_places_a_weapon_named_like_a_town_is_the_weapon() -> None:
    assert at("Russian forces fired Grad rockets at the village.", "Grad")
    assert at("An Iskander struck the port overnight.", "Iskander")
    assert at("Fighters of the Azov regiment held the plant.", "Azov")


def test_not_places_the_town_where_the_text_says_so() -> None:
    assert not at("Police in Tomahawk arrested a man.", "Tomahawk")
    assert not at("Shelling hit Azov on Monday.", "Azov")  # not on the weapons list
