"""How an event's sides are named: ACLED's generic forms, with the article's country."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest

from frontlines.extract.assemble import _as_civilians, _as_side, _narrowed
from frontlines.extract.dates import EventDate
from frontlines.extract.lexicon import load_lexicon
from frontlines.extract.roles import Participant
from frontlines.kb import Countries
from frontlines.model import Actor, Article, Event, Mention, Place
from frontlines.pipeline import Document
from frontlines.python_api import load_pipeline
from frontlines.readers.common import make_article
from frontlines.settings import Settings
from frontlines.stages.cleanup import Cleanup
from frontlines.stages.events import Events

pytestmark = pytest.mark.slow


def _events(
    nlp: Any, text: str, *, country: str, person: str | None = None, group: str | None = None
) -> list[Event]:
    """The events of ``text``, where the article names ``country`` but places no event,
    ``person`` is an individual the knowledge base does not know and ``group`` an armed group."""
    doc = Cleanup()(Document(article=Article.create(text, published=date(2024, 6, 12))))
    doc.parse = nlp(doc.clean_text)
    at = text.index(country)
    doc.places = [
        Place(text=country, start=at, end=at + len(country), name=country, country=country)
    ]
    doc.actors = []
    if person is not None:
        at = text.index(person)
        mention = Mention(person, at, at + len(person))
        kind = "other" if person.startswith("(") else "person"
        doc.actors = [Actor(id="unk-x", name=person, kind=kind, mentions=(mention,))]
    if group is not None:
        at = text.index(group)
        mention = Mention(group, at, at + len(group))
        doc.actors = [Actor(id="g", name=group, kind="rebel group", mentions=(mention,))]
    stage = Events(lexicon=load_lexicon(), countries=Countries.load())
    return [e for e in stage(doc).events if e.event_type]


def test_unnamed_sides_take_the_articles_country_when_no_place_is_found(nlp: Any) -> None:
    text = "Violence continues in Nigeria. A man was stabbed to death in the market on Sunday."
    events = _events(nlp, text, country="Nigeria")
    assert events and events[0].actor1 is not None
    assert events[0].actor1.name == "Unidentified Armed Group (Nigeria)"


def test_police_and_soldiers_are_named_as_acled_names_a_countrys_forces(nlp: Any) -> None:
    text = "Unrest in Kenya. Police officers shot dead two men in the market on Sunday."
    events = _events(nlp, text, country="Kenya")
    assert events and events[0].actor1 is not None
    assert events[0].actor1.name == "Police Forces of Kenya"
    text = "Unrest in Mali. Soldiers shot dead two villagers in the market on Sunday."
    events = _events(nlp, text, country="Mali")
    assert events and events[0].actor1 is not None
    assert events[0].actor1.name == "Military Forces of Mali"


def test_a_riot_without_a_named_crowd_has_rioters_as_actor1(nlp: Any) -> None:
    text = "Tension in India. Rioting and arson were reported in several towns today."
    events = _events(nlp, text, country="India")
    riots = [e for e in events if e.event_type == "Riots"]
    assert riots and riots[0].actor1 is not None
    assert riots[0].actor1.name == "Rioters (India)"


def test_a_person_hit_by_violence_is_a_civilian_of_the_country(nlp: Any) -> None:
    text = "Unrest in Kenya. Gunmen shot dead John Kamau in the market on Sunday."
    events = _events(nlp, text, country="Kenya", person="John Kamau")
    assert events and events[0].actor2 is not None
    assert events[0].actor2.name == "Civilians (Kenya)"


def test_a_person_is_never_the_other_side_of_a_demonstration(nlp: Any) -> None:
    text = "Unrest in Kenya. Hundreds of students protested against John Kamau on Sunday."
    events = _events(nlp, text, country="Kenya", person="John Kamau")
    assert events and events[0].event_type == "Protests"
    assert events[0].actor2 is None


def test_a_protests_own_crowd_is_not_its_other_side(nlp: Any) -> None:
    text = "Unrest in Kenya. Hundreds of students protested in the capital on Sunday."
    events = _events(nlp, text, country="Kenya")
    assert events and events[0].actor1 is not None
    assert events[0].actor1.name == "Protesters (Kenya)"
    assert events[0].actor2 is None


def test_the_one_group_claiming_responsibility_is_the_unnamed_attacker(nlp: Any) -> None:
    text = (
        "Violence in Afghanistan. A suicide bomber killed 22 people in a market on Tuesday. "
        "The Taliban claimed responsibility for the attack."
    )
    events = _events(nlp, text, country="Afghanistan", group="Taliban")
    bombings = [e for e in events if e.sub_event_type == "Suicide bomb"]
    assert bombings and bombings[0].actor1 is not None
    assert bombings[0].actor1.name == "Taliban"
    assert bombings[0].actor2 is None or bombings[0].actor2.name == "Civilians (Afghanistan)"


def test_in_a_riot_the_rioters_come_first_and_the_police_who_met_them_second(nlp: Any) -> None:
    text = "Unrest in India. Police fired at a riotous mob in the old town on Monday morning."
    events = _events(nlp, text, country="India")
    riots = [e for e in events if e.event_type == "Riots"]
    assert riots and riots[0].actor1 is not None and riots[0].actor2 is not None
    assert (riots[0].actor1.name, riots[0].actor2.name) == (
        "Rioters (India)",
        "Police Forces of India",
    )


def test_a_terror_attack_is_violence_against_the_countrys_civilians(nlp: Any) -> None:
    text = "Fear in Britain. The ringleader of Saturday's terror attack was known to the police."
    events = _events(nlp, text, country="Britain")
    attacks = [e for e in events if e.event_type == "Violence against civilians"]
    assert attacks and attacks[0].actor2 is not None
    assert attacks[0].actor2.name.startswith("Civilians (")


def test_an_unknown_name_in_a_photo_credit_is_no_side_of_a_demonstration(nlp: Any) -> None:
    text = "Unrest in Kenya. (A Kamau) Hundreds of students protested in the capital on Sunday."
    events = _events(nlp, text, country="Kenya", person="(A Kamau)")
    assert events and events[0].actor1 is not None
    assert events[0].actor1.name == "Protesters (Kenya)"


def test_a_bomb_that_killed_people_no_one_names_hit_the_countrys_civilians(nlp: Any) -> None:
    text = "Violence in Afghanistan. A bomb exploded in a market on Tuesday, killing 22 people."
    events = _events(nlp, text, country="Afghanistan")
    assert events and events[0].actor2 is not None
    assert events[0].actor2.name == "Civilians (Afghanistan)"
    text = "Violence in Afghanistan. A bomb exploded in a market on Tuesday, hurting no one."
    events = _events(nlp, text, country="Afghanistan")
    assert events and events[0].actor2 is None


def test_an_explicit_toll_beats_a_vague_word_for_the_same_event(nlp: Any) -> None:
    text = (
        "Violence in Nigeria. Gunmen killed several villagers in Zamfara on Sunday. "
        "Police said the gunmen killed five villagers in the attack."
    )
    events = _events(nlp, text, country="Nigeria")
    assert [e.fatalities for e in events] == [5]


def test_a_week_date_is_made_the_day_another_telling_names_inside_it() -> None:
    week = EventDate(date(2024, 6, 10), "week", "earlier this week")
    tuesday = EventDate(date(2024, 6, 11), "day", "Tuesday")
    earlier = EventDate(date(2024, 6, 4), "day", "June 4")
    assert _narrowed(week, [None, tuesday]) == tuesday
    assert _narrowed(week, [earlier]) == week
    assert _narrowed(tuesday, [earlier]) == tuesday


def _with_actors(
    nlp: Any, text: str, *, country: str, actors: Mapping[str, tuple[str, str | None]]
) -> list[Event]:
    """The events of ``text`` (which names ``country``), where each name of ``actors`` is an
    actor of the given kind and country, known to the knowledge base unless its kind is other."""
    doc = Cleanup()(Document(article=Article.create(text, published=date(2024, 6, 12))))
    doc.parse = nlp(doc.clean_text)
    at = text.index(country)
    doc.places = [
        Place(text=country, start=at, end=at + len(country), name=country, country=country)
    ]
    doc.actors = []
    for name, (kind, home) in actors.items():
        mentions = tuple(
            Mention(name, found.start(), found.end())
            for found in re.finditer(re.escape(name), text)
        )
        prefix = "unk-" if kind == "other" else ""
        doc.actors.append(
            Actor(id=f"{prefix}{name}", name=name, kind=kind, country=home, mentions=mentions)
        )
    stage = Events(lexicon=load_lexicon(), countries=Countries.load())
    return [e for e in stage(doc).events if e.event_type]


def test_a_state_acting_on_a_demonstration_is_coded_as_its_police(nlp: Any) -> None:
    text = (
        "Unrest in Egypt. Hundreds of students protested in the capital on Sunday. The "
        "Egyptian government dispersed the protesters with tear gas."
    )
    actors = {"Egyptian government": ("government", "Egypt")}
    events = _with_actors(nlp, text, country="Egypt", actors=actors)
    protests = [e for e in events if e.event_type == "Protests"]
    assert protests and protests[0].actor2 is not None
    assert protests[0].actor2.name == "Police Forces of Egypt"


def test_unnamed_security_forces_at_a_demonstration_are_police(nlp: Any) -> None:
    text = "Unrest in Kenya. Security forces fired tear gas at hundreds of protesters on Sunday."
    events = _with_actors(nlp, text, country="Kenya", actors={})
    protests = [e for e in events if e.event_type == "Protests"]
    assert protests and protests[0].actor2 is not None
    assert protests[0].actor2.name == "Police Forces of Kenya"


def test_a_photo_credit_is_no_side_of_anything() -> None:
    def side(name: str) -> Participant:
        actor = Actor(id=f"unk-{name}", name=name, kind="other")
        return Participant(actor=actor, kind=None, head=name, start=0, end=len(name))

    for credit in ("H Murdock/VOA)-And", "(A. Algarro/VOA)"):
        assert _as_side(side(credit), event_type="Battles", target=True) is None
    kept = _as_side(side("Islamists"), event_type="Battles", target=False)
    assert kept is not None and kept.actor is not None


def test_a_battle_told_with_one_side_takes_the_storys_other_side(nlp: Any) -> None:
    text = (
        "War in Syria. The Syrian army shelled rebel towns on Monday. The rebels held out. "
        "The Syrian army advanced on Tuesday, and heavy fighting with the rebels went on."
        " The Syrian army captured the village of Tell on Wednesday."
    )
    actors = {"Syrian army": ("state forces", "Syria"), "rebels": ("rebel group", "Syria")}
    events = _with_actors(nlp, text, country="Syria", actors=actors)
    captured = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert captured and captured[0].actor2 is not None
    assert captured[0].actor2.name == "rebels"


def test_an_air_strike_on_an_armed_group_was_flown_by_the_state_it_fights(nlp: Any) -> None:
    text = (
        "War in Syria. The Syrian army fought the rebels on Monday. The Syrian army held. "
        "Airstrikes hit the rebels in the north on Tuesday."
    )
    actors = {"Syrian army": ("state forces", "Syria"), "rebels": ("rebel group", "Syria")}
    events = _with_actors(nlp, text, country="Syria", actors=actors)
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert strikes and strikes[0].actor1 is not None
    assert strikes[0].actor1.name == "Syrian army"


def test_a_party_that_riots_is_its_crowd_and_the_crowds_associate(settings: Settings) -> None:
    text = (
        "On 12 March 2024, two factions of Chhatra League (BCL) clashed using bricks at the "
        "university in Mymensingh city."
    )
    article = make_article(text, origin="test", published=date(2024, 3, 13))
    riots = [e for e in load_pipeline(settings)(article).events if e.event_type == "Riots"]
    assert riots and riots[0].actor1 is not None
    assert riots[0].actor1.name == "Rioters (Bangladesh)"
    assert [a.name for a in riots[0].assoc_actor_1] == ["Bangladesh Chhatra League"]


def test_what_an_armed_group_loots_or_burns_is_the_civilians(nlp: Any) -> None:
    text = "Violence in Burkina Faso. Militants burned five schools in the village on Monday."
    events = _with_actors(nlp, text, country="Burkina Faso", actors={})
    looted = [e for e in events if e.sub_event_type == "Looting/property destruction"]
    assert looted and looted[0].actor2 is not None
    assert looted[0].actor2.name == "Civilians (Burkina Faso)"


def test_shelling_a_village_hits_its_civilians(nlp: Any) -> None:
    text = "War in Myanmar. Soldiers shelled the village on Monday."
    events = _with_actors(nlp, text, country="Myanmar", actors={})
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling and shelling[0].actor2 is not None
    assert shelling[0].actor2.name == "Civilians (Myanmar)"
    text = "War in Myanmar. Soldiers shelled rebel positions on Monday."
    events = _with_actors(nlp, text, country="Myanmar", actors={})
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling
    assert shelling[0].actor2 is None or shelling[0].actor2.name != "Civilians (Myanmar)"


def test_aid_workers_and_an_aid_agency_hit_are_the_countrys_civilians(nlp: Any) -> None:
    text = "Violence in Nigeria. Gunmen killed four aid workers in Borno on Monday."
    actors = {"aid workers": ("civilians", None)}
    events = _with_actors(nlp, text, country="Nigeria", actors=actors)
    assert events and events[0].actor2 is not None
    assert events[0].actor2.name == "Civilians (Nigeria)"
    assert [a.name for a in events[0].assoc_actor_2] == ["aid workers"]


def test_an_alliances_troops_hit_are_no_civilians() -> None:
    def hit(name: str, aliases: tuple[str, ...]) -> Participant | None:
        actor = Actor(id=name, name=name, kind="international organisation", aliases=aliases)
        side = Participant(actor=actor, kind=None, head=name, start=0, end=len(name))
        return _as_civilians(side, [], event_type="Explosions/Remote violence", target=True)[0]

    nato = hit("NATO", ("North Atlantic Treaty Organization",))
    assert nato is not None and nato.actor is not None
    icrc = hit("ICRC", ("International Committee of the Red Cross",))
    assert icrc is not None and icrc.actor is None and icrc.kind == "civilians"


def test_an_event_is_placed_where_a_telling_names_its_town(settings: Settings) -> None:
    text = (
        "Chicago officials released a video of the shooting on Tuesday. "
        "Demonstrators chanted slogans against the police on Wednesday. "
        "Demonstrators also took to the streets in Denver on Wednesday night."
    )
    article = make_article(text, origin="test", published=date(2015, 11, 26))
    events = [e for e in load_pipeline(settings)(article).events if e.event_type == "Protests"]
    assert len(events) == 1 and len(events[0].evidence) == 2
    assert events[0].location is not None and events[0].location.name == "Denver"


def test_without_a_publication_day_an_event_takes_the_storys_dated_day(settings: Settings) -> None:
    text = (
        "On 17 September 2019, a bomb exploded in Charikar. "
        "Hours later, gunmen attacked a checkpoint in Kabul, killing two soldiers."
    )
    article = make_article(text, origin="test", published=None)
    events = [e for e in load_pipeline(settings)(article).events if e.event_type == "Battles"]
    assert events and events[0].event_date == date(2019, 9, 17)


def test_an_arrest_no_one_is_said_to_make_is_the_countrys_police(nlp: Any) -> None:
    text = "Tension in India. Five activists of the party were arrested in the town on Sunday."
    events = _events(nlp, text, country="India")
    arrests = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].actor1 is not None
    assert arrests[0].actor1.name == "Police Forces of India"
    named = "Tension in Kenya. Soldiers arrested five activists in the town on Sunday."
    events = [e for e in _events(nlp, named, country="Kenya") if e.sub_event_type == "Arrests"]
    assert events and events[0].actor1 is not None
    assert events[0].actor1.name == "Military Forces of Kenya"


def test_a_protest_broken_up_by_no_one_named_was_broken_up_by_police(nlp: Any) -> None:
    text = (
        "Tension in India. Around 300 activists were arrested on Saturday for taking out "
        "processions in defiance of a ban."
    )
    events = [e for e in _events(nlp, text, country="India") if e.event_type == "Protests"]
    assert events and events[0].sub_event_type == "Protest with intervention"
    assert events[0].actor2 is not None and events[0].actor2.name == "Police Forces of India"


def test_a_curfew_no_one_is_said_to_impose_is_the_governments(nlp: Any) -> None:
    text = "Tension in India. Curfew was imposed in the town on Friday following arson."
    events = [e for e in _events(nlp, text, country="India") if e.event_type]
    curfews = [e for e in events if e.sub_event_type == "Change to group/activity"]
    assert curfews and curfews[0].actor1 is not None
    assert curfews[0].actor1.name == "Government of India"
