"""A clash with a crowd and no armed group is a riot, or a protest the police met."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.model import Event
from frontlines.python_api import load_pipeline
from frontlines.readers.common import make_article
from frontlines.settings import Settings

pytestmark = pytest.mark.slow


def _events(text: str) -> list[Event]:
    article = make_article(text, origin="test", published=date(2024, 3, 13))
    return [e for e in load_pipeline(Settings.from_env())(article).events if e.event_type]


def test_police_firing_to_ward_off_a_mob_is_mob_violence_with_the_mob_first() -> None:
    text = (
        "Violence in India. Police fired five rounds in the air and lobbed tear gas shells in "
        "Surat on Monday to ward off a stone-throwing mob."
    )
    events = _events(text)
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Riots", "Mob violence")]
    assert events[0].actor1 is not None and events[0].actor1.name.startswith("Rioters")
    assert events[0].actor2 is not None and "Police" in events[0].actor2.name


def test_protesters_pushed_back_by_the_police_are_a_protest_with_intervention() -> None:
    text = (
        "Several protesters tried to force their way through the police line to enter the "
        "hotel, and they advanced a few meters before police pushed them back."
    )
    found = [(e.event_type, e.sub_event_type) for e in _events(text)]
    assert found == [("Protests", "Protest with intervention")]


def test_a_clash_with_an_armed_group_stays_a_battle() -> None:
    text = "Soldiers clashed with gunmen near Gao on Monday as a mob looked on."
    found = [(e.event_type, e.sub_event_type) for e in _events(text)]
    assert ("Battles", "Armed clash") in found


def test_police_firing_at_a_rioting_mob_is_the_mobs_riot_not_force_against_protesters() -> None:
    text = (
        "Violence in India. Police fired at a riotous mob in the limbayat area of Surat on "
        "Monday morning."
    )
    events = _events(text)
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Riots", "Mob violence")]
    assert events[0].actor1 is not None and events[0].actor1.name.startswith("Rioters")
    assert events[0].actor2 is not None and "Police" in events[0].actor2.name
    marchers = "Police fired at protesters marching through Surat on Monday morning."
    found = [(e.event_type, e.sub_event_type) for e in _events(marchers)]
    assert found and found[0][0] == "Protests"
