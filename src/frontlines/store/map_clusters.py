"""Map clusters: the located events matching a query, counted per square of the map grid.

One SQL statement for both backends (``store/grid.py`` says what a cell and a square are): the
squares are whole-number divisions of the stored cells, so the count never reads a coordinate
outside the averages. Over the whole store it is one pass over two integer columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from frontlines.store.base import EventQuery
from frontlines.store.fused import fused_from, fused_where
from frontlines.store.grid import MapCluster, cluster_cells, square_bbox
from frontlines.store.queries import EVENT_COUNT, event_where

_REPORTS_FROM = EVENT_COUNT.removeprefix("SELECT count(*) FROM ")


def cluster_statement(query: EventQuery, *, zoom: int) -> tuple[str, list[object]]:
    """The SQL (DuckDB's) counting the matching located events per square at ``zoom``."""
    cells = cluster_cells(zoom)
    if query.level == "fused":
        where, params = fused_where(query)
        source = fused_from(query)
    else:
        where, params = event_where(query)
        source = _REPORTS_FROM
    located = f"{where} AND e.grid_x IS NOT NULL" if where else " WHERE e.grid_x IS NOT NULL"
    sql = (
        f"SELECT e.grid_x // {cells}, e.grid_y // {cells}, count(*),"
        f" avg(e.longitude), avg(e.latitude) FROM {source}{located}"
        " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2"
    )
    return sql, params


def clusters_from_rows(rows: Sequence[Sequence[Any]], *, zoom: int) -> list[MapCluster]:
    cells = cluster_cells(zoom)
    return [
        MapCluster(
            count=int(count),
            longitude=float(longitude),
            latitude=float(latitude),
            bbox=square_bbox(int(x), int(y), cells=cells),
        )
        for x, y, count, longitude, latitude in rows
    ]
