"""Analysts' split and merge decisions: what a decision means, and how it is kept.

A decision joins (``must``) or separates (``cannot``) two reports. Each side is kept as the
report was when decided (article, event id, first evidence offsets), so that after re-analysis it
names the report with the same event id or, when ids changed, the one whose first evidence
overlaps most. A new decision between two reports replaces an older one between them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from frontlines.errors import InputError
from frontlines.fusion import Constraint, Report
from frontlines.fusion.types import ConstraintKind


class SqlCursor(Protocol):
    """The little of a DB-API cursor the store's shared SQL uses (DuckDB's, or one that
    translates to another dialect)."""

    @property
    def description(self) -> Any: ...

    def execute(self, query: Any, parameters: Any = ...) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchone(self) -> Any: ...


# A list of strings passed as one JSON parameter: DuckDB's Python client binds a list much more
# slowly (it looks for pandas and friends on every call).
LIST = """(SELECT unnest(from_json(?, '["VARCHAR"]')))"""


def as_list(values: Iterable[str]) -> str:
    return json.dumps(sorted(set(values)))


Pair = tuple[Report, Report]


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One side of a stored decision: the report as it was when the analyst decided."""

    article_id: str
    event_id: str
    start: int | None
    end: int | None

    @classmethod
    def of(cls, report: Report) -> Endpoint:
        first = report.event.evidence[0] if report.event.evidence else None
        start, end = (first.start, first.end) if first else (None, None)
        return cls(report.article_id, report.event.id, start, end)

    def resolve(self, reports: Sequence[Report]) -> Report | None:
        """The report this side names now: the same event id, else the one whose first evidence
        overlaps the decided one's most (re-analysis renamed it), else none."""
        mine = sorted((r for r in reports if r.article_id == self.article_id), key=lambda r: r.seq)
        for report in mine:
            if report.event.id == self.event_id:
                return report
        best: tuple[int, Report] | None = None
        for report in mine:
            first = report.event.evidence[0] if report.event.evidence else None
            if first is None or self.start is None or self.end is None:
                continue
            shared = min(first.end, self.end) - max(first.start, self.start)
            if shared > 0 and (best is None or shared > best[0]):
                best = (shared, report)
        return best[1] if best else None


def split_pairs(members: Sequence[Report], leaving: Sequence[Report]) -> list[Pair]:
    """The pairs to keep apart: ``leaving`` from the rest, or every pair when none is given."""
    gone = {report.id for report in leaving}
    return [
        (a, b)
        for a in members
        for b in members
        if a.id < b.id and (not gone or (a.id in gone) != (b.id in gone))
    ]


def leaving_reports(
    members: Sequence[Report], *, named: Report | None, given: Sequence[str], event_id: str
) -> list[Report]:
    """The reports a split takes out: those given (report or event ids), else the one named."""
    if len(members) < 2:
        raise InputError(f"event {event_id} has a single report: nothing to split")
    leaving = [named] if named is not None and not given else []
    for ident in given:
        match = [m for m in members if ident in (m.id, m.event.id)]
        if not match:
            raise InputError(f"{ident} is not a report of event {event_id}")
        leaving.append(match[0])
    return leaving


def merge_pairs(groups: Sequence[Sequence[Report]]) -> list[Pair]:
    """Every pair across different groups (fused events), so that any one of them survives."""
    distinct: list[Sequence[Report]] = []
    for group in groups:
        if not {r.id for r in group} & {r.id for g in distinct for r in g}:
            distinct.append(group)
    if len(distinct) < 2:
        raise InputError("merge: name at least two different events")
    return [
        (a, b)
        for number, group in enumerate(distinct)
        for other in distinct[number + 1 :]
        for a in group
        for b in other
    ]


class Decisions:
    """The ``fusion_constraints`` table, through the caller's cursor."""

    def __init__(self, cur: SqlCursor) -> None:
        self.cur = cur

    def rows(self, article_ids: Iterable[str] | None = None) -> list[tuple[Any, ...]]:
        """Stored decisions (all, or those naming one of the articles), oldest first."""
        sql = (
            "SELECT kind, first_article, first_event, first_start, first_end, second_article,"
            " second_event, second_start, second_end FROM fusion_constraints"
        )
        params: list[object] = []
        if article_ids is not None:
            wanted = as_list(article_ids)
            sql += f" WHERE first_article IN {LIST} OR second_article IN {LIST}"
            params = [wanted, wanted]
        self.cur.execute(sql + " ORDER BY id", params)
        return self.cur.fetchall()

    @staticmethod
    def resolved(rows: Sequence[tuple[Any, ...]], reports: Sequence[Report]) -> list[Constraint]:
        """Stored decisions as constraints between the reports they name now."""
        found = []
        for kind, *ends in rows:
            first = Endpoint(*ends[:4]).resolve(reports)
            second = Endpoint(*ends[4:]).resolve(reports)
            if first is not None and second is not None and first.id != second.id:
                found.append(Constraint(kind=kind, first=first.id, second=second.id))
        return found

    def keep(self, kind: ConstraintKind, one: Endpoint, other: Endpoint, *, at: datetime) -> None:
        """Keep one decision (sides in id order), replacing an older one between them."""
        self.cur.execute(
            "DELETE FROM fusion_constraints WHERE first_article = ? AND first_event = ?"
            " AND second_article = ? AND second_event = ?",
            [one.article_id, one.event_id, other.article_id, other.event_id],
        )
        self.cur.execute(
            "INSERT INTO fusion_constraints (kind, first_article, first_event, first_start,"
            " first_end, second_article, second_event, second_start, second_end, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [kind, one.article_id, one.event_id, one.start, one.end, other.article_id,
             other.event_id, other.start, other.end, at],
        )  # fmt: skip

    def listing(self) -> list[tuple[Any, ...]]:
        self.cur.execute(
            "SELECT id, kind, first_article || ':' || first_event,"
            " second_article || ':' || second_event, created_at"
            " FROM fusion_constraints ORDER BY id"
        )
        return self.cur.fetchall()
