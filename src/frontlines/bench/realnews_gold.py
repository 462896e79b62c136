"""Read and check the real-news gold set (``bench/realnews/*.yaml``, format in its README)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from frontlines.errors import InputError

CAUSES = (
    "background",  # an earlier happening told as context
    "aggregate",  # a toll or count over several happenings or a period
    "response",  # a rescue, deployment, condemnation, investigation, trial, funeral
    "claim",  # one side's unverified claim of a gain or a strike
    "caption",  # a photo caption, standfirst or embedded headline of another story
    "planned",  # a threat, plan, call or warning: not (yet) happened
    "non-conflict",  # a disaster, crime, accident, sport, diplomacy: no ACLED event
    "retelling",  # the same happening told again (headline, lede, body)
)
EVENT_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)
TEST_SHARE = 0.5


def split_of(article_id: str) -> str:
    """'test' or 'dev', fixed by the article's id so every annotator and run agrees."""
    digest = hashlib.sha256(article_id.encode("utf-8")).digest()
    return "test" if digest[0] < 256 * TEST_SHARE else "dev"


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str
    country: str | None
    latitude: float | None
    longitude: float | None
    radius_km: float


@dataclass(frozen=True, slots=True)
class GoldEvent:
    evidence: tuple[tuple[int, int], ...]
    event_type: str
    sub_event_type: str
    event_date: date | None
    date_precision: str
    actor1: tuple[str, ...]
    actor2: tuple[str, ...]
    location: GoldPlace | None
    fatalities: int | None
    certainty: str


@dataclass(frozen=True, slots=True)
class NotEvent:
    evidence: tuple[tuple[int, int], ...]
    cause: str
    note: str


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    published: date | None
    country: str | None
    events: tuple[GoldEvent, ...]
    not_events: tuple[NotEvent, ...]
    file: str

    @property
    def split(self) -> str:
        return split_of(self.id)


def _spans(value: Any, where: str) -> tuple[tuple[int, int], ...]:
    spans = tuple((int(start), int(end)) for start, end in value or ())
    if not spans or any(start >= end for start, end in spans):
        raise InputError(f"{where}: evidence needs [[start, end], ...] with start < end")
    return spans


def _names(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(name) for name in value)


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _place(value: Mapping[str, Any] | None) -> GoldPlace | None:
    if value is None:
        return None
    return GoldPlace(
        name=str(value["name"]),
        country=value.get("country"),
        latitude=value.get("latitude"),
        longitude=value.get("longitude"),
        radius_km=float(value.get("radius_km", 25)),
    )


def _event(value: Mapping[str, Any], where: str) -> GoldEvent:
    if value.get("event_type") not in EVENT_TYPES:
        raise InputError(f"{where}: event_type {value.get('event_type')!r} is not ACLED's")
    return GoldEvent(
        evidence=_spans(value.get("evidence"), where),
        event_type=value["event_type"],
        sub_event_type=str(value["sub_event_type"]),
        event_date=_date(value.get("event_date")),
        date_precision=str(value.get("date_precision", "day")),
        actor1=_names(value.get("actor1")),
        actor2=_names(value.get("actor2")),
        location=_place(value.get("location")),
        fatalities=value.get("fatalities"),
        certainty=str(value.get("certainty", "reported")),
    )


def _not_event(value: Mapping[str, Any], where: str) -> NotEvent:
    if value.get("cause") not in CAUSES:
        raise InputError(f"{where}: cause {value.get('cause')!r} is not one of {CAUSES}")
    return NotEvent(_spans(value.get("evidence"), where), value["cause"], value.get("note", ""))


def parse_articles(records: Iterable[Mapping[str, Any]], *, file: str) -> list[GoldArticle]:
    articles = []
    for record in records:
        where = f"{file}: {record.get('id')}"
        articles.append(
            GoldArticle(
                id=str(record["id"]),
                published=_date(record.get("published")),
                country=record.get("country"),
                events=tuple(
                    _event(event, f"{where} event {n}")
                    for n, event in enumerate(record.get("events") or ())
                ),
                not_events=tuple(
                    _not_event(item, f"{where} not_event {n}")
                    for n, item in enumerate(record.get("not_events") or ())
                ),
                file=file,
            )
        )
    return articles


def gold_folder() -> Path:
    return Path(str(resources.files("frontlines.bench") / "realnews"))


def read_gold(folder: Path | None = None) -> list[GoldArticle]:
    """Every annotated article; an id annotated twice is an error naming both files."""
    folder = folder or gold_folder()
    articles: dict[str, GoldArticle] = {}
    for path in sorted(folder.glob("*.yaml")):
        records = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for article in parse_articles(records, file=path.name):
            if article.id in articles:
                other = articles[article.id].file
                raise InputError(f"{path.name}: {article.id} is annotated in {other} too")
            articles[article.id] = article
    return list(articles.values())
