"""UCDP GED event CSVs (the global file or any subset) as settlements for the gazetteer.

Each event placed exactly or within 25 km (``where_prec`` 1-2) names its settlement in
``where_coordinates`` ("Orlivka village"); events of one name and country within
``SAME_PLACE_KM`` of each other are one place, at their mean point, in the admin areas most of
them give (``adm_1``, ``adm_2``). Only the running sums of each place are kept while reading.
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from frontlines.geo.geometry import distance_km
from frontlines.geo.supplement import SupplementPlace, ucdp_place_name

PRECISE = frozenset({1, 2})
SAME_PLACE_KM = 5.0
REQUIRED = frozenset({"where_coordinates", "where_prec", "latitude", "longitude", "country"})
UCDP_ID_BASE = 10_000_000_000
_ID_SPAN = 10**14


def is_ucdp_header(line: str) -> bool:
    header = {column.strip().strip('"').lower() for column in next(csv.reader([line]), [])}
    return header >= REQUIRED


@dataclass
class _Cluster:
    count: int = 0
    lat: float = 0.0
    lon: float = 0.0
    adm_1: Counter[str] = field(default_factory=Counter)
    adm_2: Counter[str] = field(default_factory=Counter)

    def point(self) -> tuple[float, float]:
        return self.lat / self.count, self.lon / self.count

    def add(self, lat: float, lon: float, adm_1: str, adm_2: str) -> None:
        self.count += 1
        self.lat += lat
        self.lon += lon
        self.adm_1[adm_1] += 1
        self.adm_2[adm_2] += 1


@dataclass
class UcdpRead:
    """What a GED file gave: its places, the rows read and the latest event date."""

    places: list[SupplementPlace]
    rows: int
    date: str | None


def read_ucdp(lines: Iterable[str], *, country_code: Callable[[str], str | None]) -> UcdpRead:
    """Places from GED rows (``lines`` is the CSV, header first); ``country_code`` maps UCDP's
    country name ("Syria") to an ISO code (None: the row is left out)."""
    rows = 0
    latest: str | None = None
    groups: dict[tuple[str, str], list[_Cluster]] = {}
    for row in csv.DictReader(_without_bom(lines)):
        rows += 1
        date = (row.get("date_end") or row.get("date_start") or "")[:10]
        if date and (latest is None or date > latest):
            latest = date
        if _precision(row.get("where_prec")) not in PRECISE:
            continue
        adm_1, adm_2 = row.get("adm_1") or "", row.get("adm_2") or ""
        name = ucdp_place_name(row.get("where_coordinates") or "", adm_1=adm_1, adm_2=adm_2)
        code = country_code(row.get("country") or "")
        point = _point(row)
        if name is None or code is None or point is None:
            continue
        clusters = groups.setdefault((name, code), [])
        near = next((c for c in clusters if distance_km(*point, *c.point()) <= SAME_PLACE_KM), None)
        if near is None:
            near = _Cluster()
            clusters.append(near)
        near.add(*point, adm_1, adm_2)
    places = [
        SupplementPlace(
            name,
            round(cluster.point()[0], 5),
            round(cluster.point()[1], 5),
            code,
            cluster.adm_1.most_common(1)[0][0],
            cluster.adm_2.most_common(1)[0][0],
        )
        for (name, code), clusters in sorted(groups.items())
        for cluster in clusters
    ]
    return UcdpRead(places=places, rows=rows, date=latest)


def ucdp_id(place: SupplementPlace) -> int:
    """A stable negative id for a place added from UCDP (the same place, the same id)."""
    key = f"{place.country_code}|{place.name}|{place.latitude:.3f}|{place.longitude:.3f}"
    digest = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:16], 16)
    return -(UCDP_ID_BASE + digest % _ID_SPAN)


def _precision(value: str | None) -> int | None:
    """UCDP's where_prec, written "1" or "1.0" depending on the copy."""
    try:
        return int(float(value or ""))
    except ValueError:
        return None


def _point(row: dict[str, str]) -> tuple[float, float] | None:
    try:
        return float(row["latitude"]), float(row["longitude"])
    except (KeyError, TypeError, ValueError):
        return None


def _without_bom(lines: Iterable[str]) -> Iterator[str]:
    for index, line in enumerate(lines):
        yield line.lstrip("\ufeff") if index == 0 else line
