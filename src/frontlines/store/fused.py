"""Fused events in the embedded store: their tables, SQL, and rows to and from the model.

``fused_events`` has every column of ``events`` (a fused event is an event: its roll-up, with the
lead report's article, seq and pipeline version) and what fusion adds; ``fused_members`` says
which fused event and block each report is in; ``fusion_constraints`` keeps analysts' split and
merge decisions. A migration that adds a column to ``events`` must add it to ``fused_events`` too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from frontlines.fusion import FusedEvent, Report
from frontlines.fusion.types import Origin, ReportRef, contested_from_dict, contested_to_dict
from frontlines.store.base import EventQuery, StoredEvent
from frontlines.store.duckdb_json import json_insert_statements
from frontlines.store.duckdb_json import rows_json as json_rows
from frontlines.store.queries import Spellings, event_where
from frontlines.store.rows import COLUMNS, Row, _event_row, from_json, stored_event_from_row

if TYPE_CHECKING:
    import duckdb

FUSED_EXTRA = (
    "block_id", "report_count", "article_count", "independent_source_count", "origins",
    "contested", "reports",
)  # fmt: skip
FUSED_COLUMNS: dict[str, tuple[str, ...]] = {
    "fused_events": (*COLUMNS["events"], *FUSED_EXTRA),
    "fused_members": ("article_id", "event_id", "fused_article_id", "fused_id", "block_id"),
}
_ARTICLE = (
    ", a.outlet, a.title, a.url, a.published, a.fictional, a.ingested_at"
    ", a.metadata AS article_metadata"
)
_EVENT_COLUMNS = ", ".join(f'e."{column}"' for column in COLUMNS["events"])
ORIGINAL = (
    "coalesce(l.original_id,"
    " json_extract_string(a.metadata, '$.syndicated_from.article_id')) AS original_id"
)
# Reports as fusion reads them, with the block each is in (NULL before it is fused).
REPORT_SELECT = (
    f"SELECT {_EVENT_COLUMNS}{_ARTICLE}, {ORIGINAL}, m.block_id"
    " FROM events e JOIN articles a ON a.id = e.article_id"
    " LEFT JOIN article_links l ON l.copy_id = e.article_id"
    " LEFT JOIN fused_members m ON m.article_id = e.article_id AND m.event_id = e.event_id"
)
# Reports as events (level "reports"), each naming the fused event it is in.
REPORT_LEVEL_SELECT = (
    f"SELECT {_EVENT_COLUMNS}{_ARTICLE}, m.fused_id"
    " FROM events e JOIN articles a ON a.id = e.article_id"
    " LEFT JOIN fused_members m ON m.article_id = e.article_id AND m.event_id = e.event_id"
)
FUSED_FROM = "fused_events e JOIN articles a ON a.id = e.article_id"
FUSED_SELECT = (
    "SELECT " + ", ".join(f'e."{column}"' for column in FUSED_COLUMNS["fused_events"])
    + _ARTICLE + " FROM " + FUSED_FROM
)  # fmt: skip
FUSED_COUNT = "SELECT count(*) FROM " + FUSED_FROM
# A page read in parts (DuckDB): its fused rows by event id, then their articles by id.
FUSED_ROWS = (
    "SELECT " + ", ".join(f'e."{column}"' for column in FUSED_COLUMNS["fused_events"])
    + " FROM fused_events e"
)  # fmt: skip
PAGE_ARTICLES = "SELECT a.id" + _ARTICLE + " FROM articles a"


def fused_from(query: EventQuery) -> str:
    """The FROM of a fused-event filter: the lead article is joined only where a filter reads
    it (``fictional``); every fused event has its lead article."""
    return FUSED_FROM if query.fictional is not None else "fused_events e"


_MEMBER_OF = (
    "EXISTS (SELECT 1 FROM fused_members m{join} WHERE m.fused_article_id = e.article_id"
    " AND m.fused_id = e.event_id AND {test})"
)


def fused_where(
    query: EventQuery, *, spellings: Spellings | None = None
) -> tuple[str, list[object]]:
    """``queries.event_where`` over fused events: an article or outlet matches any report's."""
    where, params = event_where(
        dataclasses.replace(query, article_id=None, source=None), spellings=spellings
    )
    clauses = [where.removeprefix(" WHERE ")] if where else []
    if query.article_id is not None:
        clauses.append(_MEMBER_OF.format(join="", test="m.article_id = ?"))
        params.append(query.article_id)
    if query.source is not None:
        outlet = _MEMBER_OF.format(
            join=" JOIN articles ma ON ma.id = m.article_id", test="lower(ma.outlet) = lower(?)"
        )
        clauses.append(
            f"({outlet} OR len(list_filter(CAST(e.sources AS VARCHAR[]),"
            " lambda source: lower(source) = lower(?))) > 0)"
        )
        params.extend([query.source, query.source])
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def report_from_row(row: Mapping[str, Any]) -> Report:
    stored = stored_event_from_row(row)
    original = row["original_id"]
    return Report(
        event=stored.event,
        article_id=stored.article_id,
        seq=int(row["seq"]),
        outlet=stored.outlet,
        title=stored.title,
        url=stored.url,
        published=stored.published,
        fictional=stored.fictional,
        pipeline_version=stored.pipeline_version,
        ingested_at=stored.ingested_at,
        original_id=original if original and original != stored.article_id else None,
    )


def report_level_from_row(row: Mapping[str, Any]) -> StoredEvent:
    return dataclasses.replace(stored_event_from_row(row), fused_id=row["fused_id"])


def fused_from_row(row: Mapping[str, Any]) -> StoredEvent:
    stored = stored_event_from_row(row)
    return dataclasses.replace(
        stored,
        report_count=int(row["report_count"]),
        article_count=int(row["article_count"]),
        independent_source_count=int(row["independent_source_count"]),
        origins=tuple(Origin.from_dict(item) for item in from_json(row["origins"])),
        reports=tuple(ReportRef.from_dict(item) for item in from_json(row["reports"])),
        contested=contested_from_dict(from_json(row["contested"])),
        fused_id=stored.event.id,
    )


def fused_rows(fused: FusedEvent) -> tuple[Row, list[Row]]:
    """The ``fused_events`` row of a fused event and its ``fused_members`` rows."""
    lead = fused.lead
    event_row = _event_row(lead.article_id, lead.seq, fused.event, lead.pipeline_version)
    row = (
        *event_row,
        fused.block_id,
        fused.report_count,
        fused.article_count,
        fused.independent_source_count,
        [origin.to_dict() for origin in fused.origins],
        contested_to_dict(fused.contested),
        [report.to_dict() for report in fused.reports],
    )
    members: list[Row] = [
        (report.article_id, report.event_id, lead.article_id, fused.event.id, fused.block_id)
        for report in fused.reports
    ]
    return row, members


def insert_statements(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Per fusion table, an INSERT of rows given as one JSON array, typed by the schema."""
    return json_insert_statements(con, columns=FUSED_COLUMNS, geometry_tables={"fused_events"})


def rows_json(table: str, rows: Sequence[Row]) -> str:
    return json_rows(FUSED_COLUMNS[table], rows)
