"""GeoNames dump files as gazetteer records, one line at a time.

- a country file (``XX.txt``/``XX.zip``), ``allCountries``, ``cities500`` and the like: 19
  tab-separated columns (geonameid, name, asciiname, alternatenames, latitude, longitude, feature
  class, feature code, country code, cc2, admin1..admin4 codes, population, elevation, dem,
  timezone, modification date). Populated places become towns, ADM1/ADM2 rows admin areas;
  streams, hills and the rest are left out (a village is far likelier meant than a stream);
- ``alternateNamesV2``: more names for places already in the gazetteer;
- ``admin1CodesASCII.txt`` and ``admin2Codes.txt``: the names of the admin codes the dumps use.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from frontlines.geo.added import CodedRecord
from frontlines.geo.entry import NAME_ALTERNATE, NAME_MAIN, Entry
from frontlines.geo.installed_sources import Record, strip_designator, usable_name
from frontlines.geo.names import plain

DUMP_COLUMNS = 19
ALTERNATE_COLUMNS = (8, 10)  # alternateNames (8 columns) and alternateNamesV2 (10)
ADMIN_COLUMNS = 4
# Populated places, save historical and abandoned ones; camps and localities, which in the Sahel
# are the hamlets conflict reports name.
TOWN_CODES_LEFT_OUT = frozenset({"PPLH", "PPLQ", "PPLCH"})
EXTRA_TOWN_CODES = frozenset({("S", "CMP"), ("L", "LCTY")})
AREA_KINDS = {"ADM1": "admin1", "ADM2": "admin2"}
# alternateNames "languages" that are codes or links, not names.
NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "abbr", "unlc", "tcid"})
_ARTICLE = ("la ", "le ", "les ", "l'", "l’")


@dataclass(frozen=True, slots=True)
class DumpRow:
    """A dump line as a record to write, with the data's modification date."""

    coded: CodedRecord
    modified: str


def is_dump_line(line: str) -> bool:
    parts = line.split("\t")
    return len(parts) == DUMP_COLUMNS and parts[0].isdigit()


def is_admin_line(line: str) -> bool:
    parts = line.split("\t")
    return len(parts) == ADMIN_COLUMNS and "." in parts[0] and parts[3].strip().isdigit()


def is_alternate_line(line: str) -> bool:
    parts = line.split("\t")
    return len(parts) in ALTERNATE_COLUMNS and parts[0].isdigit() and parts[1].isdigit()


def area_name(name: str) -> str:
    """ "Province du Yatenga" → "Yatenga", "Cascades Region" → "Cascades"."""
    stripped = strip_designator(plain(name))
    lowered = stripped.casefold()
    for article in _ARTICLE:
        if lowered.startswith(article) and len(stripped) > len(article) + 2:
            stripped = stripped[len(article) :].strip()
            break
    return stripped


def dump_rows(lines: Iterable[str], *, countries: dict[str, str]) -> Iterator[DumpRow | None]:
    """One item per line: a record for a town or admin area, None for a line left out."""
    for line in lines:
        parts = line.split("\t")
        if len(parts) != DUMP_COLUMNS or not parts[0].isdigit():
            yield None
            continue
        feature_class, feature_code = parts[6], parts[7]
        town = feature_class == "P" and feature_code not in TOWN_CODES_LEFT_OUT
        if town or (feature_class, feature_code) in EXTRA_TOWN_CODES:
            kind = "city"
        elif feature_class == "A" and feature_code in AREA_KINDS:
            kind = AREA_KINDS[feature_code]
        else:
            yield None
            continue
        yield DumpRow(_record(parts, kind=kind, countries=countries), parts[18])


def _record(parts: list[str], *, kind: str, countries: dict[str, str]) -> CodedRecord:
    name, ascii_name, code = parts[1], parts[2], parts[8]
    shown = area_name(name) if kind != "city" else plain(name)
    entry = Entry(
        id=int(parts[0]),
        name=shown,
        kind=kind,  # type: ignore[arg-type]
        country_code=code or None,
        country=countries.get(code),
        admin1=shown if kind == "admin1" else None,
        admin2=shown if kind == "admin2" else None,
        latitude=float(parts[4]),
        longitude=float(parts[5]),
        population=int(parts[14] or 0),
    )
    names = [(name, NAME_MAIN), (shown, NAME_MAIN)]
    if ascii_name:
        names.append((ascii_name, NAME_MAIN))
    if kind != "city":
        names += [(area_name(ascii_name or name), NAME_ALTERNATE)]
    names += [(alt, NAME_ALTERNATE) for alt in parts[3].split(",") if usable_name(alt)]
    return CodedRecord(
        Record(entry, names),
        admin1_code=parts[10],
        admin2_code=parts[11] if kind != "admin1" else "",
    )


def area_codes(row: DumpRow) -> tuple[str, str, int] | None:
    """(code, name, geonameid) of an ADM1/ADM2 row, for the admin table."""
    entry = row.coded.record.entry
    if entry.kind == "admin1":
        return f"{entry.country_code}.{_code_of(row, 1)}", entry.name, entry.id
    if entry.kind == "admin2":
        return (f"{entry.country_code}.{_code_of(row, 1)}.{_code_of(row, 2)}", entry.name, entry.id)
    return None


def _code_of(row: DumpRow, level: int) -> str:
    return row.coded.admin1_code if level == 1 else row.coded.admin2_code


def admin_rows(lines: Iterable[str]) -> Iterator[tuple[str, str, int | None] | None]:
    """(code, name, geonameid) per line of an admin code table; None for a line left out."""
    for line in lines:
        parts = line.split("\t")
        if len(parts) != ADMIN_COLUMNS or "." not in parts[0]:
            yield None
            continue
        geonameid = int(parts[3]) if parts[3].strip().isdigit() else None
        yield parts[0], area_name(parts[2] or parts[1]), geonameid


def alternate_rows(lines: Iterable[str]) -> Iterator[tuple[int, str] | None]:
    """(geonameid, name) per usable line of alternateNames; None for a line left out (codes,
    links, historic names, scripts the gazetteer does not index)."""
    for line in lines:
        parts = line.split("\t")
        if len(parts) not in ALTERNATE_COLUMNS or not parts[1].isdigit():
            yield None
            continue
        historic = len(parts) > 7 and parts[7] == "1"
        if parts[2] in NOT_NAMES or historic or not usable_name(parts[3]):
            yield None
            continue
        yield int(parts[1]), parts[3]
