"""Data of the fusion block: ACLED notes of the busiest month of each country, and UCDP GED
events told by several source headlines."""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from frontlines.bench.acled_data import AcledRecord

UCDP_FILES = (
    "ucdp_ged_syria/UCDP-Syria_GED_2016-2019.csv",
    "ucdp_ged_ukraine/UCDP-Ukraine_GED_2014-2023.utf8.csv",
)
SEED = "frontlines-fusion-1"


def busiest_months(records: Sequence[AcledRecord]) -> dict[str, list[AcledRecord]]:
    """Each country's notes of its busiest month (ties: the earliest), one per event id,
    keyed "Country YYYY-MM"."""
    unique = {record.event_id: record for record in records}
    counts = Counter((r.country, r.event_date.strftime("%Y-%m")) for r in unique.values())
    best: dict[str, tuple[int, str]] = {}
    for (country, month), count in sorted(counts.items()):
        if count > best.get(country, (0, ""))[0]:
            best[country] = (count, month)
    found: dict[str, list[AcledRecord]] = {}
    for record in sorted(unique.values(), key=lambda r: r.event_id):
        month = record.event_date.strftime("%Y-%m")
        if best[record.country][1] == month:
            found.setdefault(f"{record.country} {month}", []).append(record)
    return found


@dataclass(frozen=True, slots=True)
class Headline:
    event_id: str
    text: str
    published: date | None


def ucdp_events(data_dir: Path, *, size: int) -> list[list[Headline]]:
    """A fixed sample of ``size`` UCDP GED events citing two or more distinct headlines."""
    events: list[tuple[str, list[Headline]]] = []
    for name in UCDP_FILES:
        path = data_dir / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                headlines = _headlines(row)
                if len(headlines) >= 2:
                    key = hashlib.sha256(f"{SEED}:{row['id']}".encode()).hexdigest()
                    events.append((key, headlines))
    return [headlines for _, headlines in sorted(events, key=lambda item: item[0])[:size]]


def _headlines(row: dict[str, str]) -> list[Headline]:
    texts = (row.get("source_headline") or "").split(";")
    dates = (row.get("source_date") or "").split(";")
    found: dict[str, Headline] = {}
    for number, raw in enumerate(texts):
        text = raw.strip()
        if len(text.split()) < 4:  # a place name or a report title, not a headline
            continue
        day = dates[number].strip() if number < len(dates) else ""
        try:
            published = date.fromisoformat(day[:10]) if day else None
        except ValueError:
            published = None
        found.setdefault(text, Headline(str(row["id"]), text, published))
    return list(found.values())
