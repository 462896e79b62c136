"""Villages from GeoNames country dumps that cities500 lacks, shipped for the countries where
conflict reports name them most (Burkina Faso: cities500 holds about one ACLED place name in eight).

``scripts/build_geonames_villages.py`` keeps a dump's populated places, camps and localities of
under 500 people (as ``gazetteer add`` reads them) with their admin names from GeoNames' code
tables, into ``data/geonames_villages.csv`` (CC BY 4.0, attributed there). Each keeps its GeoNames
id, so a user who adds the same dump lends it names without making a second place.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from frontlines.geo.entry import NAME_ALTERNATE, NAME_MAIN, Entry
from frontlines.geo.installed_sources import VILLAGES_FILE, Record, data_text, usable_name

VILLAGE_COLUMNS = (
    "geonameid",
    "name",
    "latitude",
    "longitude",
    "country_code",
    "adm_1",
    "adm_2",
    "population",
    "aliases",
)
ALIAS_SEPARATOR = "|"


@dataclass(frozen=True, slots=True)
class Village:
    """A row of the derived GeoNames file."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    country_code: str
    adm_1: str
    adm_2: str
    population: int
    aliases: tuple[str, ...] = ()


def parse_villages(text: str) -> list[Village]:
    """The rows of a villages file (CSV after "#" comment lines, with a header row)."""
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return [
        Village(
            int(row["geonameid"]),
            row["name"],
            float(row["latitude"]),
            float(row["longitude"]),
            row["country_code"],
            row["adm_1"],
            row["adm_2"],
            int(row["population"] or 0),
            tuple(alias for alias in row["aliases"].split(ALIAS_SEPARATOR) if alias),
        )
        for row in csv.DictReader(lines)
    ]


def read_villages() -> list[Village]:
    """The shipped villages."""
    return parse_villages(data_text(VILLAGES_FILE))


def village_records(
    villages: Sequence[Village], *, known: set[int], countries: dict[str, str]
) -> Iterator[Record]:
    """A record per village whose GeoNames id is not ``known`` already (cities500's)."""
    for village in villages:
        if village.geonameid in known:
            continue
        entry = Entry(
            id=village.geonameid,
            name=village.name,
            kind="city",
            country_code=village.country_code,
            country=countries.get(village.country_code),
            admin1=village.adm_1 or None,
            admin2=village.adm_2 or None,
            latitude=village.latitude,
            longitude=village.longitude,
            population=village.population,
        )
        names = [(village.name, NAME_MAIN)]
        names += [(alias, NAME_ALTERNATE) for alias in village.aliases if usable_name(alias)]
        yield Record(entry, names)
