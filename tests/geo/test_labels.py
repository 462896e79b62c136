"""Map labels from a gazetteer file: built once beside it, read by view and zoom."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from frontlines.errors import InputError
from frontlines.geo.build import SCHEMA, cache_path
from frontlines.geo.labels import build_labels, labels_in, labels_path, min_population

# id, name, kind, cc, lat, lon, population: a few real places around Kharkiv and Aleppo
PLACES = [
    (1, "Ukraine", "country", "UA", 49.0, 32.0, 41_000_000),
    (2, "Syria", "country", "SY", 35.0, 38.0, 22_000_000),
    (3, "Kharkivska Oblast", "admin1", "UA", 49.5, 36.5, 2_600_000),
    (4, "Kharkiv", "city", "UA", 49.98, 36.25, 1_421_125),
    (5, "Chuhuiv", "city", "UA", 49.84, 36.69, 31_000),
    (6, "Vovchansk", "city", "UA", 50.29, 36.94, 17_000),
    (7, "Robotyne", "city", "UA", 47.44, 35.84, 0),
    (8, "Aleppo", "city", "SY", 36.20, 37.16, 1_850_000),
    (9, "Saraqib", "city", "SY", 35.86, 36.80, 34_000),
    (10, "Mount Hermon", "landmark", "SY", 33.4, 35.85, 0),
]


def gazetteer(cache_dir: Path) -> Path:
    """A gazetteer file of the places above, in the build's own schema."""
    path = cache_path(cache_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as connection:
        connection.executescript(SCHEMA)
        connection.executemany(
            "INSERT INTO places (id, name, kind, cc, lat, lon, population) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            PLACES,
        )
    connection.close()
    return path


def names(path: Path, bbox: tuple[float, float, float, float], zoom: int) -> list[str]:
    return [label.name for label in labels_in(path, bbox=bbox, zoom=zoom)]


def test_without_a_gazetteer_there_are_no_labels(tmp_path: Path) -> None:
    assert build_labels(cache_dir=tmp_path) is None
    assert not labels_path(tmp_path).exists()


def test_labels_thin_out_when_zoomed_out_and_appear_when_zoomed_in(tmp_path: Path) -> None:
    gazetteer(tmp_path)
    path = build_labels(cache_dir=tmp_path)
    assert path == labels_path(tmp_path) and path.is_file()
    assert build_labels(cache_dir=tmp_path) == path  # built once
    world = (-180.0, -85.0, 180.0, 85.0)
    # zoomed out: countries, then the largest cities, no town and no landmark
    assert names(path, world, 3) == ["Ukraine", "Syria", "Aleppo"]
    # a region: its area and its cities down to the floor of zoom 7
    kharkiv = (35.0, 49.0, 38.0, 51.0)
    assert names(path, kharkiv, 7) == ["Kharkivska Oblast", "Kharkiv"]
    assert names(path, kharkiv, 9) == ["Kharkivska Oblast", "Kharkiv", "Chuhuiv", "Vovchansk"]
    # a front line close up: even a village of unknown population
    front = (35.7, 47.3, 36.0, 47.6)
    assert names(path, front, 12) == ["Robotyne"]
    assert names(path, front, 8) == []


def test_floors_fall_with_zoom() -> None:
    floors = [min_population(zoom) for zoom in range(14)]
    assert floors == sorted(floors, reverse=True)
    assert floors[-1] == 0


def test_a_bbox_the_wrong_way_round_is_refused(tmp_path: Path) -> None:
    gazetteer(tmp_path)
    path = build_labels(cache_dir=tmp_path)
    assert path is not None
    with pytest.raises(InputError, match="bbox"):
        labels_in(path, bbox=(40.0, 30.0, 30.0, 40.0), zoom=5)
