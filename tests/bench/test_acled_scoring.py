from __future__ import annotations

from dataclasses import replace
from datetime import date

from frontlines.bench.acled_data import AcledRecord
from frontlines.bench.acled_scoring import (
    actor_variants,
    admin_key,
    compare,
    country_key,
    primary_event,
)
from frontlines.model import Actor, Analysis, Article, Event, Location

GOLD = AcledRecord(
    event_id="UKR1",
    notes="On 16 February 2024, Russian forces shelled Krasnopillia (Sumy). Casualties unknown.",
    event_date=date(2024, 2, 16),
    event_type="Explosions/Remote violence",
    sub_event_type="Shelling/artillery/missile attack",
    actor1="Military Forces of Russia (2000-)",
    actor2="",
    country="Ukraine",
    admin1="Sumy",
    admin2="Sumskyi",
    latitude=50.7746,
    longitude=35.2597,
    geo_precision=2,
    fatalities=0,
)


def analysed(*events: Event, actors: tuple[Actor, ...] = ()) -> Analysis:
    return Analysis(
        frontlines_version="t",
        pipeline=(),
        article=Article.create(GOLD.notes),
        events=events,
        actors=actors,
    )


def shelling(**changes: object) -> Event:
    russia = Actor(id="rus", name="Russian forces", kind="state forces")
    event = Event(
        id="e1",
        event_date=date(2024, 2, 16),
        date_precision="day",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1=russia.ref(),
        location=Location(
            name="Krasnopillia",
            country="Ukraine",
            admin1="Sumy Oblast",
            admin2="Sumy Raion",
            latitude=50.77,
            longitude=35.26,
        ),
    )
    return replace(event, **changes)  # type: ignore[arg-type]


def test_acled_scoring_actor_variants_accept_acronyms_years_countries_plurals() -> None:
    assert "military force of russia" in actor_variants("Military Forces of Russia (2000-)")
    jnim = actor_variants(
        "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    )
    assert {"jnim", "group for support of islam and muslim", "islamic state greater sahara"} <= jnim
    assert "islamic state" not in jnim
    assert actor_variants("Rioters") <= actor_variants("Rioters (Burkina Faso)")
    assert actor_variants("Ye Special Task Force") & actor_variants("YSTF: Ye Special Task Forces")


def test_acled_scoring_admin_and_country_keys_ignore_generic_words() -> None:
    assert admin_key("Sumy Oblast") == admin_key("Sumy")
    assert admin_key("Kayin State") == "kayin"
    assert admin_key("State") == "state"
    assert country_key("Democratic Republic of Congo") == country_key(
        "Congo, The Democratic Republic of the"
    )
    assert country_key("Ukraine") == "UA"


def test_acled_scoring_compare_matches_fields_and_aliases() -> None:
    russia = Actor(
        id="rus",
        name="Russian forces",
        kind="state forces",
        aliases=("Military Forces of Russia (2000-)",),
    )
    result = compare(GOLD, analysed(shelling(), actors=(russia,)))
    assert result.has_event and not result.failed
    assert result.event_type == GOLD.event_type
    assert result.actor1 is True
    assert result.actor2 is None  # ACLED names no actor2
    assert (result.country, result.admin1, result.admin2) == (True, True, False)
    assert result.located and result.error_km is not None and result.error_km < 2
    assert result.date and result.fatalities_exact


def test_acled_scoring_without_alias_the_actor_does_not_match() -> None:
    result = compare(GOLD, analysed(shelling()))
    assert result.actor1 is False


def test_acled_scoring_no_event_or_failure_scores_as_missing_with_zero_fatalities() -> None:
    for analysis in (analysed(), None):
        result = compare(GOLD, analysis)
        assert not result.has_event
        assert result.event_type is None
        assert result.actor1 is False
        assert not result.located
        assert result.fatalities == 0 and result.fatalities_exact
    assert compare(GOLD, None).failed


def test_acled_scoring_primary_event_prefers_an_acled_type() -> None:
    untyped = shelling(id="e0", event_type=None, sub_event_type=None)
    typed = shelling()
    event = primary_event(analysed(untyped, typed))
    assert event is not None and event.id == "e1"
    only = primary_event(analysed(untyped))
    assert only is not None and only.id == "e0"
