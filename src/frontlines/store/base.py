"""The storage interface every backend implements, and the query and result types it speaks.

Backends live in modules of the same shape (``duckdb.py``, later ``postgres.py``), import their
driver only when opened, and pass the same contract tests (``tests/store/test_contract.py``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from types import TracebackType
from typing import Literal

from frontlines.model import Analysis, Article, Event

SaveOutcome = Literal["stored", "duplicate", "replaced"]


@dataclass(frozen=True, slots=True)
class SaveResult:
    article_id: str
    outcome: SaveOutcome
    events: int


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
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    article_id: str | None = None
    fictional: bool | None = None
    sort: Literal["date", "-date"] = "-date"
    limit: int = 100
    offset: int = 0


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


class Store(ABC):
    """A place to keep analyses. Writes are transactional: all of an article, or nothing."""

    backend: str = ""

    @abstractmethod
    def save(self, analysis: Analysis, *, replace: bool = False) -> SaveResult:
        """Store an article with everything found in it, in one transaction.

        An article already stored (same id) is left alone (``duplicate``) unless ``replace`` is
        true, in which case its derived rows are replaced (``replaced``).
        """

    @abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abstractmethod
    def get_article(self, article_id: str) -> Article:
        """Raises NotFoundError when there is no such article."""

    @abstractmethod
    def get_analysis(self, article_id: str) -> Analysis:
        """The stored analysis of one article, as it was saved. Raises NotFoundError."""

    @abstractmethod
    def articles(self, *, limit: int = 100, offset: int = 0) -> list[Article]: ...

    @abstractmethod
    def events(self, query: EventQuery | None = None) -> list[StoredEvent]: ...

    @abstractmethod
    def count_events(self, query: EventQuery | None = None) -> int: ...

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Row counts per table (articles, mentions, actors, places, events, claims, ...)."""

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def iter_events(self, query: EventQuery | None = None, *, page: int = 1000) -> Iterator[StoredEvent]:
        """Every matching event, fetched a page at a time."""
        base = query or EventQuery()
        offset = base.offset
        while True:
            batch = self.events(
                EventQuery(**{**_as_dict(base), "limit": page, "offset": offset})
            )
            yield from batch
            if len(batch) < page:
                return
            offset += page

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _as_dict(query: EventQuery) -> dict[str, object]:
    return {name: getattr(query, name) for name in query.__dataclass_fields__}
