"""The storage interface every backend implements, and the query and result types it speaks.

Backends live in modules of the same shape (``duckdb.py``, later ``postgres.py``), import their
driver only when opened, and pass the same contract tests (``tests/store/test_contract.py``).
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import TracebackType
from typing import Any, Literal, Self, get_args

from frontlines.errors import InputError, StoreError
from frontlines.fusion.types import Contested, Origin, ReportRef
from frontlines.model import (
    CERTAINTIES,
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    Analysis,
    Article,
    Event,
    Relation,
)
from frontlines.store.grid import MapCluster

SaveOutcome = Literal["stored", "duplicate", "replaced"]
EventLevel = Literal["fused", "reports"]  # one event per happening, or one per article's report
EVENT_LEVELS: tuple[str, ...] = get_args(EventLevel)


@dataclass(frozen=True, slots=True)
class SaveResult:
    article_id: str
    outcome: SaveOutcome
    events: int


@dataclass(frozen=True, slots=True)
class SyndicationLink:
    """A stored article that reprints another (another outlet, the same story): one origin."""

    copy_id: str
    original_id: str
    similarity: float  # estimated Jaccard similarity of the two texts' word shingles


PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)


def plain_number(text: str) -> float | None:
    """A plain decimal number ("-12.5", "+3") as a float, else None: no exponents, infinities,
    NaN, or the other digits ("²", "٣") that ``str.isdigit`` accepts and ``float`` refuses."""
    return float(text) if PLAIN_NUMBER.fullmatch(text) else None


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for stored events; every field is optional and they combine with AND."""

    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # actor id, or a case-insensitive part of an actor name
    source: str | None = None  # a source the event credits, or the article's outlet
    certainty: str | None = None
    text: str | None = None  # free text in the evidence or notes
    min_fatalities: int | None = None  # at least this many fatalities (unknown tolls excluded)
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    article_id: str | None = None
    fictional: bool | None = None
    sort: Literal["date", "-date"] = "-date"
    limit: int = 100
    offset: int = 0
    level: EventLevel = "fused"  # fused events (article_id: any of their reports'), or reports
    # Keyset paging: the events that follow this one (its article id and event id, as listed)
    # in the listing's order, instead of an offset; it must still be stored.
    after: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        if self.level not in EVENT_LEVELS:
            raise InputError(f"event query: unknown level {self.level!r} (use fused or reports)")
        if self.after is not None and self.offset:
            raise InputError("event query: page by offset or by the event it follows, not both")
        if self.limit < 0 or self.offset < 0:
            raise InputError(
                f"event query: limit {self.limit} and offset {self.offset} must be >= 0"
            )
        if self.sort not in ("date", "-date"):
            raise InputError(f"event query: unknown sort {self.sort!r} (use 'date' or '-date')")
        if self.event_type is not None and self.event_type not in EVENT_TYPES:
            raise InputError(f"event query: unknown event_type {self.event_type!r}")
        if self.sub_event_type is not None and self.sub_event_type not in SUB_EVENT_TYPES:
            raise InputError(f"event query: unknown sub_event_type {self.sub_event_type!r}")
        if self.certainty is not None and self.certainty not in CERTAINTIES:
            raise InputError(f"event query: unknown certainty {self.certainty!r}")
        if self.min_fatalities is not None and self.min_fatalities < 0:
            raise InputError(f"event query: min_fatalities {self.min_fatalities} must be >= 0")
        if self.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            if min_lon > max_lon or min_lat > max_lat:
                raise InputError(
                    f"event query: bbox {self.bbox} must be min_lon, min_lat, max_lon, max_lat"
                )


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as stored: the event, the article it came from and the code that produced it."""

    event: Event
    article_id: str
    outlet: str | None
    title: str | None
    url: str | None
    published: date | None
    fictional: bool
    pipeline_version: str
    ingested_at: datetime | None = None  # when the article was stored, in UTC
    # A fused event (the default level) says how many reports, articles and independent
    # origins stand behind it, lists the reports and keeps the values they disagree on; the
    # article fields above are its lead (earliest) report's. A report-level event names its
    # fused event.
    report_count: int = 1
    article_count: int = 1
    independent_source_count: int = 1
    origins: tuple[Origin, ...] = ()
    reports: tuple[ReportRef, ...] = ()
    contested: Contested = field(default_factory=dict)
    fused_id: str | None = None
    # the lead article's metadata: an imported ACLED record ("acled"), an outlet's
    # source_scale, a JSON line's other keys ("record")
    article_metadata: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EventPoint:
    """What a map needs of an event (GeoJSON): its point, when it has one, and a few fields."""

    event_id: str
    article_id: str
    event_date: date | None
    date_precision: str
    event_type: str | None
    sub_event_type: str | None
    actor1: str | None  # names
    actor2: str | None
    location: str | None
    country: str | None
    admin1: str | None
    latitude: float | None  # None, as longitude, when the event has no location or no point
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    certainty: str
    fictional: bool
    outlet: str | None
    report_count: int = 1
    independent_source_count: int = 1

    @classmethod
    def of(cls, stored: StoredEvent) -> EventPoint:
        event, where = stored.event, stored.event.location
        return cls(
            event_id=event.id,
            article_id=stored.article_id,
            event_date=event.event_date,
            date_precision=event.date_precision,
            event_type=event.event_type,
            sub_event_type=event.sub_event_type,
            actor1=event.actor1.name if event.actor1 else None,
            actor2=event.actor2.name if event.actor2 else None,
            location=where.name if where else None,
            country=where.country if where else None,
            admin1=where.admin1 if where else None,
            latitude=where.latitude if where else None,
            longitude=where.longitude if where else None,
            geo_precision=where.geo_precision if where else None,
            fatalities=event.fatalities,
            certainty=event.certainty,
            fictional=stored.fictional,
            outlet=stored.outlet,
            report_count=stored.report_count,
            independent_source_count=stored.independent_source_count,
        )


class Store(ABC):
    """A place to keep analyses. Writes are transactional: all of an article, or nothing."""

    backend: str = ""
    location: str = ""  # where the store lives (a file path): for messages, never for clients

    @abstractmethod
    def save(
        self,
        analysis: Analysis,
        *,
        replace: bool = False,
        metadata: Mapping[str, Any] | None = None,
    ) -> SaveResult:
        """Store an article with everything found in it, in one transaction.

        An article already stored (same id) is left alone (``duplicate``) unless ``replace`` is
        true, in which case its derived rows are replaced (``replaced``). ``metadata`` is extra,
        JSON-serialisable information about the article (a feed's tags, a reader's origin).
        """

    def save_many(
        self,
        items: Sequence[tuple[Analysis, Mapping[str, Any] | None]],
        *,
        replace: bool = False,
    ) -> list[SaveResult]:
        """``save`` for each (analysis, metadata) in order; a backend may do it in one
        transaction (the embedded store does: one insert per table, one fusion pass)."""
        return [self.save(analysis, replace=replace, metadata=meta) for analysis, meta in items]

    @abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abstractmethod
    def get_article(self, article_id: str) -> Article:
        """Raises NotFoundError when there is no such article."""

    @abstractmethod
    def get_analysis(self, article_id: str) -> Analysis:
        """The stored analysis of one article, as it was saved. Raises NotFoundError."""

    @abstractmethod
    def article_metadata(self, article_id: str) -> dict[str, Any]:
        """The ``metadata`` saved with an article (empty when none). Raises NotFoundError."""

    @abstractmethod
    def articles(self, *, limit: int = 100, offset: int = 0) -> list[Article]: ...

    @abstractmethod
    def events(self, query: EventQuery | None = None) -> list[StoredEvent]:
        """Fused events (one per happening, its reports listed), or with ``level="reports"``
        one per article's event, each naming its fused event."""

    def event_points(self, query: EventQuery | None = None) -> list[EventPoint]:
        """``events(query)`` as a map needs them (a backend may read fewer columns)."""
        return [EventPoint.of(stored) for stored in self.events(query)]

    @abstractmethod
    def count_events(self, query: EventQuery | None = None) -> int: ...

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Row counts per table (articles, mentions, actors, places, events, claims, ...)."""

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def iter_events(
        self, query: EventQuery | None = None, *, page: int = 1000
    ) -> Iterator[StoredEvent]:
        """Every matching event, fetched a page at a time: each page after the last event of
        the one before (keyset), so a page deep into the listing costs what the first does."""
        base = query or EventQuery()
        offset, after = base.offset, base.after
        while True:
            batch = self.events(replace(base, limit=page, offset=offset, after=after))
            yield from batch
            if len(batch) < page:
                return
            offset, after = 0, (batch[-1].article_id, batch[-1].event.id)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- Syndication: optional; a backend without links keeps none (ingest still records the
    # original in the copy's metadata, under "syndicated_from").

    def link_syndicated(self, copy_id: str, original_id: str, similarity: float) -> None:  # noqa: B027
        """Record (or move) the link of a reprint to its original; one original per copy."""

    def syndication_links(self) -> list[SyndicationLink]:
        """Every stored link, copies in id order."""
        return []

    # --- Copying between backends (``frontlines store copy``): every row of a table
    # (``store.copying.COPY_COLUMNS`` names the tables and columns; JSON columns as values).

    def export_rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        """Every row of ``table``, in ``COPY_COLUMNS`` order."""
        raise StoreError(f"the {self.backend or 'plugin'} store cannot export its rows")

    def import_rows(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        """Add rows exported by ``export_rows`` (of any backend) to ``table``."""
        raise StoreError(f"the {self.backend or 'plugin'} store cannot import rows")

    # --- Fusion (frontlines.fusion): reports of one happening become one fused event as articles
    # are saved; ``events()`` returns fused events unless ``level="reports"``. Analysts' split and
    # merge decisions are kept as constraints between reports, resolved again after re-analysis
    # (same event id, else the report whose evidence overlaps the one decided on).

    @abstractmethod
    def split_event(self, event_id: str, *, reports: Sequence[str] = ()) -> list[StoredEvent]:
        """Undo a merge: the given report ids leave the fused event together, or with none given,
        each of its reports becomes an event of its own. Returns the fused events they now form.

        Raises NotFoundError for an unknown id, InputError for a report not in the event.
        """

    @abstractmethod
    def merge_events(self, ids: Sequence[str]) -> StoredEvent:
        """Make the events (fused ids, event ids or report ids) one event; returns it."""

    @abstractmethod
    def fusion_constraints(self) -> list[FusionConstraint]:
        """Every split and merge decision, oldest first."""

    @abstractmethod
    def rebuild_fusion(self) -> FusionSummary:
        """Fuse every stored report again (same result as fusing them as they were saved), in
        bounded memory: a batch of reports per transaction, other writers waiting meanwhile;
        a rebuild cut short goes on when the store is next opened (``fusion_service``)."""

    @abstractmethod
    def fusion_strictness(self) -> str:
        """How readily this store fuses reports: off, strict, normal (the default) or loose."""

    @abstractmethod
    def set_fusion_strictness(self, strictness: str) -> FusionSummary:
        """Keep ``strictness`` (see ``fusion_strictness``) and fuse every report again with it;
        decisions still apply. Raises InputError for an unknown strictness."""

    # --- Read side for browsing (the HTTP API and the page): one event, actors, relations, stats.

    @abstractmethod
    def get_event(self, event_id: str) -> StoredEvent:
        """The stored event with this id (with its article's details). Raises NotFoundError."""

    @abstractmethod
    def actors(
        self, *, text: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[ActorSummary]:
        """Actors across all articles, one entry per actor id, most events first.

        An actor counts when an article lists it or an event names it as actor1 or actor2.
        ``text`` keeps actors whose id is ``text`` or whose name contains it (any case).
        """

    @abstractmethod
    def count_actors(self, *, text: str | None = None) -> int:
        """How many actors ``actors(text=...)`` would list without a limit."""

    @abstractmethod
    def get_actor(self, actor_id: str) -> ActorSummary:
        """One actor across all articles. Raises NotFoundError."""

    @abstractmethod
    def relations(
        self,
        *,
        actor_id: str | None = None,
        relation_type: str | None = None,
        limit: int = 1000,
        offset: int = 0,
    ) -> list[StoredRelation]:
        """Relations between actors, oldest article first, each with the article it came from.

        ``actor_id`` keeps relations with that actor at either end; ``relation_type`` one type.
        A relation whose stored names are missing takes them from its article's actors.
        """

    @abstractmethod
    def event_stats(self, query: EventQuery | None = None) -> EventStats:
        """Counts of the events matching ``query`` (its limit, offset and sort are ignored)."""

    @abstractmethod
    def clusters(self, query: EventQuery | None = None, *, zoom: int) -> list[MapCluster]:
        """The located events matching ``query`` counted per square of the map grid at map
        zoom ``zoom`` (store/grid.py), most events first (limit, offset and sort ignored)."""


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """One actor across every stored article: how it is named and how often it appears."""

    id: str
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]
    article_count: int
    event_count: int
    fictional: bool  # every article naming it is fictional


@dataclass(frozen=True, slots=True)
class StoredRelation:
    """A relation as stored, with the article it came from."""

    relation: Relation
    article_id: str
    title: str | None
    outlet: str | None
    published: date | None
    fictional: bool


@dataclass(frozen=True, slots=True)
class EventStats:
    """Counts of matching events: in all, by day, type, country, admin1 and source."""

    total: int
    fictional: int
    undated: int
    by_day: tuple[tuple[date, int], ...]
    by_type: tuple[tuple[str | None, int], ...]
    by_country: tuple[tuple[str | None, int], ...]
    by_admin1: tuple[tuple[str | None, str | None, int], ...]
    by_source: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class FusionConstraint:
    """An analyst's decision: two reports are (``must``) or are not (``cannot``) one event."""

    id: int
    kind: Literal["must", "cannot"]
    first: str  # report ids (article_id:event_id) as decided; re-analysis may move them
    second: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class FusionSummary:
    """What fusing the whole store gave."""

    reports: int
    events: int
    merged: int  # fused events of more than one report
    seconds: float
