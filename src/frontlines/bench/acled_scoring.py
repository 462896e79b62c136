"""Score one analysis of an ACLED note against the record ACLED coded from it.

The analysis' *primary* event is its first event with an ACLED event_type (else its first event).
Actor names match after normalising (case, accents, punctuation, a plural "s"), dropping a
parenthesis that holds a year range or a country ("Military Forces of Russia (2000-)", "Rioters
(Bangladesh)"), and accepting either side of an acronym ("JNIM: Group for Support of Islam and
Muslims") or any of several "and/or" actors; predicted aliases count. Other parentheses stay:
"Islamic State (Greater Sahara)" is not "Islamic State (West Africa)". Admin names match after
also dropping generic words such as "State" or "Oblast".
ACLED writes 0 fatalities where none are reported, so a null (or missing event) counts as 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pycountry

from frontlines.bench.acled_data import AcledRecord
from frontlines.bench.metrics import error_km, normalise
from frontlines.model import ActorRef, Analysis, Event

ADMIN_WORDS = frozenset(
    {
        "state",
        "region",
        "division",
        "oblast",
        "province",
        "governorate",
        "district",
        "department",
        "county",
        "prefecture",
        "municipality",
        "raion",
        "territory",
        "township",
    }
)
# ACLED spellings pycountry does not know.
COUNTRY_ALIASES = {
    "democratic republic of congo": "CD",
    "dr congo": "CD",
    "drc": "CD",
    "republic of congo": "CG",
    "eswatini": "SZ",
    "ivory coast": "CI",
    "russia": "RU",
    "syria": "SY",
    "iran": "IR",
    "tanzania": "TZ",
    "south korea": "KR",
    "north korea": "KP",
}


@dataclass(frozen=True, slots=True)
class Comparison:
    """How one predicted record compares with the gold one; None where gold has no value."""

    record: AcledRecord
    has_event: bool
    event_type: str | None
    sub_event_type: str | None
    actor1: bool | None
    actor2: bool | None
    country: bool | None
    admin1: bool | None
    admin2: bool | None
    located: bool
    error_km: float | None
    date: bool
    fatalities: int
    failed: bool = False

    @property
    def fatalities_exact(self) -> bool:
        return self.fatalities == self.record.fatalities


def primary_event(analysis: Analysis) -> Event | None:
    typed = [event for event in analysis.events if event.event_type is not None]
    if typed:
        return typed[0]
    return analysis.events[0] if analysis.events else None


def actor_variants(name: str) -> frozenset[str]:
    """The normalised forms under which an ACLED-style actor name matches."""
    variants: set[str] = set()
    for part in re.split(r"\s+and/or\s+", name):
        bare = re.sub(r"\(([^)]*)\)", _drop_dates_and_countries, part)
        names = [part, bare]
        if ":" in bare:
            names.extend(bare.split(":", 1))
        variants.update(_singular(normalise(n)) for n in names)
    return frozenset(v for v in variants if v)


def _drop_dates_and_countries(match: re.Match[str]) -> str:
    inside = match.group(1)
    if any(char.isdigit() for char in inside) or normalise(inside) in _country_codes():
        return ""
    return match.group(0)


def _singular(key: str) -> str:
    return " ".join(
        word[:-1] if len(word) > 3 and word.endswith("s") else word for word in key.split()
    )


def _actor_match(gold: str, ref: ActorRef | None, aliases: dict[str, tuple[str, ...]]) -> bool:
    if ref is None:
        return False
    predicted: set[str] = set()
    for name in (ref.name, *aliases.get(ref.id, ())):
        predicted |= actor_variants(name)
    return bool(actor_variants(gold) & predicted)


def admin_key(name: str | None) -> str:
    words = normalise(name).split()
    kept = [word for word in words if word not in ADMIN_WORDS]
    return " ".join(kept or words)


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                codes[normalise(value)] = country.alpha_2
    codes.update(COUNTRY_ALIASES)
    return codes


def country_key(name: str | None) -> str:
    key = normalise(name)
    return _country_codes().get(key, key)


def compare(record: AcledRecord, analysis: Analysis | None) -> Comparison:
    """Compare the primary event of ``analysis`` (None: the pipeline failed) with the record."""
    event = primary_event(analysis) if analysis is not None else None
    aliases = {actor.id: actor.aliases for actor in analysis.actors} if analysis else {}
    location = event.location if event else None
    point = (location.latitude, location.longitude) if location else None
    gold_point = (
        (record.latitude, record.longitude)
        if record.latitude is not None and record.longitude is not None
        else None
    )
    return Comparison(
        record=record,
        has_event=event is not None,
        event_type=event.event_type if event else None,
        sub_event_type=event.sub_event_type if event else None,
        actor1=_actor_match(record.actor1, event.actor1 if event else None, aliases)
        if record.actor1
        else None,
        actor2=_actor_match(record.actor2, event.actor2 if event else None, aliases)
        if record.actor2
        else None,
        country=country_key(location.country if location else None) == country_key(record.country)
        if record.country
        else None,
        admin1=admin_key(location.admin1 if location else None) == admin_key(record.admin1)
        if record.admin1
        else None,
        admin2=admin_key(location.admin2 if location else None) == admin_key(record.admin2)
        if record.admin2
        else None,
        located=point is not None and point[0] is not None and point[1] is not None,
        error_km=error_km(gold_point, point) if gold_point else None,
        date=_same_day(event.event_date if event else None, record.event_date),
        fatalities=(event.fatalities or 0) if event else 0,
        failed=analysis is None,
    )


def _same_day(predicted: date | None, gold: date) -> bool:
    return predicted == gold
