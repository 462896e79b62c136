"""File downloads of /api/events: ``format=csv`` (ACLED's CSV) and ``format=parquet``
(GeoParquet), streamed as they are written.

Without ``limit`` a download holds every matching event, read from the store a page at a time;
with it, at most that many (after ``offset``). Memory holds one page whatever the size.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import islice

from fastapi.responses import StreamingResponse

from frontlines.exports.events import csv_lines
from frontlines.exports.parquet import parquet_chunks
from frontlines.store.base import EventQuery, Store, StoredEvent

PAGE = 1000
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}
FILE_NAMES = {"csv": "events.csv", "parquet": "events.parquet"}


def matching(store: Store, query: EventQuery, *, every: bool) -> Iterator[StoredEvent]:
    """The query's events a page at a time: all of them (``every``), else ``query.limit``."""
    if every:
        return store.iter_events(query, page=PAGE)
    return islice(store.iter_events(replace(query, limit=PAGE), page=PAGE), query.limit)


def download(store: Store, query: EventQuery, *, output: str, every: bool) -> StreamingResponse:
    """The events as a streamed ``output`` file (csv or parquet)."""
    found = matching(store, query, every=every)
    body = csv_lines(found) if output == "csv" else parquet_chunks(found, level=query.level)
    return StreamingResponse(
        body,
        media_type=MEDIA_TYPES[output],
        headers={"Content-Disposition": f'attachment; filename="{FILE_NAMES[output]}"'},
    )
