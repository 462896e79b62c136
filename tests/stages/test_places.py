from __future__ import annotations

from typing import Any

import pytest

from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.locate import locate
from frontlines.model import Article
from frontlines.pipeline import Document
from frontlines.stages.cleanup import Cleanup
from frontlines.stages.places import Places, make_stage
from frontlines.stages.resources import Resources

pytestmark = pytest.mark.slow

TEXT = (
    "Government forces shelled Saraqib, Idlib, on Monday. "
    "Moscow said its jets had struck rebel positions 20 km north of Aleppo. "
    "Fighting also broke out in Kafr Nabl and Tal Rifaat."
)


@pytest.fixture(scope="module")
def gazetteer(resources: Resources) -> Gazetteer:
    return resources.gazetteer


def run(nlp: Any, gazetteer: Gazetteer, text: str) -> Document:
    doc = Document(article=Article.create(text))
    doc.parse = nlp(doc.clean_text)
    return Places(gazetteer=gazetteer)(doc)


def test_places_make_stage_declares_its_fields(resources: Resources) -> None:
    stage = make_stage(resources=resources)
    assert (stage.name, stage.requires, stage.assigns) == (
        "places",
        ("article", "masks", "parse"),
        ("places",),
    )


def test_places_fills_the_contract_fields_with_offsets_into_the_text(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    doc = run(nlp, gazetteer, TEXT)
    assert all(TEXT[p.start : p.end] == p.text for p in doc.places)
    by_text = {p.text: p.to_dict() for p in doc.places}
    saraqib = by_text["Saraqib"]
    assert set(saraqib) == {
        "text",
        "start",
        "end",
        "name",
        "country",
        "admin1",
        "latitude",
        "longitude",
        "geonameid",
        "role",
    }
    assert (saraqib["name"], saraqib["country"], saraqib["admin1"], saraqib["geonameid"]) == (
        "Saraqib",
        "Syria",
        "Idlib",
        164816,
    )
    assert by_text["Aleppo"]["role"] == "place"
    assert by_text["Moscow"]["role"] == "metonym"


def test_places_recovers_towns_spacy_does_not_tag_as_places(nlp: Any, gazetteer: Gazetteer) -> None:
    doc = run(nlp, gazetteer, TEXT)
    names = {p.text: p.name for p in doc.places}
    assert names["Kafr Nabl"] == "Kafranbel"
    assert names["Tal Rifaat"] == "Tall Rif‘at"


def test_places_kremlin_and_capitals_backing_a_side_are_metonyms(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "The Tehran and Kremlin-backed government lost ground near Hama."
    roles = {p.text: (p.name, p.country, p.role) for p in run(nlp, gazetteer, text).places}
    assert roles["Tehran"] == ("Tehran", "Iran", "metonym")
    assert roles["Kremlin"] == ("Kremlin", "Russia", "metonym")
    assert roles["Hama"] == ("Hamah", "Syria", "place")


def test_places_an_armed_groups_name_is_no_town(nlp: Any, resources: Resources) -> None:
    text = "JNIM fighters attacked FAMa positions near Douentza in Mali on Monday."
    doc = Document(article=Article.create(text))
    doc.parse = nlp(doc.clean_text)
    found = Places(gazetteer=resources.gazetteer, kb=resources.kb)(doc).places
    names = {place.text for place in found}
    assert "FAMa" not in names
    assert {"Douentza", "Mali"} <= names


def test_places_a_town_named_like_a_state_is_a_place(nlp: Any, resources: Resources) -> None:
    text = (
        "Anderson County grand jury indictments, Texas. "
        "Those indicted included Joyce Glover, 22, Palestine, date of alleged offense, Nov. 23."
    )
    doc = Document(article=Article.create(text))
    doc.parse = nlp(doc.clean_text)
    found = Places(gazetteer=resources.gazetteer, kb=resources.kb)(doc).places
    palestine = next(p for p in found if p.text == "Palestine")
    assert palestine.country == "United States"


def analysed_with_cleanup(nlp: Any, gazetteer: Gazetteer, text: str) -> Document:
    doc = Cleanup()(Document(article=Article.create(text)))
    doc.parse = nlp(doc.clean_text)
    return Places(gazetteer=gazetteer)(doc)


def test_places_a_dateline_is_a_weak_hint_never_the_event_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = (
        "KYIV, Ukraine (Frontline Wire) — Russian drones struck a power plant overnight, "
        "officials said."
    )
    doc = analysed_with_cleanup(nlp, gazetteer, text)
    kyiv = next(p for p in doc.places if p.text == "KYIV")
    assert (kyiv.role, kyiv.country) == ("dateline", "Ukraine")
    start = text.index("Russian")
    assert locate(text, doc.places, start=start, end=len(text)) is None


def test_places_a_datelines_state_after_its_town_is_listed(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "COLUMBIA, Ky. (WBKO) - A Metcalfe County man was shot in the leg on Monday."
    doc = analysed_with_cleanup(nlp, gazetteer, text)
    roles = {p.text: (p.role, p.admin1) for p in doc.places}
    assert roles["COLUMBIA"] == ("dateline", "Kentucky")
    assert roles["Ky."] == ("dateline", "Kentucky")
    assert "WBKO" not in roles


def test_places_a_dateline_glued_to_the_headline_with_a_dash_is_a_dateline(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = (
        "Seven Engineers Confirmed Killed in Desert Siege -SEOUL —\u00a0-Militants stormed a gas "
        "plant and killed seven engineers, officials said."
    )
    doc = analysed_with_cleanup(nlp, gazetteer, text)
    seoul = next(p for p in doc.places if p.text == "SEOUL")
    assert (seoul.role, seoul.country) == ("dateline", "South Korea")
    start = text.index("Militants")
    assert locate(text, doc.places, start=start, end=len(text)) is None


def test_places_a_place_only_the_headline_names(nlp: Any, gazetteer: Gazetteer) -> None:
    text = (
        "Car Bomb Kills Twelve in Kandahar Market\n"
        "A car bomb exploded in a crowded market on Monday, killing twelve people, police said."
    )
    doc = analysed_with_cleanup(nlp, gazetteer, text)
    kandahar = next(p for p in doc.places if p.text == "Kandahar")
    assert (kandahar.role, kandahar.country) == ("place", "Afghanistan")
    assert not any(p.text in ("Car", "Bomb", "Market") for p in doc.places)
    start = text.index("A car bomb")
    location = locate(text, doc.places, start=start, end=len(text))
    assert location is not None and location.name == "Kandahar"
    assert location.geo_precision == 3  # taken from the article, not the sentence


def test_places_a_missing_village_with_its_district_is_placed_by_the_district(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """A village the gazetteer lacks, its district written after it: the district stands in at
    precision 2 and the note names the missing village; never a far town at precision 1."""
    text = "Russian shelling hit the village of Zhovtokamianka in Bakhmut district on Monday."
    doc = analysed_with_cleanup(nlp, gazetteer, text)
    village = next(p for p in doc.places if p.text == "Zhovtokamianka")
    assert not village.resolved
    location = locate(text, doc.places, start=0, end=len(text))
    assert location is not None and (location.country, location.admin1) == ("Ukraine", "Donetsk")
    assert location.geo_precision == 2  # the district, "Bachmutski rajon"
    assert location.note is not None and "Zhovtokamianka" in location.note
