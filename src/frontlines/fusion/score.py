"""Whether two reports may be the same event (hard gates), and how alike they are (0..1).

Gates: not the same article, both fictional or both not, both dated and close enough for their
date precision, event types compatible, places close enough (within ``max_km``, or the same
admin1 when coordinates are missing, or the same country when that is all there is). The score
weighs event type, actors, place, date, numbers (fatalities and quantities) and wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from frontlines.fusion.report import Features, distance_km
from frontlines.fusion.text import cosine

# Event types that different outlets plausibly give the same happening (e.g. an air strike on a
# village: "Air/drone strike" or "Attack"); anything else across types never fuses.
RELATED_TYPES: frozenset[frozenset[str]] = frozenset(
    {
        frozenset({"Battles", "Explosions/Remote violence"}),
        frozenset({"Explosions/Remote violence", "Violence against civilians"}),
        frozenset({"Battles", "Violence against civilians"}),
        frozenset({"Protests", "Riots"}),
    }
)
RELATED_SUB_TYPES: frozenset[frozenset[str]] = frozenset(
    {
        frozenset({"Non-state actor overtakes territory", "Non-violent transfer of territory"}),
        frozenset({"Government regains territory", "Non-violent transfer of territory"}),
        frozenset({"Attack", "Looting/property destruction"}),
        frozenset({"Abduction/forced disappearance", "Arrests"}),
    }
)
DAY_SCORES = (1.0, 0.7, 0.45)  # same day, a day apart, two days apart (day precision)


@dataclass(frozen=True, slots=True)
class Weights:
    event_type: float = 0.20
    actors: float = 0.20
    place: float = 0.20
    date: float = 0.15
    numbers: float = 0.05
    wording: float = 0.20


@dataclass(frozen=True, slots=True)
class FusionSettings:
    """Blocking windows, gates, weights and the threshold above which two reports are linked."""

    windows: dict[str, int] = field(
        default_factory=lambda: {"day": 2, "week": 7, "month": 31, "approximate": 31}
    )
    max_km: float = 50.0
    same_place_km: float = 5.0
    threshold: float = 0.62
    weights: Weights = field(default_factory=Weights)

    @property
    def widest(self) -> int:
        return max(self.windows.values())


def type_affinity(first: Features, second: Features) -> float:
    a, b = first.report.event, second.report.event
    if a.event_type is None or b.event_type is None:
        return 0.5 if a.event_type == b.event_type else 0.0
    if a.sub_event_type is not None and a.sub_event_type == b.sub_event_type:
        return 1.0
    if a.event_type == b.event_type:
        return 0.7
    if frozenset({a.sub_event_type or "", b.sub_event_type or ""}) in RELATED_SUB_TYPES:
        return 0.5
    if frozenset({a.event_type, b.event_type}) in RELATED_TYPES:
        return 0.35
    return 0.0


def place_affinity(first: Features, second: Features, *, settings: FusionSettings) -> float | None:
    """How close the two places are (0..1); None when they cannot be the same event's."""
    if first.located and second.located:
        same_id = first.geonameid is not None and first.geonameid == second.geonameid
        km = distance_km(first, second)
        if same_id or km <= settings.same_place_km:
            return 1.0
        if km <= settings.max_km:
            return 1.0 - 0.6 * km / settings.max_km
        regional = 3 in (first.geo_precision, second.geo_precision)
        return 0.4 if regional and _same_admin1(first, second) else None
    if first.admin1 and second.admin1:
        if not _same_admin1(first, second):
            return None
        return 0.9 if first.place and first.place == second.place else 0.6
    if first.country and second.country:
        return 0.3 if first.country == second.country else None
    return 0.3


def _same_admin1(first: Features, second: Features) -> bool:
    countries_agree = not (first.country and second.country) or first.country == second.country
    return bool(first.admin1) and first.admin1 == second.admin1 and countries_agree


def date_affinity(first: Features, second: Features, *, settings: FusionSettings) -> float | None:
    if first.day is None or second.day is None:
        return None
    apart = abs(first.day - second.day)
    if apart > max(first.window, second.window):
        return None
    precise = (first.report.event.date_precision, second.report.event.date_precision)
    if precise == ("day", "day"):
        return DAY_SCORES[apart] if apart < len(DAY_SCORES) else 0.3
    return 0.6


def actor_affinity(first: Features, second: Features) -> float:
    """Share of the shorter actor list also named by the other report (by id or by name)."""
    if not first.actors or not second.actors:
        return 0.5
    fewer, more = sorted((first.actors, second.actors), key=len)
    ids, names = {actor_id for actor_id, _ in more}, {name for _, name in more}
    shared = sum(1 for actor_id, name in fewer if actor_id in ids or name in names)
    return shared / len(fewer)


def number_affinity(first: Features, second: Features) -> float:
    scores = []
    one, other = first.report.event.fatalities, second.report.event.fatalities
    if one is not None and other is not None:
        low, high = min(one, other), max(one, other)
        if low == high:
            scores.append(1.0)
        else:
            scores.append(0.7 if low > 0 and low / high >= 0.5 else 0.3)
    if first.quantities and second.quantities:
        shared = len(first.quantities & second.quantities)
        scores.append(0.3 + 0.7 * shared / min(len(first.quantities), len(second.quantities)))
    return sum(scores) / len(scores) if scores else 0.5


def wording_affinity(first: Features, second: Features) -> float:
    """Cosine of the evidence's content words, stretched: independent reports share few words."""
    return min(1.0, 1.6 * cosine(first.terms, second.terms))


def compatible(first: Features, second: Features, *, settings: FusionSettings) -> bool:
    """The hard gates alone (cheap): could these two reports be one event at all?"""
    a, b = first.report, second.report
    if a.article_id == b.article_id or a.fictional != b.fictional:
        return False
    if date_affinity(first, second, settings=settings) is None:
        return False
    return (
        type_affinity(first, second) > 0
        and place_affinity(first, second, settings=settings) is not None
    )


def pair_score(first: Features, second: Features, *, settings: FusionSettings) -> float | None:
    """The weighted similarity of two reports, or None when a gate rules the pair out."""
    if not compatible(first, second, settings=settings):
        return None
    weights = settings.weights
    place = place_affinity(first, second, settings=settings) or 0.0
    when = date_affinity(first, second, settings=settings) or 0.0
    return (
        weights.event_type * type_affinity(first, second)
        + weights.actors * actor_affinity(first, second)
        + weights.place * place
        + weights.date * when
        + weights.numbers * number_affinity(first, second)
        + weights.wording * wording_affinity(first, second)
    )
