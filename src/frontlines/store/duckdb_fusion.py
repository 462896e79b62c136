"""Fusion's tables in the embedded store, on one cursor inside the caller's transaction.

What to read, fuse and write is decided by ``store.fusion_service``; this module only turns its
requests into DuckDB SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from frontlines.fusion import FusedEvent
from frontlines.fusion.types import ConstraintKind
from frontlines.store.base import EventQuery, StoredEvent
from frontlines.store.fused import (
    FUSED_SELECT,
    REPORT_SELECT,
    fused_from_row,
    fused_rows,
    report_from_row,
    rows_json,
)
from frontlines.store.fusion_decisions import LIST, Decisions, Endpoint, SqlCursor, as_list
from frontlines.store.fusion_service import Located, ReportWhere
from frontlines.store.queries import event_order


class DuckDBFusionTables:
    """``fusion_service.FusionTables`` through one DuckDB cursor."""

    def __init__(self, cur: SqlCursor, *, inserts: Mapping[str, str]) -> None:
        self.cur = cur
        self.inserts = inserts
        self.decisions = Decisions(cur)

    def reports(self, where: ReportWhere) -> list[Located]:
        clauses, params = report_where(where)
        sql = REPORT_SELECT + (" WHERE " + " AND ".join(clauses) if clauses else "")
        if where.first is not None:
            sql += " ORDER BY e.event_date NULLS LAST, e.article_id, e.event_id LIMIT ?"
            params.append(where.first)
        self.cur.execute(sql, params)
        names = [column[0] for column in self.cur.description or ()]
        rows = [dict(zip(names, row, strict=True)) for row in self.cur.fetchall()]
        return [(report_from_row(row), row["block_id"] or "") for row in rows]

    def fused_keys(self, fused_id: str) -> list[tuple[str, str]]:
        rows = self.cur.execute(
            "SELECT DISTINCT fused_article_id, fused_id FROM fused_members WHERE fused_id = ?",
            [fused_id],
        ).fetchall()
        return [(str(a), str(f)) for a, f in rows]

    def fused_key_of(self, article_id: str, event_id: str) -> tuple[str, str] | None:
        row = self.cur.execute(
            "SELECT fused_article_id, fused_id FROM fused_members"
            " WHERE article_id = ? AND event_id = ?",
            [article_id, event_id],
        ).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def blocks_of_articles(self, article_ids: Iterable[str]) -> set[str]:
        rows = self.cur.execute(
            f"SELECT DISTINCT block_id FROM fused_members WHERE article_id IN {LIST}",
            [as_list(article_ids)],
        ).fetchall()
        return {str(block) for (block,) in rows}

    def fused_events_of(self, report_ids: Iterable[str]) -> list[StoredEvent]:
        self.cur.execute(
            FUSED_SELECT + " WHERE EXISTS (SELECT 1 FROM fused_members m"
            " WHERE m.fused_article_id = e.article_id AND m.fused_id = e.event_id"
            f" AND m.article_id || ':' || m.event_id IN {LIST})"
            + event_order(EventQuery(sort="date")),
            [as_list(report_ids)],
        )
        names = [column[0] for column in self.cur.description or ()]
        return [fused_from_row(dict(zip(names, row, strict=True))) for row in self.cur.fetchall()]

    def decision_rows(self, article_ids: Iterable[str] | None = None) -> list[tuple[Any, ...]]:
        return self.decisions.rows(article_ids)

    def store_decision(
        self, kind: ConstraintKind, first: Endpoint, second: Endpoint, *, at: datetime
    ) -> None:
        self.decisions.keep(kind, first, second, at=at)

    def write_fused(self, fused: Sequence[FusedEvent], *, blocks: Iterable[str]) -> None:
        gone = as_list(blocks)
        self.cur.execute(f"DELETE FROM fused_events WHERE block_id IN {LIST}", [gone])
        self.cur.execute(f"DELETE FROM fused_members WHERE block_id IN {LIST}", [gone])
        events, members = [], []
        for item in fused:
            row, rows = fused_rows(item)
            events.append(row)
            members.extend(rows)
        if events:
            self.cur.execute(self.inserts["fused_events"], [rows_json("fused_events", events)])
            self.cur.execute(self.inserts["fused_members"], [rows_json("fused_members", members)])

    def clear_fused(self) -> None:
        self.cur.execute("DELETE FROM fused_events")
        self.cur.execute("DELETE FROM fused_members")

    def fusion_version(self) -> str | None:
        return self.state("version")

    def set_fusion_version(self, version: str) -> None:
        self.set_state("version", version)

    def fusion_strictness(self) -> str | None:
        return self.state("strictness")

    def set_fusion_strictness(self, strictness: str) -> None:
        self.set_state("strictness", strictness)

    def rebuilding(self) -> str | None:
        return self.state("rebuilding")

    def set_rebuilding(self, target: str | None) -> None:
        if target is None:
            self.cur.execute("DELETE FROM fusion_state WHERE key = 'rebuilding'")
        else:
            self.set_state("rebuilding", target)

    def state(self, key: str) -> str | None:
        row = self.cur.execute("SELECT value FROM fusion_state WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else None

    def set_state(self, key: str, value: str) -> None:
        self.cur.execute("INSERT OR REPLACE INTO fusion_state VALUES (?, ?)", [key, value])

    def fused_counts(self) -> tuple[int, int, int]:
        row = self.cur.execute(
            "SELECT coalesce(sum(report_count), 0), count(*),"
            " count(*) FILTER (WHERE report_count > 1) FROM fused_events"
        ).fetchone()
        return (int(row[0]), int(row[1]), int(row[2])) if row else (0, 0, 0)

    def report_counts(self) -> tuple[int, int]:
        row = self.cur.execute(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM fused_members)"
        ).fetchone()
        return (int(row[0]), int(row[1])) if row else (0, 0)


def report_where(where: ReportWhere) -> tuple[list[str], list[object]]:
    """``REPORT_SELECT``'s WHERE clauses (ANDed) and parameters for a ``ReportWhere``."""
    clauses: list[str] = []
    params: list[object] = []
    if where.article_ids is not None:
        clauses.append(f"e.article_id IN {LIST}")
        params.append(as_list(where.article_ids))
    if where.blocks is not None:
        clauses.append(f"m.block_id IN {LIST}")
        params.append(as_list(where.blocks))
    if where.fused is not None:
        clauses.append("m.fused_article_id = ? AND m.fused_id = ?")
        params.extend(where.fused)
    if where.event_id is not None:
        clauses.append("e.event_id = ?")
        params.append(where.event_id)
    if where.report is not None:
        clauses.append("e.article_id = ? AND e.event_id = ?")
        params.extend(where.report)
    if where.windows is not None:
        tests: list[str] = []
        for window in where.windows:
            test = " OR ".join("e.event_date BETWEEN ? AND ?" for _ in window.spans)
            if window.precision is None:
                tests.append(f"({test})")
            else:
                tests.append(f"(e.date_precision = ? AND ({test}))")
                params.append(window.precision)
            params.extend(day for span in window.spans for day in span)
        clauses.append("(" + " OR ".join(tests or ["FALSE"]) + ")")
    if where.in_block is not None:
        clauses.append("m.block_id IS NOT NULL" if where.in_block else "m.block_id IS NULL")
    return clauses, params
