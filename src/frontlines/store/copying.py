"""Copy a whole store into another, of the same or another backend (DuckDB <-> PostgreSQL).

Every row is copied as it is: articles with their ingest times and metadata, every derived row,
syndication links, fused events and members, analysts' decisions (with their ids) and fusion's
state, so the copy needs no re-fusing. The target must be empty and at the same schema version.
"""

from __future__ import annotations

import logging
from itertools import islice

from frontlines.errors import StoreError
from frontlines.store.base import Store
from frontlines.store.fused import FUSED_COLUMNS
from frontlines.store.rows import COLUMNS

logger = logging.getLogger(__name__)

COPY_COLUMNS: dict[str, tuple[str, ...]] = {
    **COLUMNS,
    "article_links": ("copy_id", "original_id", "similarity"),
    **FUSED_COLUMNS,
    "fusion_constraints": (
        "id", "kind", "first_article", "first_event", "first_start", "first_end",
        "second_article", "second_event", "second_start", "second_end", "created_at",
    ),
    "fusion_state": ("key", "value"),
}  # fmt: skip
JSON_COLUMNS: frozenset[tuple[str, str]] = frozenset(
    {("articles", "metadata"), ("analyses", "analysis"), ("actors", "aliases")}
    | {
        (table, column)
        for table in ("events", "fused_events")
        for column in ("assoc_actor_1", "assoc_actor_2", "sources", "evidence", "quantities")
    }
    | {("fused_events", column) for column in ("origins", "contested", "reports")}
)
BATCH = 2000


def copy_store(source: Store, target: Store) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target``; rows copied per table."""
    if source.schema_version() != target.schema_version():
        raise StoreError(
            f"cannot copy: schema version {source.schema_version()} into "
            f"{target.schema_version()} (open both with the same frontlines first)"
        )
    filled = {table: n for table, n in target.counts().items() if table != "schema_migrations"}
    if any(filled.values()) or target.count_events():
        raise StoreError("cannot copy into a store that holds rows: give an empty one")
    copied: dict[str, int] = {}
    for table in COPY_COLUMNS:
        rows = source.export_rows(table)
        copied[table] = 0
        while batch := list(islice(rows, BATCH)):
            target.import_rows(table, batch)
            copied[table] += len(batch)
        logger.info("copied %d rows of %s", copied[table], table)
    return copied
