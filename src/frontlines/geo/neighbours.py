"""Admin areas of added places whose files leave them out, read from their nearest neighbours.

GeoNames writes no admin2 code for most villages of some countries (every one of Niger's and
Senegal's, most of Mali's) and an unknown admin1 ("00", "x43") for a few; a village without its
areas cannot be matched to the area a report names. Such a place takes the admin1 and admin2 of
the nearest town or admin2 seat of its country (built or added) within ``NEIGHBOUR_KM`` that has
them, within its own admin1 where that is known. A place with no such neighbour keeps what it has.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence

from frontlines.geo.geometry import distance_km

NEIGHBOUR_KM = 25.0
CELL_DEGREES = 0.25  # about 28 km: the 3 x 3 cells around a place hold every neighbour in reach
Reference = tuple[float, float, str, str | None]  # lat, lon, admin1, admin2
Cell = tuple[int, int]


def fill_from_neighbours(connection: sqlite3.Connection, *, tables: Sequence[str]) -> int:
    """Fill the missing admin names of the added towns (``main.places``) from the towns and
    admin2 areas of ``tables`` ("main", the added file, and schemas of the built cache's
    layout); the number of towns filled."""
    missing = connection.execute(
        "SELECT DISTINCT cc FROM main.places WHERE kind = 'city' AND cc IS NOT NULL"
        " AND (admin1 IS NULL OR admin2 IS NULL)"
    ).fetchall()
    filled = 0
    for (code,) in missing:
        grid = _grid(connection, code=str(code), tables=tables)
        if not grid:
            continue
        updates = []
        for place_id, lat, lon, admin1, admin2 in connection.execute(
            "SELECT id, lat, lon, admin1, admin2 FROM main.places WHERE cc = ? AND kind = 'city'"
            " AND (admin1 IS NULL OR admin2 IS NULL)",
            (code,),
        ):
            found = _nearest(grid, lat, lon, admin1=admin1, need_admin2=admin2 is None)
            if found is None and admin1 is None:
                found = _nearest(grid, lat, lon, admin1=None, need_admin2=False)
            if found is not None and (found[0] != admin1 or found[1] != admin2):
                updates.append((admin1 or found[0], admin2 or found[1], place_id))
        connection.executemany(
            "UPDATE main.places SET admin1 = ?, admin2 = ? WHERE id = ?", updates
        )
        filled += len(updates)
    return filled


def _cell(lat: float, lon: float) -> Cell:
    return int(lat // CELL_DEGREES), int(lon // CELL_DEGREES)


def _grid(
    connection: sqlite3.Connection, *, code: str, tables: Sequence[str]
) -> dict[Cell, list[Reference]]:
    grid: dict[Cell, list[Reference]] = defaultdict(list)
    names: dict[str, str] = {}  # one copy of each area name, however many towns are in it
    for table in tables:
        # An added place is a reference only for the areas its own codes name (not for ones
        # an earlier load read from its neighbours, nor a UCDP place's).
        query = (
            "SELECT lat, lon, admin1, CASE WHEN a2 IS NOT NULL THEN admin2 END FROM main.places"
            " WHERE cc = ? AND kind IN ('city', 'admin2') AND admin1 IS NOT NULL"
            " AND a1 IS NOT NULL"
            if table == "main"
            else f"SELECT lat, lon, admin1, admin2 FROM {table}.places WHERE cc = ?"
            " AND kind IN ('city', 'admin2') AND admin1 IS NOT NULL"
        )
        rows = connection.execute(query, (code,))
        for lat, lon, admin1, admin2 in rows:
            area = names.setdefault(admin1, admin1)
            district = names.setdefault(admin2, admin2) if admin2 is not None else None
            grid[_cell(lat, lon)].append((lat, lon, area, district))
    return grid


def _nearest(
    grid: dict[Cell, list[Reference]],
    lat: float,
    lon: float,
    *,
    admin1: str | None,
    need_admin2: bool,
) -> tuple[str, str | None] | None:
    """(admin1, admin2) of the nearest reference in reach (one with an admin2 where the place
    lacks one), in the place's own admin1 where it has one."""
    row, col = _cell(lat, lon)
    best: tuple[float, Reference] | None = None
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            for ref in grid.get((row + dr, col + dc), ()):
                if (admin1 is not None and ref[2] != admin1) or (need_admin2 and ref[3] is None):
                    continue
                km = distance_km(lat, lon, ref[0], ref[1])
                if km <= NEIGHBOUR_KM and (best is None or km < best[0]):
                    best = (km, ref)
    return (best[1][2], best[1][3]) if best is not None else None
