"""ACLED's own CSV read as stored reports: one article (the notes) and one coded event per row.

The row's coded values are taken as they are, not re-analysed, and the row itself is kept in the
article's metadata under ``acled`` so that the ACLED CSV export gives every field back. ACLED's
date forms ("14/07/2023 00:00:00", "03 December 2020", "5-Aug-24") and the R export's "NA" are
read.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from frontlines.acled.dates import parse_acled_date
from frontlines.errors import InputError
from frontlines.model import (
    EVENT_TYPES,
    SUB_EVENT_TYPES,
    ActorRef,
    Analysis,
    Article,
    Event,
    Location,
    StageInfo,
)
from frontlines.version import __version__

STAGE = StageInfo(name="acled-import", version="1")
EMPTY = frozenset({"", "na", "n/a", "null", "none"})
DATE_COLUMNS = ("event_date", "event_date_iso")
PRECISION = {"1": "day", "2": "week", "3": "month"}
# The actor kind of each inter code (ACLED's codebook), in words or as the number.
KIND_OF_INTER: dict[str, str] = {
    "1": "state forces", "state forces": "state forces",
    "2": "rebel group", "rebel group": "rebel group",
    "3": "political militia", "political militia": "political militia",
    "4": "identity militia", "identity militia": "identity militia",
    "5": "protesters", "rioters": "protesters",
    "6": "protesters", "protesters": "protesters",
    "7": "civilians", "civilians": "civilians",
    "8": "other", "external/other forces": "other",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class AcledRow:
    """One ACLED record: the analysis to store and the row to keep beside it."""

    line: int
    analysis: Analysis
    row: dict[str, str]


def read_acled_csv(path: Path) -> Iterator[AcledRow | InputError]:
    """Every row of an ACLED CSV as an AcledRow, or the InputError saying why it cannot be."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"event_type", "notes"} - set(reader.fieldnames or ())
        if missing or not set(DATE_COLUMNS) & set(reader.fieldnames or ()):
            raise InputError(
                f"{path}: not an ACLED file (needs event_date, event_type and notes columns)"
            )
        for line, raw in enumerate(reader, start=2):
            row = {key: value for key, value in raw.items() if key and value is not None}
            try:
                yield AcledRow(line=line, analysis=acled_analysis(row), row=row)
            except InputError as error:
                yield InputError(f"{path}:{line}: {error}")


def _get(row: Mapping[str, str], column: str) -> str | None:
    value = (row.get(column) or "").strip()
    return None if value.lower() in EMPTY else value


def acled_analysis(row: Mapping[str, str]) -> Analysis:
    """The stored form of one ACLED row: its notes as the article, its coding as the event."""
    notes = _get(row, "notes")
    event_id = _get(row, "event_id_cnty")
    if not notes:
        raise InputError(f"event {event_id or '?'}: no notes")
    day = _date(row)
    sources = tuple(part.strip() for part in (_get(row, "source") or "").split(";") if part.strip())
    article = Article.create(
        notes,
        title=f"ACLED {event_id}" if event_id else None,
        outlet=sources[0] if sources else None,
        url=f"acled:{event_id}" if event_id else None,
        published=day,
        published_source="input",
    )
    evidence = (article.mention(0, len(notes)),)
    event_type, sub_event_type = _types(row)
    event = Event(
        id=Event.make_id(article.id, evidence),
        event_date=day,
        date_precision=PRECISION.get(_get(row, "time_precision") or "1", "day"),
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=_actor(row, "actor1", "inter1"),
        assoc_actor_1=_assoc(row, "assoc_actor_1"),
        actor2=_actor(row, "actor2", "inter2"),
        assoc_actor_2=_assoc(row, "assoc_actor_2"),
        location=_location(row),
        fatalities=_int(row, "fatalities"),
        sources=sources,
        evidence=evidence,
        notes=notes,
    )
    return Analysis(
        frontlines_version=__version__, pipeline=(STAGE,), article=article, events=(event,)
    )


def _date(row: Mapping[str, str]) -> date:
    for column in DATE_COLUMNS:
        text = _get(row, column)
        if text:
            day = parse_acled_date(text)
            if day is None:
                raise InputError(f"{column} {text!r} is not a date ACLED writes")
            return day
    raise InputError("no event_date")


def _types(row: Mapping[str, str]) -> tuple[str | None, str | None]:
    event_type, sub = _get(row, "event_type"), _get(row, "sub_event_type")
    if event_type not in EVENT_TYPES:
        return None, None  # another dataset's category: kept in the row, not coded
    return event_type, sub if sub and SUB_EVENT_TYPES.get(sub) == event_type else None


def _actor(row: Mapping[str, str], column: str, inter: str) -> ActorRef | None:
    name = _get(row, column)
    if not name:
        return None
    kind = KIND_OF_INTER.get((_get(row, inter) or "8").lower(), "other")
    return ActorRef(id=f"acled:{name}", name=name, kind=kind)


def _assoc(row: Mapping[str, str], column: str) -> tuple[ActorRef, ...]:
    names = [part.strip() for part in (_get(row, column) or "").split(";") if part.strip()]
    return tuple(ActorRef(id=f"acled:{name}", name=name, kind="other") for name in names)


def _location(row: Mapping[str, str]) -> Location | None:
    country = _get(row, "country")
    if not country:
        return None
    return Location(
        name=_get(row, "location"),
        country=country,
        admin1=_get(row, "admin1"),
        admin2=_get(row, "admin2"),
        admin3=_get(row, "admin3"),
        latitude=_float(row, "latitude"),
        longitude=_float(row, "longitude"),
        geo_precision=_int(row, "geo_precision"),
    )


def _int(row: Mapping[str, str], column: str) -> int | None:
    text = _get(row, column)
    return int(float(text)) if text and _is_number(text) else None


def _float(row: Mapping[str, str], column: str) -> float | None:
    text = _get(row, column)
    return float(text) if text and _is_number(text) else None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def acled_metadata(row: Mapping[str, str]) -> dict[str, Any]:
    """What is kept with the article: the row as it came, and its source scale."""
    scale = _get(row, "source_scale")
    return {"acled": dict(row), **({"source_scale": scale} if scale else {})}
