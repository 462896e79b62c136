"""The Parquet tables of a batch, as Arrow schemas: the analysis contract's fields, typed.

Every table has a ``date`` column (``YYYY-MM-DD``, or ``undated``) that the files are partitioned
by, Hive style (``events/date=2024-03-01/part-0-0.parquet``). Events and reports carry their
location as a GeoParquet ``geometry`` column (WKB points, longitude/latitude, OGC:CRS84), so GIS
tools and DuckDB's spatial extension read them as geometry. pyarrow is imported here only: it
comes with the ``scale`` extra.
"""

from __future__ import annotations

import json
import struct
from functools import cache
from typing import Any

from frontlines.errors import MissingDependencyError

TABLE_NAMES: tuple[str, ...] = ("articles", "reports", "events", "actors", "claims", "relations")
GEOMETRY_COLUMN = "geometry"
PARTITION_COLUMN = "date"
UNDATED = "undated"


def pyarrow() -> Any:
    """The pyarrow module, or a MissingDependencyError naming the extra that installs it."""
    try:
        import pyarrow as pa
    except ImportError:
        raise MissingDependencyError(
            package="pyarrow", extra="scale", purpose="Parquet input and output"
        ) from None
    return pa


def point_wkb(longitude: float | None, latitude: float | None) -> bytes | None:
    """A point as little-endian WKB, or None when there are no coordinates."""
    if longitude is None or latitude is None:
        return None
    return struct.pack("<BIdd", 1, 1, float(longitude), float(latitude))


def geo_metadata() -> bytes:
    """GeoParquet 1.1 file metadata for the ``geometry`` column (CRS left out: OGC:CRS84)."""
    column = {"encoding": "WKB", "geometry_types": ["Point"]}
    meta = {"version": "1.1.0", "primary_column": GEOMETRY_COLUMN, "columns": {"geometry": column}}
    return json.dumps(meta).encode("utf-8")


@cache
def schemas() -> dict[str, Any]:
    """The Arrow schema of each table, by name."""
    pa = pyarrow()
    text, i64, f64 = pa.string(), pa.int64(), pa.float64()
    actor_ref = pa.struct([("id", text), ("name", text), ("kind", text)])
    mention = pa.struct([("text", text), ("start", i64), ("end", i64)])
    location = pa.struct(
        [
            ("name", text),
            ("country", text),
            ("admin1", text),
            ("admin2", text),
            ("admin3", text),
            ("latitude", f64),
            ("longitude", f64),
            ("geo_precision", i64),
            ("geonameid", i64),
            ("note", text),
        ]
    )
    quantity = pa.struct(
        [
            ("what", text),
            ("value", f64),
            ("low", f64),
            ("high", f64),
            ("unit", text),
            ("qualifier", text),
        ]
    )
    event_fields = [
        ("id", text),
        ("event_date", pa.date32()),
        ("date_precision", text),
        ("event_type", text),
        ("sub_event_type", text),
        ("actor1", actor_ref),
        ("assoc_actor_1", pa.list_(actor_ref)),
        ("actor2", actor_ref),
        ("assoc_actor_2", pa.list_(actor_ref)),
        ("location", location),
        ("fatalities", i64),
        ("quantities", pa.list_(quantity)),
        ("certainty", text),
        ("sources", pa.list_(text)),
        ("evidence", pa.list_(mention)),
        ("notes", text),
    ]
    article_fields = [
        ("article_id", text),
        ("outlet", text),
        ("title", text),
        ("url", text),
        ("published", pa.date32()),
        ("fictional", pa.bool_()),
        ("pipeline_version", text),
    ]
    report_ref = pa.struct(
        [
            ("id", text),
            ("article_id", text),
            ("event_id", text),
            ("outlet", text),
            ("title", text),
            ("url", text),
            ("published", pa.date32()),
            ("origin", text),
            ("event_date", pa.date32()),
            ("date_precision", text),
            ("sub_event_type", text),
            ("location", text),
            ("fatalities", i64),
            ("certainty", text),
            ("sources", pa.list_(text)),
            ("evidence", pa.list_(mention)),
        ]
    )
    origin = pa.struct([("name", text), ("reports", pa.list_(text)), ("articles", pa.list_(text))])
    geo = {b"geo": geo_metadata()}
    tail = [(GEOMETRY_COLUMN, pa.binary()), (PARTITION_COLUMN, text)]
    return {
        "articles": pa.schema(
            [
                ("id", text),
                ("title", text),
                ("outlet", text),
                ("url", text),
                ("published", pa.date32()),
                ("language", text),
                ("fictional", pa.bool_()),
                ("published_source", text),
                ("text", text),
                ("origin", text),
                ("metadata", text),  # JSON: what the reader found, as ingest stores it
                ("original_id", text),
                ("similarity", f64),  # the article this one reprints
                ("ingested_at", pa.timestamp("us", tz="UTC")),
                ("frontlines_version", text),
                ("pipeline_version", text),
                ("warnings", pa.list_(text)),
                ("event_count", i64),
                ("analysis", text),  # JSON: the contract's document, less the text
                (PARTITION_COLUMN, text),
            ]
        ),
        "reports": pa.schema(
            [*event_fields, ("seq", i64), *article_fields, ("fused_id", text), *tail],
            metadata=geo,
        ),
        "events": pa.schema(
            [
                *event_fields,
                *article_fields,
                ("report_count", i64),
                ("article_count", i64),
                ("independent_source_count", i64),
                ("origins", pa.list_(origin)),
                ("reports", pa.list_(report_ref)),
                ("contested", text),  # JSON: {field: [{value, sources, reports, credited}]}
                *tail,
            ],
            metadata=geo,
        ),
        "actors": pa.schema(
            [
                ("article_id", text),
                ("id", text),
                ("name", text),
                ("kind", text),
                ("country", text),
                ("aliases", pa.list_(text)),
                ("mentions", pa.list_(mention)),
                (PARTITION_COLUMN, text),
            ]
        ),
        "claims": pa.schema(
            [
                ("article_id", text),
                ("seq", i64),
                ("source", text),
                ("cue", text),
                ("text", text),
                ("start", i64),
                ("end", i64),
                ("direct", pa.bool_()),
                ("hedge", text),
                (PARTITION_COLUMN, text),
            ]
        ),
        "relations": pa.schema(
            [
                ("article_id", text),
                ("seq", i64),
                ("source", text),
                ("type", text),
                ("target", text),
                ("source_name", text),
                ("target_name", text),
                ("evidence", mention),
                (PARTITION_COLUMN, text),
            ]
        ),
    }
