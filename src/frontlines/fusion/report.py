"""A report (one article's event) as fusion reads it, and the features it is compared on."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from frontlines.fusion.report_words import (
    area_names,
    content_terms,
    lead_site,
    name_key,
    proper_names,
    site_names,
    times_of_day,
)
from frontlines.fusion.roundup import is_roundup
from frontlines.fusion.types import report_id
from frontlines.model import ActorRef, Event, Location

DATE_RANKS: dict[str, int] = {"day": 0, "week": 1, "month": 2, "approximate": 3}
FATALITY_WORDS = frozenset({"fatalities", "killed", "dead", "deaths"})  # compared as fatalities


@dataclass(frozen=True, slots=True)
class Report:
    """One stored event with the article it came from and the article that article reprints."""

    event: Event
    article_id: str
    seq: int = 0
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None
    fictional: bool = False
    pipeline_version: str = ""
    ingested_at: datetime | None = None
    original_id: str | None = None  # the article this one reprints (a syndication link), if any

    @property
    def id(self) -> str:
        return report_id(self.article_id, self.event.id)

    @property
    def lead_key(self) -> tuple[date, str, int, str]:
        """Earliest published first: the report whose article and evidence a fused event shows.

        Never the syndication link's direction, which depends on the order articles came in.
        """
        return (self.published or date.max, self.article_id, self.seq, self.event.id)


def normalise(text: str | None) -> str:
    """Lower case, no accents or punctuation, no leading "the": for comparing names."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(char for char in folded if not unicodedata.combining(char)).lower()
    words = re.sub(r"[^\w]+", " ", folded).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Features:
    """What a pair of reports is compared on, computed once per report."""

    report: Report
    day: int | None  # proleptic ordinal of the event date
    window: int  # how many days apart a partner may be, for this report's date precision
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    geonameid: int | None
    place: str
    admin1: str
    admin2: str
    admin3: str
    country: str
    actors: tuple[tuple[str, str], ...]  # (id, normalised name) of every actor named
    terms: frozenset[str]  # content words of its title and evidence, beyond its place's names
    quantities: frozenset[tuple[str, float]]
    names: frozenset[str]  # the proper names of the evidence (``name_key``)
    sites: frozenset[str]  # the names it places things at or acts on
    times: frozenset[str]  # the parts of the day it gives
    outlet: str
    credits: frozenset[str]  # the sources it credits, normalised
    common: frozenset[str]  # names every report of its region, war or outlet gives
    place_words: frozenset[str]  # the words of its place's name
    fine: bool  # placed at a town, village or site found as such (no stand-in, no area's name)
    coarse: frozenset[str]  # names of its areas, and of its place when that is not fine
    lead: frozenset[str]  # the words of the first site its first text names (``lead_site``)
    roundup: bool  # it counts many happenings' dead at once (``roundup.is_roundup``)

    @classmethod
    def of(cls, report: Report, *, windows: dict[str, int]) -> Features:
        event = report.event
        loc = event.location
        # a whole country's point is its centroid, no place: compared by its country alone
        located = (
            loc is not None
            and loc.latitude is not None
            and loc.longitude is not None
            and not _whole_country(loc)
        )
        actors = [event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2]
        texts = [mention.text for mention in event.evidence]
        place_words = frozenset(
            name_key(word) for word in normalise(loc.name if loc else "").split() if len(word) >= 3
        )
        fine = _is_fine(loc)
        common = _common_names(loc, actors, report.outlet)
        coarse = _area_names(loc) | area_names(texts) | (frozenset() if fine else place_words)
        return cls(
            report=report,
            day=event.event_date.toordinal() if event.event_date else None,
            window=windows.get(event.date_precision, max(windows.values())),
            latitude=loc.latitude if located and loc else None,
            longitude=loc.longitude if located and loc else None,
            geo_precision=loc.geo_precision if loc else None,
            geonameid=loc.geonameid if loc else None,
            place=normalise(loc.name) if loc else "",
            admin1=normalise(loc.admin1) if loc else "",
            admin2=normalise(loc.admin2) if loc else "",
            admin3=normalise(loc.admin3) if loc else "",
            country=normalise(loc.country) if loc else "",
            actors=tuple(
                sorted({(actor.id, normalise(actor.name)) for actor in actors if actor is not None})
            ),
            terms=content_terms([report.title or "", *texts]) - _place_terms(loc),
            quantities=frozenset(
                (normalise(q.what), float(q.value))
                for q in event.quantities
                if q.value is not None and normalise(q.what) not in FATALITY_WORDS
            ),
            names=proper_names(texts),
            sites=site_names(texts),
            times=times_of_day(texts),
            outlet=normalise(report.outlet),
            credits=frozenset(normalise(name) for name in event.sources),
            common=common,
            place_words=place_words,
            fine=fine,
            coarse=coarse,
            lead=lead_site(texts, skip=common | _area_names(loc) | area_names(texts)),
            roundup=is_roundup(
                [report.title or "", *texts], placed=located or bool(loc and loc.admin1)
            ),
        )

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def _common_names(
    location: Location | None, actors: list[ActorRef | None], outlet: str | None
) -> frozenset[str]:
    """Stems of the words of the report's admin1, country, outlet and actors' names: names
    every report of a region, a war or an outlet gives, which tell no two happenings apart."""
    names = [location.admin1, location.country] if location else []
    names.append(outlet)
    names.extend(actor.name for actor in actors if actor is not None)
    return frozenset(name_key(word) for name in names for word in normalise(name).split())


def _place_terms(location: Location | None) -> frozenset[str]:
    """Content terms of the names of a place and its areas: one city tells no two texts alike."""
    if location is None:
        return frozenset()
    names = (location.name, location.admin1, location.admin2, location.admin3, location.country)
    return content_terms(name or "" for name in names)


def _area_names(location: Location | None) -> frozenset[str]:
    """Stems of the words of the areas a place lies in (admin1 to admin3)."""
    if location is None:
        return frozenset()
    names = (location.admin1, location.admin2, location.admin3)
    return frozenset(name_key(word) for name in names for word in normalise(name).split())


def _whole_country(location: Location) -> bool:
    """Whether the place is a country itself ("Syria"), not a place in it."""
    return bool(location.country) and normalise(location.name) == normalise(location.country)


def _is_fine(location: Location | None) -> bool:
    """Whether the place is a town, village or site the geocoder found as such: located at
    precision 1, with no note (no stand-in for a place it lacks, no fallback), and not named as
    its region (Dhaka in Dhaka division: a capital of many happenings a day)."""
    if location is None or location.latitude is None or location.note is not None:
        return False
    if (location.geo_precision or 1) != 1:
        return False
    place = normalise(location.name)
    return bool(place) and place != normalise(location.admin1)


EARTH_RADIUS_KM = 6371.0088


def distance_km(first: Features, second: Features) -> float:
    """Great-circle distance between two located reports."""
    lat1, lon1 = math.radians(first.latitude or 0.0), math.radians(first.longitude or 0.0)
    lat2, lon2 = math.radians(second.latitude or 0.0), math.radians(second.longitude or 0.0)
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
