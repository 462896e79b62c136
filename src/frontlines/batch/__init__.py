"""Batch processing at scale: inputs analysed on Ray Data, Parquet tables out.

``run_batch`` (``frontlines batch``) reads files, folders and Parquet, analyses the articles on a
local or remote Ray cluster and writes the articles, reports, fused events, actors, claims and
relations as Parquet partitioned by date; ``load_batch`` (``frontlines store load``) saves such an
output into a store and ``export_store`` (``frontlines store export``) writes a store the same
way. Ray and pyarrow come with the ``scale`` extra: ``pip install "frontlines[scale]"``.
"""

from __future__ import annotations

from frontlines.batch.arrow import TABLE_NAMES
from frontlines.batch.parquet import read_table
from frontlines.batch.run import BatchReport, run_batch
from frontlines.batch.store_io import LoadReport, export_store, load_batch

__all__ = [
    "TABLE_NAMES",
    "BatchReport",
    "LoadReport",
    "export_store",
    "load_batch",
    "read_table",
    "run_batch",
]
