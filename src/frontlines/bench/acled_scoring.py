"""Score one analysis of an ACLED note against the record ACLED coded from it.

The analysis' *primary* event is its first event with an ACLED event_type (else its first event).
Actor names match after normalising (case, accents, punctuation, a plural "s"), dropping a
parenthesis that holds a year range or a country ("Military Forces of Russia (2000-)", "Rioters
(Bangladesh)"), and accepting either side of an acronym ("JNIM: Group for Support of Islam and
Muslims") or any of several "and/or" actors; predicted aliases count, and so do the names the
actor knowledge base gives the predicted actor's id (its ``acled_name`` among them), never names
taken from the gold record. Other parentheses stay:
"Islamic State (Greater Sahara)" is not "Islamic State (West Africa)". Admin names match after
also dropping generic words such as "State" or "Oblast", or, given a gazetteer, when both are
names of one admin area of the gold country ("Chittagong" and "Chattogram"); a different area
with a similar name is still a miss.
ACLED writes 0 fatalities where none are reported, so a null (or missing event) counts as 0.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal, Protocol

import pycountry

from frontlines.bench.acled_data import AcledRecord
from frontlines.bench.metrics import error_km, normalise
from frontlines.geo.entry import MATCH_LIGHT, Candidate
from frontlines.geo.geometry import distance_km
from frontlines.model import ActorRef, Analysis, Event, Location

AdminLevel = Literal["admin1", "admin2"]
# A gazetteer entry this close to ACLED's point counts as the place ACLED names.
COVERAGE_KM = 25.0

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
    "democratic republic of the congo": "CD",
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


class NameLookup(Protocol):
    """What admin matching needs of the gazetteer."""

    def lookup(self, name: str) -> list[Candidate]: ...


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


def _actor_match(
    gold: str,
    ref: ActorRef | None,
    aliases: Mapping[str, Sequence[str]],
    kb_names: Mapping[str, Sequence[str]],
) -> bool:
    if ref is None:
        return False
    predicted: set[str] = set()
    for name in (ref.name, *aliases.get(ref.id, ()), *kb_names.get(ref.id, ())):
        predicted |= actor_variants(name)
    return bool(actor_variants(gold) & predicted)


# ACLED's "Shan-North", "Bago-East": a GeoNames admin1 area and the part of it ACLED codes.
# Not "South-West" (Cameroon's region, not a part of "South") nor "Kasai-Central" (a province).
_ADMIN1_PART = re.compile(
    r"^(?!(?:north|south|east|west)\b)(.+?)\s*-\s*(?:north|south|east|west)$", re.IGNORECASE
)


def admin_key(name: str | None) -> str:
    words = normalise(name).split()
    kept = [word for word in words if word not in ADMIN_WORDS]
    return " ".join(kept or words)


def admin_areas(
    name: str, *, level: AdminLevel, country_code: str, gazetteer: NameLookup
) -> frozenset[int]:
    """The admin areas of ``level`` in the country that the gazetteer knows by ``name`` (as
    written or without its generic words; spelling variants beyond the light key do not count)."""
    found: set[int] = set()
    for form in {name, admin_key(name)}:
        found.update(
            c.entry.id
            for c in gazetteer.lookup(form)
            if c.match <= MATCH_LIGHT
            and c.entry.kind == level
            and c.entry.country_code == country_code
        )
    return frozenset(found)


def admin_match(
    gold: str,
    predicted: str | None,
    *,
    level: AdminLevel,
    country: str,
    gazetteer: NameLookup | None = None,
) -> bool:
    """Same normalised name, or (given a gazetteer) names of one admin area of the gold country.
    ACLED writes parts of some admin1 areas that GeoNames keeps whole ("Shan-South" of Myanmar's
    Shan State, "Bago-East"): the whole area counts as the part's admin1."""
    if admin_key(predicted) == admin_key(gold):
        return True
    part = _ADMIN1_PART.match(gold) if level == "admin1" else None
    if part and predicted and admin_key(predicted) == admin_key(part.group(1)):
        return True
    if gazetteer is None or not predicted:
        return False
    code = country_key(country)
    areas = admin_areas(gold, level=level, country_code=code, gazetteer=gazetteer)
    return bool(areas & admin_areas(predicted, level=level, country_code=code, gazetteer=gazetteer))


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


@dataclass(frozen=True, slots=True)
class Coverage:
    """Whether the gazetteer holds the place an ACLED record names (``location``)."""

    named: bool  # an entry of that name in ACLED's country (the geoparser's lookup keys)
    near: bool  # an entry of that name within COVERAGE_KM of ACLED's point
    same_admin1: bool  # one such entry near the point and in ACLED's admin1


def coverage(record: AcledRecord, gazetteer: NameLookup) -> Coverage | None:
    """How the gazetteer covers ``record.location``; None without a location and a point."""
    if not record.location or record.latitude is None or record.longitude is None:
        return None
    entries = [c.entry for c in gazetteer.lookup(record.location)]
    near = [
        entry
        for entry in entries
        if distance_km(record.latitude, record.longitude, entry.latitude, entry.longitude)
        <= COVERAGE_KM
    ]
    same_admin1 = any(
        admin_match(
            record.admin1,
            entry.admin1,
            level="admin1",
            country=record.country,
            gazetteer=gazetteer,
        )
        for entry in near
    )
    if not record.admin1:
        same_admin1 = bool(near)
    code = country_key(record.country)
    named = any(entry.country_code == code for entry in entries)
    return Coverage(named=named, near=bool(near), same_admin1=same_admin1)


def compare(
    record: AcledRecord,
    analysis: Analysis | None,
    *,
    gazetteer: NameLookup | None = None,
    kb_names: Mapping[str, Sequence[str]] | None = None,
) -> Comparison:
    """Compare the primary event of ``analysis`` (None: the pipeline failed) with the record;
    admin names also match through the gazetteer's names of one area where one is given, and
    actors through ``kb_names`` (actor id to the knowledge base's names for it)."""
    event = primary_event(analysis) if analysis is not None else None
    aliases = {actor.id: actor.aliases for actor in analysis.actors} if analysis else {}
    known = kb_names or {}
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
        actor1=_actor_match(record.actor1, event.actor1 if event else None, aliases, known)
        if record.actor1
        else None,
        actor2=_actor_match(record.actor2, event.actor2 if event else None, aliases, known)
        if record.actor2
        else None,
        country=country_key(location.country if location else None) == country_key(record.country)
        if record.country
        else None,
        admin1=_admin(record, location, level="admin1", gazetteer=gazetteer),
        admin2=_admin(record, location, level="admin2", gazetteer=gazetteer),
        located=point is not None and point[0] is not None and point[1] is not None,
        error_km=error_km(gold_point, point) if gold_point else None,
        date=_same_day(event.event_date if event else None, record.event_date),
        fatalities=(event.fatalities or 0) if event else 0,
        failed=analysis is None,
    )


def _admin(
    record: AcledRecord,
    location: Location | None,
    *,
    level: AdminLevel,
    gazetteer: NameLookup | None,
) -> bool | None:
    """Whether the admin area at ``level`` matches; None where ACLED names none."""
    gold = getattr(record, level)
    if not gold:
        return None
    predicted = getattr(location, level) if location else None
    return admin_match(gold, predicted, level=level, country=record.country, gazetteer=gazetteer)


def _same_day(predicted: date | None, gold: date) -> bool:
    return predicted == gold
