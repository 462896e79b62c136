from __future__ import annotations

from dataclasses import dataclass

import pytest

from frontlines.geo.geometry import distance_km
from frontlines.geo.locate import locate
from frontlines.geo.place import GeoPlace

POINTS = {
    "Saraqib": ("city", 164816, 35.86447, 36.80591, "Idlib"),
    "Aleppo": ("city", 170063, 36.20124, 37.16117, "Aleppo"),
    "Idlib": ("admin1", 169387, 35.75, 36.6, "Idlib"),
    "Syria": ("country", 163843, 35.0, 38.0, None),
    "Moscow": ("city", 524901, 55.75204, 37.61781, "Moskva"),
}


@dataclass
class Story:
    """An article's text and the places found in it: what ``locate`` reads."""

    text: str
    places: list[GeoPlace]


def document(
    text: str, *, unresolved: tuple[str, ...] = (), metonyms: tuple[str, ...] = ()
) -> Story:
    """The text with every name of POINTS it contains as a place (all occurrences)."""
    places: list[GeoPlace] = []
    for name, (kind, geonameid, lat, lon, admin1) in POINTS.items():
        start = text.find(name)
        while start >= 0:
            country = "Russia" if name == "Moscow" else "Syria"
            places.append(
                GeoPlace(
                    text=name,
                    start=start,
                    end=start + len(name),
                    name=name,
                    country=country,
                    admin1=admin1,
                    latitude=lat,
                    longitude=lon,
                    geonameid=geonameid,
                    role="metonym" if name in metonyms else "place",
                    kind=kind,
                )
            )
            start = text.find(name, start + 1)
    for name in unresolved:
        start = text.find(name)
        places.append(GeoPlace(text=name, start=start, end=start + len(name)))
    return Story(text=text, places=sorted(places, key=lambda p: p.start))


def sentence(doc: Story, words: str) -> dict[str, int]:
    start = doc.text.find(words)
    return {"start": start, "end": start + len(words)}


def test_locate_offset_by_bearing_and_distance() -> None:
    doc = document("Rebels shelled a village 20 km north of Saraqib on Monday.")
    location = locate(doc.text, doc.places, start=0, end=len(doc.text))
    assert location is not None
    assert location.latitude == pytest.approx(35.86447 + 20 / 111.195, abs=1e-4)
    assert location.longitude == pytest.approx(36.80591, abs=1e-9)
    assert (location.name, location.admin1, location.geo_precision) == ("Saraqib", "Idlib", 2)
    assert location.geonameid is None
    assert location.note == "20 km north of Saraqib"


def test_locate_town_itself_near_a_town_and_an_admin_area() -> None:
    doc = document("Clashes in Saraqib. Shelling near Aleppo. Airstrikes hit Idlib province.")
    at, near, area = (
        locate(doc.text, doc.places, **sentence(doc, s))
        for s in ("Clashes in Saraqib.", "Shelling near Aleppo.", "Airstrikes hit Idlib province.")
    )
    assert at is not None and (at.name, at.geo_precision, at.geonameid, at.note) == (
        "Saraqib",
        1,
        164816,
        None,
    )
    assert near is not None and (near.name, near.geo_precision) == ("Aleppo", 2)
    assert area is not None and (area.name, area.geo_precision) == ("Idlib", 3)


def test_locate_between_two_towns_is_their_midpoint() -> None:
    doc = document("Fighting raged between Saraqib and Aleppo overnight.")
    location = locate(doc.text, doc.places, start=0, end=len(doc.text))
    assert location is not None and location.latitude is not None and location.longitude is not None
    to_saraqib = distance_km(location.latitude, location.longitude, 35.86447, 36.80591)
    to_aleppo = distance_km(location.latitude, location.longitude, 36.20124, 37.16117)
    assert to_saraqib == pytest.approx(to_aleppo, rel=1e-6)
    assert (location.geo_precision, location.note) == (2, "midpoint between Saraqib and Aleppo")


def test_locate_sentence_without_place_takes_the_article_context() -> None:
    doc = document("Rebels advanced on Aleppo. Aleppo is Syria's second city. Airstrikes followed.")
    location = locate(doc.text, doc.places, **sentence(doc, "Airstrikes followed."))
    assert location is not None
    assert (location.name, location.geo_precision) == ("Aleppo", 3)
    assert location.note == "the sentence names no place; Aleppo is the place the article is about"


def test_locate_article_context_on_a_tie_is_in_the_country_named_most() -> None:
    doc = document("Guests from Moscow met in Saraqib (Idlib). Two people were hurt.")
    location = locate(doc.text, doc.places, **sentence(doc, "Two people were hurt."))
    assert location is not None
    # Each name once: Saraqib and Idlib are in Syria, Moscow alone in Russia.
    assert (location.name, location.geo_precision) == ("Saraqib", 3)


def test_locate_partial_answer_names_the_country_and_says_why() -> None:
    doc = document("Clashes were reported in Syria on Monday.")
    location = locate(doc.text, doc.places, start=0, end=len(doc.text))
    assert location is not None
    assert (location.name, location.country, location.admin1) == ("Syria", "Syria", None)
    assert (location.latitude, location.longitude, location.geo_precision) == (35.0, 38.0, 3)
    assert location.note == "only the country is known"


def test_locate_unresolved_name_keeps_the_best_partial_answer() -> None:
    doc = document(
        "Clashes hit Kafr Qasim al-Jadida in Syria.", unresolved=("Kafr Qasim al-Jadida",)
    )
    location = locate(doc.text, doc.places, start=0, end=len(doc.text))
    assert location is not None and location.country == "Syria"
    assert (
        location.note == "'Kafr Qasim al-Jadida' is not in the gazetteer; only the country is known"
    )


def test_locate_metonyms_are_never_locations() -> None:
    doc = document(
        "Moscow said it would respond. Fighting went on in Aleppo.", metonyms=("Moscow",)
    )
    location = locate(doc.text, doc.places, **sentence(doc, "Moscow said it would respond."))
    assert location is not None and location.name == "Aleppo"
    alone = document("Moscow said it would respond.", metonyms=("Moscow",))
    partial = locate(alone.text, alone.places, start=0, end=len(alone.text))
    assert partial is not None
    assert (partial.name, partial.country, partial.latitude) == ("Russia", "Russia", None)


def test_locate_none_only_without_any_place() -> None:
    doc = document("Nobody said where.")
    assert locate(doc.text, doc.places, start=0, end=len(doc.text)) is None


def test_locate_unknown_town_is_located_by_its_area() -> None:
    text = "Gunmen killed two men in Kieme (Idlib)."
    doc = document(text, unresolved=("Kieme",))
    location = locate(doc.text, doc.places, start=0, end=len(text))
    assert location is not None
    assert (location.name, location.geo_precision) == ("Idlib", 3)
    assert location.note == "'Kieme' is not in the gazetteer; located by the area it is in, Idlib"


@pytest.mark.parametrize("written", ["Kieme, Idlib", "Kieme district, Idlib"])
def test_locate_unknown_town_before_a_comma_and_its_area(written: str) -> None:
    text = f"Gunmen killed two men in {written}."
    doc = document(text, unresolved=("Kieme",))
    location = locate(doc.text, doc.places, start=0, end=len(text))
    assert location is not None
    assert (location.name, location.geo_precision) == ("Idlib", 3)
    assert location.note == "'Kieme' is not in the gazetteer; located by the area it is in, Idlib"


@pytest.mark.parametrize(
    ("text", "name", "precision"),
    [
        # The area the sentence gives stands in for the village, not the town named as a source.
        ("Drones hit the village of Kafr Zayta in Idlib, officials in Aleppo said.", "Idlib", 3),
        # A town written right beside it: near the town (2), without the town's id.
        ("Drones hit the village of Kafr Zayta near Saraqib.", "Saraqib", 2),
        ("Drones hit Kafr Zayta village, Saraqib, at dawn.", "Saraqib", 2),
        ("Clashes hit Kafr Zayta union (Saraqib, Idlib).", "Saraqib", 2),
        ("Drones hit the Kafr Zayta market in Saraqib.", "Saraqib", 2),
        # A town elsewhere in the sentence is no more than a guess (3).
        ("Drones hit the village of Kafr Zayta, officials in Aleppo said.", "Aleppo", 3),
    ],
)
def test_locate_missing_village_never_takes_a_town_at_precision_1(
    text: str, name: str, precision: int
) -> None:
    doc = document(text, unresolved=("Kafr Zayta",))
    location = locate(doc.text, doc.places, start=0, end=len(text))
    assert location is not None
    assert (location.name, location.geo_precision) == (name, precision)
    assert location.geonameid is None or location.name == "Idlib"
    assert location.note is not None and location.note.startswith(
        "'Kafr Zayta' is not in the gazetteer; located by"
    )


def test_locate_a_missing_name_not_said_to_be_the_place_leaves_the_town() -> None:
    text = "Kafr Zayta Media Centre reported shelling in Saraqib."
    doc = document(text, unresolved=("Kafr Zayta",))
    location = locate(doc.text, doc.places, start=0, end=len(text))
    assert location is not None
    assert (location.name, location.geo_precision, location.note) == ("Saraqib", 1, None)


def _surat(text: str, *, start: int, role: str) -> GeoPlace:
    return GeoPlace(
        text="surat",
        start=start,
        end=start + 5,
        name="Surat",
        country="India",
        admin1="Gujarat",
        latitude=21.19594,
        longitude=72.83023,
        geonameid=1255364,
        role=role,
        kind="city",
    )


def test_locate_a_local_area_the_gazetteer_lacks_is_placed_by_the_dateline_town() -> None:
    text = "surat: police fired at a mob in the limbayat area on monday."
    missing = text.index("limbayat")
    places = [
        _surat(text, start=0, role="dateline"),
        GeoPlace(text="limbayat", start=missing, end=missing + 8),
    ]
    location = locate(text, places, start=7, end=len(text))
    assert location is not None
    assert (location.name, location.geo_precision, location.geonameid) == ("Surat", 2, None)
    assert (
        location.note == "'limbayat' is not in the gazetteer; located by the dateline's town, Surat"
    )
    # Without the unknown local area, the dateline is no location at all.
    assert locate(text, places[:1], start=7, end=len(text)) is None


def test_locate_the_dateline_town_stands_in_only_inside_the_areas_the_sentence_names() -> None:
    text = "surat: a mob attacked the limbayat area of Idlib province."
    missing = text.index("limbayat")
    places = [
        _surat(text, start=0, role="dateline"),
        GeoPlace(text="limbayat", start=missing, end=missing + 8),
        *document(text).places,
    ]
    location = locate(text, sorted(places, key=lambda p: p.start), start=7, end=len(text))
    assert location is not None and location.name == "Idlib"  # Surat is not in Idlib


def test_locate_a_place_that_only_describes_something_is_not_where() -> None:
    doc = document(
        "Days after the fire in the Aleppo-bound train, police held the head of Saraqib council."
    )
    location = locate(doc.text, doc.places, start=0, end=len(doc.text))
    assert location is not None and location.name == "Saraqib"


def test_locate_a_dateline_abroad_never_stands_in() -> None:
    """Filed from Seoul about Syria: an unknown place in Syria is not placed in Seoul."""
    text = "SEOUL: Rebels stormed the base at Menagh. Fighting near Aleppo, Syria, went on."
    doc = document(text, unresolved=("Menagh",))
    seoul = GeoPlace(
        text="SEOUL",
        start=0,
        end=5,
        name="Seoul",
        country="South Korea",
        admin1="Seoul",
        latitude=37.566,
        longitude=126.978,
        geonameid=1835848,
        role="dateline",
        kind="city",
    )
    location = locate(text, [seoul, *doc.places], **sentence(doc, "Rebels stormed"))
    assert location is not None and location.name == "Aleppo"


def test_locate_the_article_place_is_not_where_someone_comes_from() -> None:
    text = "A woman from Saraqib joined them. Police held her in Aleppo. The women marched on."
    doc = document(text)
    location = locate(doc.text, doc.places, **sentence(doc, "The women marched on."))
    assert location is not None and (location.name, location.geo_precision) == ("Aleppo", 3)


def test_locate_the_dateline_town_breaks_a_tie_between_article_places() -> None:
    text = "ALEPPO: Police beat a man in Saraqib. Aleppo police said so. Protesters marched on."
    doc = document(text.replace("ALEPPO", "XXXXXX"))
    places = [_aleppo_dateline("ALEPPO"), *doc.places]
    location = locate(text, places, **sentence(doc, "Protesters marched on."))
    assert location is not None and location.name == "Aleppo"
    without = locate(text, doc.places, **sentence(doc, "Protesters marched on."))
    assert without is not None and without.name == "Saraqib"


def test_locate_the_place_the_event_is_coded_as_comes_first() -> None:
    doc = document("Protesters gathered near Saraqib (coded as Aleppo) on Friday.")
    found = locate(doc.text, doc.places, start=0, end=len(doc.text))
    assert found is not None and found.name == "Aleppo"
    plain = document("Protesters gathered near Saraqib (seen from Aleppo) on Friday.")
    found = locate(plain.text, plain.places, start=0, end=len(plain.text))
    assert found is not None and found.name == "Saraqib"


def test_locate_the_towns_a_road_joins_come_after_the_town_named_as_where() -> None:
    doc = document("Students blocked the Aleppo-Idlib highway, Saraqib town, on Friday.")
    found = locate(doc.text, doc.places, start=0, end=len(doc.text))
    assert found is not None and found.name == "Saraqib"


def _aleppo_dateline(text: str = "aleppo") -> GeoPlace:
    return GeoPlace(
        text=text,
        start=0,
        end=6,
        name="Aleppo",
        country="Syria",
        admin1="Aleppo",
        latitude=36.20124,
        longitude=37.16117,
        geonameid=170063,
        role="dateline",
        kind="city",
    )


def test_locate_here_is_the_dateline_town_not_the_town_the_article_is_about() -> None:
    text = (
        "aleppo: 30 activists were arrested near here while leaving for Saraqib. "
        "Saraqib was tense. Saraqib police said so."
    )
    doc = document(text)
    places = [_aleppo_dateline(), *doc.places]
    found = locate(text, places, **sentence(doc, "30 activists were arrested near here"))
    assert found is not None and (found.name, found.geo_precision) == ("Aleppo", 2)
    plain = "aleppo: activists took out a procession here. Saraqib was tense."
    found = locate(plain, [_aleppo_dateline(), *document(plain).places], start=8, end=45)
    assert found is not None and (found.name, found.geo_precision) == ("Aleppo", 1)


def test_locate_here_gives_way_to_a_place_named_as_where_and_to_a_distance_from_here() -> None:
    text = "aleppo: a man was killed in Saraqib, about 50 km from here, on monday."
    doc = document(text)
    found = locate(text, [_aleppo_dateline(), *doc.places], start=8, end=len(text))
    assert found is not None and found.name == "Saraqib"
    away = "aleppo: two bodies were found some 50 km from here on monday. Saraqib was calm."
    doc = document(away)
    found = locate(away, [_aleppo_dateline(), *doc.places], start=8, end=60)
    assert found is not None and found.name == "Saraqib"  # the article's place, not Aleppo


def test_locate_the_city_is_the_last_town_named_before_else_the_dateline() -> None:
    text = "aleppo: Saraqib was placed under curfew. Mobs looted shops in the city on friday."
    doc = document(text)
    places = [_aleppo_dateline(), *doc.places]
    found = locate(text, places, **sentence(doc, "Mobs looted shops in the city"))
    assert found is not None and (found.name, found.geo_precision) == ("Saraqib", 1)
    alone = "aleppo: 250 activists were arrested from different parts of the city on friday."
    found = locate(alone, [_aleppo_dateline()], start=8, end=len(alone))
    assert found is not None and (found.name, found.geo_precision) == ("Aleppo", 1)
