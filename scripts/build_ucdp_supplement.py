"""Write src/frontlines/geo/data/ucdp_places.csv: the settlements UCDP GED names, with points.

cities500 holds only places of 500 people or more, so many front-line villages are missing from
the gazetteer. UCDP GED codes each event's place in ``where_coordinates`` ("Orlivka village") with
its point and admin areas; this keeps the events placed exactly or within 25 km (where_prec 1-2),
parses the settlement's name (see ``frontlines.geo.supplement.ucdp_place_name``) and writes one row
per place: rows of one name within 5 km of each other are one place, at their mean point.

Input is the UCDP GED CSV (UTF-8) under ../shared/data (evaluation data, not shipped); only the
derived names, points and admin names are written, with UCDP's attribution (CC BY 4.0).

    .venv/bin/python scripts/build_ucdp_supplement.py [--data PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import pycountry

from frontlines.geo.geometry import distance_km
from frontlines.geo.supplement import SUPPLEMENT_COLUMNS, ucdp_place_name

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/data/ucdp_ged_ukraine/UCDP-Ukraine_GED_2014-2023.utf8.csv"
OUT = ROOT / "src/frontlines/geo/data/ucdp_places.csv"
PRECISE = frozenset({"1", "2"})
SAME_PLACE_KM = 5.0
HEADER = """\
# Settlements from the UCDP Georeferenced Event Dataset (GED), Ukraine events 2014-2023,
# placed exactly or within 25 km (where_prec 1-2): name parsed from where_coordinates, mean point
# of its events, UCDP's country, adm_1 and adm_2.
# Source: UCDP GED (Uppsala Conflict Data Program, https://ucdp.uu.se/), licensed CC BY 4.0.
# Sundberg, Ralph and Erik Melander (2013). Introducing the UCDP Georeferenced Event Dataset.
# Journal of Peace Research 50(4). Davies, Shawn, Therese Pettersson and Magnus Oberg (2022).
# Organized violence 1989-2021 and drone warfare. Journal of Peace Research 59(4).
# Copy read: peacerep/ukraine-map data/UCDP-Ukraine.csv (commit b858735e).
# Built by scripts/build_ucdp_supplement.py; do not edit by hand.
"""


def country_code(name: str) -> str | None:
    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return None


def places(rows: Sequence[dict[str, str]]) -> list[tuple[str, float, float, str, str, str]]:
    """One row per place: events of one name and country within ``SAME_PLACE_KM`` are one."""
    groups: dict[tuple[str, str], list[list[dict[str, str]]]] = defaultdict(list)
    for row in rows:
        if row["where_prec"] not in PRECISE:
            continue
        name = ucdp_place_name(row["where_coordinates"], adm_1=row["adm_1"], adm_2=row["adm_2"])
        code = country_code(row["country"])
        if name is None or code is None:
            continue
        clusters = groups[(name, code)]
        lat, lon = float(row["latitude"]), float(row["longitude"])
        near = [c for c in clusters if distance_km(lat, lon, *_point(c)) <= SAME_PLACE_KM]
        if near:
            near[0].append(row)
        else:
            clusters.append([row])
    found = []
    for (name, code), clusters in groups.items():
        for cluster in clusters:
            lat, lon = _point(cluster)
            adm_1 = Counter(row["adm_1"] for row in cluster).most_common(1)[0][0]
            adm_2 = Counter(row["adm_2"] for row in cluster).most_common(1)[0][0]
            found.append((name, round(lat, 5), round(lon, 5), code, adm_1, adm_2))
    return sorted(found)


def _point(cluster: list[dict[str, str]]) -> tuple[float, float]:
    return (
        statistics.fmean(float(row["latitude"]) for row in cluster),
        statistics.fmean(float(row["longitude"]) for row in cluster),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with args.data.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = places(rows)
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER)
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(SUPPLEMENT_COLUMNS)
        writer.writerows(found)
    sys.stderr.write(f"{len(found)} places from {len(rows)} events → {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
