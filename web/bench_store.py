"""A large synthetic store for the API benchmark, built in bulk: a template stored through the
store (real rows, fusion off so every report is its own event), then copied in DuckDB's own SQL,
each copy with its own article and fused ids, dates and places. A million events take a minute or
two instead of the hours that saving them one analysis at a time would.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from frontlines.store.duckdb import DuckDBStore
from frontlines.store.duckdb_connect import connect, load_spatial, spatial_extension_path
from frontlines.store.duckdb_schema import ARTICLE_TABLES

TEMPLATE_EVENTS = 10_000
# Per table: the key columns a copy suffixes, and the JSON columns holding article ids.
KEYS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(ARTICLE_TABLES, ("article_id",)),
    "articles": ("id",),
    "fused_events": ("article_id", "event_id", "block_id"),
    "fused_members": ("article_id", "fused_article_id", "fused_id", "block_id"),
}
JSON_IDS: dict[str, tuple[str, ...]] = {"fused_events": ("origins", "reports")}
# Each copy moves its events in time and space, so filters and boxes see a real spread.
_DLAT = "((k % 11) - 5) * 0.3"
_DLON = "(((k // 11) % 11) - 5) * 0.3"
SPREAD = {
    "event_date": "(event_date + to_days(CAST((k * 37) % 730 AS INTEGER)))::DATE",
    "latitude": f"latitude + {_DLAT}",
    "longitude": f"longitude + {_DLON}",
    "geom": f"ST_Point(longitude + {_DLON}, latitude + {_DLAT})",
}


def build_bulk(
    path: Path,
    *,
    total: int,
    save_template: Callable[[DuckDBStore, int], None],
    template: int = TEMPLATE_EVENTS,
) -> float:
    """Store about ``total`` events at ``path`` (a multiple of the template); seconds taken.
    ``save_template(store, events)`` stores the template through the store."""
    started = time.perf_counter()
    template = min(template, total)
    with DuckDBStore.open(path) as store:
        store.set_fusion_strictness("off")
        save_template(store, template)
    if total // template > 1:
        _copy(path, copies=total // template)
    return time.perf_counter() - started


def _copy(path: Path, *, copies: int) -> None:
    con = connect(str(path))
    try:
        load_spatial(con, spatial_extension_path())
        con.execute("BEGIN TRANSACTION")
        for table, keys in KEYS.items():
            replaced = [f"{key} || '_' || k AS {key}" for key in keys]
            replaced += [
                f"regexp_replace({column}::VARCHAR, '(art_[0-9a-f]+)', '\\1_' || k, 'g')::JSON"
                f" AS {column}"
                for column in JSON_IDS.get(table, ())
            ]
            if table in ("events", "fused_events"):
                replaced += [f"{expr} AS {column}" for column, expr in SPREAD.items()]
            con.execute(f"CREATE TEMP TABLE template_{table} AS SELECT * FROM {table}")
            con.execute(
                f"INSERT INTO {table} SELECT t.* REPLACE ({', '.join(replaced)})"
                f" FROM template_{table} t, range(1, {copies}) r(k)"
            )
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()
