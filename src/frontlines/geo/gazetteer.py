"""The gazetteer: place names to GeoNames entries, read from a SQLite cache built on first use.

>>> gazetteer = Gazetteer.open(cache_dir=settings.cache_dir)   # builds once, then < 1 s
>>> [c.entry.name for c in gazetteer.lookup("Tal Rifaat")]
['Tall Rif‘at']
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from frontlines.errors import ConfigError
from frontlines.geo.added import added_path, check_version, has_spellings, watched_countries
from frontlines.geo.build import build, build_info, cache_path
from frontlines.geo.entry import (
    MATCH_FOLD,
    MATCH_FUZZY,
    MATCH_LIGHT,
    MATCH_SKELETON,
    NAME_ALTERNATE,
    Candidate,
    Entry,
)
from frontlines.geo.installed_sources import data_text
from frontlines.geo.names import fold, keys

_COLUMNS = "p.id, p.name, p.kind, p.cc, p.admin1, p.admin2, p.lat, p.lon, p.population, "
_COLUMNS += "p.capital_of, p.stands_for"
# A skeleton this short matches too many unrelated names to be worth a candidate.
MIN_SKELETON = 3
FUZZY_CUTOFF = 88.0
CACHE_SIZE = 50_000
MMAP_BYTES = 256 * 1024 * 1024
# "Shan-North", "Bago-East": a part of an admin area, written as the area and a compass word.
_AREA_PART = re.compile(
    r"^(?!(?:north|south|east|west)\b)(.+?)\s*-\s*(?:north|south|east|west)$", re.IGNORECASE
)
_PARTED_KINDS = frozenset({"admin1", "admin2"})


class Gazetteer:
    """Read-only access to the cache; one instance is shared by every stage that needs it."""

    def __init__(
        self, connection: sqlite3.Connection, *, path: Path, added: Path | None = None
    ) -> None:
        self.path = path
        self.added = added
        self._db = connection
        self._tables = ("main", "added") if added is not None else ("main",)
        # Countries the user loaded villages of: their places are likelier meant.
        self.watched_countries: frozenset[str] = frozenset()
        # Tables whose towns' names by country are read from their spellings table (an added
        # file written before it had one is read through a join).
        self._spelled = {"main"}
        if added is not None:
            self.watched_countries = watched_countries(self._db, schema="added")
            if has_spellings(self._db, schema="added"):
                self._spelled.add("added")
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM places p WHERE p.kind = 'country'"
        ).fetchall()
        self.country_names: dict[str, str] = {row[3]: row[1] for row in rows}
        self.countries: dict[str, Entry] = {row[3]: self._entry(row) for row in rows}
        self.stopwords = frozenset(
            fold(line)
            for line in data_text("stoplist.txt").splitlines()
            if line.strip() and not line.startswith("#")
        )
        self._fuzzy_choices: dict[tuple[str, str, int, int], dict[str, list[int]]] = {}
        # Per-instance memory of recent answers: names recur across articles.
        self._lookups: dict[str, list[Candidate]] = {}
        self._known: dict[int, Entry] = {}

    @classmethod
    def open(cls, *, cache_dir: Path) -> Gazetteer:
        """Open the cache under ``cache_dir``, building it first if it is missing or stale, with
        the places added from the user's files (``gazetteer add``) where there are any."""
        path = cache_path(Path(cache_dir))
        if not path.exists():
            build(path)
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        connection.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        stored = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if stored != build_info():
            connection.close()
            raise ConfigError(f"gazetteer cache {path} does not match this build: delete it")
        added = added_path(Path(cache_dir))
        if not added.exists():
            return cls(connection, path=path)
        connection.execute("ATTACH DATABASE ? AS added", (f"file:{added}?mode=ro",))
        try:
            check_version(connection, schema="added", path=added)
        except ConfigError:
            connection.close()
            raise
        return cls(connection, path=path, added=added)

    def close(self) -> None:
        self._db.close()

    def lookup(self, name: str) -> list[Candidate]:
        """Entries one of whose names shares a key with ``name``, best match per entry; entries
        sharing only the consonant skeleton count only when nothing matches more closely. A
        name unknown as written that names a part of an admin area ("Shan-North", "Yangon-East")
        reads as that area."""
        if name not in self._lookups:
            if len(self._lookups) >= CACHE_SIZE:
                self._lookups.clear()
            found = self._lookup(name)
            part = _AREA_PART.match(name)
            if part and not any(c.match <= MATCH_LIGHT for c in found):
                found = [
                    c
                    for c in self._lookup(part.group(1))
                    if c.match <= MATCH_LIGHT and c.entry.kind in _PARTED_KINDS
                ] or found
            self._lookups[name] = found
        return self._lookups[name]

    def _lookup(self, name: str) -> list[Candidate]:
        folded, light_key, skeleton_key = keys(name)
        if not folded:
            return []
        query = " UNION ALL ".join(
            f"SELECT light, fold, nk, id FROM {table}.names WHERE skel = ?"
            for table in self._tables
        )
        rows = self._db.execute(query, (skeleton_key,) * len(self._tables)).fetchall()
        matches: dict[int, tuple[int, int]] = {}
        for light, name_fold, name_kind, place_id in rows:
            if name_fold == folded:
                match = MATCH_FOLD
            elif light == light_key:
                match = MATCH_LIGHT
            else:
                match = MATCH_SKELETON
            known = matches.get(place_id)
            if known is None or (match, name_kind) < known:
                matches[place_id] = (match, name_kind)
        if not matches:
            return []
        closest = min(match for match, _ in matches.values())
        if closest == MATCH_SKELETON and len(skeleton_key) < MIN_SKELETON:
            return []
        kept = {
            pid: found
            for pid, found in matches.items()
            if found[0] == closest or (closest < MATCH_SKELETON and found[0] < MATCH_SKELETON)
        }
        entries = self._entries(kept)
        return [Candidate(entries[pid], *kept[pid]) for pid in kept if pid in entries]

    def fuzzy(self, name: str, *, country_codes: Iterable[str], limit: int = 5) -> list[Candidate]:
        """Near spellings among the names of places in the given countries (a last resort)."""
        from rapidfuzz import fuzz, process

        _, light_key, skeleton_key = keys(name)
        if len(light_key) < 5:
            return []
        found: dict[int, Candidate] = {}
        for code in country_codes:
            choices = self._choices(code, skeleton_key[:2], len(light_key))
            for key, _, _ in process.extract(
                light_key, choices.keys(), scorer=fuzz.ratio, limit=limit, score_cutoff=FUZZY_CUTOFF
            ):
                for entry in self._entries(choices[key]).values():
                    found[entry.id] = Candidate(entry, MATCH_FUZZY, NAME_ALTERNATE)
        return list(found.values())

    def get(self, place_id: int) -> Entry | None:
        return self._entries([place_id]).get(place_id)

    def _entries(self, place_ids: Iterable[int]) -> dict[int, Entry]:
        found = {pid: self._known[pid] for pid in place_ids if pid in self._known}
        missing = [pid for pid in place_ids if pid not in found]
        for chunk in range(0, len(missing), 500):
            part = missing[chunk : chunk + 500]
            built = self._rows("main", part)
            added = self._rows("added", part) if self.added is not None else {}
            for pid in part:
                entry = _merged(built.get(pid), added.get(pid))
                if entry is not None:
                    found[pid] = self._known[pid] = entry
        if len(self._known) >= CACHE_SIZE:
            self._known.clear()
        return found

    def _rows(self, table: str, place_ids: list[int]) -> dict[int, Entry]:
        marks = ",".join("?" * len(place_ids))
        query = f"SELECT {_COLUMNS} FROM {table}.places p WHERE p.id IN ({marks})"
        return {row[0]: self._entry(row) for row in self._db.execute(query, place_ids)}

    def is_stopword(self, text: str) -> bool:
        return fold(text) in self.stopwords

    def _choices(self, code: str, initial: str, length: int) -> dict[str, list[int]]:
        """Light keys of the names of towns and areas in a country whose skeleton starts like
        the name's (transliterations rarely change the first two consonants), to their entries;
        only keys of a length that can reach ``FUZZY_CUTOFF`` against a key of ``length``
        characters (fuzz.ratio is 2 x common / total length)."""
        shortest = math.floor(length * FUZZY_CUTOFF / (200.0 - FUZZY_CUTOFF))
        longest = math.ceil(length * (200.0 - FUZZY_CUTOFF) / FUZZY_CUTOFF)
        wanted = (code, initial, shortest, longest)
        if wanted not in self._fuzzy_choices:
            choices: dict[str, list[int]] = {}
            query = " UNION ALL ".join(
                (
                    f"SELECT s.light, s.id FROM {table}.spell s WHERE s.cc = ?5"
                    " AND s.skel >= ?1 AND s.skel < ?2 AND length(s.light) BETWEEN ?3 AND ?4"
                )
                if table in self._spelled
                else (
                    f"SELECT n.light, n.id FROM {table}.names n JOIN {table}.places p"
                    " ON p.id = n.id WHERE n.skel >= ?1 AND n.skel < ?2"
                    " AND length(n.light) BETWEEN ?3 AND ?4 AND p.cc = ?5"
                    " AND p.kind IN ('city', 'admin1', 'admin2')"
                )
                for table in self._tables
            )
            bounds = (initial, initial + "\uffff", shortest, longest, code)
            for key, place_id in self._db.execute(query, bounds):
                choices.setdefault(key, []).append(place_id)
            self._fuzzy_choices[wanted] = choices
        return self._fuzzy_choices[wanted]

    def _entry(self, row: Any) -> Entry:
        code = row[3]
        return Entry(
            id=row[0],
            name=row[1],
            kind=row[2],
            country_code=code,
            country=self.country_names.get(code) if code else None,
            admin1=row[4],
            admin2=row[5],
            latitude=row[6],
            longitude=row[7],
            population=row[8],
            capital_of=row[9],
            stands_for=row[10],
        )


def _merged(built: Entry | None, added: Entry | None) -> Entry | None:
    """The built entry of a place, with the admin areas only an added file gives; else the
    added one."""
    if built is None or added is None:
        return built or added
    if (built.admin1 or not added.admin1) and (built.admin2 or not added.admin2):
        return built
    return replace(built, admin1=built.admin1 or added.admin1, admin2=built.admin2 or added.admin2)
