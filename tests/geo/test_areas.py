from __future__ import annotations

from frontlines.geo.areas import area_positions, chains, contains
from frontlines.geo.detect import Mention
from frontlines.geo.entry import Entry, EntryKind
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.rank import resolve


def mentions(text: str, names: list[str]) -> list[Mention]:
    found: list[Mention] = []
    for name in names:
        start = text.index(name, found[-1].end if found else 0)
        found.append(Mention(start, start + len(name), name, "GPE"))
    return found


def entry(kind: EntryKind, name: str, admin1: str | None, admin2: str | None) -> Entry:
    return Entry(
        sum(map(ord, kind + name)), name, kind, "BF", "Burkina Faso", admin1, admin2, 0.0, 0.0, 0
    )


def test_areas_chains_are_a_place_and_the_areas_in_brackets_after_it() -> None:
    text = "in Bana (Mansila, Yagha) and Dori, Seno."
    found = mentions(text, ["Bana", "Mansila", "Yagha", "Dori", "Seno"])
    assert chains(found, text=text) == [[0, 1, 2]]
    assert area_positions(found, text=text) == {1, 2}


def test_areas_chains_allow_a_unit_word_before_the_bracket() -> None:
    text = "a bus burned in Kaliganj upazila (Gazipur, Dhaka)"
    found = mentions(text, ["Kaliganj", "Gazipur", "Dhaka"])
    assert chains(found, text=text) == [[0, 1, 2]]


def test_areas_contains_by_admin_names() -> None:
    town = entry("city", "Sebba", "Sahel", "Yagha")
    assert contains(entry("admin2", "Yagha", "Sahel", "Yagha"), town)
    assert contains(entry("admin1", "Sahel", "Sahel", None), town)
    assert not contains(entry("admin2", "Seno", "Sahel", "Seno"), town)


def test_areas_a_district_holds_only_the_towns_of_its_own_province() -> None:
    district = entry("admin2", "Centre", "Nord", "Centre")
    assert contains(district, entry("city", "Kolo", "Nord", "Centre"))
    assert not contains(district, entry("city", "Kolo", "Est", "Centre"))
    assert contains(district, entry("city", "Kolo", None, "Centre"))


def test_areas_stated_areas_reject_a_same_named_place_elsewhere(gazetteer: Gazetteer) -> None:
    text = "Militants abducted five civilians in Saraqib (Yagha). Saraqib was later raided."
    saraqib, yagha, again = resolve(
        mentions(text, ["Saraqib", "Yagha", "Saraqib"]), text=text, gazetteer=gazetteer
    )
    assert saraqib.entry is None and again.entry is None  # the Syrian town is not in Yagha
    assert yagha.entry is not None
    assert (yagha.entry.kind, yagha.entry.country_code) == ("admin2", "BF")
    text = "Militants abducted five civilians in Bana (Yagha)."
    bana, _ = resolve(mentions(text, ["Bana", "Yagha"]), text=text, gazetteer=gazetteer)
    assert bana.entry is not None  # the shipped GeoNames village of Yagha
    assert (bana.entry.country_code, bana.entry.admin2) == ("BF", "Yagha")


def test_areas_names_in_brackets_read_as_admin_areas(gazetteer: Gazetteer) -> None:
    text = "Merchants were wounded in Sampelga (Sampelga, Seno)."
    *_, seno = resolve(
        mentions(text, ["Sampelga", "Sampelga", "Seno"]), text=text, gazetteer=gazetteer
    )
    assert seno.entry is not None
    assert (seno.entry.name, seno.entry.kind, seno.entry.admin1) == ("Seno", "admin2", "Sahel")


def test_areas_chains_run_through_unit_words_between_the_areas() -> None:
    text = "in Zorba village (Mirla township, Tosko district, Varn state), a mine exploded"
    found = mentions(text, ["Zorba", "Mirla", "Tosko", "Varn"])
    assert chains(found, text=text) == [[0, 1, 2, 3]]
    again = "in Zorba (Zorbe) upazila (Tosko, Varn)"
    found = mentions(again, ["Zorba", "Zorbe", "Tosko", "Varn"])
    # the areas after the other spelling hold the first name too
    assert chains(found, text=again) == [[0, 1], [1, 2, 3], [0, 2, 3]]


def test_areas_a_town_named_like_its_admin1_holds_that_admin1() -> None:
    seat = entry("city", "Varnova", "Varnovo", "Varnova")
    assert contains(seat, entry("city", "Sebba", "Varnovo", "Yagha"))
    assert not contains(seat, entry("city", "Sebba", "Sahel", "Yagha"))
    assert not contains(
        entry("city", "Dori", "Sahel", "Seno"), entry("city", "Sebba", "Sahel", None)
    )


def test_areas_small_namesake_outside_the_stated_area_loses(gazetteer: Gazetteer) -> None:
    text = "Shelling hit Saraqib, Donetsk, on Monday."
    saraqib, donetsk = resolve(
        mentions(text, ["Saraqib", "Donetsk"]), text=text, gazetteer=gazetteer
    )
    assert saraqib.entry is None
    assert donetsk.entry is not None
    assert (donetsk.entry.kind, donetsk.entry.country_code) == ("admin1", "UA")


def test_areas_a_unit_word_may_stand_between_a_place_and_its_area(gazetteer: Gazetteer) -> None:
    text = "Shelling hit Saraqib village in Donetsk oblast on Monday."
    saraqib, donetsk = resolve(
        mentions(text, ["Saraqib", "Donetsk"]), text=text, gazetteer=gazetteer
    )
    assert saraqib.entry is None  # the Syrian town is not the Donetsk village
    assert donetsk.entry is not None and donetsk.entry.country_code == "UA"


def test_areas_large_city_before_an_area_is_a_list_not_a_namesake(gazetteer: Gazetteer) -> None:
    text = "Strikes hit Aleppo, Donetsk and Gaza."
    aleppo, *_ = resolve(
        mentions(text, ["Aleppo", "Donetsk", "Gaza"]), text=text, gazetteer=gazetteer
    )
    assert aleppo.entry is not None and aleppo.entry.country_code == "SY"


def test_areas_chains_take_in_a_village_written_before_its_unit() -> None:
    text = "at Zorba village, Mirla upazila (Tosko, Varn), a clash"
    found = mentions(text, ["Zorba", "Mirla", "Tosko", "Varn"])
    assert chains(found, text=text) == [[0, 1, 2, 3]]


def test_areas_a_town_known_only_as_its_district_reads_as_the_district(
    gazetteer: Gazetteer,
) -> None:
    """ "Kurigram city, Kurigram Sadar (Rangpur)": the gazetteer holds the district, not the
    town; the town is read as the district the text puts it in, not left unknown."""
    text = "Students clashed with police in Kurigram city, Kurigram Sadar (Rangpur)."
    town, district, division = resolve(
        mentions(text, ["Kurigram", "Kurigram", "Rangpur"]), text=text, gazetteer=gazetteer
    )
    assert town.entry is not None and district.entry is not None
    assert (town.entry.name, town.entry.kind, town.entry.admin1) == (
        "Kurigram",
        "admin2",
        "Rangpur",
    )
    assert district.entry.id == town.entry.id
    assert division.entry is not None and division.entry.kind == "admin1"


def test_areas_each_of_a_list_said_to_lie_in_an_area_lies_in_it(gazetteer: Gazetteer) -> None:
    """ "Kramatorsk and Saraqib area in Donetsk oblast": a list, but "in" says both lie in it;
    in "Kramatorsk, Saraqib, Donetsk and Gaza" the list says nothing of the sort."""
    text = "Shelling hit Kramatorsk and Saraqib area in Donetsk oblast on Monday."
    _, saraqib, _ = resolve(
        mentions(text, ["Kramatorsk", "Saraqib", "Donetsk"]), text=text, gazetteer=gazetteer
    )
    assert saraqib.entry is None
    listed = "Strikes hit Kramatorsk, Saraqib, Donetsk and Gaza."
    _, saraqib, *_ = resolve(
        mentions(listed, ["Kramatorsk", "Saraqib", "Donetsk", "Gaza"]),
        text=listed,
        gazetteer=gazetteer,
    )
    assert saraqib.entry is not None and saraqib.entry.country_code == "SY"
