"""Place labels for the page's offline basemap, from the gazetteer's places (GeoNames cities500,
its admin areas and countries, CC BY 4.0; UCDP villages).

The labels live in a SQLite file beside the gazetteer (``map-labels-KEY.sqlite``), built from
it once (a few seconds) and indexed by population and by latitude, so that a view of any size
finds its labels in milliseconds without scanning 240,000 places: a zoomed-out view asks only
for large cities, a zoomed-in one for every village in a thin band.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from frontlines.errors import InputError
from frontlines.geo.build import cache_path

LABEL_KINDS = ("country", "admin1", "city")
# The smallest city shown at each zoom level (Leaflet's: 2 is the world, 10 a district).
MIN_POPULATION_AT_ZOOM: dict[int, int] = {
    2: 3_000_000, 3: 1_500_000, 4: 700_000, 5: 250_000, 6: 100_000, 7: 40_000, 8: 15_000,
    9: 5_000, 10: 1_000,
}  # fmt: skip
COUNTRIES_UP_TO_ZOOM = 6
ADMIN1_ZOOMS = range(5, 10)
MAX_LABELS = 400

# Two ways into the table: by population (a zoomed-out view wants few, large places) and by
# latitude (a zoomed-in view wants every small place in a thin band).
SCHEMA = """
CREATE TABLE labels (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, cc TEXT,
  lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL
);
"""
INDEXES = """
CREATE INDEX labels_by_population ON labels (kind, population);
CREATE INDEX labels_by_latitude ON labels (kind, lat);
"""
SMALL_PLACES = 10_000  # a population floor below this is searched by latitude


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    kind: str  # country, admin1 or city
    country: str | None  # ISO 3166 alpha-2
    latitude: float
    longitude: float
    population: int


def labels_path(cache_dir: Path) -> Path:
    """The labels file that goes with the gazetteer of ``cache_dir`` (same key)."""
    gazetteer = cache_path(cache_dir)
    return gazetteer.with_name(gazetteer.name.replace("gazetteer-", "map-labels-", 1))


def build_labels(*, cache_dir: Path) -> Path | None:
    """Write the labels file from the gazetteer if it is missing; None when the gazetteer itself
    is not built yet (``frontlines gazetteer`` builds it)."""
    gazetteer, path = cache_path(cache_dir), labels_path(cache_dir)
    if path.exists():
        return path
    if not gazetteer.exists():
        return None
    handle, tmp_name = tempfile.mkstemp(prefix=path.name, suffix=".part", dir=path.parent)
    os.close(handle)
    tmp = Path(tmp_name)
    connection = sqlite3.connect(tmp)
    try:
        connection.executescript(SCHEMA)
        connection.execute("ATTACH DATABASE ? AS gazetteer", (f"file:{gazetteer}?mode=ro",))
        marks = ", ".join("?" for _ in LABEL_KINDS)
        connection.execute(
            "INSERT INTO labels SELECT id, name, kind, cc, lat, lon, population "
            f"FROM gazetteer.places WHERE kind IN ({marks})",
            LABEL_KINDS,
        )
        connection.executescript(INDEXES)
        connection.commit()
    finally:
        connection.close()
    tmp.chmod(0o644)
    tmp.replace(path)
    for stale in path.parent.glob("map-labels-*.sqlite"):
        if stale != path:
            stale.unlink(missing_ok=True)
    return path


def min_population(zoom: int) -> int:
    levels = MIN_POPULATION_AT_ZOOM
    return levels[min(max(zoom, min(levels)), max(levels))] if zoom <= max(levels) else 0


def labels_in(
    path: Path,
    *,
    bbox: tuple[float, float, float, float],
    zoom: int,
    limit: int = MAX_LABELS,
) -> list[Label]:
    """The labels a view of ``bbox`` at ``zoom`` shows candidates for: countries when zoomed
    out, first-level areas in between, and cities down to the zoom's population floor, largest
    first in each kind."""
    min_lon, min_lat, max_lon, max_lat = bbox
    if min_lon > max_lon or min_lat > max_lat:
        raise InputError(f"bbox {bbox}: expected min_lon <= max_lon and min_lat <= max_lat")
    wanted: list[tuple[str, int, int]] = []  # kind, population floor, how many
    if zoom <= COUNTRIES_UP_TO_ZOOM:
        wanted.append(("country", SMALL_PLACES, 80))
    if zoom in ADMIN1_ZOOMS:
        wanted.append(("admin1", SMALL_PLACES, 120))
    wanted.append(("city", min_population(zoom), limit))
    found: list[Label] = []
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for kind, floor, count in wanted:
            index = "labels_by_latitude" if floor < SMALL_PLACES else "labels_by_population"
            rows = connection.execute(
                "SELECT name, kind, cc, lat, lon, population "
                f"FROM labels INDEXED BY {index} "
                "WHERE kind = ? AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? "
                "AND population >= ? ORDER BY population DESC, id LIMIT ?",
                (kind, min_lat, max_lat, min_lon, max_lon, floor, count),
            ).fetchall()
            found.extend(Label(*row) for row in rows)
    finally:
        connection.close()
    return found
