from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from frontlines.extract.detector import EventDetector
from frontlines.extract.lexicon import load_lexicon
from frontlines.model import Actor, Article, Event, Mention, Place
from frontlines.pipeline import Document, Stage
from frontlines.stages.cleanup import Cleanup
from frontlines.stages.events import Events, EventsConfig, make_stage
from frontlines.stages.resources import Resources

pytestmark = pytest.mark.slow

SUDAN = (
    "KHARTOUM, Sudan (AP) — The Rapid Support Forces captured the town of Sinja on Monday, "
    "according to residents. The paramilitaries seized at least three villages around the town.\n"
    "The Sudanese Armed Forces, with militia support, carried out airstrikes on RSF positions near "
    "Sinja on Tuesday, killing 12 fighters, the army said.\n"
    "Both sides reportedly clashed again in El Obeid on Wednesday.\n"
    "The RSF, which overran Wad Madani in 2023, has long been accused of looting.\n"
)
SUDAN_ACTORS = {
    "rsf": ("rebel group", ("Rapid Support Forces", "RSF", "paramilitaries")),
    "saf": ("state forces", ("Sudanese Armed Forces", "army")),
}
SUDAN_PLACES = {
    "Sinja": ("Sennar", 13.15, 33.93),
    "El Obeid": ("North Kordofan", 13.18, 30.22),
    "Wad Madani": ("Gezira", 14.40, 33.52),
}
PROTEST = (
    "Hundreds of teachers staged a protest in Dhaka on Sunday, demanding higher pay. "
    "Police fired tear gas to disperse the protesters and detained 15 people."
)


def _actors(text: str, table: Mapping[str, tuple[str, Sequence[str]]]) -> list[Actor]:
    found = []
    for actor_id, (kind, names) in table.items():
        mentions = [
            Mention(m.group(0), m.start(), m.end())
            for name in names
            for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)
        ]
        if mentions:
            found.append(
                Actor(
                    id=actor_id,
                    name=names[0],
                    kind=kind,
                    aliases=tuple(names),
                    mentions=tuple(sorted(mentions, key=lambda m: m.start)),
                )
            )
    return found


def _places(text: str, country: str, table: Mapping[str, tuple[str, float, float]]) -> list[Place]:
    return [
        Place(
            text=name,
            start=m.start(),
            end=m.end(),
            name=name,
            country=country,
            admin1=admin1,
            latitude=lat,
            longitude=lon,
        )
        for name, (admin1, lat, lon) in table.items()
        for m in re.finditer(re.escape(name), text)
    ]


def _run(
    nlp: Any,
    text: str,
    *,
    published: date | None,
    actors: list[Actor],
    places: list[Place],
    detector: EventDetector | None = None,
) -> list[Event]:
    doc = Cleanup()(Document(article=Article.create(text, published=published)))
    doc.parse = nlp(doc.clean_text)
    doc.actors = actors
    doc.places = places
    return Events(lexicon=load_lexicon(), detector=detector)(doc).events


@pytest.fixture(scope="module")
def sudan(nlp: Any) -> list[Event]:
    return _run(
        nlp,
        SUDAN,
        published=date(2024, 6, 12),
        actors=_actors(SUDAN, SUDAN_ACTORS),
        places=_places(SUDAN, "Sudan", SUDAN_PLACES),
    )


def test_events_stage_contract(resources: Resources) -> None:
    stage = make_stage(resources=resources)
    assert isinstance(stage, Stage)
    assert stage.name == "events"
    assert "events" in stage.assigns


def test_events_detector_is_off_by_default_and_named_in_the_version_when_on(
    resources: Resources,
) -> None:
    assert make_stage(resources=resources).detector is None
    stage = make_stage(resources=resources, config=EventsConfig(event_detector=True))
    assert stage.detector is not None
    assert stage.version != make_stage(resources=resources).version


def test_events_detector_drops_what_it_is_sure_tells_no_happening(nlp: Any) -> None:
    text = (
        "Gunmen shot dead four farmers in their fields near Jos on Sunday, police said. "
        "Firefighters battled a blaze at a warehouse in the port on Sunday."
    )
    published = date(2024, 6, 3)
    rules = _run(nlp, text, published=published, actors=[], places=[])
    strict = EventDetector(nlp=EventDetector.load().nlp, drop_below=0.5)
    both = _run(nlp, text, published=published, actors=[], places=[], detector=strict)
    blaze = text.index("Firefighters")
    assert any(start >= blaze for event in rules for start, _ in _spans(event))
    assert both and all(start < blaze for event in both for start, _ in _spans(event))


def _spans(event: Event) -> list[tuple[int, int]]:
    return [(mention.start, mention.end) for mention in event.evidence]


def test_events_finds_each_event_once(sudan: list[Event]) -> None:
    assert [e.sub_event_type for e in sudan] == [
        "Non-state actor overtakes territory",
        "Air/drone strike",
        "Armed clash",
    ]


def test_events_roles_dates_sources(sudan: list[Event]) -> None:
    capture, strike, _ = sudan
    assert capture.actor1 is not None and capture.actor1.id == "rsf"
    assert capture.event_date == date(2024, 6, 10) and capture.date_precision == "day"
    assert capture.sources == ("residents",)
    assert strike.actor1 is not None and strike.actor1.id == "saf"
    assert strike.actor2 is not None and strike.actor2.id == "rsf"
    assert strike.event_date == date(2024, 6, 11)
    assert strike.fatalities == 12
    assert strike.sources == ("Sudanese Armed Forces",)


def test_events_merge_follow_up_sentences(sudan: list[Event]) -> None:
    capture = sudan[0]
    assert len(capture.evidence) == 2
    villages = [q for q in capture.quantities if q.what == "villages captured"]
    assert villages and villages[0].value == 3 and villages[0].qualifier == "at least"


def test_events_certainty_and_place(sudan: list[Event]) -> None:
    clash = sudan[2]
    assert clash.certainty == "unconfirmed"
    assert clash.location is not None and clash.location.name == "El Obeid"


def test_events_background_is_left_out(sudan: list[Event]) -> None:
    assert all("Wad Madani" not in m.text for e in sudan for m in e.evidence)


def test_events_evidence_points_into_the_text(sudan: list[Event]) -> None:
    for event in sudan:
        assert event.id == Event.make_id(
            Article.create(SUDAN, published=date(2024, 6, 12)).id, event.evidence
        )
        for mention in event.evidence:
            assert SUDAN[mention.start : mention.end] == mention.text


def test_events_notes_are_neutral(sudan: list[Event]) -> None:
    assert sudan[1].notes == (
        "On 11 June 2024, Sudanese Armed Forces carried out air or drone strikes on Rapid Support "
        "Forces near Sinja (Sennar). 12 fatalities reported."
    )


def test_events_protest_with_intervention(nlp: Any) -> None:
    events = _run(
        nlp,
        PROTEST,
        published=date(2024, 3, 5),
        actors=[],
        places=_places(PROTEST, "Bangladesh", {"Dhaka": ("Dhaka", 23.81, 90.41)}),
    )
    assert len(events) == 1
    protest = events[0]
    assert protest.sub_event_type == "Protest with intervention"
    assert protest.actor1 is not None and protest.actor1.name == "Protesters (Bangladesh)"
    assert protest.event_date == date(2024, 3, 3)


def test_events_without_publication_date(nlp: Any) -> None:
    text = "Gunmen killed four villagers on Tuesday. On 6 August 2022, militants abducted a pastor."
    events = _run(nlp, text, published=None, actors=[], places=[])
    assert [(e.event_date, e.date_precision) for e in events] == [
        (None, "approximate"),
        (date(2022, 8, 6), "day"),
    ]
    assert events[0].sub_event_type == "Attack"
    assert events[0].fatalities == 4


def test_events_generic_crowd_only_in_riots(nlp: Any) -> None:
    text = "Community leaders signed a peace accord with the herders' union in Gao on Monday."
    events = _run(nlp, text, published=date(2024, 3, 6), actors=[], places=[])
    agreements = [e for e in events if e.sub_event_type == "Agreement"]
    assert agreements
    for event in agreements:
        for ref in (event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2):
            assert ref is None or not ref.name.startswith("Rioters")


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("Police fired tear gas to disperse them.", "Protest with intervention"),
        ("Police arrested 16 of the marchers.", "Protest with intervention"),
        (
            "Police dispersed the marchers with batons. Several people were lightly injured.",
            "Protest with intervention",
        ),
        (
            "Police opened fire on the protesters, killing three.",
            ("Excessive force against protesters"),
        ),
    ],
)
def test_events_a_demonstration_and_what_police_did_to_it_are_one_event(
    nlp: Any, second: str, expected: str
) -> None:
    text = f"Hundreds of students protested in Khartoum on Monday. {second}"
    events = _run(nlp, text, published=date(2024, 6, 12), actors=[], places=[])
    assert [e.sub_event_type for e in events] == [expected]
    assert len(events[0].evidence) >= 2


def test_events_a_foreign_army_taking_ground_overtakes_territory(nlp: Any) -> None:
    text = "Russian forces captured the village of Novoselivka on Monday."
    found = _actors(text, {"rus": ("state forces", ("Russian forces",))})
    actors = [replace(actor, country="Russia") for actor in found]
    places = _places(text, "Ukraine", {"Novoselivka": ("Donetsk", 48.0, 37.6)})
    events = _run(nlp, text, published=date(2024, 6, 12), actors=actors, places=places)
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_events_a_government_retaking_its_own_town_regains_territory(nlp: Any) -> None:
    text = "The Sudanese Armed Forces recaptured the town of Wad Madani on Monday."
    actors = [replace(a, country="Sudan") for a in _actors(text, SUDAN_ACTORS)]
    places = _places(text, "Sudan", SUDAN_PLACES)
    events = _run(nlp, text, published=date(2024, 6, 12), actors=actors, places=places)
    assert [e.sub_event_type for e in events] == ["Government regains territory"]


def test_events_a_later_death_joins_the_event_without_changing_its_toll(nlp: Any) -> None:
    text = (
        "Shells struck a market in Sinja on Monday, killing four people. "
        "One of the wounded died on Tuesday, a hospital official said."
    )
    places = _places(text, "Sudan", SUDAN_PLACES)
    events = _run(nlp, text, published=date(2024, 6, 12), actors=[], places=places)
    assert len(events) == 1
    assert events[0].fatalities == 4


def test_events_its_forces_belong_to_who_said_so(nlp: Any) -> None:
    text = (
        "Russia's Defence Ministry said on Monday that its forces had taken control of the "
        "village of Novoselivka."
    )
    table = {"rus-mod": ("government", ("Russia's Defence Ministry",))}
    actors = [replace(actor, country="Russia") for actor in _actors(text, table)]
    places = _places(text, "Ukraine", {"Novoselivka": ("Donetsk", 48.0, 37.6)})
    events = _run(nlp, text, published=date(2024, 6, 12), actors=actors, places=places)
    assert events[0].actor1 is not None
    assert events[0].actor1.name == "Military Forces of Russia"
    assert events[0].sub_event_type == "Non-state actor overtakes territory"


def test_events_an_unnamed_bomber_is_an_unidentified_armed_group(nlp: Any) -> None:
    text = "A bomb exploded in a market in Sinja on Monday, wounding eight people."
    places = _places(text, "Sudan", SUDAN_PLACES)
    (event,) = _run(nlp, text, published=date(2024, 6, 12), actors=[], places=places)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.actor1 is not None
    assert event.actor1.name == "Unidentified Armed Group (Sudan)"
    bomber = "A suicide bomber killed six soldiers in Sinja on Monday."
    (event,) = _run(
        nlp,
        bomber,
        published=date(2024, 6, 12),
        actors=[],
        places=_places(bomber, "Sudan", SUDAN_PLACES),
    )
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")


def test_events_a_state_that_bombs_stands_for_its_forces(nlp: Any) -> None:
    text = "Sudan bombed Sinja on Monday, killing four people."
    state = Actor(
        id="sudan",
        name="Sudan",
        kind="state",
        country="Sudan",
        mentions=(Mention("Sudan", 0, 5),),
    )
    places = _places(text, "Sudan", SUDAN_PLACES)
    (event,) = _run(nlp, text, published=date(2024, 6, 12), actors=[state], places=places)
    assert event.actor1 is not None
    assert (event.actor1.name, event.actor1.kind) == ("Military Forces of Sudan", "state forces")
    talks = "Sudan signed an agreement with the rebels in Sinja on Monday."
    (deal,) = _run(nlp, talks, published=date(2024, 6, 12), actors=[state], places=places)
    assert deal.actor1 is not None and deal.actor1.name == "Sudan"


def test_events_demonstrations_in_different_towns_are_different_events(nlp: Any) -> None:
    text = (
        "Hundreds of teachers protested in Sinja on Monday, demanding higher pay. "
        "In El Obeid, hundreds of teachers marched on Monday. "
        "Police dispersed the protesters in Sinja."
    )
    places = _places(text, "Sudan", SUDAN_PLACES)
    events = _run(nlp, text, published=date(2024, 6, 12), actors=[], places=places)
    assert [e.location.name if e.location else None for e in events] == ["Sinja", "El Obeid"]
    assert events[0].sub_event_type == "Protest with intervention"


def test_an_undated_sentence_after_an_old_date_is_history(nlp: Any) -> None:
    text = (
        "A court in Kabul overturned four death sentences on Wednesday. "
        "Farkhunda was killed on March 19 by a mob. "
        "Men beat her with sticks and burned her body. "
        "On Wednesday, police arrested two men in Kabul."
    )
    events = _run(nlp, text, published=date(2015, 7, 2), actors=[], places=[])
    beating = text.index("Men beat")
    arrest = text.index("On Wednesday, police")
    starts = [start for event in events for start, _ in _spans(event)]
    assert beating not in starts
    assert arrest in starts


def test_events_a_district_is_its_city_and_another_town_is_another_happening(nlp: Any) -> None:
    text = (
        "A missile hit an apartment block in Kharkiv on Thursday, killing four people. "
        "The missile struck the Saltivka district, witnesses said. "
        "A missile hit a school in Sumy, killing two people."
    )
    table = {
        "Kharkiv": ("Kharkiv", 49.98, 36.25),
        "Saltivka": ("Kharkiv", 50.02, 36.35),
        "Sumy": ("Sumy", 50.91, 34.80),
    }
    events = _run(
        nlp,
        text,
        published=date(2024, 11, 15),
        actors=[],
        places=_places(text, "Ukraine", table),
    )
    told = sorted(
        tuple(sorted({text[m.start : m.end].rsplit(maxsplit=1)[-1] for m in e.evidence}))
        for e in events
        if e.event_type
    )
    assert len(told) == 2
    assert any(len(sentences) == 2 for sentences in told)


UKRAINE_TOWNS = {
    "Kharkiv": ("Kharkiv", 49.98, 36.25),
    "Odesa": ("Odesa", 46.48, 30.72),
    "Sumy": ("Sumy", 50.91, 34.80),
}


def _by_town(events: Sequence[Event]) -> dict[str, list[Event]]:
    found: dict[str, list[Event]] = {}
    for event in events:
        if event.event_type and event.location is not None:
            found.setdefault(str(event.location.name), []).append(event)
    return found


def test_events_a_strike_on_two_towns_is_one_event_per_town_with_the_toll_split(
    nlp: Any,
) -> None:
    text = "Russian missiles hit Kharkiv and Odesa on Monday, killing five people."
    events = _run(
        nlp,
        text,
        published=date(2024, 11, 12),
        actors=[],
        places=_places(text, "Ukraine", UKRAINE_TOWNS),
    )
    towns = _by_town(events)
    assert sorted(towns) == ["Kharkiv", "Odesa"]
    assert all(len(found) == 1 for found in towns.values())
    assert towns["Kharkiv"][0].fatalities == 3
    assert towns["Odesa"][0].fatalities == 2


def test_events_a_towns_own_toll_beats_its_share_of_a_split_one(nlp: Any) -> None:
    text = (
        "Russian missiles hit Kharkiv and Odesa on Monday, killing six people. "
        "In Odesa, the missiles killed four people, the governor said."
    )
    events = _run(
        nlp,
        text,
        published=date(2024, 11, 12),
        actors=[],
        places=_places(text, "Ukraine", UKRAINE_TOWNS),
    )
    towns = _by_town(events)
    assert sorted(towns) == ["Kharkiv", "Odesa"]
    assert [e.fatalities for e in towns["Odesa"]] == [4]
    assert [e.fatalities for e in towns["Kharkiv"]] == [3]


def test_events_a_town_and_its_region_is_one_strike(nlp: Any) -> None:
    text = "Russian missiles hit Kharkiv, Kharkiv Oblast on Monday, killing five people."
    places = _places(text, "Ukraine", {"Kharkiv": ("Kharkiv", 49.98, 36.25)})
    events = _run(nlp, text, published=date(2024, 11, 12), actors=[], places=places)
    assert len([e for e in events if e.event_type]) == 1


def test_events_the_shelling_of_a_town_joins_only_that_towns_strike(nlp: Any) -> None:
    text = (
        "Russian forces shelled Sumy on Monday, killing two people, regional officials said. "
        "Officials in the region said the attack damaged a school and several houses. "
        "Russian forces shelled Kharkiv on Monday, killing three people. "
        "The shelling of Sumy also damaged a hospital, the mayor said."
    )
    events = _run(
        nlp,
        text,
        published=date(2024, 11, 12),
        actors=[],
        places=_places(text, "Ukraine", UKRAINE_TOWNS),
    )
    towns = _by_town(events)
    hospital = text.index("The shelling of Sumy")
    assert any(start >= hospital for event in towns["Sumy"] for start, _ in _spans(event))
    assert all(start < hospital for event in towns["Kharkiv"] for start, _ in _spans(event))
