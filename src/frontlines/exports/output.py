"""``frontlines events --format F --output FILE``: events written to a file or to standard
output in any export format, GeoParquet included (a binary format: to a file, or to a pipe)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from frontlines.errors import InputError
from frontlines.exports.events import write_events
from frontlines.store.base import EventLevel, StoredEvent

BINARY_FORMATS = ("parquet",)
FILE_FORMATS = ("csv", "parquet")  # formats for files: every matching event unless --limit


def write_events_to(
    events: Iterable[StoredEvent], *, format: str, output: str | Path | None, level: EventLevel
) -> int:
    """Write the events in ``format`` to the file ``output`` (None: standard output)."""
    if format in BINARY_FORMATS:
        from frontlines.exports.parquet import write_parquet

        if output is not None:
            return write_parquet(events, Path(output), level=level)
        if sys.stdout.isatty():
            raise InputError(
                f"--format {format} writes a binary file: give --output FILE (or pipe it)"
            )
        return write_parquet(events, sys.stdout.buffer, level=level)
    if output is None:
        return write_events(events, format=format, out=sys.stdout)
    with Path(output).open("w", encoding="utf-8", newline="") as out:
        return write_events(events, format=format, out=out)
