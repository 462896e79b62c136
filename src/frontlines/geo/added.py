"""Places a user added from their own files (GeoNames dumps, UCDP GED): a second SQLite file
beside the built gazetteer cache, read together with it.

The built cache is rebuilt whenever the package's sources change; the added file is kept across
rebuilds, because it holds what only the user's files give. It has the built cache's ``places``
and ``names`` tables (a place the built cache also holds, by GeoNames id, is read from the built
cache; the added file lends it its names and the admin areas it lacks), plus:

- ``sources``: one row per file loaded, keyed by the SHA-256 of its bytes (adding a file twice
  changes nothing), with its licence line, its date and its counts;
- ``admin``: GeoNames admin codes ("BF.12", "BF.12.2355248") to area names, from the admin code
  tables and from the ADM1/ADM2 rows of the dumps; places written with codes get their names
  from it (``fill_admin_names``), whichever of the files came first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from frontlines.errors import ConfigError
from frontlines.geo.build import FILL_SPELLINGS
from frontlines.geo.installed_sources import Record, usable_key
from frontlines.geo.names import keys

ADDED_FILE = "added-places.sqlite"
ADDED_VERSION = "1"
BATCH = 20_000
KEY_CACHE = 200_000
# A country with this many added towns is one the user watches (a country file, a UCDP subset).
WATCHED_PLACES = 500

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, cc TEXT,
  admin1 TEXT, admin2 TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
  population INTEGER NOT NULL, capital_of TEXT, stands_for TEXT,
  a1 TEXT, a2 TEXT
);
CREATE TABLE IF NOT EXISTS names (
  skel TEXT NOT NULL, light TEXT NOT NULL, fold TEXT NOT NULL, id INTEGER NOT NULL,
  nk INTEGER NOT NULL, PRIMARY KEY (skel, fold, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, geonameid INTEGER
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sources (
  sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, licence TEXT NOT NULL,
  date TEXT, added TEXT NOT NULL, rows INTEGER NOT NULL, places INTEGER NOT NULL,
  names INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS spell (
  cc TEXT NOT NULL, skel TEXT NOT NULL, light TEXT NOT NULL, id INTEGER NOT NULL,
  PRIMARY KEY (cc, skel, light, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS places_cc ON places (cc, kind);
CREATE TABLE IF NOT EXISTS countries (cc TEXT PRIMARY KEY, places INTEGER NOT NULL);
"""


@dataclass(frozen=True, slots=True)
class Source:
    """One loaded file, as ``gazetteer status`` lists it."""

    sha256: str
    name: str
    kind: str
    licence: str
    date: str | None
    added: str
    rows: int
    places: int
    names: int


@dataclass(frozen=True, slots=True)
class CodedRecord:
    """A record and the GeoNames admin codes its admin names are to be read from."""

    record: Record
    admin1_code: str = ""
    admin2_code: str = ""


def added_path(cache_dir: Path) -> Path:
    return Path(cache_dir) / ADDED_FILE


def open_for_writing(path: Path) -> sqlite3.Connection:
    """The added file, created with its schema when missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    connection.executescript(SCHEMA)
    stored = connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    if stored is None:
        connection.execute("INSERT INTO meta VALUES ('version', ?)", (ADDED_VERSION,))
    elif stored[0] != ADDED_VERSION:
        connection.close()
        raise ConfigError(f"added places {path} were written by another version: delete it")
    connection.commit()
    return connection


def check_version(connection: sqlite3.Connection, *, schema: str, path: Path) -> None:
    """Refuse an added file written by another version (read through ``schema``, "added")."""
    row = connection.execute(f"SELECT value FROM {schema}.meta WHERE key = 'version'").fetchone()
    if row is None or row[0] != ADDED_VERSION:
        raise ConfigError(f"added places {path} were written by another version: delete it")


def known_source(connection: sqlite3.Connection, sha256: str) -> Source | None:
    row = connection.execute("SELECT * FROM sources WHERE sha256 = ?", (sha256,)).fetchone()
    return Source(*row) if row is not None else None


def sources(path: Path) -> list[Source]:
    """The files loaded into the added file at ``path``, oldest first ([] when there is none)."""
    if not path.exists():
        return []
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT * FROM sources ORDER BY added, name").fetchall()
    finally:
        connection.close()
    return [Source(*row) for row in rows]


def record_source(connection: sqlite3.Connection, source: Source) -> None:
    connection.execute(
        "INSERT OR REPLACE INTO sources VALUES (?,?,?,?,?,?,?,?,?)",
        (
            source.sha256,
            source.name,
            source.kind,
            source.licence,
            source.date,
            source.added,
            source.rows,
            source.places,
            source.names,
        ),
    )


class Writer:
    """Batched writes of places, names and admin codes into the added file (INSERT OR REPLACE
    for places, OR IGNORE for names: writing the same record twice leaves one copy)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._places: list[tuple[object, ...]] = []
        self._names: list[tuple[str, str, str, int, int]] = []
        self.places = 0
        self.names = 0
        # Names recur (a town's name, ASCII name and alternates; towns named alike).
        self._keys: dict[str, tuple[str, str, str]] = {}

    def place(self, coded: CodedRecord) -> None:
        entry = coded.record.entry
        self._places.append(
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
                coded.admin1_code or None,
                coded.admin2_code or None,
            )
        )
        self.places += 1
        self.add_names(entry.id, coded.record.names)

    def add_names(self, place_id: int, names: Iterable[tuple[str, int]]) -> None:
        seen: dict[str, tuple[str, str, int]] = {}
        for name, name_kind in names:
            found = self._keys.get(name)
            if found is None:
                if len(self._keys) >= KEY_CACHE:
                    self._keys.clear()
                found = self._keys[name] = keys(name)
            folded, light_key, skeleton_key = found
            if usable_key(folded) and (folded not in seen or name_kind < seen[folded][2]):
                seen[folded] = (skeleton_key, light_key, name_kind)
        self._names += [(s, lk, f, place_id, nk) for f, (s, lk, nk) in seen.items()]
        if len(self._names) >= BATCH or len(self._places) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self._places:
            self.connection.executemany(
                "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", self._places
            )
            self._places = []
        if self._names:
            self._names.sort()
            before = self.connection.total_changes
            self.connection.executemany(
                "INSERT OR IGNORE INTO names VALUES (?,?,?,?,?)", self._names
            )
            self.names += self.connection.total_changes - before  # new names only
            self._names = []


def write_admin_codes(
    connection: sqlite3.Connection, rows: Sequence[tuple[str, str, int | None]]
) -> None:
    """(code, name, geonameid) rows; a code already named keeps its name."""
    connection.executemany("INSERT OR IGNORE INTO admin VALUES (?, ?, ?)", rows)


def fill_admin_names(connection: sqlite3.Connection) -> None:
    """Give every place written with admin codes the names of its areas, where known."""
    connection.execute(
        "UPDATE places SET admin1 = (SELECT a.name FROM admin a WHERE a.code = places.cc || '.'"
        " || places.a1) WHERE a1 IS NOT NULL AND EXISTS (SELECT 1 FROM admin a"
        " WHERE a.code = places.cc || '.' || places.a1)"
    )
    connection.execute(
        "UPDATE places SET admin2 = (SELECT a.name FROM admin a WHERE a.code = places.cc || '.'"
        " || places.a1 || '.' || places.a2) WHERE a2 IS NOT NULL AND EXISTS (SELECT 1 FROM admin"
        " a WHERE a.code = places.cc || '.' || places.a1 || '.' || places.a2)"
    )


def count_countries(connection: sqlite3.Connection) -> None:
    """Recount the added towns of each country (after a load)."""
    connection.execute("DELETE FROM countries")
    connection.execute(
        "INSERT INTO countries SELECT cc, count(*) FROM places"
        " WHERE cc IS NOT NULL AND kind = 'city' GROUP BY cc"
    )


def index_spellings(connection: sqlite3.Connection) -> None:
    """Rewrite the names of added towns and areas by country and skeleton (after a load)."""
    connection.execute("DELETE FROM spell")
    connection.execute(FILL_SPELLINGS.format(schema=""))


def has_spellings(connection: sqlite3.Connection, *, schema: str) -> bool:
    """Whether the added file has its spellings table (files written before it had none)."""
    row = connection.execute(
        f"SELECT 1 FROM {schema}.sqlite_master WHERE type = 'table' AND name = 'spell'"
    ).fetchone()
    return row is not None


def watched_countries(connection: sqlite3.Connection, *, schema: str) -> frozenset[str]:
    """Countries with at least ``WATCHED_PLACES`` added towns."""
    rows = connection.execute(
        f"SELECT cc FROM {schema}.countries WHERE places >= ?", (WATCHED_PLACES,)
    )
    return frozenset(str(row[0]) for row in rows)
