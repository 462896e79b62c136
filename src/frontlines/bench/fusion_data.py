"""Data of the fusion block: ACLED notes of the busiest month of each country, and UCDP GED
events told by several source headlines."""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from frontlines.bench.acled_data import AcledRecord
from frontlines.fusion.report_words import name_key

UCDP_FILES = (
    "ucdp_ged_syria/UCDP-Syria_GED_2016-2019.csv",
    "ucdp_ged_ukraine/UCDP-Ukraine_GED_2014-2023.utf8.csv",
)
SEED = "frontlines-fusion-1"
# What UCDP codes (lethal organised violence), in ACLED's event types: a headline whose report is
# a protest, a riot or a strategic development tells no UCDP event fusion could link.
LETHAL_KINDS = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# A country's toll of the day ("77 were killed yesterday including 15 members of the regime
# forces"): many happenings' dead in one count, no report of one happening.
DAILY_TOLL = re.compile(r"\bkilled yesterday\b.*\bincluding\b", re.IGNORECASE)
DAYS = 2  # a headline published this many days after the event's first day is news of it


def busiest_months(
    records: Sequence[AcledRecord], *, also: Sequence[tuple[str, str]] = ()
) -> dict[str, list[AcledRecord]]:
    """Each country's notes of its busiest month (ties: the earliest), and of the (country,
    YYYY-MM) months ``also`` names, one per event id, keyed "Country YYYY-MM"."""
    unique = {record.event_id: record for record in records}
    counts = Counter((r.country, r.event_date.strftime("%Y-%m")) for r in unique.values())
    best: dict[str, tuple[int, str]] = {}
    for (country, month), count in sorted(counts.items()):
        if count > best.get(country, (0, ""))[0]:
            best[country] = (count, month)
    wanted = {(country, month) for country, (_, month) in best.items()} | set(also)
    found: dict[str, list[AcledRecord]] = {}
    for record in sorted(unique.values(), key=lambda r: r.event_id):
        month = record.event_date.strftime("%Y-%m")
        if (record.country, month) in wanted:
            found.setdefault(f"{record.country} {month}", []).append(record)
    return found


@dataclass(frozen=True, slots=True)
class Headline:
    event_id: str
    text: str
    published: date | None


def ucdp_events(data_dir: Path, *, size: int, naming_place: bool = False) -> list[list[Headline]]:
    """A fixed sample of ``size`` UCDP GED events citing two or more distinct headlines
    published within ``DAYS`` of the event's first day (later reports and monthly reviews tell
    it as history, not as news of the day). With ``naming_place``, only headlines that name the
    event's place count (``names_place``): a country's daily toll ("77 were killed yesterday")
    or a title ("Syria Daily Report") is no report of one happening."""
    events: list[tuple[str, list[Headline]]] = []
    for name in UCDP_FILES:
        path = data_dir / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                headlines = _headlines(row, start=_day(row.get("date_start") or ""))
                if naming_place:
                    headlines = [h for h in headlines if names_place(row, h.text)]
                if len(headlines) >= 2:
                    key = hashlib.sha256(f"{SEED}:{row['id']}".encode()).hexdigest()
                    events.append((key, headlines))
    return [headlines for _, headlines in sorted(events, key=lambda item: item[0])[:size]]


PLACE_WORDS = frozenset(
    {"town", "village", "city", "suburb", "district", "governorate", "province", "area",
     "region", "oblast", "raion", "neighbourhood", "neighborhood", "camp", "the", "al", "el"}
)  # fmt: skip


def _keys(text: str) -> set[str]:
    words = re.findall(r"[^\W\d_]{3,}", text.lower())
    return {name_key(word) for word in words if word not in PLACE_WORDS}


def names_place(row: dict[str, str], text: str) -> bool:
    """Whether a headline names the event's place (``where_coordinates``: "Aleppo town",
    "Al Bogeleyyah suburb"), transliterations met by ``name_key``."""
    place = re.sub(r"\(.*?\)", "", row.get("where_coordinates") or "")
    return bool(_keys(place) & _keys(text))


def is_daily_toll(text: str) -> bool:
    """Whether a headline is a country's toll of a day (``DAILY_TOLL``), read only to break the
    missed pairs down (fusion is never told)."""
    return DAILY_TOLL.search(text) is not None


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()[:10]) if text.strip() else None
    except ValueError:
        return None


def _headlines(row: dict[str, str], *, start: date | None) -> list[Headline]:
    texts = (row.get("source_headline") or "").split(";")
    dates = (row.get("source_date") or "").split(";")
    found: dict[str, Headline] = {}
    for number, raw in enumerate(texts):
        text = raw.strip()
        if len(text.split()) < 4:  # a place name or a report title, not a headline
            continue
        published = _day(dates[number]) if number < len(dates) else None
        if start is None or published is None or not 0 <= (published - start).days <= DAYS:
            continue
        found.setdefault(text, Headline(str(row["id"]), text, published))
    return list(found.values())
