"""Build the gazetteer cache: one SQLite file under the cache directory, keyed by the build
version and the versions of its sources, written once and then only read."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

from frontlines.geo.installed_sources import (
    DATA_FILES,
    Record,
    area_records,
    country_names,
    data_text,
    read_areas,
    read_cities,
    source_versions,
    usable_key,
)
from frontlines.geo.names import keys
from frontlines.geo.supplement import read_supplement, supplement_records
from frontlines.geo.villages import read_villages, village_records
from frontlines.geo.world import (
    capitals,
    continent_records,
    country_records,
    landmark_records,
    region_records,
)

# Bump when the build's code changes what it writes; a different version builds a new file.
BUILD_VERSION = "6"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, cc TEXT,
  admin1 TEXT, admin2 TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
  population INTEGER NOT NULL, capital_of TEXT, stands_for TEXT
);
CREATE TABLE names (
  skel TEXT NOT NULL, light TEXT NOT NULL, fold TEXT NOT NULL, id INTEGER NOT NULL,
  nk INTEGER NOT NULL, PRIMARY KEY (skel, fold, id)
) WITHOUT ROWID;
CREATE TABLE spell (
  cc TEXT NOT NULL, skel TEXT NOT NULL, light TEXT NOT NULL, id INTEGER NOT NULL,
  PRIMARY KEY (cc, skel, light, id)
) WITHOUT ROWID;
"""
# The names of towns and admin areas by country and skeleton, for near spellings
# (``Gazetteer.fuzzy``): one range of one table, not a join over every country's names.
FILL_SPELLINGS = """
INSERT OR IGNORE INTO {schema}spell SELECT p.cc, n.skel, n.light, n.id
FROM {schema}names n JOIN {schema}places p ON p.id = n.id
WHERE p.cc IS NOT NULL AND p.kind IN ('city', 'admin1', 'admin2')
"""


def build_info() -> dict[str, str]:
    """What the cache depends on: the build version, the sources' versions, the data files."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(data_text(name).encode("utf-8"))
    return {"build": BUILD_VERSION, **source_versions(), "data": digest.hexdigest()[:12]}


def cache_path(cache_dir: Path) -> Path:
    key = hashlib.sha256(json.dumps(build_info(), sort_keys=True).encode()).hexdigest()[:12]
    return cache_dir / f"gazetteer-{key}.sqlite"


def build(path: Path) -> None:
    """Write the gazetteer to ``path`` (atomically: a reader never sees a half-built file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp_name = tempfile.mkstemp(prefix=path.name, suffix=".part", dir=path.parent)
    os.close(handle)
    tmp = Path(tmp_name)
    connection = sqlite3.connect(tmp)
    try:
        connection.executescript(SCHEMA)
        _write(connection, _records())
        connection.execute(FILL_SPELLINGS.format(schema=""))
        info = build_info()
        connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(info.items()))
        connection.commit()
    finally:
        connection.close()
    tmp.chmod(0o644)
    tmp.replace(path)
    for stale in path.parent.glob("gazetteer-*.sqlite"):
        if stale != path:
            stale.unlink(missing_ok=True)


def _records() -> Iterator[Record]:
    countries = country_names()
    areas = read_areas()
    cities = read_cities(areas, countries)
    supplement = list(supplement_records(read_supplement(), cities=cities, countries=countries))
    known = {city.record.entry.id for city in cities}
    villages = list(village_records(read_villages(), known=known, countries=countries))
    capital_of = capitals(cities)
    for city in cities:
        code = capital_of.get(city.record.entry.id)
        if code:
            city.record.entry = dataclasses.replace(city.record.entry, capital_of=code)
    yield from chain(
        (city.record for city in cities),
        supplement,
        villages,
        area_records(areas, cities, countries),
        country_records(cities, countries),
        continent_records(),
        region_records(countries),
        landmark_records(countries),
    )


def _write(connection: sqlite3.Connection, records: Iterable[Record]) -> None:
    places = []
    names = []
    key_cache: dict[str, tuple[str, str, str]] = {}
    for record in records:
        entry = record.entry
        places.append(
            (
                entry.id,
                entry.name,
                entry.kind,
                entry.country_code,
                entry.admin1,
                entry.admin2,
                round(entry.latitude, 5),
                round(entry.longitude, 5),
                entry.population,
                entry.capital_of,
                entry.stands_for,
            )
        )
        seen: dict[str, tuple[str, str, int]] = {}
        for name, name_kind in record.names:
            if name not in key_cache:
                key_cache[name] = keys(name)
            folded, light_key, skeleton_key = key_cache[name]
            if usable_key(folded) and (folded not in seen or name_kind < seen[folded][2]):
                seen[folded] = (skeleton_key, light_key, name_kind)
        names += [(s, lk, f, entry.id, nk) for f, (s, lk, nk) in seen.items()]
    connection.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", places)
    names.sort()
    connection.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?,?)", names)
