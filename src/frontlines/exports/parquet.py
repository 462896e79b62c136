"""Stored events as Arrow tables and GeoParquet files: what ``--format parquet``, the API's
``format=parquet`` and the Python API's ``to_arrow()`` give.

The columns are those of ``frontlines batch``'s ``events`` (fused) and ``reports`` tables, with
Arrow types (dates as date32, counts as int64, actors and locations as structs, lists as lists)
and the location as a GeoParquet ``geometry`` column (WKB points, OGC:CRS84). Only the batch's
``date`` partition column is left out: a file is one table, not a folder. Rows are converted a
chunk at a time, so a file of any size is written in bounded memory, and ``parquet_chunks``
hands a Parquet file out piece by piece as its row groups are written (a streamed response).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

from frontlines.batch.arrow import PARTITION_COLUMN, pyarrow, schemas
from frontlines.batch.rows import stored_event_row
from frontlines.store.base import EventLevel, StoredEvent

CHUNK_ROWS = 1000  # rows per record batch, and per row group of a written file
TABLE_OF_LEVEL: dict[str, str] = {"fused": "events", "reports": "reports"}


def event_schema(level: EventLevel = "fused") -> Any:
    """The Arrow schema of one level's table, with its GeoParquet ``geo`` metadata."""
    schema = schemas()[TABLE_OF_LEVEL[level]]
    return schema.remove(schema.get_field_index(PARTITION_COLUMN))


def record_batches(
    events: Iterable[StoredEvent], *, level: EventLevel = "fused", chunk_rows: int = CHUNK_ROWS
) -> Iterator[Any]:
    """The events as Arrow record batches of at most ``chunk_rows`` rows."""
    pa = pyarrow()
    schema = event_schema(level)
    names = schema.names
    stream = iter(events)
    while chunk := list(islice(stream, chunk_rows)):
        rows = [stored_event_row(stored, level=level) for stored in chunk]
        yield pa.RecordBatch.from_pylist([{n: row.get(n) for n in names} for row in rows], schema)


def to_arrow(events: Iterable[StoredEvent], *, level: EventLevel = "fused") -> Any:
    """The events as one Arrow table (empty, with its schema, if there are none)."""
    pa = pyarrow()
    return pa.Table.from_batches(list(record_batches(events, level=level)), event_schema(level))


def write_parquet(
    events: Iterable[StoredEvent],
    sink: str | Path | IO[bytes],
    *,
    level: EventLevel = "fused",
    chunk_rows: int = CHUNK_ROWS,
) -> int:
    """Write the events to ``sink`` (a path or a binary file) as GeoParquet; returns how many."""
    import pyarrow.parquet as pq

    target = str(sink) if isinstance(sink, Path) else sink
    count = 0
    with pq.ParquetWriter(target, event_schema(level), compression="zstd") as writer:
        for batch in record_batches(events, level=level, chunk_rows=chunk_rows):
            writer.write_batch(batch, row_group_size=chunk_rows)
            count += batch.num_rows
    return count


class _Drain:
    """A write-only binary file that keeps what was written until it is taken."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self._position = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        self._position += len(data)
        return len(data)

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        return None

    def close(self) -> None:
        self.closed = True

    def writable(self) -> bool:
        return True

    def take(self) -> bytes:
        data, self._parts = b"".join(self._parts), []
        return data


def parquet_chunks(
    events: Iterable[StoredEvent], *, level: EventLevel = "fused", chunk_rows: int = CHUNK_ROWS
) -> Iterator[bytes]:
    """A GeoParquet file in pieces: each row group's bytes as soon as it is written, then the
    footer. Memory holds one chunk of events, whatever the file's size."""
    import pyarrow.parquet as pq

    drain = _Drain()
    writer = pq.ParquetWriter(drain, event_schema(level), compression="zstd")
    try:
        for batch in record_batches(events, level=level, chunk_rows=chunk_rows):
            writer.write_batch(batch, row_group_size=chunk_rows)
            if piece := drain.take():
                yield piece
    finally:
        writer.close()
    yield drain.take()
