"""``frontlines batch``: inputs in, the analysis on Ray, Parquet tables out.

Three stages. The driver reads the inputs and decides what ingest decides article by article
(language, duplicates, syndication); Ray analyses the English articles, a pool of workers each
with its pipeline loaded once; the driver spills each analysis's rows and reports to a temporary
file as they come back (it holds none of them while Ray runs), then, Ray stopped, writes the rows
and fuses the reports (fusion gives the same events whatever order reports come in, so the tables
hold what ``ingest`` of the same inputs would store).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from frontlines.batch.inputs import Inputs, Prepared, read_inputs
from frontlines.batch.parquet import TableWriter
from frontlines.batch.ray_analysis import (
    analyse_on_ray,
    peak_rss_kb,
    ray_module,
    start_ray,
    stop_ray,
)
from frontlines.batch.rows import (
    Row,
    Stored,
    actor_rows,
    article_row,
    claim_rows,
    fused_event_row,
    relation_rows,
    repeated_event_ids,
    report_row,
    reports_of,
)
from frontlines.batch.spill import Spill
from frontlines.fusion import Report, fuse
from frontlines.ingest.ingester import NO_DATE_WARNING, InputResult, Outcome, _unanalysed
from frontlines.languages import language_named
from frontlines.model import Analysis
from frontlines.readers.common import ReadLimits
from frontlines.settings import Settings

# One article's rows per table and its reports, spilled to disk while Ray runs.
Written = tuple[dict[str, list[Row]], list[Report]]


@dataclass
class BatchReport:
    """One outcome per input (as ``ingest`` reports them), rows per table, time per phase."""

    results: list[InputResult] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    workers: int = 0
    peak_kb: dict[str, int] = field(default_factory=dict)  # the driver's and each worker's

    @property
    def ok(self) -> bool:
        return not any(result.outcome == "failed" for result in self.results)

    def summary(self) -> str:
        tables = ", ".join(f"{count} {table}" for table, count in sorted(self.rows.items()))
        phases = ", ".join(f"{phase} {sec:.1f} s" for phase, sec in self.seconds.items())
        stored = sum(1 for r in self.results if r.outcome in ("stored", "syndicated", "skipped"))
        peaks = ", ".join(f"{who} {kb / 1024:.0f} MB" for who, kb in self.peak_kb.items())
        return (
            f"{len(self.results)} inputs, {stored} articles written with {self.workers} "
            f"worker{'s' if self.workers != 1 else ''}: {tables or 'no rows'}; time: {phases}"
            f"; peak memory: {peaks}"
        )


def run_batch(
    sources: Iterable[str],
    *,
    out: Path,
    settings: Settings,
    limits: ReadLimits,
    workers: int,
    address: str | None = None,
    pipe_batch: int = 16,
    on_result: Callable[[InputResult], None] | None = None,
) -> BatchReport:
    """Analyse every input on Ray and write the Parquet tables into ``out`` (new or empty)."""
    ray_module()  # fail early, before reading anything, when the extra is missing
    writer = TableWriter.create(out)
    report = BatchReport(workers=workers)
    with _timed(report.seconds, "reading"):
        inputs = read_inputs(sources, limits=limits, language=settings.language)
    for other in inputs.others:
        _record(report, other, on_result)
    ingested_at = datetime.now(UTC)
    with Spill[Written]() as spill:
        workers_kb = _analyse_and_fuse(
            report, inputs, spill, writer=writer, settings=settings, workers=workers,
            address=address, pipe_batch=pipe_batch, ingested_at=ingested_at, on_result=on_result,
        )  # fmt: skip
    report.peak_kb = {"driver": peak_rss_kb()}
    for n, (_, kb) in enumerate(sorted(workers_kb.items())):
        report.peak_kb[f"worker {n + 1}"] = kb
    return report


def _analyse_and_fuse(
    report: BatchReport,
    inputs: Inputs,
    spill: Spill[Written],
    *,
    writer: TableWriter,
    settings: Settings,
    workers: int,
    address: str | None,
    pipe_batch: int,
    ingested_at: datetime,
    on_result: Callable[[InputResult], None] | None,
) -> dict[str, int]:
    """Analyse on Ray, spilling each article's rows and reports to disk as it comes back; then,
    Ray stopped, write the rows, fuse the reports and write the events and reports. Each Ray
    worker's peak resident memory in KB, by host and pid."""
    readable = [item.article for item in inputs.articles if item.readable]
    position = [n for n, item in enumerate(inputs.articles) if item.readable]
    with _timed(report.seconds, "analysis"):
        for item in inputs.articles:
            if not item.readable:
                analysis = _unanalysed(item.article, language_named(settings.language))
                _spill(spill, item, analysis, links=inputs.links, at=ingested_at)
                _record(report, _outcome(item, analysis), on_result)
        started = bool(readable) and start_ray(address=address, workers=workers, settings=settings)
        workers_kb: dict[str, int] = {}
        for n, analysed in analyse_on_ray(
            readable, settings=settings, workers=workers, pipe_batch=pipe_batch, peaks=workers_kb
        ):
            item = inputs.articles[position[n]]
            if isinstance(analysed, str):
                reason = " ".join(f"{item.origin}: {analysed}".split())
                failed = InputResult(
                    item.origin, "failed", article_id=item.article.id, reason=reason
                )
                _record(report, failed, on_result)
                continue
            repeated = repeated_event_ids(analysed)
            if repeated:  # a store refuses the article (its events' key repeats), as ingest does
                reason = f"{item.origin}: event id {repeated[0]} repeats in the analysis"
                failed = InputResult(item.origin, "failed", item.article.id, reason=reason)
                _record(report, failed, on_result)
                continue
            analysis = _with_date_warning(analysed)
            _spill(spill, item, analysis, links=inputs.links, at=ingested_at)
            _record(report, _outcome(item, analysis), on_result)
        if started:  # Ray's own processes (about 0.6 GB) are not needed to fuse and write
            stop_ray()
    reports: list[Report] = []
    with _timed(report.seconds, "writing"):
        for rows, article_reports in spill:
            for table, table_rows in rows.items():
                writer.add(table, table_rows)
            reports.extend(article_reports)
    with _timed(report.seconds, "fusion"):
        fused = fuse(reports)
    with _timed(report.seconds, "writing"):
        fused_id = {ref.id: item.event.id for item in fused for ref in item.reports}
        writer.add("events", (fused_event_row(item) for item in fused))
        writer.add("reports", (report_row(r, fused_id=fused_id.get(r.id)) for r in reports))
        report.rows = writer.close()
    return workers_kb


def _spill(
    spill: Spill[Written],
    item: Prepared,
    analysis: Analysis,
    *,
    links: Mapping[str, tuple[str, float]],
    at: datetime,
) -> None:
    link = links.get(item.article.id)
    stored = Stored(
        analysis=analysis,
        metadata=item.metadata,
        origin=item.origin,
        original_id=link[0] if link else None,
        similarity=link[1] if link else None,
    )
    rows = {
        "articles": [article_row(stored, ingested_at=at)],
        "actors": actor_rows(analysis),
        "claims": claim_rows(analysis),
        "relations": relation_rows(analysis),
    }
    spill.add((rows, reports_of(stored, ingested_at=at)))


def _with_date_warning(analysis: Analysis) -> Analysis:
    """What ingest stores: an undated article's analysis says its event dates are approximate."""
    if analysis.article.published is None and NO_DATE_WARNING not in analysis.warnings:
        return dataclasses.replace(analysis, warnings=(*analysis.warnings, NO_DATE_WARNING))
    return analysis


def _outcome(item: Prepared, analysis: Analysis) -> InputResult:
    reasons: list[str] = []
    copy = item.metadata.get("syndicated_from")
    outcome: Outcome = "stored"
    if copy is not None:
        outcome = "syndicated"
        reasons.append(f"copy of {copy['article_id']} (similarity {copy['similarity']:.2f})")
    if not item.readable:
        reasons.append(f"skipped extraction: language {item.article.language!r}")
        if copy is None:
            outcome = "skipped"
            reasons.insert(0, "stored")
    return InputResult(
        item.origin,
        outcome,
        article_id=item.article.id,
        events=len(analysis.events),
        reason="; ".join(reasons) or None,
        original_id=copy["article_id"] if copy else None,
        similarity=copy["similarity"] if copy else None,
    )


def _record(
    report: BatchReport, result: InputResult, on_result: Callable[[InputResult], None] | None
) -> None:
    report.results.append(result)
    if on_result is not None:
        on_result(result)


@contextmanager
def _timed(seconds: dict[str, float], phase: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        seconds[phase] = seconds.get(phase, 0.0) + time.perf_counter() - start
