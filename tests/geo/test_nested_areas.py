from __future__ import annotations

from typing import Any

from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.geoparse import find_places


def places_of(text: str, gazetteer: Gazetteer, nlp: Any) -> dict[str, Any]:
    return {p.text: p for p in find_places(nlp(text), text=text, gazetteer=gazetteer)}


def test_a_village_described_down_to_its_state_is_no_namesake_in_another_state(
    gazetteer: Gazetteer, nlp: Any
) -> None:
    """Manaung is a town of Rakhine; the village near Ye township in Mon State is not it."""
    text = (
        "Soldiers shelled Man Aung village, in Ye township (Mawlamyine District, Mon State), "
        "on Monday."
    )
    places = places_of(text, gazetteer, nlp)
    assert places["Ye"].admin1 == "Mon"
    assert not places["Man Aung"].resolved


def test_the_run_ends_at_a_place_outside_the_area(gazetteer: Gazetteer, nlp: Any) -> None:
    """A town named before a place of another state keeps its readings: the run is broken."""
    text = "Refugees from Manaung reached Yangon and Mawlamyine in Mon State."
    places = places_of(text, gazetteer, nlp)
    assert places["Manaung"].admin1 == "Rakhine"


def test_a_direction_before_an_area_says_it_is_one(gazetteer: Gazetteer, nlp: Any) -> None:
    """ "in northern Jonglei" names the state of South Sudan."""
    text = "Armed youths looted a clinic in Waat in northern Jonglei on Sunday."
    places = places_of(text, gazetteer, nlp)
    assert places["Jonglei"].country_code == "SS"
    assert "Waat" not in places or places["Waat"].country_code in (None, "SS")
