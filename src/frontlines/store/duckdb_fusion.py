"""Fusion in the embedded store, on one cursor inside the caller's transaction.

After a save, only the blocks the new reports touch are fused again: the reports they link to
(looked for among those within the date windows) bring their whole blocks, a replaced article
brings the blocks its old reports were in, and must-link decisions bring their partners' blocks.
Fusing those reports gives exactly what fusing the whole store would (see
``frontlines.fusion.engine``), whatever order the articles were saved in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from frontlines.errors import InputError, NotFoundError
from frontlines.fusion import (
    FUSION_VERSION,
    Constraint,
    FusedEvent,
    FusionSettings,
    Report,
    fuse,
    linked,
    split_report_id,
)
from frontlines.fusion.types import ConstraintKind
from frontlines.model import Event
from frontlines.store.base import EventQuery, StoredEvent
from frontlines.store.fused import (
    FUSED_SELECT,
    REPORT_SELECT,
    fused_from_row,
    fused_rows,
    report_from_row,
    rows_json,
)
from frontlines.store.fusion_decisions import LIST, Decisions, Pair, as_list
from frontlines.store.queries import event_order

if TYPE_CHECKING:
    import duckdb


class Fusing:
    """Reads reports and decisions, and writes fused events, through one cursor."""

    def __init__(
        self,
        cur: duckdb.DuckDBPyConnection,
        *,
        inserts: Mapping[str, str],
        settings: FusionSettings | None = None,
    ) -> None:
        self.cur = cur
        self.inserts = inserts
        self.settings = settings or FusionSettings.of(self._kept_strictness())
        self.decisions = Decisions(cur)

    def _kept_strictness(self) -> str:
        row = self.cur.execute("SELECT value FROM fusion_state WHERE key = 'strictness'").fetchone()
        return str(row[0]) if row else "normal"

    def keep_strictness(self, strictness: str) -> None:
        """Fuse with ``strictness`` from now on (the caller fuses everything again)."""
        self.settings = FusionSettings.of(strictness)
        self.cur.execute(
            "INSERT OR REPLACE INTO fusion_state VALUES ('strictness', ?)", [strictness]
        )

    # --- reading

    def _select(self, where: str = "", params: Sequence[object] = ()) -> list[tuple[Report, str]]:
        """Reports, each with the block it is in ("" when it is in none yet)."""
        self.cur.execute(REPORT_SELECT + (f" WHERE {where}" if where else ""), list(params))
        names = [column[0] for column in self.cur.description or ()]
        rows = [dict(zip(names, row, strict=True)) for row in self.cur.fetchall()]
        return [(report_from_row(row), row["block_id"] or "") for row in rows]

    def reports(self, where: str = "", params: Sequence[object] = ()) -> list[Report]:
        return [report for report, _ in self._select(where, params)]

    def reports_of_articles(self, article_ids: Iterable[str]) -> list[Report]:
        wanted = as_list(article_ids)
        return self.reports(f"e.article_id IN {LIST}", [wanted]) if wanted != "[]" else []

    def blocks_of_articles(self, article_ids: Iterable[str]) -> set[str]:
        rows = self.cur.execute(
            f"SELECT DISTINCT block_id FROM fused_members WHERE article_id IN {LIST}",
            [as_list(article_ids)],
        ).fetchall()
        return {str(block) for (block,) in rows}

    def fused_of(self, report_ids: Iterable[str]) -> list[StoredEvent]:
        """The fused events holding any of these reports, in date order."""
        self.cur.execute(
            FUSED_SELECT + " WHERE EXISTS (SELECT 1 FROM fused_members m"
            " WHERE m.fused_article_id = e.article_id AND m.fused_id = e.event_id"
            f" AND m.article_id || ':' || m.event_id IN {LIST})"
            + event_order(EventQuery(sort="date")),
            [as_list(report_ids)],
        )
        names = [column[0] for column in self.cur.description or ()]
        return [fused_from_row(dict(zip(names, row, strict=True))) for row in self.cur.fetchall()]

    def named(self, ident: str) -> tuple[list[Report], Report | None]:
        """The reports of the fused event ``ident`` names (a fused id, an event id or a report
        id), and the one report it names when it names one."""
        parts = split_report_id(ident)
        if parts is None:
            found = self.cur.execute(
                "SELECT DISTINCT fused_article_id, fused_id FROM fused_members WHERE fused_id = ?",
                [ident],
            ).fetchall()
            if len(found) > 1:
                raise InputError(f"{ident} names events in several articles: use article:{ident}")
            if found:
                return self._in_fused(*found[0]), None
            reports = self.reports("e.event_id = ?", [ident])
        else:
            reports = self.reports("e.article_id = ? AND e.event_id = ?", list(parts))
        if not reports:
            raise NotFoundError(f"no event or report {ident!r}")
        if len(reports) > 1:
            raise InputError(f"{ident} names events in several articles: use article:{ident}")
        one = reports[0]
        row = self.cur.execute(
            "SELECT fused_article_id, fused_id FROM fused_members"
            " WHERE article_id = ? AND event_id = ?",
            [one.article_id, one.event.id],
        ).fetchone()
        return (self._in_fused(*row) if row else [one]), one

    def _in_fused(self, article_id: str, fused_id: str) -> list[Report]:
        return self.reports("m.fused_article_id = ? AND m.fused_id = ?", [article_id, fused_id])

    def _members(self, blocks: set[str]) -> list[Report]:
        return self.reports(f"m.block_id IN {LIST}", [as_list(blocks)]) if blocks else []

    def _pool(self, dates: Sequence[tuple[date | None, str]]) -> list[tuple[Report, str]]:
        """Every stored report that could be a candidate of a report with one of these dates
        (and precisions): within the window of the one's precision, or of its own."""
        days = sorted({day for day, _ in dates if day is not None})
        if not days:
            return []
        windows = self.settings.windows
        own = max(windows.get(precision, self.settings.widest) for _, precision in dates)
        clauses: list[str] = []
        params: list[object] = []
        for width, precision in [(own, None), *((w, p) for p, w in sorted(windows.items()))]:
            spans = _spans(days, width)
            test = " OR ".join("e.event_date BETWEEN ? AND ?" for _ in spans)
            clauses.append(
                f"({test})" if precision is None else f"(e.date_precision = ? AND ({test}))"
            )
            params.extend([] if precision is None else [precision])
            params.extend(day for span in spans for day in span)
        return self._select("(" + " OR ".join(clauses) + ")", params)

    # --- fusing

    def after_save(self, article_id: str, events: Sequence[Event], *, blocks: set[str]) -> None:
        """Fuse the reports of an article just saved (``events``, as saved) with the rest."""
        around = self._pool([(event.event_date, event.date_precision) for event in events])
        new = [report for report, _ in around if report.article_id == article_id]
        if len(new) < len(events):  # undated reports are in no date window
            new = self.reports_of_articles([article_id])
        pool = [(report, block) for report, block in around if report.article_id != article_id]
        self.refuse(new=new, blocks=blocks, pool=pool)

    def after_save_many(self, saved: Mapping[str, Sequence[Event]], *, blocks: set[str]) -> None:
        """``after_save`` for several articles saved in one transaction: one fusion pass."""
        dates = [(e.event_date, e.date_precision) for events in saved.values() for e in events]
        around = self._pool(dates)
        new = [report for report, _ in around if report.article_id in saved]
        if len(new) < sum(len(events) for events in saved.values()):
            new = self.reports_of_articles(saved)
        pool = [(report, block) for report, block in around if report.article_id not in saved]
        self.refuse(new=new, blocks=blocks, pool=pool)

    def refuse(
        self,
        *,
        new: Sequence[Report] = (),
        blocks: Iterable[str] = (),
        pool: Sequence[tuple[Report, str]] | None = None,
    ) -> None:
        """Fuse again the blocks given, and those the new reports or decisions reach.

        ``pool``: the stored reports around the new ones, when already read (see ``_pool``).
        """
        todo = set(blocks)
        nodes = {report.id: report for report in new}
        if new:
            fresh = set(nodes)
            if pool is None:
                pool = self._pool([(r.event.event_date, r.event.date_precision) for r in new])
            around = {r.id: (r, block) for r, block in pool if r.id not in fresh}
            for rid in linked(new, [r for r, _ in around.values()], settings=self.settings):
                report, block = around[rid]
                if block:
                    todo.add(block)
                else:
                    nodes[rid] = report
        nodes.update((r.id, r) for r in self._members(todo))
        while True:
            constraints, named = self._constraints({r.article_id for r in nodes.values()})
            partners = {
                end: named[end]
                for constraint in constraints
                if constraint.kind == "must"
                for end in (constraint.first, constraint.second)
                if end not in nodes
            }
            if not partners:
                break
            more = {block for _, block in partners.values() if block}
            nodes.update((end, report) for end, (report, _) in partners.items())
            nodes.update((r.id, r) for r in self._members(more - todo))
            todo |= more
        fused = fuse(nodes.values(), constraints=constraints, settings=self.settings)
        self._write(fused, blocks=todo)

    def _constraints(
        self, articles: Iterable[str]
    ) -> tuple[list[Constraint], dict[str, tuple[Report, str]]]:
        """Decisions naming these articles, resolved; every report of the articles they name."""
        rows = self.decisions.rows(articles)
        wanted = as_list(row[index] for row in rows for index in (1, 5))
        found = self._select(f"e.article_id IN {LIST}", [wanted]) if rows else []
        resolved = Decisions.resolved(rows, [report for report, _ in found])
        return resolved, {report.id: (report, block) for report, block in found}

    def rebuild(self) -> list[FusedEvent]:
        reports = self.reports()
        constraints = Decisions.resolved(self.decisions.rows(), reports)
        fused = fuse(reports, constraints=constraints, settings=self.settings)
        self.cur.execute("DELETE FROM fused_events")
        self.cur.execute("DELETE FROM fused_members")
        self._write(fused, blocks=())
        self.cur.execute(
            "INSERT OR REPLACE INTO fusion_state VALUES ('version', ?)", [FUSION_VERSION]
        )
        return fused

    def is_current(self) -> bool:
        """Whether every report is fused, by this version of fusion."""
        row = self.cur.execute(
            "SELECT (SELECT value FROM fusion_state WHERE key = 'version'),"
            " (SELECT count(*) FROM events), (SELECT count(*) FROM fused_members)"
        ).fetchone()
        return row is not None and row[0] == FUSION_VERSION and row[1] == row[2]

    def decide(self, kind: ConstraintKind, pairs: Sequence[Pair]) -> list[StoredEvent]:
        """Store decisions, fuse their reports' blocks again; the fused events they are now in."""
        self.decisions.store(kind, pairs)
        ids = {r.id for pair in pairs for r in pair}
        articles = as_list(r.article_id for pair in pairs for r in pair)
        found = [
            (r, b) for r, b in self._select(f"e.article_id IN {LIST}", [articles]) if r.id in ids
        ]
        self.refuse(new=[r for r, b in found if not b], blocks={b for _, b in found if b})
        return self.fused_of(ids)

    def _write(self, fused: Sequence[FusedEvent], *, blocks: Iterable[str]) -> None:
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


def _spans(days: Sequence[date], width: int) -> list[tuple[date, date]]:
    """The days within ``width`` of any of ``days`` (sorted), as few date ranges as possible."""
    spans: list[tuple[date, date]] = []
    for day in days:
        low, high = day - timedelta(days=width), day + timedelta(days=width)
        if spans and low <= spans[-1][1] + timedelta(days=1):
            spans[-1] = (spans[-1][0], max(high, spans[-1][1]))
        else:
            spans.append((low, high))
    return spans
