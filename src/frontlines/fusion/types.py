"""What fusion hands out: a fused event's reports, its independent origins, its contested values.

These travel on ``StoredEvent`` (store/base.py), so exports and the API read them from there. Each
has ``to_dict``/``from_dict`` giving the JSON of the analysis contract's fused-event keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, get_args

from frontlines.errors import InputError
from frontlines.model import Mention

ConstraintKind = Literal["must", "cannot"]
CONSTRAINT_KINDS: tuple[str, ...] = get_args(ConstraintKind)
REPORT_SEPARATOR = ":"


def report_id(article_id: str, event_id: str) -> str:
    """One article's event, named across the store: ``article_id:event_id``."""
    return f"{article_id}{REPORT_SEPARATOR}{event_id}"


def split_report_id(value: str) -> tuple[str, str] | None:
    """(article_id, event_id) of a report id, or None when ``value`` is not one."""
    article_id, separator, event_id = value.partition(REPORT_SEPARATOR)
    return (article_id, event_id) if separator and article_id and event_id else None


@dataclass(frozen=True, slots=True)
class ReportRef:
    """One report behind a fused event: what one article says about it, and where."""

    article_id: str
    event_id: str
    outlet: str | None
    title: str | None
    url: str | None
    published: date | None
    origin: str  # the independent origin this report counts under
    event_date: date | None
    date_precision: str
    sub_event_type: str | None
    location: str | None
    fatalities: int | None
    certainty: str
    sources: tuple[str, ...]
    evidence: tuple[Mention, ...]

    @property
    def id(self) -> str:
        return report_id(self.article_id, self.event_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "event_id": self.event_id,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "origin": self.origin,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "date_precision": self.date_precision,
            "sub_event_type": self.sub_event_type,
            "location": self.location,
            "fatalities": self.fatalities,
            "certainty": self.certainty,
            "sources": list(self.sources),
            "evidence": [mention.to_dict() for mention in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReportRef:
        published, event_date = data.get("published"), data.get("event_date")
        return cls(
            article_id=data["article_id"],
            event_id=data["event_id"],
            outlet=data.get("outlet"),
            title=data.get("title"),
            url=data.get("url"),
            published=date.fromisoformat(published) if published else None,
            origin=data["origin"],
            event_date=date.fromisoformat(event_date) if event_date else None,
            date_precision=data["date_precision"],
            sub_event_type=data.get("sub_event_type"),
            location=data.get("location"),
            fatalities=data.get("fatalities"),
            certainty=data["certainty"],
            sources=tuple(data.get("sources", ())),
            evidence=tuple(Mention.from_dict(m) for m in data.get("evidence", ())),
        )


@dataclass(frozen=True, slots=True)
class Origin:
    """Reports that count as one independent source: a wire story and its reprints, say."""

    name: str
    reports: tuple[str, ...]  # report ids
    articles: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "reports": list(self.reports), "articles": list(self.articles)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Origin:
        return cls(
            name=data["name"],
            reports=tuple(data.get("reports", ())),
            articles=tuple(data.get("articles", ())),
        )


@dataclass(frozen=True, slots=True)
class ContestedValue:
    """One value that some reports give for a field others give differently, and who gives it."""

    value: Any  # JSON: a date as YYYY-MM-DD, a place by name, a number, a label
    sources: tuple[str, ...]  # the outlets reporting it
    reports: tuple[str, ...]  # report ids
    credited: tuple[str, ...] = ()  # the sources those reports credit

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "sources": list(self.sources),
            "reports": list(self.reports),
            "credited": list(self.credited),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ContestedValue:
        return cls(
            value=data.get("value"),
            sources=tuple(data.get("sources", ())),
            reports=tuple(data.get("reports", ())),
            credited=tuple(data.get("credited", ())),
        )


Contested = Mapping[str, tuple[ContestedValue, ...]]


def contested_to_dict(contested: Contested) -> dict[str, list[dict[str, Any]]]:
    return {name: [value.to_dict() for value in values] for name, values in contested.items()}


def contested_from_dict(data: Mapping[str, Any]) -> dict[str, tuple[ContestedValue, ...]]:
    return {
        name: tuple(ContestedValue.from_dict(value) for value in values)
        for name, values in data.items()
    }


@dataclass(frozen=True, slots=True)
class Constraint:
    """An analyst's decision: two reports are (``must``) or are not (``cannot``) one event."""

    kind: ConstraintKind
    first: str  # report ids
    second: str

    def __post_init__(self) -> None:
        if self.kind not in CONSTRAINT_KINDS:
            raise InputError(f"unknown constraint kind {self.kind!r} (use must or cannot)")
