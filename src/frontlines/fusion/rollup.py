"""One event from several reports: every disagreement kept, and a roll-up following ACLED.

- fatalities: the lowest credible figure (claims by a party and denials only when nothing else
  gives one); every figure stays under ``contested`` with the outlets that give it.
- date: the date the most precise reports agree on; when they disagree, the one a majority of
  independent origins gives, else the earliest, with the precision widened to cover them (week,
  month, approximate).
- place: the most precise agreed place; when the most precise reports disagree, the majority's,
  else the lead report's, with ACLED's geo_precision lowered (2 within one admin1, else 3).
- type, actors: what most independent origins say; certainty: the firmest any report gives.
A single report is its own fused event, unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from frontlines.extract.notes import write_note
from frontlines.fusion.report import Report
from frontlines.fusion.types import Contested, ContestedValue, Origin, ReportRef
from frontlines.fusion.votes import (
    Votes,
    agreed_date,
    agreed_place,
    lead_key,
    lowest_credible,
    unique,
)
from frontlines.model import ActorRef, Event

CERTAINTY_ORDER = ("reported", "estimated", "unconfirmed", "claimed", "expected", "denied")

FIELD_WORDS = {
    "fatalities": "the toll",
    "event_date": "the date",
    "location": "the place",
    "certainty": "whether it happened",
    "sub_event_type": "what happened",
    "actor1": "who acted",
    "actor2": "who was targeted",
}


@dataclass(frozen=True, slots=True)
class FusedEvent:
    """One event however many reports: the roll-up, its reports, origins and disagreements."""

    event: Event  # the roll-up; ``event.id`` is the fused id
    lead: Report  # the earliest report: its article and evidence stand for the event
    block_id: str
    reports: tuple[ReportRef, ...]
    origins: tuple[Origin, ...]
    contested: Contested

    @property
    def report_count(self) -> int:
        return len(self.reports)

    @property
    def article_count(self) -> int:
        return len({report.article_id for report in self.reports})

    @property
    def independent_source_count(self) -> int:
        return len(self.origins)


def fused_event(
    members: Sequence[Report], *, fused_id: str, block_id: str, origins: tuple[Origin, ...]
) -> FusedEvent:
    reports = sorted(members, key=lead_key)
    lead = reports[0]
    origin_of = {rid: origin.name for origin in origins for rid in origin.reports}
    refs = tuple(_ref(report, origin_of[report.id]) for report in reports)
    if len(reports) == 1:
        event = dataclasses.replace(lead.event, id=fused_id)
        return FusedEvent(event, lead, block_id, refs, origins, {})
    event, contested = _roll_up(reports, origin_of, fused_id=fused_id)
    return FusedEvent(event, lead, block_id, refs, origins, contested)


def _ref(report: Report, origin: str) -> ReportRef:
    event = report.event
    return ReportRef(
        article_id=report.article_id,
        event_id=event.id,
        outlet=report.outlet,
        title=report.title,
        url=report.url,
        published=report.published,
        origin=origin,
        event_date=event.event_date,
        date_precision=event.date_precision,
        sub_event_type=event.sub_event_type,
        location=event.location.name if event.location else None,
        fatalities=event.fatalities,
        certainty=event.certainty,
        sources=event.sources,
        evidence=event.evidence,
    )


def _roll_up(
    reports: list[Report], origin_of: dict[str, str], *, fused_id: str
) -> tuple[Event, Contested]:
    lead = reports[0].event
    contested: dict[str, tuple[ContestedValue, ...]] = {}

    def votes(name: str, value: Callable[[Report], Any], show: Callable[[Any], Any]) -> Votes:
        found = Votes(reports, origin_of, value)
        if values := found.contested(show):
            contested[name] = values
        return found

    kinds = Votes(reports, origin_of, lambda r: (r.event.event_type, r.event.sub_event_type))
    votes("event_type", lambda r: r.event.event_type, str)
    votes("sub_event_type", lambda r: r.event.sub_event_type, str)
    event_type, sub_event_type = kinds.winner()
    actor1 = votes("actor1", lambda r: r.event.actor1, _actor_name).winner()
    actor2 = votes("actor2", lambda r: _other(r.event.actor2, actor1), _actor_name).winner()
    event_date, precision = agreed_date(reports, origin_of, votes)
    location = agreed_place(reports, origin_of, votes)
    fatalities = lowest_credible(reports, votes)
    votes("certainty", lambda r: r.event.certainty, str)
    certainty = min((r.event.certainty for r in reports), key=_certainty_rank)
    chosen = {actor.id for actor in (actor1, actor2) if actor is not None}
    event = dataclasses.replace(
        lead,
        id=fused_id,
        event_date=event_date,
        date_precision=precision,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=actor1,
        assoc_actor_1=_assoc(reports, chosen, side=1),
        actor2=actor2,
        assoc_actor_2=_assoc(reports, chosen, side=2),
        location=location,
        fatalities=fatalities,
        certainty=certainty,
        sources=unique(name for r in reports for name in r.event.sources),
    )
    event = dataclasses.replace(event, notes=_notes(event, contested))
    return event, contested


def _certainty_rank(certainty: str) -> int:
    return (
        CERTAINTY_ORDER.index(certainty) if certainty in CERTAINTY_ORDER else len(CERTAINTY_ORDER)
    )


def _actor_name(actor: ActorRef) -> str:
    return actor.name


def _other(actor: ActorRef | None, chosen: ActorRef | None) -> ActorRef | None:
    return None if actor is None or (chosen is not None and actor.id == chosen.id) else actor


def _assoc(reports: Sequence[Report], chosen: set[str], *, side: int) -> tuple[ActorRef, ...]:
    found: dict[str, ActorRef] = {}
    for report in reports:
        for actor in report.event.assoc_actor_1 if side == 1 else report.event.assoc_actor_2:
            if actor.id not in chosen:
                found.setdefault(actor.id, actor)
    return tuple(found.values())


def _notes(event: Event, contested: Contested) -> str:
    """The note the extractor would write for the roll-up, and which values reports differ on."""
    notes = write_note(
        event_date=event.event_date,
        precision=event.date_precision,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actor1=event.actor1,
        actor2=event.actor2,
        location=event.location,
        fatalities=event.fatalities,
        certainty=event.certainty,
    )
    differ = [
        f"{FIELD_WORDS[name]} ({', '.join(str(value.value) for value in values)})"
        for name, values in contested.items()
        if name in FIELD_WORDS
    ]
    if not differ:
        return notes
    sentence = "Reports differ on " + "; ".join(differ) + "."
    return f"{notes} {sentence}".strip()
