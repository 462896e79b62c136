"""Parquet files: one article per row, with the columns of a JSON lines record.

A row is read exactly like a JSON lines record (``text``, ``title``, ``outlet``, ``url``,
``published``, ...; see ``readers.jsonl``), and named ``FILE:ROW``. Reading needs pyarrow, which
comes with the ``scale`` extra.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from frontlines.errors import InputError, MissingDependencyError
from frontlines.readers.common import Item
from frontlines.readers.jsonl import record_item

SUFFIX = ".parquet"
BATCH_ROWS = 1000


def is_parquet(name: str) -> bool:
    return name.lower().endswith(SUFFIX)


def read_parquet(path: Path, *, max_bytes: int) -> Iterator[Item]:
    """One item per row; a file that is not Parquet fails as one item naming it."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingDependencyError(
            package="pyarrow", extra="scale", purpose="reading Parquet files"
        ) from None
    try:
        reader = pq.ParquetFile(str(path))
    except (OSError, ValueError) as error:
        message = " ".join(str(error).split())
        raise InputError(f"{path}: not a readable Parquet file ({message})") from None
    number = 0
    for batch in reader.iter_batches(batch_size=BATCH_ROWS):
        for row in batch.to_pylist():
            number += 1
            line = json.dumps(row, default=str, ensure_ascii=False).encode("utf-8")
            yield record_item(line, origin=f"{path}:{number}", max_chars=max_bytes)
