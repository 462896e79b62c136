"""Score one analysis of a real news article against its hand-annotated gold (``realnews_gold``).

Only predicted events with an ACLED event_type count. A predicted event *can* match a gold event
of the same article when both are of one type family (political violence: Battles, Explosions/
Remote violence, Violence against civilians; demonstrations: Protests, Riots; Strategic
developments) and the dates lie within a day of each other or the predicted point lies within
the gold place's radius (where the gold has neither a date nor a point, overlapping evidence
will do). Matching is one-to-one and greedy: the pairs whose evidence overlaps most go first,
then those agreeing on more fields.

Over matched events each field is right or wrong:

- event_type, sub_event_type: equal;
- actor1, actor2: one of the gold's acceptable names equals one of the predicted actor's names
  (its name, its aliases in the analysis, the knowledge base's names for its id), after the
  normalising of ``acled_scoring.actor_variants`` (case, accents, a country in brackets) and
  without a leading article; a gold without a name (the text names none) is right only when
  nothing is predicted;
- place: the predicted point within the gold radius; a gold without a point is not scored;
- date: the same day for a gold of day precision, within 6 days for week, the same month for
  month, within 15 days for approximate; a gold without a date is not scored;
- fatalities: equal, where a predicted null counts as 0 only when the gold says 0 (a gold null
  means the text gives no toll, and only a null is right).

An event is right in every field when every scored field is right. An extra (unmatched predicted)
event gets the cause of the gold not_event its evidence overlaps, else ``retelling`` when it
overlaps a gold event's evidence (a second coding of a happening already coded), else
``unexplained``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from frontlines.bench.acled_scoring import actor_variants
from frontlines.bench.metrics import haversine_km, overlaps
from frontlines.bench.realnews_gold import GoldArticle, GoldEvent
from frontlines.model import ActorRef, Analysis, Event

FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "place", "date", "fatalities")
FAMILIES = {
    "Battles": "political violence",
    "Explosions/Remote violence": "political violence",
    "Violence against civilians": "political violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic developments",
}
DATE_SLACK_DAYS = {"day": 0, "week": 6, "approximate": 15}
UNEXPLAINED = "unexplained"
RETELLING = "retelling"


@dataclass(frozen=True, slots=True)
class FieldCheck:
    """Whether each field of a matched event is right; None where the gold does not score it."""

    gold: GoldEvent
    predicted: Event
    fields: Mapping[str, bool | None]

    @property
    def all_right(self) -> bool:
        return all(value is not False for value in self.fields.values())


@dataclass(frozen=True, slots=True)
class Extra:
    predicted: Event
    cause: str


@dataclass(frozen=True, slots=True)
class ArticleScore:
    article: GoldArticle
    matched: tuple[FieldCheck, ...] = ()
    missed: tuple[GoldEvent, ...] = ()
    extras: tuple[Extra, ...] = ()
    predicted: int = 0
    failed: bool = False

    @property
    def non_conflict(self) -> bool:
        return not self.article.events

    @property
    def quiet(self) -> bool:
        """No ACLED event predicted (what a non-conflict article should give)."""
        return self.predicted == 0


def acled_events(analysis: Analysis | None) -> list[Event]:
    if analysis is None:
        return []
    return [event for event in analysis.events if event.event_type in FAMILIES]


def family(event_type: str | None) -> str | None:
    return FAMILIES.get(event_type or "")


def point_of(event: Event) -> tuple[float, float] | None:
    location = event.location
    if location is None or location.latitude is None or location.longitude is None:
        return None
    return (location.latitude, location.longitude)


def place_right(gold: GoldEvent, predicted: Event) -> bool | None:
    place = gold.location
    if place is None or place.latitude is None or place.longitude is None:
        return None
    point = point_of(predicted)
    if point is None:
        return False
    return haversine_km(place.latitude, place.longitude, point[0], point[1]) <= place.radius_km


def date_right(gold: GoldEvent, predicted: date | None) -> bool | None:
    if gold.event_date is None:
        return None
    if predicted is None:
        return False
    if gold.date_precision == "month":
        return (predicted.year, predicted.month) == (gold.event_date.year, gold.event_date.month)
    slack = DATE_SLACK_DAYS.get(gold.date_precision, 0)
    return abs((predicted - gold.event_date).days) <= slack


def actor_right(
    names: Sequence[str],
    ref: ActorRef | None,
    *,
    aliases: Mapping[str, Sequence[str]],
    kb_names: Mapping[str, Sequence[str]],
) -> bool:
    if not names:
        return ref is None
    if ref is None:
        return False
    predicted: set[str] = set()
    for name in (ref.name, *aliases.get(ref.id, ()), *kb_names.get(ref.id, ())):
        predicted |= _variants(name)
    return any(_variants(name) & predicted for name in names)


def _variants(name: str) -> set[str]:
    """``actor_variants`` without a leading article ('the army' is 'army')."""
    return {re.sub(r"^(?:the|a|an) ", "", variant) for variant in actor_variants(name)}


def fatalities_right(gold: int | None, predicted: int | None) -> bool:
    if gold is None:
        return predicted is None
    return (predicted or 0) == gold


def check_fields(
    gold: GoldEvent,
    predicted: Event,
    *,
    aliases: Mapping[str, Sequence[str]],
    kb_names: Mapping[str, Sequence[str]],
) -> FieldCheck:
    fields: dict[str, bool | None] = {
        "event_type": predicted.event_type == gold.event_type,
        "sub_event_type": predicted.sub_event_type == gold.sub_event_type,
        "actor1": actor_right(gold.actor1, predicted.actor1, aliases=aliases, kb_names=kb_names),
        "actor2": actor_right(gold.actor2, predicted.actor2, aliases=aliases, kb_names=kb_names),
        "place": place_right(gold, predicted),
        "date": date_right(gold, predicted.event_date),
        "fatalities": fatalities_right(gold.fatalities, predicted.fatalities),
    }
    return FieldCheck(gold=gold, predicted=predicted, fields=fields)


def spans_of(event: Event) -> list[tuple[int, int]]:
    return [(mention.start, mention.end) for mention in event.evidence]


def overlap_chars(gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]) -> int:
    return sum(
        max(0, min(a[1], b[1]) - max(a[0], b[0])) for a in gold for b in predicted if overlaps(a, b)
    )


def can_match(gold: GoldEvent, predicted: Event) -> bool:
    if family(gold.event_type) != family(predicted.event_type):
        return False
    near_day = (
        gold.event_date is not None
        and predicted.event_date is not None
        and abs((predicted.event_date - gold.event_date).days) <= 1
    )
    if near_day or place_right(gold, predicted):
        return True
    located = gold.location is not None and gold.location.latitude is not None
    if gold.event_date is None and not located:
        return overlap_chars(gold.evidence, spans_of(predicted)) > 0
    return False


def match_events(
    golds: Sequence[GoldEvent],
    predicted: Sequence[Event],
    *,
    aliases: Mapping[str, Sequence[str]],
    kb_names: Mapping[str, Sequence[str]],
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, greedy by evidence overlap then fields."""
    candidates = []
    for g, gold in enumerate(golds):
        for p, event in enumerate(predicted):
            if not can_match(gold, event):
                continue
            check = check_fields(gold, event, aliases=aliases, kb_names=kb_names)
            agree = sum(value is True for value in check.fields.values())
            overlap = overlap_chars(gold.evidence, spans_of(event))
            candidates.append((-overlap, -agree, g, p))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for _, _, g, p in sorted(candidates):
        if g in used_gold or p in used_predicted:
            continue
        used_gold.add(g)
        used_predicted.add(p)
        pairs.append((g, p))
    return sorted(pairs)


def extra_cause(article: GoldArticle, event: Event) -> str:
    spans = spans_of(event)
    for item in article.not_events:
        if overlap_chars(item.evidence, spans):
            return item.cause
    if any(overlap_chars(gold.evidence, spans) for gold in article.events):
        return RETELLING
    return UNEXPLAINED


def score_article(
    article: GoldArticle,
    analysis: Analysis | None,
    *,
    kb_names: Mapping[str, Sequence[str]] | None = None,
) -> ArticleScore:
    """Match the analysis' ACLED events with the article's gold events and check their fields."""
    predicted = acled_events(analysis)
    aliases = {actor.id: actor.aliases for actor in analysis.actors} if analysis else {}
    known = kb_names or {}
    pairs = match_events(article.events, predicted, aliases=aliases, kb_names=known)
    matched_gold = {g for g, _ in pairs}
    matched_predicted = {p for _, p in pairs}
    return ArticleScore(
        article=article,
        matched=tuple(
            check_fields(article.events[g], predicted[p], aliases=aliases, kb_names=known)
            for g, p in pairs
        ),
        missed=tuple(e for g, e in enumerate(article.events) if g not in matched_gold),
        extras=tuple(
            Extra(event, extra_cause(article, event))
            for p, event in enumerate(predicted)
            if p not in matched_predicted
        ),
        predicted=len(predicted),
        failed=analysis is None,
    )
