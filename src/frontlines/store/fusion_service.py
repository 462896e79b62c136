"""Fusion as a service over any backend: reads reports, decides in Python, writes fused events.

A backend implements only storage and queries (``FusionTables``, on one transaction of its own);
which reports to read, how to fuse them (``frontlines.fusion``) and what to write back is decided
here, the same for every backend.

After a save, only the blocks the new reports touch are fused again: the reports they link to
(looked for among those within the date windows) bring their whole blocks, a replaced article
brings the blocks its old reports were in, and must-link decisions bring their partners' blocks.
An article linked to the one it reprints (``after_link``) is fused again the same way, as if just
saved: the link is evidence between its reports and those of its original (and of the original's
other reprints), which may sit in other blocks until then.
Fusing those reports gives exactly what fusing the whole store would (see
``frontlines.fusion.engine``), whatever order the articles were saved in.

Fusing every report again (a new fusion version, a new strictness) goes the same way, in steps of
a bounded number of reports, each step a transaction of its own: the fused events are dropped,
then the reports not yet fused are taken in date order, a batch at a time, as if just saved. The
store keeps which version and strictness it is being fused again with, so a rebuild cut short (a
crash, a kill) goes on where it stopped the next time the store is opened.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol

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
from frontlines.store.base import FusionSummary, StoredEvent
from frontlines.store.fusion_decisions import Decisions, Endpoint, Pair

logger = logging.getLogger(__name__)

REBUILD_BATCH = 5_000  # reports fused per transaction when every report is fused again

Located = tuple[Report, str]  # a report and the block it is in ("" before it is fused)
DateSpan = tuple[date, date]


@dataclass(frozen=True, slots=True)
class DateWindow:
    """Reports dated within one of ``spans`` (inclusive), of this precision (None: any)."""

    precision: str | None
    spans: tuple[DateSpan, ...]


@dataclass(frozen=True, slots=True)
class ReportWhere:
    """Which reports to read; the fields given combine with AND, none given reads every one."""

    article_ids: frozenset[str] | None = None
    blocks: frozenset[str] | None = None
    fused: tuple[str, str] | None = None  # (lead article id, fused id)
    event_id: str | None = None
    report: tuple[str, str] | None = None  # (article id, event id)
    windows: tuple[DateWindow, ...] | None = None  # any of them
    in_block: bool | None = None  # True: fused reports only; False: reports not yet fused
    first: int | None = None  # only the first this many, in date order (undated last)


class FusionTables(Protocol):
    """What fusion needs of a backend, inside one of its transactions."""

    def reports(self, where: ReportWhere) -> list[Located]: ...

    def fused_keys(self, fused_id: str) -> list[tuple[str, str]]:
        """(lead article, fused id) of every fused event with this id."""
        ...

    def fused_key_of(self, article_id: str, event_id: str) -> tuple[str, str] | None: ...

    def blocks_of_articles(self, article_ids: Iterable[str]) -> set[str]: ...

    def fused_events_of(self, report_ids: Iterable[str]) -> list[StoredEvent]:
        """The fused events holding any of these reports, in date order."""
        ...

    def decision_rows(self, article_ids: Iterable[str] | None = None) -> list[tuple[Any, ...]]:
        """Decisions (all, or naming one of the articles), oldest first, as
        ``Decisions.resolved`` reads them."""
        ...

    def store_decision(
        self, kind: ConstraintKind, first: Endpoint, second: Endpoint, *, at: datetime
    ) -> None:
        """Keep a decision, replacing any older one between the same two reports."""
        ...

    def write_fused(self, fused: Sequence[FusedEvent], *, blocks: Iterable[str]) -> None:
        """Drop the fused events of ``blocks``, then add ``fused``."""
        ...

    def clear_fused(self) -> None: ...

    def fusion_version(self) -> str | None: ...

    def rebuilding(self) -> str | None:
        """What the store is being fused again with (``FusionService.rebuild_target``), when a
        rebuild has started and not finished."""
        ...

    def set_rebuilding(self, target: str | None) -> None: ...

    def fused_counts(self) -> tuple[int, int, int]:
        """(reports in a fused event, fused events, fused events of more than one report)."""
        ...

    def set_fusion_version(self, version: str) -> None: ...

    def fusion_strictness(self) -> str | None:
        """The strictness kept for this store (None: never set)."""
        ...

    def set_fusion_strictness(self, strictness: str) -> None: ...

    def report_counts(self) -> tuple[int, int]:
        """(stored reports, reports in a fused event)."""
        ...


class FusionService:
    """Incremental and full fusion of one backend's reports, through its ``FusionTables``."""

    def __init__(self, tables: FusionTables, *, settings: FusionSettings | None = None) -> None:
        self.tables = tables
        self.settings = settings or FusionSettings.of(tables.fusion_strictness() or "normal")

    def keep_strictness(self, strictness: str) -> None:
        """Fuse with ``strictness`` from now on (the caller fuses everything again)."""
        self.settings = FusionSettings.of(strictness)
        self.tables.set_fusion_strictness(strictness)

    # --- reading

    def reports(self, where: ReportWhere | None = None) -> list[Report]:
        return [report for report, _ in self.tables.reports(where or ReportWhere())]

    def blocks_of_articles(self, article_ids: Iterable[str]) -> set[str]:
        return self.tables.blocks_of_articles(article_ids)

    def fused_of(self, report_ids: Iterable[str]) -> list[StoredEvent]:
        return self.tables.fused_events_of(report_ids)

    def named(self, ident: str) -> tuple[list[Report], Report | None]:
        """The reports of the fused event ``ident`` names (a fused id, an event id or a report
        id), and the one report it names when it names one."""
        parts = split_report_id(ident)
        if parts is None:
            found = self.tables.fused_keys(ident)
            if len(found) > 1:
                raise InputError(f"{ident} names events in several articles: use article:{ident}")
            if found:
                return self.reports(ReportWhere(fused=found[0])), None
            reports = self.reports(ReportWhere(event_id=ident))
        else:
            reports = self.reports(ReportWhere(report=parts))
        if not reports:
            raise NotFoundError(f"no event or report {ident!r}")
        if len(reports) > 1:
            raise InputError(f"{ident} names events in several articles: use article:{ident}")
        one = reports[0]
        key = self.tables.fused_key_of(one.article_id, one.event.id)
        return (self.reports(ReportWhere(fused=key)) if key else [one]), one

    def _members(self, blocks: set[str]) -> list[Report]:
        return self.reports(ReportWhere(blocks=frozenset(blocks))) if blocks else []

    def _pool(
        self, dates: Sequence[tuple[date | None, str]], *, in_block: bool | None = None
    ) -> list[Located]:
        """Every stored report that could be a candidate of a report with one of these dates
        (and precisions): within the window of the one's precision, or of its own.
        ``in_block``: True, only those already fused."""
        days = sorted({day for day, _ in dates if day is not None})
        if not days:
            return []
        windows = self.settings.windows
        own = max(windows.get(precision, self.settings.widest) for _, precision in dates)
        wanted = [DateWindow(None, tuple(spans(days, own)))]
        wanted += [DateWindow(p, tuple(spans(days, w))) for p, w in sorted(windows.items())]
        return self.tables.reports(ReportWhere(windows=tuple(wanted), in_block=in_block))

    # --- fusing

    def after_save(self, article_id: str, events: Sequence[Event], *, blocks: set[str]) -> None:
        """Fuse the reports of an article just saved (``events``, as saved) with the rest."""
        around = self._pool([(event.event_date, event.date_precision) for event in events])
        new = [report for report, _ in around if report.article_id == article_id]
        if len(new) < len(events):  # undated reports are in no date window
            new = self.reports(ReportWhere(article_ids=frozenset([article_id])))
        pool = [(report, block) for report, block in around if report.article_id != article_id]
        self.fuse_again(new=new, blocks=blocks, pool=pool)

    def after_save_many(self, saved: Mapping[str, Sequence[Event]], *, blocks: set[str]) -> None:
        """``after_save`` for several articles saved in one transaction: one fusion pass."""
        dates = [(e.event_date, e.date_precision) for events in saved.values() for e in events]
        around = self._pool(dates)
        new = [report for report, _ in around if report.article_id in saved]
        if len(new) < sum(len(events) for events in saved.values()):
            new = self.reports(ReportWhere(article_ids=frozenset(saved)))
        pool = [(report, block) for report, block in around if report.article_id not in saved]
        self.fuse_again(new=new, blocks=blocks, pool=pool)

    def after_link(self, copy_id: str) -> None:
        """Fuse again an article just linked to the article it reprints (or linked anew): its
        reports as if just saved, to find the links the reprint now gives, and the blocks they
        were in, to drop those an older link gave."""
        located = self.tables.reports(ReportWhere(article_ids=frozenset([copy_id])))
        self.fuse_again(new=[report for report, _ in located], blocks={b for _, b in located if b})

    def fuse_again(
        self,
        *,
        new: Sequence[Report] = (),
        blocks: Iterable[str] = (),
        pool: Sequence[Located] | None = None,
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
        self.tables.write_fused(fused, blocks=todo)

    def _constraints(self, articles: Iterable[str]) -> tuple[list[Constraint], dict[str, Located]]:
        """Decisions naming these articles, resolved; every report of the articles they name."""
        rows = self.tables.decision_rows(articles)
        wanted = frozenset(str(row[index]) for row in rows for index in (1, 5))
        found = self.tables.reports(ReportWhere(article_ids=wanted)) if rows else []
        resolved = Decisions.resolved(rows, [report for report, _ in found])
        return resolved, {report.id: (report, block) for report, block in found}

    # --- fusing every report again, in steps (see the module's docstring)

    def rebuild_target(self) -> str:
        """The version and strictness every report is fused with from now on."""
        return f"{FUSION_VERSION}/{self.settings.strictness}"

    def start_rebuild(self) -> bool:
        """Drop every fused event and mark the store as being fused again; or, when a rebuild
        with this version and strictness was cut short, leave it be to go on with it. True when
        going on."""
        if self.tables.rebuilding() == self.rebuild_target():
            return True
        self.tables.clear_fused()
        self.tables.set_rebuilding(self.rebuild_target())
        return False

    def rebuild_step(self, *, batch: int = REBUILD_BATCH) -> int:
        """Fuse the first ``batch`` reports not yet fused (in date order) as if just saved: with
        the fused reports around them, and the reports not yet fused that analysts' merges join
        to them. How many reports it fused; at 0 (none left) the rebuild is finished."""
        new = {r.id: r for r, _ in self.tables.reports(ReportWhere(in_block=False, first=batch))}
        if not new:
            self.tables.set_fusion_version(FUSION_VERSION)
            self.tables.set_rebuilding(None)
            return 0
        while True:  # a report is fused together with its must-linked partners, or not at all
            constraints, named = self._constraints({r.article_id for r in new.values()})
            partners = {
                end: named[end][0]
                for constraint in constraints
                if constraint.kind == "must"
                for end in (constraint.first, constraint.second)
                if end not in new and not named[end][1]
            }
            if not partners:
                break
            new.update(partners)
        reports = list(new.values())
        dates = [(r.event.event_date, r.event.date_precision) for r in reports]
        self.fuse_again(new=reports, pool=self._pool(dates, in_block=True))
        return len(reports)

    def rebuild(self, *, batch: int = REBUILD_BATCH) -> tuple[int, int, int]:
        """Fuse every report again within the caller's one transaction (the stores use
        ``rebuild_in_steps``); (reports, fused events, merged events) as ``fused_counts``."""
        self.start_rebuild()
        while self.rebuild_step(batch=batch):
            pass
        return self.tables.fused_counts()

    def is_current(self) -> bool:
        """Whether every report is fused, by this version of fusion (and no rebuild was cut
        short)."""
        stored, fused = self.tables.report_counts()
        return (
            self.tables.fusion_version() == FUSION_VERSION
            and stored == fused
            and self.tables.rebuilding() is None
        )

    def decide(self, kind: ConstraintKind, pairs: Sequence[Pair]) -> list[StoredEvent]:
        """Store decisions, fuse their reports' blocks again; the fused events they are now in."""
        now = datetime.now(UTC).replace(tzinfo=None)
        for first, second in pairs:
            one, other = sorted(
                (Endpoint.of(first), Endpoint.of(second)), key=lambda e: (e.article_id, e.event_id)
            )
            self.tables.store_decision(kind, one, other, at=now)
        ids = {r.id for pair in pairs for r in pair}
        articles = frozenset(r.article_id for pair in pairs for r in pair)
        found = [
            (r, b) for r, b in self.tables.reports(ReportWhere(article_ids=articles)) if r.id in ids
        ]
        self.fuse_again(new=[r for r, b in found if not b], blocks={b for _, b in found if b})
        return self.fused_of(ids)


def spans(days: Sequence[date], width: int) -> list[DateSpan]:
    """The days within ``width`` of any of ``days`` (sorted), as few date ranges as possible."""
    found: list[DateSpan] = []
    for day in days:
        low, high = day - timedelta(days=width), day + timedelta(days=width)
        if found and low <= found[-1][1] + timedelta(days=1):
            found[-1] = (found[-1][0], max(high, found[-1][1]))
        else:
            found.append((low, high))
    return found


StepTransaction = Callable[[str], contextlib.AbstractContextManager[FusionService]]


def rebuild_in_steps(
    transaction: StepTransaction,
    *,
    location: str,
    strictness: str | None = None,
    batch: int = REBUILD_BATCH,
) -> FusionSummary:
    """Fuse every report of a store again, each step in a ``transaction`` of its own (the caller
    keeps other writers out meanwhile); ``strictness``: keep this one first."""
    started = time.perf_counter()
    with transaction("starting to fuse every report again") as fusing:
        if strictness is not None:
            fusing.keep_strictness(strictness)
        was = fusing.tables.fusion_version()
        going_on = fusing.start_rebuild()
        stored, done = fusing.tables.report_counts()
        target = fusing.rebuild_target()
    log = logger.warning if stored else logger.debug  # nothing to redo in an empty store
    log(
        "%s: %s fusing every report again (%d reports; fusion %s, was %s): events read from the"
        " store are incomplete until it ends",
        location, "going on with" if going_on else "started", stored, target, was or "none",
    )  # fmt: skip
    while True:
        with transaction("fusing every report again") as fusing:
            fused = fusing.rebuild_step(batch=batch)
            if not fused:
                reports, events, merged = fusing.tables.fused_counts()
                break
        done += fused
        logger.info("%s: fused %d of %d reports again", location, min(done, stored), stored)
    seconds = time.perf_counter() - started
    log(
        "%s: every report fused again: %d reports, %d events, in %.1f s",
        location, reports, events, seconds,
    )  # fmt: skip
    return FusionSummary(reports=reports, events=events, merged=merged, seconds=seconds)
