from __future__ import annotations

from datetime import date

from frontlines.extract.notes import write_note
from frontlines.model import ActorRef, Location

REBELS = ActorRef(id="reb", name="Syrian opposition forces", kind="rebel group")
ARMY = ActorRef(id="army", name="Syrian government forces", kind="state forces")
ALEPPO = Location(name="Aleppo", country="Syria", admin1="Aleppo", geo_precision=2)


def test_notes_acled_style_sentence() -> None:
    note = write_note(
        event_date=date(2024, 11, 27),
        precision="day",
        event_type="Battles",
        sub_event_type="Non-state actor overtakes territory",
        actor1=REBELS,
        actor2=ARMY,
        location=ALEPPO,
        fatalities=None,
        certainty="reported",
    )
    assert note == (
        "On 27 November 2024, Syrian opposition forces took territory from Syrian government "
        "forces near Aleppo (Aleppo). Fatalities unreported."
    )


def test_notes_hedge_and_count() -> None:
    note = write_note(
        event_date=date(2024, 3, 2),
        precision="week",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=REBELS,
        actor2=None,
        location=None,
        fatalities=4,
        certainty="unconfirmed",
    )
    assert note.startswith("In the week of 2 March 2024, Syrian opposition forces were reportedly")
    assert note.endswith("4 fatalities reported.")


def test_notes_never_use_the_articles_words() -> None:
    note = write_note(
        event_date=None,
        precision="approximate",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1=None,
        actor2=None,
        location=None,
        fatalities=0,
        certainty="reported",
    )
    assert (
        note
        == "On an unknown date, unidentified actors carried out an attack. No fatalities reported."
    )
