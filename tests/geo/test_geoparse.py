from __future__ import annotations

import re
from typing import Any

import pytest

from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.geoparse import find_places, part_suffix, resolve_spans
from frontlines.geo.place import GeoPlace
from tests.geo.conftest import MakeParse


def resolve(text: str, names: list[str], gazetteer: Gazetteer) -> list[GeoPlace]:
    spans: list[tuple[int, int]] = []
    for name in names:
        start = text.index(name, spans[-1][1] if spans else 0)
        spans.append((start, start + len(name)))
    return resolve_spans(spans, text=text, gazetteer=gazetteer)


def test_geoparse_transliterations_resolve_to_one_town(gazetteer: Gazetteer) -> None:
    text = "Tal Rifaat, Tell Rifaat and Tall Rifat are one town north of Aleppo."
    places = resolve(text, ["Tal Rifaat", "Tell Rifaat", "Tall Rifat", "Aleppo"], gazetteer)
    assert {p.geonameid for p in places[:3]} == {163476}
    assert all(p.role == "place" and p.admin1 == "Aleppo" for p in places)


def test_geoparse_one_unresolvable_name_leaves_the_rest(gazetteer: Gazetteer) -> None:
    places = resolve("Fighting in Qxzvbrt and Aleppo.", ["Qxzvbrt", "Aleppo"], gazetteer)
    assert [(p.text, p.resolved) for p in places] == [("Qxzvbrt", False), ("Aleppo", True)]


def test_geoparse_find_places_marks_metonyms_and_leaves_out_demonyms(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    parse = make_parse(
        [
            ("Moscow", 1, "nsubj", "Moscow", "B-GPE"),
            ("said", 1, "ROOT", "say", "O"),
            ("Syrian", 3, "amod", "syrian", "B-NORP"),
            ("jets", 4, "nsubj", "jet", "O"),
            ("struck", 1, "ccomp", "strike", "O"),
            ("Aleppo", 4, "dobj", "Aleppo", "B-GPE"),
        ]
    )
    places = find_places(parse, text=parse.text, gazetteer=gazetteer)
    assert [(p.text, p.name, p.role) for p in places] == [
        ("Moscow", "Moscow", "metonym"),
        ("Aleppo", "Aleppo", "place"),
    ]
    assert parse.text[places[1].start : places[1].end] == "Aleppo"
    with_demonyms = find_places(parse, text=parse.text, gazetteer=gazetteer, demonyms=True)
    assert [(p.name, p.role) for p in with_demonyms] == [
        ("Moscow", "metonym"),
        ("Syria", "demonym"),
        ("Aleppo", "place"),
    ]


def test_geoparse_ukrainian_donetsk_in_a_story_of_russian_places(
    gazetteer: Gazetteer, nlp: Any
) -> None:
    """A namesake abroad needs evidence: Russia's small Donetsk is not picked because the story
    names Russian places and Russia speaks in it, but is where the text says so."""
    text = (
        "Russia's defence ministry said its forces destroyed a Ukrainian command post near "
        "Donetsk. Moscow said Russian troops had advanced in the Belgorod and Kursk regions."
    )
    places = {p.text: p for p in find_places(nlp(text), text=text, gazetteer=gazetteer)}
    assert (places["Russia"].role, places["Moscow"].role) == ("metonym", "metonym")
    assert places["Belgorod"].country_code == "RU"
    donetsk = places["Donetsk"]
    assert (donetsk.country_code, donetsk.admin1) == ("UA", "Donetsk")
    stated = "Police in Donetsk, Rostov region, detained two men."
    found = find_places(nlp(stated), text=stated, gazetteer=gazetteer)
    assert [(p.text, p.country_code) for p in found][:1] == [("Donetsk", "RU")]


def test_geoparse_a_namesake_abroad_needs_evidence(gazetteer: Gazetteer, nlp: Any) -> None:
    """ "Bagram" is also another name of a hamlet in Iran; in a story about Afghanistan the
    Afghan Bagram is meant."""
    text = (
        "A suicide bomber blew himself up in Bagram on Monday, killing six soldiers. "
        "It was the deadliest attack on foreign troops in Afghanistan this year."
    )
    places = {p.text: p for p in find_places(nlp(text), text=text, gazetteer=gazetteer)}
    assert places["Bagram"].country_code == "AF"


def test_geoparse_a_weapon_named_like_a_town_is_no_place(gazetteer: Gazetteer, nlp: Any) -> None:
    text = "Russian forces fired Grad rockets and an Iskander missile at Kharkiv."
    names = [p.text for p in find_places(nlp(text), text=text, gazetteer=gazetteer)]
    assert "Grad" not in names and "Iskander" not in names
    assert "Kharkiv" in names


def test_geoparse_an_old_name_of_a_city_abroad_is_no_evidence(gazetteer: Gazetteer) -> None:
    """ "Berea" is also an old name of Aleppo; beside Kentucky towns it is the Kentucky town."""
    text = "Students from Berea and Richmond, Kentucky, joined the rally in Lexington."
    places = resolve(text, ["Berea", "Richmond", "Kentucky", "Lexington"], gazetteer)
    assert places[0].country_code == "US"


def test_geoparse_an_unknown_name_spacy_calls_a_place_needs_words_that_say_so(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    """ "signed a lease with Qxzvbrt": spaCy's GPE alone does not make an unknown name a place;
    "fighting in Qxzvbrt" does."""
    for preposition, kept in (("with", False), ("in", True)):
        parse = make_parse(
            [
                ("Fighting", 0, "ROOT", "fight", "O"),
                (preposition, 0, "prep", preposition, "O"),
                ("Qxzvbrt", 1, "pobj", "Qxzvbrt", "B-GPE"),
                (".", 0, "punct", ".", "O"),
            ]
        )
        places = find_places(parse, text=parse.text, gazetteer=gazetteer)
        assert [p.text for p in places] == (["Qxzvbrt"] if kept else [])


def test_geoparse_a_street_is_listed_as_a_street_not_a_town(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    """ "on Rivers Avenue": a street, not the Nigerian state of Rivers; never looked up."""
    parse = make_parse(
        [
            ("A", 1, "det", "a", "O"),
            ("crash", 1, "ROOT", "crash", "O"),
            ("on", 1, "prep", "on", "O"),
            ("Rivers", 4, "compound", "Rivers", "O"),
            ("Avenue", 2, "pobj", "Avenue", "O"),
            (".", 1, "punct", ".", "O"),
        ]
    )
    places = find_places(parse, text=parse.text, gazetteer=gazetteer)
    assert [(p.text, p.role, p.resolved) for p in places] == [("Rivers Avenue", "street", False)]


def test_geoparse_the_compass_word_of_an_areas_part_is_no_place() -> None:
    text = "in Dagon township (Yangon-East district), near East Dagon and North-West."
    start = text.index("East")
    assert part_suffix(text, start, start + 4)
    other = text.index("East", start + 1)
    assert not part_suffix(text, other, other + 4)  # "East Dagon": a name of its own
    west = text.index("West")
    assert not part_suffix(text, west, west + 4)  # "North-West": no area before the dash


@pytest.mark.slow
def test_geoparse_a_weak_namesake_in_a_third_country_is_left_unknown(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """A story about two countries (a siege in Algeria, told from Tokyo) still keeps a loose
    reading in a third one, far from both, out: "Amenas" is no Swedish hamlet."""
    text = (
        "Japan has confirmed that seven of its nationals died after they were taken hostage "
        "by militants in Algeria. Prime Minister Shinzo Abe, late Monday in Tokyo, confirmed "
        "it. Islamists stormed the natural gas refinery at In Amenas last Wednesday."
    )
    places = find_places(nlp(text), text=text, gazetteer=gazetteer)
    amenas = next(p for p in places if p.text.endswith("Amenas"))
    assert amenas.country in (None, "Algeria")


def test_geoparse_weak_namesakes_abroad_do_not_vouch_for_each_other(
    gazetteer: Gazetteer,
) -> None:
    """Two people's names read as far-away villages ("Soler" in Spain, "Berta" in Albania)
    lie within reach of each other; neither is an anchor, so both stay unknown."""
    text = (
        "Women marched in Havana, Cuba. A woman from Guantanamo came; her son lives in "
        "Florida, in the U.S. For Soler, it is a full-time job. Berta is tired. Soler said so."
    )
    names = ["Havana", "Cuba", "Guantanamo", "Florida", "U.S.", "Soler", "Berta"]
    spans = [(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)]
    found = {
        p.text: p.country for p in resolve_spans(sorted(spans), text=text, gazetteer=gazetteer)
    }
    assert (found["Havana"], found["Florida"]) == ("Cuba", "United States")
    assert found["Soler"] is None and found["Berta"] is None


def test_geoparse_a_dateline_names_a_town_even_a_famous_persons_name(
    gazetteer: Gazetteer, nlp: Any
) -> None:
    """ "CLINTON —" opens a dateline: the town, though Clinton is also a famous surname and
    spaCy may read the capitals as a person, or run them into the words after the dash."""
    for text, name in (
        ("Couple faces drug counts. CLINTON — A town couple was arrested on Friday.", "CLINTON"),
        (
            "Board will dump assessors. DANIELSVILLE - Madison County commissioners voted.",
            "DANIELSVILLE",
        ),
    ):
        places = {p.text: p for p in find_places(nlp(text), text=text, gazetteer=gazetteer)}
        assert places[name].role == "dateline" and places[name].resolved


def test_geoparse_the_towns_a_road_joins_are_places(gazetteer: Gazetteer, nlp: Any) -> None:
    """ "the Monguno-Maiduguri road", "the axis Nassoumbou-Djibo": both towns, also where spaCy
    reads the pair as an organisation; a hyphenated pair without a road word is left alone."""
    for text, towns in (
        ("Gunmen ambushed a convoy on the Monguno-Maiduguri road.", ("Monguno", "Maiduguri")),
        ("Militants blew up a bridge on the axis Nassoumbou-Djibo.", ("Nassoumbou", "Djibo")),
    ):
        places = {p.text: p for p in find_places(nlp(text), text=text, gazetteer=gazetteer)}
        assert all(places[town].resolved for town in towns)


def test_geoparse_spans_given_out_of_order_are_read_in_text_order(gazetteer: Gazetteer) -> None:
    text = (
        "The pair were stopped near Oxford, North Carolina. Officers from the town of "
        "Lewisburg, West Virginia, had been looking for them since Granville County, North "
        "Carolina, sent a warning."
    )
    spans = []
    for name in ["North Carolina", "West Virginia", "Oxford", "Lewisburg", "Granville County"]:
        start = text.index(name)
        spans.append((start, start + len(name)))
    places = resolve_spans(spans, text=text, gazetteer=gazetteer)
    assert [p.start for p in places] == sorted(start for start, _ in spans)
    lewisburg = next(p for p in places if p.text == "Lewisburg")
    assert (lewisburg.name, lewisburg.admin1) == ("Lewisburg", "West Virginia")
