"""``gazetteer add``: load a GeoNames or UCDP GED file into the added places, in one
transaction (an interrupted load leaves nothing half-written), and record it as a source.

The kind of file is read from its first line: a GeoNames dump (19 tab-separated columns), an
admin code table, alternateNames, or a UCDP GED CSV (a header with ``where_coordinates``).
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from frontlines.errors import InputError
from frontlines.geo.added import (
    BATCH,
    CodedRecord,
    Source,
    Writer,
    added_path,
    count_countries,
    fill_admin_names,
    index_spellings,
    known_source,
    open_for_writing,
    record_source,
    write_admin_codes,
)
from frontlines.geo.build import build, cache_path
from frontlines.geo.entry import NAME_ALTERNATE, Entry
from frontlines.geo.geonames import (
    admin_rows,
    alternate_rows,
    area_codes,
    dump_rows,
    is_admin_line,
    is_alternate_line,
    is_dump_line,
)
from frontlines.geo.installed_sources import CityRow, Record
from frontlines.geo.names import fold
from frontlines.geo.neighbours import fill_from_neighbours
from frontlines.geo.stream import Progress, lines, member_name, sha256_of
from frontlines.geo.supplement import SupplementPlace, supplement_records
from frontlines.geo.ucdp import is_ucdp_header, read_ucdp, ucdp_id

GEONAMES_LICENCE = "GeoNames (https://www.geonames.org/), CC BY 4.0"
UCDP_LICENCE = (
    "UCDP GED (Uppsala Conflict Data Program, https://ucdp.uu.se/), CC BY 4.0; Sundberg and "
    "Melander (2013), Journal of Peace Research 50(4)"
)
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_COLUMNS = "id, name, kind, cc, admin1, admin2, lat, lon, population, capital_of, stands_for"


@dataclass(frozen=True, slots=True)
class Added:
    """The source as recorded, and whether this call loaded it (False: it was already there)."""

    source: Source
    loaded: bool


def add_file(
    path: Path,
    *,
    cache_dir: Path,
    name: str | None = None,
    date: str | None = None,
    sha256: str | None = None,
    progress: Progress | None = None,
) -> Added:
    """Load ``path`` into the added places under ``cache_dir`` (``name`` and ``date`` as
    recorded: the URL it came from, the server's date). ``sha256``, when given, must match."""
    base = cache_path(Path(cache_dir))
    if not base.exists():
        build(base)
    digest = sha256_of(path)
    if sha256 and digest != sha256.lower():
        raise InputError(f"{path}: SHA-256 is {digest}, not the {sha256} given")
    connection = open_for_writing(added_path(Path(cache_dir)))
    try:
        known = known_source(connection, digest)
        if known is not None:
            return Added(known, loaded=False)
        connection.execute("ATTACH DATABASE ? AS base", (f"file:{base}?mode=ro",))
        kind = _kind(path)
        writer = Writer(connection)
        read = lines(path, progress=progress)
        if kind == "geonames":
            rows, latest = _load_dump(connection, writer, read)
        elif kind == "admin codes":
            rows, latest = _load_admin(connection, read), None
        elif kind == "alternate names":
            rows, latest = _load_alternates(connection, writer, read), None
        else:
            rows, latest = _load_ucdp(connection, writer, read)
        writer.flush()
        fill_admin_names(connection)
        fill_from_neighbours(connection, tables=("main", "base"))
        count_countries(connection)
        index_spellings(connection)
        source = Source(
            sha256=digest,
            name=name or path.name,
            kind=kind,
            licence=UCDP_LICENCE if kind == "ucdp ged" else GEONAMES_LICENCE,
            date=date or latest,
            added=datetime.now(UTC).isoformat(timespec="seconds"),
            rows=rows,
            places=writer.places,
            names=writer.names,
        )
        record_source(connection, source)
        connection.commit()
        connection.execute("DETACH DATABASE base")
    except BaseException:
        connection.rollback()
        raise
    finally:
        connection.close()
    return Added(source, loaded=True)


def _kind(path: Path) -> str:
    member = member_name(path)
    read = lines(path)
    first = next((line for line in read if line.strip()), "").lstrip("\ufeff")
    read.close()
    if member.lower().startswith("alternatenames") or is_alternate_line(first):
        return "alternate names"
    if is_admin_line(first):
        return "admin codes"
    if is_dump_line(first):
        return "geonames"
    if is_ucdp_header(first):
        return "ucdp ged"
    raise InputError(
        f"{path}: neither a GeoNames dump, admin code table or alternateNames file, nor a UCDP GED"
        " CSV (a header with where_coordinates, where_prec, latitude, longitude, country)"
    )


def _countries(connection: sqlite3.Connection) -> dict[str, str]:
    rows = connection.execute("SELECT cc, name FROM base.places WHERE kind = 'country'")
    return {str(code): str(name) for code, name in rows}


def _base_name(connection: sqlite3.Connection, geonameid: int | None) -> str | None:
    """The built gazetteer's name of an area (so that added places name it the same way)."""
    if geonameid is None:
        return None
    row = connection.execute(
        "SELECT name FROM base.places WHERE id = ? AND kind IN ('admin1', 'admin2')", (geonameid,)
    ).fetchone()
    return str(row[0]) if row is not None else None


def _load_dump(
    connection: sqlite3.Connection, writer: Writer, read: Iterable[str]
) -> tuple[int, str | None]:
    countries = _countries(connection)
    rows = 0
    latest: str | None = None
    areas: list[tuple[str, str, int | None]] = []
    for item in dump_rows(read, countries=countries):
        rows += 1
        if item is None:
            continue
        writer.place(item.coded)
        if item.modified and (latest is None or item.modified > latest):
            latest = item.modified
        codes = area_codes(item)
        if codes is not None:
            code, area, geonameid = codes
            areas.append((code, _base_name(connection, geonameid) or area, geonameid))
    write_admin_codes(connection, areas)
    return rows, latest


def _load_admin(connection: sqlite3.Connection, read: Iterable[str]) -> int:
    rows = 0
    areas: list[tuple[str, str, int | None]] = []
    for item in admin_rows(read):
        rows += 1
        if item is not None:
            code, area, geonameid = item
            areas.append((code, _base_name(connection, geonameid) or area, geonameid))
    # The table names every code; a dump's own ADM rows came first only where loaded before.
    connection.executemany("INSERT OR REPLACE INTO admin VALUES (?, ?, ?)", areas)
    return rows


def _load_alternates(connection: sqlite3.Connection, writer: Writer, read: Iterable[str]) -> int:
    rows = 0
    batch: list[tuple[int, str]] = []
    for item in alternate_rows(read):
        rows += 1
        if item is not None:
            batch.append(item)
        if len(batch) >= BATCH:
            _write_alternates(connection, writer, batch)
            batch = []
    _write_alternates(connection, writer, batch)
    return rows


def _write_alternates(
    connection: sqlite3.Connection, writer: Writer, batch: list[tuple[int, str]]
) -> None:
    """Names of places the gazetteer holds (built or added); the rest are left out."""
    ids = sorted({place_id for place_id, _ in batch})
    known: set[int] = set()
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        marks = ",".join("?" * len(part))
        for table in ("base.places", "main.places"):
            known.update(
                row[0]
                for row in connection.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", part)
            )
    for place_id, name in batch:
        if place_id in known:
            writer.add_names(place_id, [(name, NAME_ALTERNATE)])


def _load_ucdp(
    connection: sqlite3.Connection, writer: Writer, read: Iterable[str]
) -> tuple[int, str | None]:
    countries = _countries(connection)
    codes = _country_codes(connection)

    def country_code(name: str) -> str | None:
        for form in (name, _PARENTHESIS.sub("", name), name[name.find("(") + 1 : name.find(")")]):
            code = codes.get(fold(form))
            if code:
                return code
        return None

    found = read_ucdp(read, country_code=country_code)
    by_country: dict[str, list[SupplementPlace]] = defaultdict(list)
    for place in found.places:
        by_country[place.country_code].append(place)
    for code, places in sorted(by_country.items()):
        towns = _towns(connection, code)
        before = {id(row): len(row.record.names) for row in towns}
        for record in supplement_records(
            places, cities=towns, countries=countries, entry_id=lambda _, p: ucdp_id(p)
        ):
            writer.place(CodedRecord(record))
        for row in towns:
            if len(row.record.names) > before[id(row)]:
                writer.add_names(row.record.entry.id, row.record.names[before[id(row)] :])
    return found.rows, found.date


def _country_codes(connection: sqlite3.Connection) -> dict[str, str]:
    rows = connection.execute(
        "SELECT n.fold, p.cc FROM base.names n JOIN base.places p ON p.id = n.id"
        " WHERE p.kind = 'country'"
    )
    return {str(name): str(code) for name, code in rows}


def _towns(connection: sqlite3.Connection, code: str) -> list[CityRow]:
    """The towns of a country the gazetteer holds (built and added), with their names."""
    rows: dict[int, CityRow] = {}
    tables = ("main", "base")  # the built entry wins where both hold a place
    for table in tables:
        for row in connection.execute(
            f"SELECT {_COLUMNS} FROM {table}.places WHERE cc = ? AND kind = 'city'", (code,)
        ):
            entry = Entry(
                id=row[0],
                name=row[1],
                kind="city",
                country_code=row[3],
                country=None,
                admin1=row[4],
                admin2=row[5],
                latitude=row[6],
                longitude=row[7],
                population=row[8],
            )
            rows[entry.id] = CityRow(Record(entry, []), None, None)
    for table in tables:
        for name, place_id in connection.execute(
            f"SELECT n.fold, n.id FROM {table}.names n JOIN {table}.places p ON p.id = n.id"
            " WHERE p.cc = ? AND p.kind = 'city'",
            (code,),
        ):
            if place_id in rows:
                rows[place_id].record.names.append((name, NAME_ALTERNATE))
    return list(rows.values())
