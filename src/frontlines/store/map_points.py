"""Fused events as a map reads them (``Store.event_points``): the few columns a GeoJSON feature
shows, read by event id, instead of every column and JSON list of the events."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from frontlines.store.base import EventPoint

POINT_ROWS = (
    "SELECT e.article_id, e.event_id, e.event_date, e.date_precision, e.event_type,"
    " e.sub_event_type, e.actor1_id, e.actor1_name, e.actor2_id, e.actor2_name, e.has_location,"
    " e.location, e.country, e.admin1, e.latitude, e.longitude, e.geo_precision, e.fatalities,"
    " e.certainty, e.report_count, e.independent_source_count FROM fused_events e"
)
POINT_ARTICLES = "SELECT a.id, a.outlet, a.fictional FROM articles a"


def point_from_row(row: Sequence[Any], article: Sequence[Any]) -> EventPoint:
    """A ``POINT_ROWS`` row and its article's (outlet, fictional)."""
    (article_id, event_id, day, precision, event_type, sub_event_type, actor1_id, actor1,
     actor2_id, actor2, has_location, location, country, admin1, latitude, longitude,
     geo_precision, fatalities, certainty, reports, independent) = row  # fmt: skip
    located = bool(has_location)
    return EventPoint(
        event_id=event_id,
        article_id=article_id,
        event_date=day,
        date_precision=precision,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=actor1 if actor1_id is not None else None,
        actor2=actor2 if actor2_id is not None else None,
        location=location if located else None,
        country=country if located else None,
        admin1=admin1 if located else None,
        latitude=latitude if located else None,
        longitude=longitude if located else None,
        geo_precision=geo_precision if located else None,
        fatalities=fatalities,
        certainty=certainty,
        fictional=bool(article[1]),
        outlet=article[0],
        report_count=int(reports),
        independent_source_count=int(independent),
    )


def points_in_order(
    keys: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[Any]],
    articles: Mapping[str, Sequence[Any]],
) -> list[EventPoint]:
    """The points of ``keys`` (article id, event id), in their order."""
    by_key = {(row[0], row[1]): row for row in rows}
    return [
        point_from_row(by_key[key], articles[key[0]])
        for key in keys
        if key in by_key and key[0] in articles
    ]
