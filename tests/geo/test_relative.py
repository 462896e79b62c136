from __future__ import annotations

import pytest

from frontlines.geo.relative import Relation, is_between, relation


def test_relative_offset_with_distance_and_bearing() -> None:
    found = relation("Shelling hit a village 20 km north of ", " on Monday.")
    assert found == Relation("offset", km=20.0, bearing=0.0, direction="north")


def test_relative_offset_in_miles_and_compound_bearing() -> None:
    found = relation("a convoy was ambushed 10 miles south-west of the town of ", "")
    assert found.kind == "offset"
    assert found.km == pytest.approx(16.09344)
    assert found.bearing == 225.0


def test_relative_near_outskirts_and_countryside() -> None:
    assert relation("clashes near ", "").kind == "near"
    assert relation("fighting on the outskirts of ", "").kind == "near"
    assert relation("in the ", " countryside").kind == "near"
    assert relation("within a few kilometers of ", "").kind == "near"


def test_relative_part_of_an_area_and_plain_mention() -> None:
    assert relation("airstrikes in southern ", "").kind == "part"
    assert relation("rebels entered ", " on Sunday").kind == "at"


def test_relative_between_two_places() -> None:
    assert is_between("fighting between ", " and ")
    assert not is_between("fighting in ", " and ")
