"""ACLED place figures on a dev set of notes outside the gate sample, to write place rules from.

The dev set: of the notes outside the acled-notes gate sample, those whose event id hashes even,
stratified by country to 400 (seed "places5-dev"), so the gate sample stays held out from the
notes anyone reads. Figures as ``frontlines bench --only acled-notes`` computes them (admin1,
admin2, admin1 of Burkina Faso, within 25 km at geo_precision 1), as installed or with the shared
GeoNames and UCDP files added to a temporary copy of the gazetteer; ``--errors FILE`` writes
each note's gold and predicted place as JSON for reading.

    .venv/bin/python scripts/eval_acled_dev_places.py [--data PATH] [--loaded] [--errors FILE]

Input is evaluation data under ../shared/data (not shipped); nothing else is written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from frontlines.bench.acled_data import (
    SAMPLE_SIZES,
    AcledRecord,
    read_records,
    stratified_sample,
)
from frontlines.bench.acled_scoring import compare, primary_event
from frontlines.bench.runner import make_analyse
from frontlines.bench.shared_gazetteer import loaded_cache, shared_files
from frontlines.settings import Settings
from frontlines.stages.resources import Resources

DEV_SIZE = 400
DEV_SEED = "places5-dev"


def dev_records(csv_path: Path) -> list[AcledRecord]:
    every = read_records(csv_path)
    gate = {record.event_id for record in stratified_sample(every, size=SAMPLE_SIZES["gate"])}
    pool = [
        record
        for record in every
        if record.event_id not in gate
        and int(hashlib.sha256(record.event_id.encode()).hexdigest(), 16) % 2 == 0
    ]
    return stratified_sample(pool, size=DEV_SIZE, seed=DEV_SEED)


def evaluate(
    records: list[AcledRecord], settings: Settings
) -> tuple[dict[str, str], list[dict[str, object]]]:
    resources = Resources(settings)
    analyse = make_analyse(settings)
    hits: Counter[str] = Counter()
    sizes: Counter[str] = Counter()
    rows: list[dict[str, object]] = []
    for record in records:
        analysis = analyse(record.notes, record.event_date)
        found = compare(record, analysis, gazetteer=resources.gazetteer)
        flags: dict[str, bool | None] = {"admin1": found.admin1, "admin2": found.admin2}
        if record.country == "Burkina Faso":
            flags["admin1, Burkina Faso"] = found.admin1
        if record.geo_precision == 1:
            flags["within 25 km, geo_precision 1"] = (
                found.error_km is not None and found.error_km < 25.0
            )
        for name, flag in flags.items():
            if flag is not None:
                sizes[name] += 1
                hits[name] += flag
        event = primary_event(analysis) if analysis else None
        location = event.location if event else None
        rows.append(
            {
                "id": record.event_id,
                "notes": record.notes,
                "gold": [record.location, record.admin1, record.admin2, record.geo_precision],
                "predicted": [location.name, location.admin1, location.admin2,
                              location.geo_precision, location.note] if location else None,
                "admin1": found.admin1,
                "km": found.error_km,
            }
        )  # fmt: skip
    resources.gazetteer.close()
    return {name: f"{hits[name] / sizes[name]:.3f} ({sizes[name]})" for name in sizes}, rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--loaded", action="store_true", help="with the shared files added")
    parser.add_argument("--errors", type=Path, help="write each note's places here (JSON)")
    args = parser.parse_args(argv)
    records = dev_records(args.data / "acled_notes" / "combined_core_fields.csv")
    settings = Settings.from_env()
    if args.loaded:
        with loaded_cache(shared_files(args.data), cache_dir=settings.cache_dir) as folder:
            figures, rows = evaluate(records, replace(settings, cache_dir=folder))
    else:
        figures, rows = evaluate(records, settings)
    label = "with the shared files" if args.loaded else "as installed"
    sys.stdout.write(f"ACLED dev notes ({len(records)}), {label}:\n")
    for name, value in figures.items():
        sys.stdout.write(f"  {name}: {value}\n")
    if args.errors:
        args.errors.write_text(json.dumps(rows, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
