"""Write src/frontlines/geo/data/geonames_villages.csv: the villages of GeoNames country dumps.

cities500 holds only places of 500 people or more; in Burkina Faso that is about one place name in
eight of those conflict reports name. This keeps a dump's populated places, camps and localities
(as ``frontlines gazetteer add`` reads them, ``frontlines.geo.geonames.dump_rows``) of under 500
people, with their admin names from GeoNames' admin code tables and their usable alternate names.

Input is the GeoNames dumps and code tables under ../shared/data/geonames (GeoNames, CC BY 4.0);
only the derived names, points, populations and admin names are written, with the attribution.

    .venv/bin/python scripts/build_geonames_villages.py [--data PATH] [--countries BF] [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

from frontlines.geo.geonames import admin_rows, dump_rows
from frontlines.geo.installed_sources import country_names, usable_name
from frontlines.geo.names import fold
from frontlines.geo.villages import ALIAS_SEPARATOR, VILLAGE_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/data/geonames"
OUT = ROOT / "src/frontlines/geo/data/geonames_villages.csv"
COUNTRIES = ("BF",)
FLOOR = 500  # cities500 holds the rest
HEADER = """\
# Villages of GeoNames country dumps ({countries}): populated places (save historical and
# abandoned ones), camps and localities of under 500 people, with GeoNames' admin1/admin2 names
# and usable alternate names ("|"-separated).
# Source: GeoNames (https://www.geonames.org/), licensed CC BY 4.0; country dumps of {dates}.
# Built by scripts/build_geonames_villages.py; do not edit by hand.
"""


def admin_names(folder: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    for table in ("admin1CodesASCII.txt", "admin2Codes.txt"):
        with (folder / table).open(encoding="utf-8") as handle:
            for row in admin_rows(handle):
                if row is not None:
                    names[row[0]] = row[1]
    return names


def villages(path: Path, *, areas: dict[str, str]) -> tuple[list[list[object]], str]:
    countries = country_names()
    rows: list[list[object]] = []
    latest = ""
    with path.open(encoding="utf-8") as handle:
        for found in dump_rows(handle, countries=countries):
            if found is None or found.coded.record.entry.kind != "city":
                continue
            latest = max(latest, found.modified.strip())
            entry = found.coded.record.entry
            if entry.population >= FLOOR:
                continue
            code = entry.country_code or ""
            admin1 = areas.get(f"{code}.{found.coded.admin1_code}", "")
            admin2 = areas.get(f"{code}.{found.coded.admin1_code}.{found.coded.admin2_code}", "")
            seen = {fold(entry.name)}
            aliases = []
            for name, _ in found.coded.record.names:
                if usable_name(name) and fold(name) not in seen and ALIAS_SEPARATOR not in name:
                    seen.add(fold(name))
                    aliases.append(name)
            rows.append(
                [
                    entry.id,
                    entry.name,
                    round(entry.latitude, 5),
                    round(entry.longitude, 5),
                    code,
                    admin1,
                    admin2,
                    entry.population,
                    ALIAS_SEPARATOR.join(aliases),
                ]
            )
    return rows, latest


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--countries", nargs="+", default=list(COUNTRIES))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    areas = admin_names(args.data)
    rows: list[list[object]] = []
    dates = []
    for code in args.countries:
        found, latest = villages(args.data / f"{code}.txt", areas=areas)
        rows += found
        dates.append(f"{code} {latest}")
    rows.sort(key=lambda row: (str(row[4]), int(str(row[0]))))
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER.format(countries=", ".join(args.countries), dates=", ".join(dates)))
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(VILLAGE_COLUMNS)
        writer.writerows(rows)
    sys.stderr.write(f"{len(rows)} villages → {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
