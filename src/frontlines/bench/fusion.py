"""The fusion benchmark: one event per happening, and never two happenings in one.

Three measures, each skipped when its data is absent:

1. ECB+ validation (``fusion_ecb``): CoNLL F1 and B³ with the thresholds chosen by
   cross-validation over topics, never on the topic scored.
2. Over-merge on ACLED notes, where every note is a distinct event: each country's busiest month
   is analysed, its reports fused, and the share of notes whose reports end up in a fused event
   with another note's is reported, over all those months and for Bangladesh, July 2024 alone,
   at the settings given and at strict fusion; and, not gated, at the settings given with each
   note as if from an outlet of its own (the notes' one-analyst wording then reads as two
   outlets' alike stories: what fusion would do to distinct events told by distinct outlets in
   one template).
3. Same-event recall: the share of pairs of reports of one event that fusion puts together, for
   ECB+ (coreferent mentions of different documents of one topic) and for UCDP GED events told
   by several source headlines (each headline analysed as an article published on its source
   date). UCDP recall is given over every headline pair, over the pairs whose headlines both
   give an event, over those whose headlines both give a report of lethal violence (what UCDP
   codes; a "Syria Daily Report" title gives none), and over the headlines that name the
   event's place; a table breaks the missed pairs down (one headline a country's daily toll).
   A headline whose every report is a roundup of many happenings' dead (``fusion.roundup``:
   "108 killed yesterday, including 42 members of the regime forces", placed no finer than a
   country) tells no one happening, and fusion keeps it apart by design: its pairs are left out
   of the recall over pairs with an event (and of lethal violence) and counted on their own
   (figure and table); the recall over every headline pair still counts them as missed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path
from typing import Protocol

from frontlines.bench.acled_data import CSV_NAME, AcledRecord, read_records
from frontlines.bench.ecbplus import FOLDER as ECB_FOLDER
from frontlines.bench.ecbplus import MENTIONS, Mention, read_mentions
from frontlines.bench.fusion_data import (
    LETHAL_KINDS,
    Headline,
    busiest_months,
    is_daily_toll,
    ucdp_events,
)
from frontlines.bench.fusion_ecb import cross_validated, pair_recall, same_event_pairs
from frontlines.bench.fusion_reprints import LOOKED_AT, reprint_figures
from frontlines.bench.protocols import Analyse, Progress
from frontlines.bench.report import BenchResult, Better, Figure, Sample, Table
from frontlines.fusion import FusionSettings, Report, fuse
from frontlines.fusion.report import Features
from frontlines.fusion.score import Strictness

NAME = "fusion"
BANGLADESH = ("Bangladesh", "2024-07")
UCDP_SIZE = {"gate": 100, "full": 300}
STRICT: Strictness = "strict"  # the level whose over-merge is reported beside the settings'
OWN_OUTLETS = " (each note its own outlet)"  # the settings' over-merge were notes two outlets'


def run_fusion(
    *,
    data_dir: Path,
    sample: Sample,
    analyse: Analyse,
    progress: Progress,
    command: str,
    settings: FusionSettings | None = None,
    read_ecb: Callable[[Path], list[Mention]] = read_mentions,
) -> BenchResult:
    settings = settings or FusionSettings()
    started = time.perf_counter()
    figures: list[Figure] = []
    tables: list[Table] = []
    notes: list[str] = []

    def figure(
        name: str, value: float | None, dataset: str, size: int, *, better: Better | None
    ) -> None:
        figures.append(
            Figure(
                name=f"fusion: {name}",
                value=value,
                unit="share",
                better=better,
                dataset=dataset,
                size=size,
                command=command,
            )
        )

    ecb = data_dir / ECB_FOLDER / MENTIONS
    if ecb.is_file():
        mentions = read_ecb(ecb)
        found = cross_validated(mentions)
        dataset = f"{ECB_FOLDER}/{MENTIONS} ({len(mentions)} mentions), thresholds by topic CV"
        figure(
            "ECB+ CoNLL F1 (cross-validated)",
            found.scores.conll_f1,
            dataset,
            len(mentions),
            better="higher",
        )
        figure(
            "ECB+ B3 F1 (cross-validated)",
            found.scores.b_cubed.f1,
            dataset,
            len(mentions),
            better="higher",
        )
        pairs = same_event_pairs(mentions)
        figure(
            "ECB+ same-event pair recall",
            pair_recall(pairs, found.clusters),
            dataset,
            len(pairs),
            better="higher",
        )
    else:
        notes.append(f"{ecb} not found")

    acled = data_dir / "acled_notes" / CSV_NAME
    if acled.is_file():
        records = read_records(acled)
        busiest = busiest_months(records)
        months = busiest_months(records, also=[BANGLADESH])
        bangladesh = " ".join(BANGLADESH)
        levels = {"": settings, " (strict)": FusionSettings.of(STRICT), OWN_OUTLETS: settings}
        merged = _merged_by_month(months, levels, analyse=analyse, progress=progress)
        notes_total = sum(len(months[key]) for key in busiest)
        figure(
            f"ACLED over-merge, busiest month of each country{OWN_OUTLETS}",
            sum(merged[key][OWN_OUTLETS] for key in busiest) / notes_total if notes_total else None,
            f"acled_notes/{CSV_NAME}: {len(busiest)} country-months, each note given an outlet "
            "of its own (one analyst's template wording read as two outlets' alike stories)",
            notes_total,
            better=None,
        )
        for label in ("", " (strict)"):
            if bangladesh in months:
                figure(
                    f"Bangladesh July 2024 notes kept apart{label}",
                    1 - merged[bangladesh][label] / len(months[bangladesh]),
                    f"acled_notes/{CSV_NAME}: {bangladesh}",
                    len(months[bangladesh]),
                    better="higher",
                )
            figure(
                f"ACLED over-merge, busiest month of each country{label}",
                sum(merged[key][label] for key in busiest) / notes_total if notes_total else None,
                f"acled_notes/{CSV_NAME}: {len(busiest)} country-months",
                notes_total,
                better="lower",
            )
        rows = [
            (
                key,
                str(len(chosen)),
                *(f"{merged[key][label] / len(chosen):.3f}" for label in levels),
            )
            for key, chosen in sorted(months.items(), key=lambda item: (-len(item[1]), item[0]))
        ]
        reprints = reprint_figures(list(months.values()))
        figure(
            "reprints: template note pairs flagged as reprints",
            reprints.template_flagged / reprints.template_pairs
            if reprints.template_pairs
            else None,
            f"acled_notes: note pairs of one country-month, shingle Jaccard >= {LOOKED_AT}",
            reprints.template_pairs,
            better="lower",
        )
        figure(
            "reprints: edited copies found",
            reprints.copies_found / reprints.copies if reprints.copies else None,
            "acled_notes: each note with a reprint's edits",
            reprints.copies,
            better="higher",
        )
        tables.append(
            Table(
                title="ACLED notes fused with another note (every note is a distinct event)",
                columns=(
                    "country-month",
                    "notes",
                    "share fused with another",
                    "strict",
                    "each note its own outlet",
                ),
                rows=tuple(rows),
            )
        )
    else:
        notes.append(f"{acled} not found")

    if not _ucdp_block(
        data_dir, sample, figure, tables, analyse=analyse, progress=progress, settings=settings
    ):
        notes.append("no UCDP GED file found")

    if not figures:
        return BenchResult(name=NAME, status="skipped", reason="; ".join(notes))
    return BenchResult(
        name=NAME,
        status="ok",
        figures=tuple(figures),
        tables=tuple(tables),
        seconds=time.perf_counter() - started,
        details={
            "threshold": settings.threshold,
            "strictness": settings.strictness,
            "skipped": notes,
        },
    )


class _Figure(Protocol):
    def __call__(
        self, name: str, value: float | None, dataset: str, size: int, *, better: Better | None
    ) -> None: ...


def _ucdp_block(
    data_dir: Path,
    sample: Sample,
    figure: _Figure,
    tables: list[Table],
    *,
    analyse: Analyse,
    progress: Progress,
    settings: FusionSettings,
) -> bool:
    """The UCDP figures and table; False when no UCDP file is there."""
    events = ucdp_events(data_dir, size=UCDP_SIZE[sample])
    if not events:
        return False
    found = _ucdp_recall(events, analyse=analyse, progress=progress, settings=settings)
    dataset = f"UCDP GED events with 2+ source headlines ({len(events)} events)"
    for label, (linked, pairs) in (
        ("", found.with_events),
        (", both headlines a report of lethal violence", found.of_kind),
        (", every headline pair", found.every),
    ):
        figure(
            f"UCDP same-event pair recall{label}",
            linked / pairs if pairs else None,
            f"{dataset}: {pairs} of {found.every[1]} pairs",
            pairs,
            better="higher",
        )
    for label, (_, pairs) in (
        ("an event", found.with_events),
        ("a report of lethal violence", found.of_kind),
    ):
        figure(
            f"UCDP headline pairs with {label} in both",
            pairs / found.every[1] if found.every[1] else None,
            dataset,
            found.every[1],
            better=None,
        )
    figure(
        "UCDP headline pairs with a roundup of many happenings in one",
        found.roundups[1] / found.every[1] if found.every[1] else None,
        f"{dataset}: pairs with an event in both, one a roundup (kept apart, not counted above)",
        found.every[1],
        better=None,
    )
    tables.append(_ucdp_table(found))
    placed = ucdp_events(data_dir, size=UCDP_SIZE[sample], naming_place=True)
    found = _ucdp_recall(placed, analyse=analyse, progress=progress, settings=settings)
    linked, pairs = found.with_events
    figure(
        "UCDP same-event pair recall, headlines naming the place",
        linked / pairs if pairs else None,
        f"UCDP GED events with 2+ source headlines naming the event's place "
        f"({len(placed)} events; {found.every[1]} pairs)",
        pairs,
        better="higher",
    )
    return True


def _note_reports(
    records: Sequence[AcledRecord], analyse: Analyse, progress: Progress, label: str
) -> list[Report]:
    """The reports of each note, analysed as an article published on the event's date."""
    reports = []
    for record in progress(records, label=f"fusion: {label}"):
        analysis = analyse(record.notes, record.event_date)
        for seq, event in enumerate(analysis.events if analysis else ()):
            reports.append(
                Report(
                    event=event,
                    article_id=record.event_id,
                    seq=seq,
                    outlet="ACLED",
                    published=record.event_date,
                )
            )
    return reports


def _merged_by_month(
    months: dict[str, list[AcledRecord]],
    levels: dict[str, FusionSettings],
    *,
    analyse: Analyse,
    progress: Progress,
) -> dict[str, dict[str, int]]:
    """For each month, how many of its notes each level of settings fuses with another note
    (at ``OWN_OUTLETS``, with each note's reports given an outlet of their own)."""
    found = {}
    for key, chosen in sorted(months.items(), key=lambda item: (-len(item[1]), item[0])):
        reports = _note_reports(chosen, analyse, progress, key)
        apart = [replace(r, outlet=f"{r.outlet} {r.article_id}") for r in reports]
        found[key] = {
            label: _merged_notes(apart if label == OWN_OUTLETS else reports, settings=level)
            for label, level in levels.items()
        }
    return found


def _merged_notes(reports: Sequence[Report], *, settings: FusionSettings) -> int:
    """How many notes have a report in a fused event with another note's report."""
    merged: set[str] = set()
    for fused in fuse(reports, settings=settings):
        articles = {report.article_id for report in fused.reports}
        if len(articles) > 1:
            merged |= articles
    return len(merged)


@dataclass(frozen=True, slots=True)
class UcdpRecall:
    """(pairs fusion put together, pairs) of UCDP headline pairs, over every pair, the pairs
    whose headlines both gave an event, and those whose headlines both gave a report of lethal
    violence (``LETHAL_KINDS``: what UCDP codes); with how many missed pairs of each have a
    headline giving a country's daily toll (``is_daily_toll``)."""

    every: tuple[int, int]
    with_events: tuple[int, int]
    of_kind: tuple[int, int]
    missed_with_toll: int  # missed pairs of lethal violence with a country's daily toll
    roundups: tuple[int, int] = (0, 0)  # pairs with events in both, one headline a roundup


def headline_reports(
    headline: Headline, *, article_id: str, index: int, analyse: Analyse
) -> list[Report]:
    """The reports one UCDP source headline gives, its outlet named by its place in the row."""
    analysis = analyse(headline.text, headline.published)
    return [
        Report(
            event=event,
            article_id=article_id,
            seq=seq,
            outlet=f"source {index}",
            published=headline.published,
        )
        for seq, event in enumerate(analysis.events if analysis else ())
    ]


def _ucdp_recall(
    events: Sequence[Sequence[Headline]],
    *,
    analyse: Analyse,
    progress: Progress,
    settings: FusionSettings,
) -> UcdpRecall:
    reports: list[Report] = []
    pairs: list[tuple[str, str]] = []
    texts: dict[str, str] = {}
    for number, headlines in enumerate(progress(list(events), label="fusion: UCDP headlines")):
        ids = []
        for index, headline in enumerate(headlines):
            article_id = f"ucdp{headline.event_id}-{number}-{index}"
            ids.append(article_id)
            texts[article_id] = headline.text
            reports.extend(
                headline_reports(headline, article_id=article_id, index=index, analyse=analyse)
            )
        pairs.extend(combinations(ids, 2))
    features = [Features.of(report, windows=settings.windows) for report in reports]
    # a headline whose every report counts many happenings' dead (``is_roundup``) tells none
    # of them: fusion keeps it apart, and its pairs are counted on their own
    roundup = {f.report.article_id for f in features if f.roundup} - {
        f.report.article_id for f in features if not f.roundup
    }
    has_event = {report.article_id for report in reports} - roundup
    of_kind = {r.article_id for r in reports if r.event.event_type in LETHAL_KINDS} - roundup
    together: set[frozenset[str]] = set()
    for fused in fuse(reports, settings=settings):
        articles = sorted({report.article_id for report in fused.reports})
        together.update(frozenset(pair) for pair in combinations(articles, 2))

    def counts(chosen: list[tuple[str, str]]) -> tuple[int, int]:
        return sum(1 for pair in chosen if frozenset(pair) in together), len(chosen)

    kind = [(a, b) for a, b in pairs if a in of_kind and b in of_kind]
    told = has_event | roundup
    return UcdpRecall(
        roundups=counts([(a, b) for a, b in pairs if {a, b} <= told and {a, b} & roundup]),
        every=counts(pairs),
        with_events=counts([(a, b) for a, b in pairs if a in has_event and b in has_event]),
        of_kind=counts(kind),
        missed_with_toll=sum(
            1
            for a, b in kind
            if frozenset((a, b)) not in together
            and (is_daily_toll(texts[a]) or is_daily_toll(texts[b]))
        ),
    )


def _ucdp_table(found: UcdpRecall) -> Table:
    linked, pairs = found.of_kind
    rows = [
        ("every headline pair", *_cells(found.every)),
        ("both headlines gave an event", *_cells(found.with_events)),
        ("both gave a report of lethal violence", *_cells(found.of_kind)),
        (
            "  of which missed, one headline a country's daily toll",
            str(found.missed_with_toll),
            "",
            "",
        ),
        (
            "  of which missed, otherwise",
            str(pairs - linked - found.missed_with_toll),
            "",
            "",
        ),
        ("one headline a roundup of many happenings (kept apart)", *_cells(found.roundups)),
    ]
    return Table(
        title="UCDP same-event headline pairs: what the headlines give, and what fusion links",
        columns=("pairs", "count", "linked", "recall"),
        rows=tuple(rows),
    )


def _cells(counts: tuple[int, int]) -> tuple[str, str, str]:
    linked, pairs = counts
    return str(pairs), str(linked), f"{linked / pairs:.3f}" if pairs else "-"
