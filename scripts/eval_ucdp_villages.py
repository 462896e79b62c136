"""UCDP village coverage: the share of a UCDP GED file's settlement names that the geoparser
resolves within 25 km of UCDP's point, before and after ``gazetteer add`` of the file's other half.

Rows are split in two by a hash of their id: one half is loaded (as a user would load the file),
the held-out half is scored. Each distinct settlement (name, 0.1° cell) of the held-out half at
where_prec 1-2 is resolved in a sentence that names the country, "Fighting was reported in
<name>, <country>.", with the product's resolver; held: some gazetteer entry of that name lies
within 25 km (the ceiling); resolved: the one picked does.

    .venv/bin/python scripts/eval_ucdp_villages.py [--data PATH] [--cache DIR]

Input is evaluation data under ../shared/data (not shipped); nothing is written outside a
temporary folder.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from frontlines.geo.build import cache_path
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.geometry import distance_km
from frontlines.geo.geoparse import resolve_spans
from frontlines.geo.load import add_file
from frontlines.geo.supplement import ucdp_place_name
from frontlines.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/data/ucdp_ged_syria/UCDP-Syria_GED_2016-2019.csv"
NEAR_KM = 25.0
PRECISE = frozenset({"1", "1.0", "2", "2.0"})


def held_out(row: dict[str, str]) -> bool:
    return hashlib.sha256(row["id"].encode()).digest()[0] % 2 == 1


def places(rows: Sequence[dict[str, str]]) -> dict[tuple[str, str, int, int], tuple[float, float]]:
    """Distinct settlements (name, country, 0.1° cell) → UCDP's point."""
    found: dict[tuple[str, str, int, int], tuple[float, float]] = {}
    for row in rows:
        if row["where_prec"] not in PRECISE:
            continue
        name = ucdp_place_name(row["where_coordinates"], adm_1=row["adm_1"], adm_2=row["adm_2"])
        if name is None:
            continue
        lat, lon = float(row["latitude"]), float(row["longitude"])
        found.setdefault((name, row["country"], round(lat * 10), round(lon * 10)), (lat, lon))
    return found


def score(
    gazetteer: Gazetteer, settlements: dict[tuple[str, str, int, int], tuple[float, float]]
) -> tuple[float, float]:
    held = resolved = 0
    for (name, country, _, _), (lat, lon) in settlements.items():
        if any(
            distance_km(lat, lon, c.entry.latitude, c.entry.longitude) <= NEAR_KM
            for c in gazetteer.lookup(name)
        ):
            held += 1
        text = f"Fighting was reported in {name}, {country}."
        start = text.index(name)
        spans = [
            (start, start + len(name)),
            (text.index(country, start + len(name)), len(text) - 1),
        ]
        pick = resolve_spans(spans, text=text, gazetteer=gazetteer)[0]
        if pick.latitude is not None and pick.longitude is not None:
            resolved += distance_km(lat, lon, pick.latitude, pick.longitude) <= NEAR_KM
    n = len(settlements) or 1
    return held / n, resolved / n


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cache", type=Path, default=Settings.from_env().cache_dir)
    args = parser.parse_args(argv)
    with args.data.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    build = [row for row in rows if not held_out(row)]
    test = places([row for row in rows if held_out(row)])
    seen = {key[:2] for key in places(build)}
    unseen = sum(key[:2] not in seen for key in test) / (len(test) or 1)
    base = cache_path(args.cache)
    Gazetteer.open(cache_dir=args.cache).close()  # builds the cache once if missing
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder)
        shutil.copy(base, cache / base.name)
        before = score(Gazetteer.open(cache_dir=cache), test)
        half = cache / "build-half.csv"
        with half.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields)
            writer.writeheader()
            writer.writerows(build)
        added = add_file(half, cache_dir=cache).source
        after = score(Gazetteer.open(cache_dir=cache), test)
    sys.stdout.write(
        f"UCDP {args.data.name}: {len(rows)} rows; loaded half {len(build)} rows"
        f" ({added.places} places added); held-out half {len(test)} settlements"
        f" (where_prec 1-2), {unseen:.3f} of them named nowhere in the loaded half\n"
        f"held within {NEAR_KM:g} km (ceiling): before {before[0]:.3f}, after {after[0]:.3f}\n"
        f"resolved within {NEAR_KM:g} km: before {before[1]:.3f}, after {after[1]:.3f}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
