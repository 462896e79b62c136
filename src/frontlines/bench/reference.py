"""The reference benchmark: analyse each reference article and compare with what an analyst expects.

For each kind of item it reports the share of expected items found and the number of extra items
that match nothing expected. Events pair one-to-one on event_type (ACLED type, or null for a
non-conflict event), choosing among candidates the one agreeing on most fields; an event is
*found* when its pair also has actor1 and actor2 right (any alias, case-insensitive). The other
event figures are shares of expected events whose pair has that field right: dates exact, the
location within the reference radius, sources as a set (any alias), certainty exact.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from frontlines.bench.metrics import haversine_km, normalise, overlaps, share, spans_of
from frontlines.bench.protocols import Analyse
from frontlines.bench.reference_gold import (
    GoldEvent,
    ReferenceGold,
    claim_span,
    load_reference,
    reference_pairs,
)
from frontlines.bench.report import BenchResult, Figure
from frontlines.model import ActorRef, Analysis, Article, Event

NAME = "reference"
EVENT_FIELDS = ("sub_event_type", "date", "location", "sources", "certainty")


@dataclass
class Tally:
    """Hits per expected item kind and counts of extra (unmatched) predictions."""

    hits: dict[str, list[bool]] = field(default_factory=dict)
    extras: dict[str, int] = field(default_factory=dict)
    predicted: dict[str, int] = field(default_factory=dict)

    def hit(self, key: str, value: bool) -> None:
        self.hits.setdefault(key, []).append(value)

    def unmatched(self, key: str, count: int, *, predicted: int) -> None:
        """``count`` of the ``predicted`` items of this kind matched nothing expected."""
        self.extras[key] = self.extras.get(key, 0) + count
        self.predicted[key] = self.predicted.get(key, 0) + predicted

    def merge(self, other: Tally) -> None:
        for key, values in other.hits.items():
            self.hits.setdefault(key, []).extend(values)
        for key, count in other.extras.items():
            self.unmatched(key, count, predicted=other.predicted.get(key, 0))


def score_reference(gold: ReferenceGold, analysis: Analysis) -> Tally:
    tally = Tally()
    names = _predicted_names(analysis)
    _score_events(gold, analysis, names, tally)
    _score_actors(gold, analysis, tally)
    _score_relations(gold, analysis, names, tally)
    _score_claims(gold, analysis, tally)
    _score_framing(gold, analysis, tally)
    _score_places(gold, analysis, tally)
    return tally


def _predicted_names(analysis: Analysis) -> dict[str, frozenset[str]]:
    """Actor id -> the normalised names and aliases the analysis gives it."""
    return {
        actor.id: frozenset(normalise(n) for n in (actor.name, *actor.aliases))
        for actor in analysis.actors
    }


def _ref_names(ref: ActorRef | None, names: dict[str, frozenset[str]]) -> frozenset[str]:
    if ref is None:
        return frozenset()
    return names.get(ref.id, frozenset()) | {normalise(ref.name)}


def _actor_ok(
    expected: str | None,
    ref: ActorRef | None,
    gold: ReferenceGold,
    names: dict[str, frozenset[str]],
) -> bool:
    if expected is None:
        return ref is None
    return bool(gold.names_of(expected) & _ref_names(ref, names))


def _event_checks(
    expected: GoldEvent, event: Event, gold: ReferenceGold, names: dict[str, frozenset[str]]
) -> dict[str, bool]:
    location = event.location
    lat, lon = (location.latitude, location.longitude) if location else (None, None)
    if expected.location is None:
        location_ok = lat is None
    else:
        location_ok = (
            lat is not None
            and lon is not None
            and haversine_km(expected.location.latitude, expected.location.longitude, lat, lon)
            <= expected.location.radius_km
        )
    return {
        "actor1": _actor_ok(expected.actor1, event.actor1, gold, names),
        "actor2": _actor_ok(expected.actor2, event.actor2, gold, names),
        "sub_event_type": event.sub_event_type == expected.sub_event_type,
        "date": event.event_date == expected.event_date,
        "location": location_ok,
        "sources": {gold.canonical(s) for s in event.sources}
        == {gold.canonical(s) for s in expected.sources},
        "certainty": event.certainty == expected.certainty,
    }


def _score_events(
    gold: ReferenceGold, analysis: Analysis, names: dict[str, frozenset[str]], tally: Tally
) -> None:
    unused = list(analysis.events)
    for expected in gold.events:
        candidates = [event for event in unused if event.event_type == expected.event_type]
        scored = [(_event_checks(expected, event, gold, names), event) for event in candidates]
        best = max(scored, key=lambda pair: sum(pair[0].values()), default=None)
        checks = best[0] if best else {}
        if best:
            unused.remove(best[1])
        tally.hit("events found", bool(checks) and checks["actor1"] and checks["actor2"])
        for name in EVENT_FIELDS:
            tally.hit(f"events {name}", checks.get(name, False))
    tally.unmatched("events extra", len(unused), predicted=len(analysis.events))


def _score_actors(gold: ReferenceGold, analysis: Analysis, tally: Tally) -> None:
    predicted = [
        (actor.kind, frozenset(normalise(n) for n in (actor.name, *actor.aliases)))
        for actor in analysis.actors
    ]
    matched: set[int] = set()
    for kind, expected_names in gold.actors.values():
        hits = [index for index, (_, names) in enumerate(predicted) if names & expected_names]
        matched.update(hits)
        tally.hit("actors found", bool(hits))
        tally.hit("actors kind", any(predicted[index][0] == kind for index in hits))
    tally.unmatched("actors extra", len(predicted) - len(matched), predicted=len(predicted))


def _score_relations(
    gold: ReferenceGold, analysis: Analysis, names: dict[str, frozenset[str]], tally: Tally
) -> None:
    predicted = [
        (
            relation.type,
            names.get(relation.source, frozenset()) | {normalise(relation.source_name)},
            names.get(relation.target, frozenset()) | {normalise(relation.target_name)},
        )
        for relation in analysis.relations
    ]
    matched: set[int] = set()
    for expected in gold.relations:
        hits = [
            index
            for index, (kind, source, target) in enumerate(predicted)
            if kind == expected.type
            and source & gold.names_of(expected.source)
            and target & gold.names_of(expected.target)
        ]
        matched.update(hits)
        tally.hit("relations found", bool(hits))
    tally.unmatched("relations extra", len(predicted) - len(matched), predicted=len(predicted))


def _score_claims(gold: ReferenceGold, analysis: Analysis, tally: Tally) -> None:
    matched: set[int] = set()
    for expected in gold.claims:
        span = claim_span(gold.text, expected.text)
        source = gold.canonical(expected.source) if expected.source else None
        hits = [
            index
            for index, claim in enumerate(analysis.claims)
            if span is not None
            and overlaps(span, (claim.start, claim.end))
            and (gold.canonical(claim.source) if claim.source else None) == source
        ]
        matched.update(hits)
        tally.hit("claims found", bool(hits))
    tally.unmatched(
        "claims extra", len(analysis.claims) - len(matched), predicted=len(analysis.claims)
    )


def _found_spans(
    expected: Sequence[str], text: str, predicted: Sequence[tuple[int, int]], key: str, tally: Tally
) -> set[int]:
    """Mark each expected wording found when a prediction overlaps one of its occurrences."""
    matched: set[int] = set()
    for wording in expected:
        hits = [
            index
            for index, span in enumerate(predicted)
            if any(overlaps(span, where) for where in spans_of(text, wording))
        ]
        matched.update(hits)
        tally.hit(key, bool(hits))
    return matched


def _score_framing(gold: ReferenceGold, analysis: Analysis, tally: Tally) -> None:
    spans = [(item.start, item.end) for item in analysis.framing]
    matched = _found_spans(gold.framing, gold.text, spans, "framing found", tally)
    tally.unmatched("framing extra", len(spans) - len(matched), predicted=len(spans))


def _score_places(gold: ReferenceGold, analysis: Analysis, tally: Tally) -> None:
    places = [place for place in analysis.places if place.role == "place"]
    metonyms = [place for place in analysis.places if place.role == "metonym"]
    matched: set[int] = set()
    for expected in gold.places:
        hits = []
        for index, place in enumerate(places):
            where = spans_of(gold.text, expected.text)
            if not any(overlaps((place.start, place.end), span) for span in where):
                continue
            point = expected.point
            if point is None or (
                place.latitude is not None
                and place.longitude is not None
                and haversine_km(point.latitude, point.longitude, place.latitude, place.longitude)
                <= point.radius_km
            ):
                hits.append(index)
        matched.update(hits)
        tally.hit("places found", bool(hits))
    metonym_spans = [span for text in gold.metonyms for span in spans_of(gold.text, text)]
    as_place = {
        index
        for index, place in enumerate(places)
        if any(overlaps((place.start, place.end), span) for span in metonym_spans)
    }
    tally.unmatched("metonyms taken as places", len(as_place), predicted=len(places))
    tally.unmatched(
        "places extra", len(set(range(len(places))) - matched - as_place), predicted=len(places)
    )
    spans = [(place.start, place.end) for place in metonyms]
    found = _found_spans(gold.metonyms, gold.text, spans, "metonyms found", tally)
    tally.unmatched("metonyms extra", len(spans) - len(found), predicted=len(spans))


def reference_figures(tally: Tally, *, dataset: str, command: str) -> list[Figure]:
    figures = [
        Figure(
            name=f"reference: {key} (share)",
            value=share(values),
            unit="share",
            better="higher",
            dataset=dataset,
            size=len(values),
            command=command,
        )
        for key, values in tally.hits.items()
    ]
    figures.extend(
        Figure(
            name=f"reference: {key} (count)",
            value=float(count),
            unit="count",
            better="lower",
            dataset=dataset,
            size=tally.predicted.get(key, 0),
            command=command,
            note="predictions of this kind matching nothing in the reference (size: all predicted)",
        )
        for key, count in tally.extras.items()
    )
    return figures


def run_reference(*, reference_dir: Path, analyse: Analyse, command: str) -> BenchResult:
    pairs = reference_pairs(reference_dir) if reference_dir.is_dir() else []
    if not pairs:
        return BenchResult(
            name=NAME,
            status="skipped",
            reason=f"no *.expected.yaml with its text in {reference_dir}",
        )
    started = time.perf_counter()
    total = Tally()
    failed: list[str] = []
    for text_path, expected_path in pairs:
        gold = load_reference(text_path, expected_path)
        analysis = analyse(gold.text, gold.published)
        if analysis is None:
            failed.append(gold.name)
            analysis = Analysis(
                frontlines_version="", pipeline=(), article=Article.create(gold.text)
            )
        total.merge(score_reference(gold, analysis))
    dataset = ", ".join(text.name for text, _ in pairs)
    return BenchResult(
        name=NAME,
        status="ok",
        figures=tuple(reference_figures(total, dataset=dataset, command=command)),
        seconds=time.perf_counter() - started,
        details={"failed": failed},
    )
