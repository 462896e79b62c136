"""The map grid: each located event's cell, 1/64 degree a side (about 1.7 km at the equator).

Stored with every event and fused event (``grid_x``, ``grid_y``: whole cells east of -180 and
north of -90), so the map's clusters count cells in integers instead of reading coordinates. At
map zoom ``z`` a cluster is a square of ``2 ** (12 - z)`` cells (16 degrees at zoom 2, one cell
from zoom 12 on): about 50 pixels on a 256-pixel tile, so clusters never crowd each other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

CELLS_PER_DEGREE = 64
MAX_ZOOM = 20
FINEST_CLUSTER_ZOOM = 12  # from here on, one cluster per cell

# DuckDB and PostgreSQL alike: a NULL coordinate gives a NULL cell.
GRID_X = f"CAST(floor((longitude + 180) * {CELLS_PER_DEGREE}) AS INTEGER)"
GRID_Y = f"CAST(floor((latitude + 90) * {CELLS_PER_DEGREE}) AS INTEGER)"


@dataclass(frozen=True, slots=True)
class MapCluster:
    """The located events of one cluster square: how many, their mean point, and the square."""

    count: int
    longitude: float
    latitude: float
    bbox: tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat


def cell_of(longitude: float, latitude: float) -> tuple[int, int]:
    """The (grid_x, grid_y) cell of a point, as the store computes it."""
    return (
        math.floor((longitude + 180) * CELLS_PER_DEGREE),
        math.floor((latitude + 90) * CELLS_PER_DEGREE),
    )


def cluster_cells(zoom: int) -> int:
    """Cells along a side of one cluster square at map zoom ``zoom`` (a power of two)."""
    return 1 << max(0, FINEST_CLUSTER_ZOOM - zoom)


def square_bbox(x: int, y: int, *, cells: int) -> tuple[float, float, float, float]:
    """The bbox of cluster square (x, y) of ``cells`` cells a side."""
    size = cells / CELLS_PER_DEGREE
    return (x * size - 180, y * size - 90, (x + 1) * size - 180, (y + 1) * size - 90)


def interior_cells(bbox: tuple[float, float, float, float]) -> tuple[int, int, int, int] | None:
    """The cells wholly inside ``bbox`` (min_x, min_y, max_x, max_y, inclusive): every point in
    them is in the box, a whole cell from its edges; None when the box holds no whole cell."""
    min_lon, min_lat, max_lon, max_lat = bbox
    x0, y0 = cell_of(min_lon, min_lat)
    x1, y1 = cell_of(max_lon, max_lat)
    inner = (x0 + 1, y0 + 1, x1 - 1, y1 - 1)
    return inner if inner[0] <= inner[2] and inner[1] <= inner[3] else None


def interior_sql(cells: tuple[int, int, int, int]) -> str:
    """A filter on the stored cells for ``interior_cells`` (whole numbers, written inline)."""
    x0, y0, x1, y1 = (int(value) for value in cells)
    return f"(e.grid_x BETWEEN {x0} AND {x1} AND e.grid_y BETWEEN {y0} AND {y1})"
