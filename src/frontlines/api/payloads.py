"""What the API takes in (``*In``) and gives out (``*Out``, pages, GeoJSON), as pydantic models.

Field names follow the analysis contract (docs/contract.md). Offsets count Unicode code
points in the article text, end exclusive. Every text here comes from articles: untrusted.
The models that carry the fields of a ``model`` dataclass are checked against it field by
field (tests/test_contract.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from frontlines.model import Article
from frontlines.readers.common import make_article

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
    article: ArticleRefOut = Field(description="the article of the (lead, earliest) report")
    pipeline_version: str
    fused_id: str | None = Field(
        default=None, description="a fused event's id; for a report, the fused event it is in"
    )
    report_count: int = Field(default=1, description="reports (article events) behind it")
    article_count: int = 1
    independent_source_count: int = Field(
        default=1, description="origins: reprints and reports crediting one agency count once"
    )
    origins: list[OriginOut] = Field(default_factory=list)
    reports: Sequence[ReportBriefOut] = Field(
        default=(), description="the reports behind a fused event (more at /api/events/{id})"
    )
    contested: dict[str, list[ContestedValueOut]] = Field(
        default_factory=dict,
        description="for each field the reports disagree on, each value and who gives it",
    )


class OriginOut(Out):
    name: str
    reports: list[str] = Field(description="report ids, article_id:event_id")
    articles: list[str]


class EventPage(Out):
    type: Literal["EventPage"] = "EventPage"
    total: int
    limit: int
    offset: int
    items: list[EventOut]
    # A full page's last event, for ?cursor= (keyset paging); None after the last page.
    next_cursor: str | None = None


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
    report_count: int = 1
    independent_source_count: int = 1


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


class ReportBriefOut(Out):
    """One article's report of the event: its article, what it says, and its evidence."""

    article: ArticleRefOut
    event_id: str
    origin: str | None = Field(default=None, description="the independent origin it counts under")
    event_date: date | None
    date_precision: str
    sub_event_type: str | None = None
    location: str | None = None
    fatalities: int | None
    certainty: str
    sources: list[str]
    evidence: list[MentionOut]


class ReportOut(ReportBriefOut):
    """One article's report of the event and what it says, with its sentences and claims."""

    sentences: list[SentenceOut]
    claims: list[ClaimOut]


class ContestedValueOut(Out):
    value: Any
    sources: list[str]
    reports: list[str] = Field(default_factory=list, description="article_id:event_id")
    credited: list[str] = Field(default_factory=list, description="the sources they credit")


class EventDetailOut(EventOut):
    report_count: int
    article_count: int
    reports: Sequence[ReportOut]
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


class ClusterOut(Out):
    count: int
    longitude: float  # the mean point of the cluster's events
    latitude: float
    bbox: tuple[float, float, float, float]  # its grid square: min_lon, min_lat, max_lon, max_lat


class ClustersOut(Out):
    """Located events per square of the map grid: the whole store's density in one answer."""

    type: Literal["Clusters"] = "Clusters"
    zoom: int
    total: int  # located events counted, the clusters' sum
    clusters: list[ClusterOut]


class AnalyzeIn(BaseModel):
    """A text to analyse, with what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    published: date | None = Field(default=None, description="the base for relative dates")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    fictional: bool = False

    def to_article(self, *, origin: str, max_chars: int) -> Article:
        """The posted text as a validated Article; ``origin`` names it in error messages."""
        return make_article(
            self.text,
            origin=origin,
            published=self.published,
            title=self.title,
            outlet=self.outlet,
            url=self.url,
            fictional=self.fictional,
            published_source="input" if self.published else None,
            max_chars=max_chars,
        )


class ArticleIn(AnalyzeIn):
    replace: bool = Field(default=False, description="re-analyse an article already stored")


class IngestOut(Out):
    article_id: str
    outcome: Literal["stored", "duplicate", "replaced"]
    events: int


class SplitIn(BaseModel):
    reports: list[str] = Field(
        default_factory=list,
        description="reports (article_id:event_id, or event ids) to take out together; "
        "none: every report becomes an event of its own",
    )


class MergeIn(BaseModel):
    ids: list[str] = Field(min_length=2, description="events (fused ids, event or report ids)")


class DecisionOut(Out):
    id: int
    kind: Literal["must", "cannot"]
    first: str
    second: str
    created_at: datetime
