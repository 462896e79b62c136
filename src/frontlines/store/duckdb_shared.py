"""The DuckDB store as ``frontlines serve`` holds it: other processes may read the file meanwhile.

DuckDB lets several processes hold a file read-only at once, or one hold it for writing. The
server reads through a read-only connection, so ``frontlines events``, ``events show`` and the
exports open the file read-only beside it (``store.reading``). Each write takes the file for
itself: it waits for the server's reads in flight, lets the read-only connection go, opens the
file for writing (waiting, up to ``wait_s``, while another process reads it), writes in one
transaction as ``DuckDBStore`` does, and opens it read-only again. A write is short (analysis
happens before it), so readers in other processes wait at most that long.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from frontlines.errors import FrontlinesError, StoreLockedError
from frontlines.model import Analysis, Article
from frontlines.store.base import (
    ActorSummary,
    EventPoint,
    EventQuery,
    EventStats,
    FusionConstraint,
    FusionSummary,
    SaveResult,
    Store,
    StoredEvent,
    StoredRelation,
    SyndicationLink,
)
from frontlines.store.duckdb import DuckDBStore
from frontlines.store.grid import MapCluster
from frontlines.store.readers_writer import ReadersWriterLock

logger = logging.getLogger(__name__)
WAIT_S = 30.0  # how long a write waits for other processes' readers to let the file go
POLL_S = 0.05
PAGE_ACTORS = 1000  # the actors the page lists (web/static/js/main.js, loadOptions)


def open_waiting(path: Path | str, *, read_only: bool, wait_s: float) -> DuckDBStore:
    """``DuckDBStore.open``, trying again while another process holds the file against us."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            return DuckDBStore.open(path, read_only=read_only)
        except StoreLockedError:
            if time.monotonic() >= deadline:
                raise
        time.sleep(POLL_S)


class SharedDuckDBStore(Store):
    """A DuckDB file read through a shared read-only connection, written a transaction at a
    time; open it with ``SharedDuckDBStore.open``."""

    backend = "duckdb"

    def __init__(self, path: Path | str, *, wait_s: float) -> None:
        self.location = str(path)
        self._path = path
        self._wait_s = wait_s
        self._lock = ReadersWriterLock()
        self._opening = threading.Lock()
        self._reader: DuckDBStore | None = None
        self._closed = False

    @classmethod
    def open(
        cls, path: Path | str, *, wait_s: float = WAIT_S, warm: bool = False
    ) -> SharedDuckDBStore:
        """Create or migrate (and fuse if stale) the file once, then hold it read-only.

        ``warm``: compute what the page asks for first in the background (``_warm``)."""
        open_waiting(path, read_only=False, wait_s=wait_s).close()
        store = cls(path, wait_s=wait_s)
        store._reading_store()
        if warm:
            threading.Thread(target=store._warm, name="frontlines-warm", daemon=True).start()
        return store

    def _warm(self) -> None:
        """The statistics and the actor list the page loads first, kept by the reader: cold,
        they take a second each at a million events; the page's first load then finds them."""
        started = time.perf_counter()
        steps: list[Callable[[DuckDBStore], object]] = [
            lambda store: store.event_stats(),
            lambda store: store.actors(limit=PAGE_ACTORS),
        ]
        for step in steps:
            with self._lock.reading():
                if self._closed:
                    return
                try:
                    step(self._reading_store())
                except FrontlinesError as error:  # the page will ask again, and see the error
                    logger.debug("warming %s up: %s", self.location, error)
                    return
        seconds = time.perf_counter() - started
        logger.info("%s: the page's statistics and actors ready in %.1f s", self.location, seconds)

    # --- reads: the shared read-only connection

    @contextmanager
    def _reading(self) -> Iterator[DuckDBStore]:
        with self._lock.reading():
            yield self._reading_store()

    def _reading_store(self) -> DuckDBStore:
        with self._opening:
            if self._reader is None:
                self._reader = open_waiting(self._path, read_only=True, wait_s=self._wait_s)
            return self._reader

    @contextmanager
    def _writing(self) -> Iterator[DuckDBStore]:
        with self._lock.writing():
            with self._opening:
                if self._reader is not None:
                    self._reader.close()
                    self._reader = None
            started = time.perf_counter()
            writer = open_waiting(self._path, read_only=False, wait_s=self._wait_s)
            try:
                yield writer
            finally:
                writer.close()
                held = time.perf_counter() - started
                logger.debug("a write held %s for %.3f s", self.location, held)

    def has_article(self, article_id: str) -> bool:
        with self._reading() as store:
            return store.has_article(article_id)

    def get_article(self, article_id: str) -> Article:
        with self._reading() as store:
            return store.get_article(article_id)

    def get_analysis(self, article_id: str) -> Analysis:
        with self._reading() as store:
            return store.get_analysis(article_id)

    def article_metadata(self, article_id: str) -> dict[str, Any]:
        with self._reading() as store:
            return store.article_metadata(article_id)

    def articles(self, *, limit: int = 100, offset: int = 0) -> list[Article]:
        with self._reading() as store:
            return store.articles(limit=limit, offset=offset)

    def events(self, query: EventQuery | None = None) -> list[StoredEvent]:
        with self._reading() as store:
            return store.events(query)

    def event_points(self, query: EventQuery | None = None) -> list[EventPoint]:
        with self._reading() as store:
            return store.event_points(query)

    def count_events(self, query: EventQuery | None = None) -> int:
        with self._reading() as store:
            return store.count_events(query)

    def counts(self) -> dict[str, int]:
        with self._reading() as store:
            return store.counts()

    def schema_version(self) -> int:
        with self._reading() as store:
            return store.schema_version()

    def syndication_links(self) -> list[SyndicationLink]:
        with self._reading() as store:
            return store.syndication_links()

    def export_rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        with self._reading() as store:  # writes wait until the rows are all read
            yield from store.export_rows(table)

    def fusion_constraints(self) -> list[FusionConstraint]:
        with self._reading() as store:
            return store.fusion_constraints()

    def fusion_strictness(self) -> str:
        with self._reading() as store:
            return store.fusion_strictness()

    def get_event(self, event_id: str) -> StoredEvent:
        with self._reading() as store:
            return store.get_event(event_id)

    def actors(
        self, *, text: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[ActorSummary]:
        with self._reading() as store:
            return store.actors(text=text, limit=limit, offset=offset)

    def count_actors(self, *, text: str | None = None) -> int:
        with self._reading() as store:
            return store.count_actors(text=text)

    def get_actor(self, actor_id: str) -> ActorSummary:
        with self._reading() as store:
            return store.get_actor(actor_id)

    def relations(
        self,
        *,
        actor_id: str | None = None,
        relation_type: str | None = None,
        limit: int = 1000,
        offset: int = 0,
    ) -> list[StoredRelation]:
        with self._reading() as store:
            return store.relations(
                actor_id=actor_id, relation_type=relation_type, limit=limit, offset=offset
            )

    def event_stats(self, query: EventQuery | None = None) -> EventStats:
        with self._reading() as store:
            return store.event_stats(query)

    def clusters(self, query: EventQuery | None = None, *, zoom: int) -> list[MapCluster]:
        with self._reading() as store:
            return store.clusters(query, zoom=zoom)

    # --- writes: the file held for writing, one call at a time

    def save(
        self,
        analysis: Analysis,
        *,
        replace: bool = False,
        metadata: Mapping[str, Any] | None = None,
    ) -> SaveResult:
        with self._writing() as store:
            return store.save(analysis, replace=replace, metadata=metadata)

    def save_many(
        self,
        items: Sequence[tuple[Analysis, Mapping[str, Any] | None]],
        *,
        replace: bool = False,
    ) -> list[SaveResult]:
        with self._writing() as store:
            return store.save_many(items, replace=replace)

    def link_syndicated(self, copy_id: str, original_id: str, similarity: float) -> None:
        with self._writing() as store:
            store.link_syndicated(copy_id, original_id, similarity)

    def import_rows(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        with self._writing() as store:
            store.import_rows(table, rows)

    def split_event(self, event_id: str, *, reports: Sequence[str] = ()) -> list[StoredEvent]:
        with self._writing() as store:
            return store.split_event(event_id, reports=reports)

    def merge_events(self, ids: Sequence[str]) -> StoredEvent:
        with self._writing() as store:
            return store.merge_events(ids)

    def rebuild_fusion(self) -> FusionSummary:
        with self._writing() as store:
            return store.rebuild_fusion()

    def set_fusion_strictness(self, strictness: str) -> FusionSummary:
        with self._writing() as store:
            return store.set_fusion_strictness(strictness)

    def close(self) -> None:
        with self._lock.writing(), self._opening:
            self._closed = True
            if self._reader is not None:
                self._reader.close()
                self._reader = None
