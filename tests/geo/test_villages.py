from __future__ import annotations

from frontlines.geo.entry import NAME_ALTERNATE, NAME_MAIN
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.villages import parse_villages, read_villages, village_records

TEXT = """\
# a comment line
geonameid,name,latitude,longitude,country_code,adm_1,adm_2,population,aliases
101,Kolgo,13.1,-1.2,BF,Sahel,Soum,0,Kolgho|Kolgo Peulh
102,Tanli,12.5,-0.5,BF,Est,,120,
103,Dori,14.03,-0.03,BF,Sahel,Seno,0,
"""


def test_villages_rows_carry_their_admin_names_and_aliases() -> None:
    first, second, _ = parse_villages(TEXT)
    assert (first.geonameid, first.name) == (101, "Kolgo")
    assert (first.adm_1, first.adm_2) == ("Sahel", "Soum")
    assert first.aliases == ("Kolgho", "Kolgo Peulh")
    assert (second.adm_2, second.population, second.aliases) == ("", 120, ())


def test_villages_records_skip_places_already_known_and_keep_geonames_ids() -> None:
    records = list(
        village_records(parse_villages(TEXT), known={103}, countries={"BF": "Burkina Faso"})
    )
    assert [record.entry.id for record in records] == [101, 102]
    kolgo, tanli = (record.entry for record in records)
    assert (kolgo.country, kolgo.admin1, kolgo.admin2) == ("Burkina Faso", "Sahel", "Soum")
    assert tanli.admin2 is None  # GeoNames names no province for it
    assert records[0].names == [
        ("Kolgo", NAME_MAIN),
        ("Kolgho", NAME_ALTERNATE),
        ("Kolgo Peulh", NAME_ALTERNATE),
    ]


def test_villages_shipped_file_is_in_the_gazetteer(gazetteer: Gazetteer) -> None:
    shipped = read_villages()
    assert len(shipped) > 5000
    village = next(v for v in shipped if v.adm_2 and v.name.isalpha() and len(v.name) > 5)
    found = [c.entry for c in gazetteer.lookup(village.name) if c.entry.id == village.geonameid]
    assert found and found[0].admin1 == village.adm_1
