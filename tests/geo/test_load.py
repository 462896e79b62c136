"""``gazetteer add``: hand-written fragments of GeoNames' and UCDP's file formats, loaded into a
cache folder that holds the session's built gazetteer."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from frontlines.errors import InputError
from frontlines.geo.added import WATCHED_PLACES, added_path, sources
from frontlines.geo.entry import Entry
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.load import GEONAMES_LICENCE, UCDP_LICENCE, add_file


def dump_line(*head: str, admin: tuple[str, str], population: str, modified: str) -> str:
    """geonameid, name, asciiname, alternatenames, lat, lon, feature class and code; then the
    country, cc2, admin1..admin4, population, elevation, dem, timezone, modification date."""
    tail = ("BF", "", *admin, "", "", population, "", "280", "Africa/Ouagadougou", modified)
    return "\t".join((*head, *tail))


KOSSI, SENO = ("01", "27"), ("12", "71")
DUMP = "\n".join(
    (
        dump_line(
            "9100001",
            "Kiémé",
            "Kieme",
            "Kieme,Kyeme",
            "12.8",
            "-4.31",
            "P",
            "PPL",
            admin=KOSSI,
            population="0",
            modified="2024-01-10",
        ),
        dump_line(
            "9100002",
            "Tondobiga",
            "Tondobiga",
            "",
            "14.1",
            "-0.9",
            "P",
            "PPL",
            admin=SENO,
            population="350",
            modified="2023-05-01",
        ),
        dump_line(
            "9100003",
            "Kiémé Koba",
            "Kieme Koba",
            "",
            "12.81",
            "-4.3",
            "H",
            "STM",
            admin=KOSSI,
            population="0",
            modified="2022-01-01",
        ),
        dump_line(
            "9100004",
            "Yombo",
            "Yombo",
            "",
            "12.9",
            "-4.2",
            "P",
            "PPLH",
            admin=KOSSI,
            population="0",
            modified="2022-01-01",
        ),
    )
)
ADMIN1 = "BF.01\tBoucle du Mouhoun\tBoucle du Mouhoun\t6930701\nBF.12\tSahel\tSahel\t6930713\n"
ADMIN2 = (
    "BF.01.27\tProvince de la Kossi\tProvince de la Kossi\t2359027\n"
    "BF.12.71\tProvince du Séno\tProvince du Seno\t2355737\n"
)
UCDP_HEADER = (
    "id,year,country,where_prec,where_coordinates,adm_1,adm_2,latitude,longitude,date_start,"
    "date_end\n"
)
UCDP = UCDP_HEADER + (
    "1,2018,Syria,1,Kherbet Zaytounat village,Idlib governorate,Maarrat al-Nu'man district,"
    "35.61000,36.71000,2018-02-01,2018-02-01\n"
    '2,2018,Syria,2.0,"Kherbet Zaytounat village",Idlib governorate,,35.62000,36.72000,'
    "2018-03-01,2018-03-02\n"
    "3,2018,Syria,4,Qaryat Bayda village,Idlib governorate,,35.70000,36.60000,"
    "2018-04-01,2018-04-01\n"
    "4,2019,Syria,1,Sarakib town,Idlib governorate,,35.86500,36.80600,2019-01-05,2019-01-06\n"
)


@pytest.fixture
def cache(tmp_path: Path, gazetteer: Gazetteer) -> Path:
    """A cache folder with the session's built gazetteer and nothing added."""
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / gazetteer.path.name).symlink_to(gazetteer.path)
    return folder


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def counts(cache: Path) -> tuple[int, ...]:
    connection = sqlite3.connect(added_path(cache))
    try:
        return tuple(
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("places", "names", "sources")
        )
    finally:
        connection.close()


def in_country(cache: Path, name: str, code: str) -> list[Entry]:
    gazetteer = Gazetteer.open(cache_dir=cache)
    try:
        return [c.entry for c in gazetteer.lookup(name) if c.entry.country_code == code]
    finally:
        gazetteer.close()


def entry_named(cache: Path, name: str, code: str) -> Entry:
    found = in_country(cache, name, code)
    assert len(found) == 1, found
    return found[0]


def test_load_a_country_dump_with_its_admin_tables(cache: Path, tmp_path: Path) -> None:
    add_file(write(tmp_path, "admin1CodesASCII.txt", ADMIN1), cache_dir=cache)
    add_file(write(tmp_path, "admin2Codes.txt", ADMIN2), cache_dir=cache)
    added = add_file(write(tmp_path, "BF.txt", DUMP), cache_dir=cache)
    assert added.loaded
    assert (added.source.rows, added.source.places) == (4, 2)  # a stream, a historical place
    assert added.source.date == "2024-01-10"
    assert added.source.licence == GEONAMES_LICENCE
    kieme = entry_named(cache, "Kyeme", "BF")
    # The admin names are the built gazetteer's, not "Province de la Kossi".
    assert (kieme.name, kieme.admin1, kieme.admin2) == (
        "Kieme",
        "Boucle du Mouhoun",
        "Kossi",
    )
    assert entry_named(cache, "Tondobiga", "BF").admin2 == "Seno"
    # The stream and the historical place are left out (the shipped villages may share a
    # consonant skeleton with them: "Yamba").
    left_out = {9100003, 9100004}
    assert not [e for e in in_country(cache, "Kieme Koba", "BF") if e.id in left_out]
    assert not [e for e in in_country(cache, "Yombo", "BF") if e.id in left_out]


def test_admin_tables_loaded_after_the_dump_still_name_its_areas(
    cache: Path, tmp_path: Path
) -> None:
    add_file(write(tmp_path, "BF.txt", DUMP), cache_dir=cache)
    # Without the tables its areas come from its neighbours at most (the shipped villages of
    # Burkina Faso lie near it); the tables name them.
    add_file(write(tmp_path, "admin1CodesASCII.txt", ADMIN1), cache_dir=cache)
    add_file(write(tmp_path, "admin2Codes.txt", ADMIN2), cache_dir=cache)
    kieme = entry_named(cache, "Kieme", "BF")
    assert (kieme.admin1, kieme.admin2) == ("Boucle du Mouhoun", "Kossi")


def test_adding_a_file_twice_changes_nothing(cache: Path, tmp_path: Path) -> None:
    dump = write(tmp_path, "BF.txt", DUMP)
    add_file(dump, cache_dir=cache)
    before = counts(cache)
    again = add_file(dump, cache_dir=cache)
    assert not again.loaded
    assert counts(cache) == before
    # The same rows under another file name add a source but no place or name.
    add_file(write(tmp_path, "copy.txt", DUMP + "\n"), cache_dir=cache)
    assert counts(cache)[:2] == before[:2]
    assert [s.name for s in sources(added_path(cache))] == ["BF.txt", "copy.txt"]


def test_a_zipped_country_file_loads_like_the_text(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "BF.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("readme.txt", "GeoNames readme\tnot\tdata\n")
        archive.writestr("BF.txt", DUMP)
    added = add_file(path, cache_dir=cache)
    assert (added.source.kind, added.source.places) == ("geonames", 2)
    assert entry_named(cache, "Tondobiga", "BF").latitude == 14.1


def test_alternate_names_reach_places_already_known(cache: Path, tmp_path: Path) -> None:
    add_file(write(tmp_path, "BF.txt", DUMP), cache_dir=cache)
    # alternateNameId, geonameid, language, name, preferred, short, colloquial, historic, from, to
    rows = (
        "1\t9100001\tfr\tKiémé-Bobo\t\t\t\t\t\t",
        "2\t2357048\t\tOuagaville\t\t\t1\t\t\t",  # Ouagadougou, in the built gazetteer
        "3\t9100002\tlink\thttps://example.org/Tondobiga\t\t\t\t\t\t",
        "4\t9100002\ten\tOld Tondo\t\t\t\t1\t\t",  # historic
        "5\t99999999\ten\tNowhere Town\t\t\t\t\t\t",  # a place the gazetteer lacks
    )
    added = add_file(write(tmp_path, "alternateNamesV2.txt", "\n".join(rows)), cache_dir=cache)
    assert (added.source.kind, added.source.names) == ("alternate names", 2)
    assert entry_named(cache, "Kieme-Bobo", "BF").id == 9100001
    assert entry_named(cache, "Ouagaville", "BF").name == "Ouagadougou"
    assert in_country(cache, "Old Tondo", "BF") == []
    assert all(
        c.entry.id != 99999999 for c in Gazetteer.open(cache_dir=cache).lookup("Nowhere Town")
    )


def test_ucdp_ged_villages_join_the_gazetteer(cache: Path, tmp_path: Path) -> None:
    assert in_country(cache, "Kherbet Zaytounat", "SY") == []
    added = add_file(write(tmp_path, "ged.csv", UCDP), cache_dir=cache)
    assert (added.source.kind, added.source.rows, added.source.places) == ("ucdp ged", 4, 1)
    assert (added.source.date, added.source.licence) == ("2019-01-06", UCDP_LICENCE)
    village = entry_named(cache, "Kherbet Zaytounat", "SY")
    # One place at the mean of its two events, in the admin areas of the towns around it.
    assert village.latitude == pytest.approx(35.615)
    assert village.admin1 == "Idlib"
    # An event at Saraqib adds UCDP's spelling to the town rather than a second Saraqib; the
    # event placed only to its province (where_prec 4) adds nothing.
    assert entry_named(cache, "Sarakib", "SY").id == 164816
    assert in_country(cache, "Qaryat Bayda", "SY") == []


def test_a_file_of_another_kind_is_refused(cache: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="neither a GeoNames dump"):
        add_file(write(tmp_path, "notes.txt", "just some notes\n"), cache_dir=cache)
    with pytest.raises(InputError, match="SHA-256"):
        add_file(write(tmp_path, "BF.txt", DUMP), cache_dir=cache, sha256="00" * 32)
    assert sources(added_path(cache)) == []


def test_a_country_with_many_added_villages_is_watched(cache: Path, tmp_path: Path) -> None:
    lines = [
        dump_line(
            str(9200000 + index),
            f"Village {index}",
            f"Village {index}",
            "",
            "12.5",
            "-1.5",
            "P",
            "PPL",
            admin=KOSSI,
            population="0",
            modified="2024-01-01",
        )
        for index in range(WATCHED_PLACES)
    ]
    add_file(write(tmp_path, "few.txt", DUMP), cache_dir=cache)
    assert Gazetteer.open(cache_dir=cache).watched_countries == frozenset()
    add_file(write(tmp_path, "many.txt", "\n".join(lines)), cache_dir=cache)
    assert Gazetteer.open(cache_dir=cache).watched_countries == {"BF"}


def near_spellings(cache: Path, name: str) -> list[str]:
    gazetteer = Gazetteer.open(cache_dir=cache)
    try:
        return [c.entry.name for c in gazetteer.fuzzy(name, country_codes=["BF"])]
    finally:
        gazetteer.close()


def test_near_spellings_of_added_villages_are_found(cache: Path, tmp_path: Path) -> None:
    add_file(write(tmp_path, "BF.txt", DUMP), cache_dir=cache)
    assert "Kieme" in near_spellings(cache, "Kiyeme")
    assert near_spellings(cache, "Kiyemebougou") == []  # too long to be a near spelling


def test_an_added_file_from_before_the_spellings_table_is_still_read(
    cache: Path, tmp_path: Path
) -> None:
    add_file(write(tmp_path, "BF.txt", DUMP), cache_dir=cache)
    connection = sqlite3.connect(added_path(cache))
    connection.execute("DROP TABLE spell")
    connection.commit()
    connection.close()
    assert "Kieme" in near_spellings(cache, "Kiyeme")


def test_a_village_without_admin2_code_takes_its_near_neighbours_areas(
    cache: Path, tmp_path: Path
) -> None:
    lines = [
        dump_line(
            "9100011", "Dara", "Dara", "", "12.8", "-4.31", "P", "PPL",
            admin=KOSSI, population="0", modified="2024-01-10",
        ),
        dump_line(  # 5 km away, no admin2 code
            "9100012", "Darakoro", "Darakoro", "", "12.84", "-4.31", "P", "PPL",
            admin=("01", ""), population="0", modified="2024-01-10",
        ),
        dump_line(  # an unknown admin1 ("x43"), 3 km away
            "9100013", "Darasso", "Darasso", "", "12.8", "-4.28", "P", "PPL",
            admin=("x43", ""), population="0", modified="2024-01-10",
        ),
        dump_line(  # 200 km away: no neighbour in reach
            "9100014", "Darabe", "Darabe", "", "14.6", "-4.31", "P", "PPL",
            admin=("01", ""), population="0", modified="2024-01-10",
        ),
    ]  # fmt: skip
    add_file(write(tmp_path, "admin1CodesASCII.txt", ADMIN1), cache_dir=cache)
    add_file(write(tmp_path, "admin2Codes.txt", ADMIN2), cache_dir=cache)
    add_file(write(tmp_path, "BF.txt", "\n".join(lines)), cache_dir=cache)
    near = entry_named(cache, "Darakoro", "BF")
    assert (near.admin1, near.admin2) == ("Boucle du Mouhoun", "Kossi")
    unknown = entry_named(cache, "Darasso", "BF")
    assert (unknown.admin1, unknown.admin2) == ("Boucle du Mouhoun", "Kossi")
    far = entry_named(cache, "Darabe", "BF")
    assert (far.admin1, far.admin2) == ("Boucle du Mouhoun", None)
