"""The event filters shared by /api/events and /api/stats, as one typed dependency."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Query

from frontlines.errors import InputError
from frontlines.store.base import EventQuery, plain_number

MAX_LIMIT = 10_000
MAX_OFFSET = 1_000_000_000  # far past any store, far below the store's 64-bit integers


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``min_lon,min_lat,max_lon,max_lat`` as four floats; InputError (400) otherwise."""
    if value is None:
        return None
    parts = [part.strip() for part in value.split(",")]
    numbers = [number for part in parts if (number := plain_number(part)) is not None]
    if len(parts) != 4 or len(numbers) != 4:
        raise InputError(f"bbox {value!r}: expected four numbers min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = numbers
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise InputError(f"bbox {value!r}: longitudes must lie in -180..180")
    if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise InputError(f"bbox {value!r}: latitudes must lie in -90..90")
    return min_lon, min_lat, max_lon, max_lat


def event_query(
    *,
    date_from: Annotated[date | None, Query(description="earliest event date, YYYY-MM-DD")] = None,
    date_to: Annotated[date | None, Query(description="latest event date, YYYY-MM-DD")] = None,
    bbox: Annotated[
        str | None, Query(description="min_lon,min_lat,max_lon,max_lat", examples=["36,35,38,37"])
    ] = None,
    country: str | None = None,
    admin1: str | None = None,
    event_type: Annotated[str | None, Query(description="one of ACLED's six types")] = None,
    sub_event_type: Annotated[str | None, Query(description="one of ACLED's sub-types")] = None,
    actor: Annotated[str | None, Query(description="actor id, or part of a name")] = None,
    source: Annotated[str | None, Query(description="a credited source or the outlet")] = None,
    certainty: str | None = None,
    text: Annotated[str | None, Query(description="free text in the evidence or notes")] = None,
    fictional: Annotated[bool | None, Query(description="only (non-)fictional articles")] = None,
    sort: Literal["date", "-date"] = "-date",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    level: Annotated[
        Literal["fused", "reports"],
        Query(description="fused: one event per happening; reports: one per article's report"),
    ] = "fused",
) -> EventQuery:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InputError(f"date_from {date_from} is after date_to {date_to}")
    return EventQuery(
        date_from=date_from,
        date_to=date_to,
        bbox=parse_bbox(bbox),
        country=country or None,
        admin1=admin1 or None,
        event_type=event_type or None,
        sub_event_type=sub_event_type or None,
        actor=actor or None,
        source=source or None,
        certainty=certainty or None,
        text=text or None,
        fictional=fictional,
        sort=sort,
        limit=limit,
        offset=offset,
        level=level,
    )


EventFilters = Annotated[EventQuery, Depends(event_query)]
