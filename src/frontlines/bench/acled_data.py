"""ACLED records with their ``notes`` text, and the fixed stratified samples the benchmark uses."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from frontlines.acled.dates import parse_acled_date

CSV_NAME = "combined_core_fields.csv"
SEED = "frontlines-bench-1"
# Records per sample: a fixed subset, the same on every run, stratified by country.
SAMPLE_SIZES = {"gate": 500, "full": 3000}
MIN_PER_COUNTRY = 5
EMPTY = frozenset({"", "na", "n/a", "none", "null"})  # the R export writes NA for empty fields


@dataclass(frozen=True, slots=True)
class AcledRecord:
    """The gold coding of one ACLED event and the notes text that describes it."""

    event_id: str
    notes: str
    event_date: date
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    country: str
    admin1: str
    admin2: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int
    location: str = ""  # ACLED's place name for the event, at latitude/longitude


def _clean(value: str | None) -> str:
    text = (value or "").strip()
    return "" if text.lower() in EMPTY else text


def _float(value: str | None) -> float | None:
    text = _clean(value)
    return float(text) if text else None


def _record_day(row: dict[str, str]) -> date | None:
    """The ISO column of the combined file, else ACLED's own event_date in any of its forms."""
    iso = _clean(row.get("event_date_iso"))
    if iso:
        return date.fromisoformat(iso)
    return parse_acled_date(_clean(row.get("event_date")))


def read_records(path: Path) -> list[AcledRecord]:
    """Every row with notes and a date; empty or NA fields become ''."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    records = []
    for row in rows:
        notes, day = _clean(row.get("notes")), _record_day(row)
        if not notes or day is None:
            continue
        precision = _clean(row.get("geo_precision"))
        fatalities = _clean(row.get("fatalities"))
        records.append(
            AcledRecord(
                event_id=_clean(row.get("event_id_cnty")),
                notes=notes,
                event_date=day,
                event_type=_clean(row.get("event_type")),
                sub_event_type=_clean(row.get("sub_event_type")),
                actor1=_clean(row.get("actor1")),
                actor2=_clean(row.get("actor2")),
                country=_clean(row.get("country")),
                admin1=_clean(row.get("admin1")),
                admin2=_clean(row.get("admin2")),
                latitude=_float(row.get("latitude")),
                longitude=_float(row.get("longitude")),
                geo_precision=int(precision) if precision.isdigit() else None,
                fatalities=int(fatalities) if fatalities.isdigit() else 0,
                location=_clean(row.get("location")),
            )
        )
    return records


def _order_key(record: AcledRecord, *, seed: str) -> str:
    return hashlib.sha256(f"{seed}:{record.event_id}:{record.notes}".encode()).hexdigest()


def allocate(
    counts: dict[str, int], *, size: int, minimum: int = MIN_PER_COUNTRY
) -> dict[str, int]:
    """Records per country: ``minimum`` each (or all it has), the rest proportional to size.

    Largest remainders settle rounding, ties by country name, so the result is reproducible.
    """
    total = sum(counts.values())
    if size >= total:
        return dict(counts)
    base = {country: min(n, minimum) for country, n in counts.items()}
    left = size - sum(base.values())
    if left <= 0:
        return base
    spare = {country: counts[country] - base[country] for country in counts}
    spare_total = sum(spare.values())
    quotas = {country: left * n / spare_total for country, n in spare.items()}
    extra = {country: int(quota) for country, quota in quotas.items()}
    order = sorted(quotas, key=lambda c: (-(quotas[c] - extra[c]), c))
    for country in order[: left - sum(extra.values())]:
        extra[country] += 1
    return {country: base[country] + min(extra[country], spare[country]) for country in counts}


def stratified_sample(
    records: Sequence[AcledRecord], *, size: int, seed: str = SEED
) -> list[AcledRecord]:
    """A fixed sample of about ``size`` records, stratified by country (see ``allocate``)."""
    by_country: dict[str, list[AcledRecord]] = {}
    for record in records:
        by_country.setdefault(record.country, []).append(record)
    quota = allocate({c: len(rs) for c, rs in by_country.items()}, size=size)
    chosen: list[AcledRecord] = []
    for country in sorted(by_country):
        ranked = sorted(by_country[country], key=lambda r: _order_key(r, seed=seed))
        chosen.extend(ranked[: quota[country]])
    return sorted(chosen, key=lambda r: _order_key(r, seed=seed))


def countries(records: Iterable[AcledRecord]) -> list[str]:
    return sorted({record.country for record in records})
