from __future__ import annotations

import pytest

from frontlines.geo.geometry import destination, distance_km, midpoint


def test_geometry_distance_of_one_degree_of_latitude() -> None:
    assert distance_km(36.0, 37.0, 37.0, 37.0) == pytest.approx(111.2, abs=0.1)


def test_geometry_destination_north_moves_latitude_only() -> None:
    lat, lon = destination(36.0, 37.0, bearing=0.0, km=20.0)
    assert lat == pytest.approx(36.0 + 20.0 / 111.195, abs=1e-4)
    assert lon == pytest.approx(37.0, abs=1e-9)


def test_geometry_destination_east_keeps_the_distance() -> None:
    lat, lon = destination(36.0, 37.0, bearing=90.0, km=50.0)
    assert lon > 37.0
    assert lat == pytest.approx(36.0, abs=0.01)
    assert distance_km(36.0, 37.0, lat, lon) == pytest.approx(50.0, rel=1e-6)


def test_geometry_midpoint_is_equidistant() -> None:
    lat, lon = midpoint(36.2, 37.16, 35.93, 36.63)
    assert distance_km(lat, lon, 36.2, 37.16) == pytest.approx(distance_km(lat, lon, 35.93, 36.63))
