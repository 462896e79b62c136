"""How reports' values for one field are weighed: who gives each, and ACLED's rules for
the date (most precise agreed, else majority, else earliest, widened), the place (most precise
agreed, else majority, else the lead's, with geo_precision lowered) and the toll (lowest credible).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Sequence
from datetime import date
from typing import Any

from frontlines.fusion.report import DATE_RANKS, Report, normalise
from frontlines.fusion.types import ContestedValue
from frontlines.model import ActorRef, Location

DOUBTFUL = frozenset({"claimed", "denied", "expected"})  # a party's word, or no event at all


class Votes:
    """Values of one field across reports (given in lead order), with who gives each."""

    def __init__(
        self, reports: Sequence[Report], origin_of: dict[str, str], value: Callable[[Report], Any]
    ) -> None:
        self.values: dict[Hashable, tuple[Any, list[Report]]] = {}
        self.first: dict[Hashable, int] = {}
        self.origin_of = origin_of
        for number, report in enumerate(reports):
            found = value(report)
            if found is not None:
                key = normalise(found.name) if isinstance(found, ActorRef) else found
                self.values.setdefault(key, (found, []))[1].append(report)
                self.first.setdefault(key, number)

    def support(self, key: Hashable) -> tuple[int, int]:
        backers = self.values[key][1]
        return len({self.origin_of[r.id] for r in backers}), len(backers)

    def winner(self) -> Any:
        """The value most origins give, then most reports, then the earliest report's."""
        if not self.values:
            return None
        best = max(self.values, key=lambda key: (*self.support(key), -self.first[key]))
        return self.values[best][0]

    def majority(self) -> Any:
        """The value more than half of the origins give, or None."""
        origins = {self.origin_of[r.id] for _, backers in self.values.values() for r in backers}
        for key, (value, _) in self.values.items():
            if self.support(key)[0] * 2 > len(origins):
                return value
        return None

    def contested(self, show: Callable[[Any], Any]) -> tuple[ContestedValue, ...]:
        if len(self.values) < 2:
            return ()
        return tuple(
            ContestedValue(
                value=show(value),
                sources=unique(r.outlet or r.article_id for r in backers),
                reports=tuple(r.id for r in backers),
                credited=unique(name for r in backers for name in r.event.sources),
            )
            for value, backers in self.values.values()
        )


def lead_key(report: Report) -> tuple[Any, ...]:
    return report.lead_key


def unique(names: Any) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(normalise(name) or name, name)
    return tuple(seen.values())


Voter = Callable[[str, Callable[[Report], Any], Callable[[Any], Any]], Votes]


def agreed_date(reports: list[Report], origin_of: dict[str, str], votes: Voter) -> tuple[Any, str]:
    dated = [r for r in reports if r.event.event_date is not None]
    if not dated:
        return None, reports[0].event.date_precision
    best = min(DATE_RANKS.get(r.event.date_precision, 3) for r in dated)
    precise = [r for r in dated if DATE_RANKS.get(r.event.date_precision, 3) == best]
    precision = precise[0].event.date_precision
    keep = {r.id for r in precise}
    found = Votes(precise, origin_of, lambda r: r.event.event_date)
    votes("event_date", lambda r: r.event.event_date if r.id in keep else None, _iso)
    if len(found.values) == 1 or (agreed := found.majority()) is not None:
        return (found.winner() if len(found.values) == 1 else agreed), precision
    days: list[date] = sorted(value for value, _ in found.values.values())
    span = (days[-1] - days[0]).days
    if span > 30:
        widened = 3
    elif span > 6:
        widened = max(best, 2)
    else:
        widened = max(best, 1)
    return days[0], next(name for name, rank in DATE_RANKS.items() if rank == widened)


def _iso(value: Any) -> str:
    return str(value.isoformat())


def agreed_place(reports: list[Report], origin_of: dict[str, str], votes: Voter) -> Location | None:
    located = [r for r in reports if r.event.location is not None]
    if not located:
        return None
    best = min(_geo_rank(r) for r in located)
    precise = [r for r in located if _geo_rank(r) == best]
    keep = {r.id for r in precise}
    places: list[Location] = []
    for report in precise:
        place = report.event.location
        if place is not None and not any(_same_place(place, known) for known in places):
            places.append(place)

    def place_of(report: Report) -> Location | None:
        here = report.event.location
        if report.id not in keep or here is None:
            return None
        return next(known for known in places if _same_place(here, known))

    found = votes("location", place_of, lambda place: place.name)
    if len(places) == 1:
        return places[0]
    agreed = found.majority()
    if agreed is not None:
        return agreed  # type: ignore[no-any-return]
    chosen = places[0]
    one_region = len({normalise(p.admin1) for p in places}) == 1 and bool(chosen.admin1)
    names = ", ".join(p.name or "?" for p in places)
    return dataclasses.replace(
        chosen,
        geo_precision=max(chosen.geo_precision or 1, 2 if one_region else 3),
        note=f"reports place it at {names}",
    )


def _geo_rank(report: Report) -> int:
    location = report.event.location
    return (location.geo_precision or 4) if location else 5


def _same_place(first: Location, second: Location) -> bool:
    if first.geonameid is not None and first.geonameid == second.geonameid:
        return True
    if None not in (first.latitude, first.longitude, second.latitude, second.longitude):
        return (
            abs((first.latitude or 0) - (second.latitude or 0)) < 0.045
            and abs((first.longitude or 0) - (second.longitude or 0)) < 0.06
        )
    return normalise(first.name) == normalise(second.name)


def lowest_credible(reports: list[Report], votes: Voter) -> int | None:
    votes("fatalities", lambda r: r.event.fatalities, int)
    figures = [r for r in reports if r.event.fatalities is not None]
    credible = [r for r in figures if r.event.certainty not in DOUBTFUL] or figures
    return min((r.event.fatalities or 0 for r in credible), default=None)
