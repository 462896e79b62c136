from __future__ import annotations

from frontlines.geo.entry import NAME_ALTERNATE, NAME_MAIN, Entry
from frontlines.geo.installed_sources import CityRow, Record
from frontlines.geo.supplement import (
    SUPPLEMENT_POPULATION,
    SupplementPlace,
    read_supplement,
    supplement_records,
    ucdp_place_name,
)


def city(
    geonameid: int, name: str, lat: float, lon: float, *, admin2: str, admin1: str = "Donetsk"
) -> CityRow:
    entry = Entry(
        id=geonameid,
        name=name,
        kind="city",
        country_code="UA",
        country="Ukraine",
        admin1=admin1,
        admin2=admin2,
        latitude=lat,
        longitude=lon,
        population=5000,
    )
    return CityRow(Record(entry, [(name, NAME_MAIN)]), None, None)


def place(name: str, lat: float, lon: float) -> SupplementPlace:
    return SupplementPlace(name, lat, lon, "UA", "Donetsk oblast", "Old raion")


def test_supplement_ucdp_place_name_drops_the_settlement_word() -> None:
    assert ucdp_place_name("Orlivka village") == "Orlivka"
    assert ucdp_place_name("Krasnyi Lyman town") == "Krasnyi Lyman"
    assert ucdp_place_name("Kiev city") == "Kiev"
    assert ucdp_place_name("Hranitne village (Volnovakha raion)") == "Hranitne"
    assert ucdp_place_name("Nova Marivka") == "Nova Marivka"
    assert ucdp_place_name("Tall al Hamra village") == "Tall al Hamra"


def test_supplement_ucdp_place_name_skips_sites_and_admin_areas() -> None:
    for where in (
        "Luhansk airport",
        "Road between Zarichne and Kreminna",
        "MH17 crash site",
        "Cemetery of Mine 29",
        "Donetsk oblast",
        "Kharkiv Oblast",
        "Khortytsia island",
    ):
        assert ucdp_place_name(where) is None, where
    assert ucdp_place_name("Popasna", adm_2="Popasna raion") is None
    assert ucdp_place_name("Popasna town", adm_2="Popasna raion") == "Popasna"


def test_supplement_records_add_missing_villages_in_the_nearest_towns_areas() -> None:
    towns = [
        city(1, "Pisky", 50.0, 33.0, admin2="Lubny"),
        city(2, "Avdiivka", 48.14, 37.74, admin2="Pokrovsk"),
    ]
    added = list(
        supplement_records(
            [place("Pisky", 48.06, 37.68), place("Avdiyivka", 48.139, 37.742)],
            cities=towns,
            countries={"UA": "Ukraine"},
        )
    )
    (record,) = added  # the second is Avdiivka, 200 m away: a spelling, not a place
    entry = record.entry
    assert (entry.name, entry.kind, entry.geonameid) == ("Pisky", "city", None)
    assert (entry.admin1, entry.admin2, entry.country) == ("Donetsk", "Pokrovsk", "Ukraine")
    assert entry.population == SUPPLEMENT_POPULATION
    assert ("Avdiyivka", NAME_ALTERNATE) in towns[1].record.names


def test_supplement_records_prefer_a_town_in_ucdp_adm_1_over_a_nearer_one_across_the_border() -> (
    None
):
    towns = [
        city(1, "Svatove", 49.58, 37.92, admin1="Luhansk", admin2="Svatove"),
        city(2, "Kupiansk", 49.6, 37.75, admin1="Kharkiv", admin2="Kupiansk"),
    ]
    village = SupplementPlace("Krokhmalne", 49.574, 37.915, "UA", "Kharkiv Oblast", "")
    (record,) = supplement_records([village], cities=towns, countries={})
    assert (record.entry.admin1, record.entry.admin2) == ("Kharkiv", "Kupiansk")


def test_supplement_records_keep_ucdp_areas_where_no_town_is_near() -> None:
    (record,) = supplement_records(
        [place("Remote", 48.0, 37.0)], cities=[], countries={"UA": "Ukraine"}
    )
    assert (record.entry.admin1, record.entry.admin2) == ("Donetsk", "Old")


def test_supplement_read_shipped_file_has_ukrainian_villages() -> None:
    places = read_supplement()
    assert len(places) > 300
    assert all(p.country_code == "UA" and 44 < p.latitude < 53 for p in places)
    assert len({(p.name, p.latitude) for p in places}) == len(places)
