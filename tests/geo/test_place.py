from __future__ import annotations

from frontlines.geo.place import GeoPlace, kind_of
from frontlines.model import Place


def test_place_geoplace_serialises_as_the_contract_place() -> None:
    place = GeoPlace(
        text="Idlib",
        start=0,
        end=5,
        name="Idlib",
        country="Syria",
        latitude=35.9,
        longitude=36.6,
        geonameid=169387,
        kind="admin1",
        admin2=None,
        country_code="SY",
    )
    assert place.to_dict() == Place.from_dict(place.to_dict()).to_dict()
    assert "kind" not in place.to_dict()


def test_place_kind_of_plain_places_is_guessed() -> None:
    country = Place(
        text="Syria", start=0, end=5, name="Syria", country="Syria", latitude=35.0, longitude=38.0
    )
    town = Place(
        text="Aleppo", start=0, end=6, name="Aleppo", country="Syria", latitude=36.2, longitude=37.2
    )
    assert (kind_of(country), kind_of(town), kind_of(Place(text="X", start=0, end=1))) == (
        "country",
        "city",
        None,
    )
