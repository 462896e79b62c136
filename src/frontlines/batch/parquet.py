"""Writing and reading a batch's tables: Parquet files partitioned by date, Hive style.

``TableWriter`` buffers rows per table and writes a part file per date each time a table's buffer
fills, so memory stays bounded however large the batch. ``read_table`` reads one table of an
output folder back (the ``date`` partition column included, as text).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontlines.batch.arrow import PARTITION_COLUMN, TABLE_NAMES, pyarrow, schemas
from frontlines.batch.rows import Row
from frontlines.errors import InputError

FLUSH_ROWS = 5000
# An article's row carries its text and its whole analysis as JSON (tens of KB): a tenth as many
# of them are buffered before a flush, so their Python and Arrow copies stay small.
FLUSH_ROWS_PER_TABLE = {"articles": 500}
# A flush writes one file per date; with its rows sorted by date (stably: each file keeps its
# rows' order) a few open files at a time suffice, where pyarrow's default keeps up to 1,024
# writers and their buffers open (about 40 MB more at the driver's peak, 5,000 article rows).
OPEN_FILES = 4
# One partition per day: a buffer of years of reports spans thousands (pyarrow allows 1,024).
MAX_PARTITIONS = 1_000_000


@dataclass
class TableWriter:
    """Rows in, Parquet part files out: ``DIR/TABLE/date=YYYY-MM-DD/part-N-I.parquet``."""

    out: Path
    flush_rows: int = FLUSH_ROWS
    _rows: dict[str, list[Row]] = field(default_factory=dict)
    _parts: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @classmethod
    def create(cls, out: Path, *, flush_rows: int = FLUSH_ROWS) -> TableWriter:
        """A writer into ``out``, which must be missing or empty (a batch never mixes runs)."""
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise InputError(f"{out}: the output folder exists and is not empty")
        out.mkdir(parents=True, exist_ok=True)
        return cls(out=out, flush_rows=flush_rows)

    def add(self, table: str, rows: Iterable[Row]) -> None:
        """Buffer ``rows`` (a generator is read as it goes), writing each ``flush_rows`` (fewer
        for the tables of FLUSH_ROWS_PER_TABLE)."""
        buffer = self._rows.setdefault(table, [])
        limit = min(self.flush_rows, FLUSH_ROWS_PER_TABLE.get(table, self.flush_rows))
        for row in rows:
            buffer.append(row)
            if len(buffer) >= limit:
                self._flush(table)
                buffer = self._rows.setdefault(table, [])

    def close(self) -> dict[str, int]:
        """Write what is buffered; every table gets its folder, empty or not. Rows per table."""
        for table in TABLE_NAMES:
            self._flush(table)
            (self.out / table).mkdir(exist_ok=True)
        return dict(self.counts)

    def _flush(self, table: str) -> None:
        rows = self._rows.pop(table, [])
        if not rows:
            return
        import pyarrow.parquet as pq

        rows.sort(key=lambda row: str(row[PARTITION_COLUMN]))
        data = pyarrow().Table.from_pylist(rows, schema=schemas()[table])
        part = self._parts.get(table, 0)
        self._parts[table] = part + 1
        pq.write_to_dataset(
            data,
            root_path=str(self.out / table),
            partition_cols=[PARTITION_COLUMN],
            basename_template=f"part-{part}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
            max_partitions=MAX_PARTITIONS,
            max_open_files=OPEN_FILES,
        )
        self.counts[table] = self.counts.get(table, 0) + len(rows)


def read_table(out: Path, table: str, *, columns: list[str] | None = None) -> Any:
    """One table of a batch's output as an Arrow table (empty, with its schema, if no rows)."""
    import pyarrow.dataset as pads

    pa = pyarrow()
    schema = schemas()[table]
    folder = out / table
    if not folder.is_dir():
        raise InputError(f"{out}: no {table} table (is it the output of frontlines batch?)")
    partitioning = pads.partitioning(pa.schema([(PARTITION_COLUMN, pa.string())]), flavor="hive")
    dataset = pads.dataset(str(folder), format="parquet", partitioning=partitioning, schema=schema)
    return dataset.to_table(columns=columns)


def iter_rows(out: Path, table: str, *, batch_rows: int = 1000) -> Iterator[dict[str, Any]]:
    """The rows of one table as dicts, a record batch at a time, in file order."""
    import pyarrow.dataset as pads

    pa = pyarrow()
    partitioning = pads.partitioning(pa.schema([(PARTITION_COLUMN, pa.string())]), flavor="hive")
    folder = out / table
    if not folder.is_dir():
        raise InputError(f"{out}: no {table} table (is it the output of frontlines batch?)")
    dataset = pads.dataset(
        str(folder), format="parquet", partitioning=partitioning, schema=schemas()[table]
    )
    for batch in dataset.to_batches(batch_size=batch_rows):
        yield from batch.to_pylist()
