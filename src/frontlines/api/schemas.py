"""What the API takes in (``*In``) and gives out (``*Out``, pages, GeoJSON), as pydantic models.

Field names follow the analysis contract (analysis-contract.md). Offsets count Unicode code
points in the article text, end exclusive. Every text here comes from articles: untrusted.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

HighlightKind = Literal["evidence", "actor", "place", "date", "quantity", "claim", "framing"]


class Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class MentionOut(Out):
    text: str
    start: int
    end: int


class ActorRefOut(Out):
    id: str
    name: str
    kind: str


class LocationOut(Out):
    name: str | None
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    note: str | None = None


class QuantityOut(Out):
    what: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None


class ArticleRefOut(Out):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: date | None
    fictional: bool = Field(description="true for invented (demo) articles: show them as FICTIONAL")


class EventOut(Out):
    """One stored event: the contract's fields, and the article it came from."""

    id: str
    event_date: date | None
    date_precision: str
    event_type: str | None
    sub_event_type: str | None
    actor1: ActorRefOut | None
    assoc_actor_1: list[ActorRefOut]
    actor2: ActorRefOut | None
    assoc_actor_2: list[ActorRefOut]
    location: LocationOut | None
    fatalities: int | None
    quantities: list[QuantityOut]
    certainty: str
    sources: list[str]
    evidence: list[MentionOut]
    notes: str
    fictional: bool
    article: ArticleRefOut
    pipeline_version: str


class EventPage(Out):
    type: Literal["EventPage"] = "EventPage"
    total: int
    limit: int
    offset: int
    items: list[EventOut]


class PointGeometry(Out):
    type: Literal["Point"] = "Point"
    coordinates: tuple[float, float]  # longitude, latitude


class FeatureProperties(Out):
    event_date: date | None
    date_precision: str
    event_type: str | None
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    location: str | None
    country: str | None
    admin1: str | None
    geo_precision: int | None
    fatalities: int | None
    certainty: str
    fictional: bool
    article_id: str
    outlet: str | None


class Feature(Out):
    type: Literal["Feature"] = "Feature"
    id: str
    geometry: PointGeometry
    properties: FeatureProperties


class FeatureCollection(Out):
    """GeoJSON; events without coordinates are left out and counted in ``unlocated``."""

    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[Feature]
    total: int
    unlocated: int
    limit: int
    offset: int


class HighlightOut(Out):
    kind: HighlightKind
    start: int
    end: int
    text: str
    label: str | None = None
    ref: str | None = None


class SentenceOut(Out):
    """A sentence holding evidence, with what is highlighted in it (offsets into the article)."""

    start: int
    end: int
    text: str
    highlights: list[HighlightOut]


class ClaimOut(Out):
    source: str | None
    cue: str | None
    text: str
    start: int
    end: int
    direct: bool
    hedge: str | None


class ReportOut(Out):
    """One article's report of the event and what it says."""

    article: ArticleRefOut
    event_id: str
    event_date: date | None
    date_precision: str
    fatalities: int | None
    certainty: str
    sources: list[str]
    evidence: list[MentionOut]
    sentences: list[SentenceOut]
    claims: list[ClaimOut]


class ContestedValueOut(Out):
    value: Any
    sources: list[str]


class EventDetailOut(EventOut):
    report_count: int
    article_count: int
    reports: list[ReportOut]
    contested: dict[str, list[ContestedValueOut]] = Field(
        description="for each field the sources disagree on, each value and who gives it"
    )


class ActorOut(Out):
    id: str
    name: str
    kind: str
    country: str | None
    aliases: list[str]
    article_count: int
    event_count: int
    fictional: bool = Field(description="true when every article naming the actor is fictional")


class ActorPage(Out):
    total: int
    limit: int
    offset: int
    items: list[ActorOut]


class RelationOut(Out):
    source: str
    source_name: str | None
    type: str
    target: str
    target_name: str | None
    evidence: MentionOut
    article: ArticleRefOut
    sentence: SentenceOut | None = Field(
        default=None, description="the sentence holding the evidence, with its highlights"
    )


class RelationPage(Out):
    limit: int
    offset: int
    items: list[RelationOut]


class ActorDetailOut(ActorOut):
    relations: list[RelationOut] = Field(description="the actor's relations, oldest article first")


class EventBriefOut(Out):
    id: str
    event_date: date | None
    event_type: str | None
    sub_event_type: str | None


class ArticleOut(ArticleRefOut):
    language: str | None
    text: str
    mentions: list[HighlightOut]
    events: list[EventBriefOut]


class DayCount(Out):
    date: date
    count: int


class KeyCount(Out):
    key: str | None
    count: int


class RegionCount(Out):
    country: str | None
    admin1: str | None
    count: int


class StatsOut(Out):
    total: int
    fictional: int
    undated: int
    by_day: list[DayCount]
    by_type: list[KeyCount]
    by_country: list[KeyCount]
    by_admin1: list[RegionCount]
    by_source: list[KeyCount]


class AnalyzeIn(BaseModel):
    """A text to analyse, with what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    published: date | None = Field(default=None, description="the base for relative dates")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    fictional: bool = False


class ArticleIn(AnalyzeIn):
    replace: bool = Field(default=False, description="re-analyse an article already stored")


class IngestOut(Out):
    article_id: str
    outcome: Literal["stored", "duplicate", "replaced"]
    events: int
