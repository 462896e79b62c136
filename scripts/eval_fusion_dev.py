"""Fusion dev figures, outside the gated sample (not shipped).

UCDP: events ``--lo`` to ``--hi`` of the bench's fixed UCDP sample (the gate scores events 0-100;
100-600 is dev), fused as the bench fuses them, with the same-event recall over pairs whose
headlines both give an event (roundups left out, as in the bench) and each missed pair's cause:
the constraint that rules its best report pair out (type, date, place), or, when compatible,
``unproven`` (not the evidence its sources need) or ``low`` (scored or clustered below the
threshold). ACLED: the over-merge of the busiest month of each country, Bangladesh July 2024 kept
apart, and each note as its own outlet (not gated), as the bench computes them.

    .venv/bin/python scripts/eval_fusion_dev.py --data ../shared/data [--lo 100 --hi 600]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from frontlines.bench.acled_data import CSV_NAME, read_records
from frontlines.bench.fusion import BANGLADESH, _merged_notes, _note_reports, headline_reports
from frontlines.bench.fusion_data import Headline, busiest_months, ucdp_events
from frontlines.bench.runner import make_analyse
from frontlines.fusion import FusionSettings, Report, compat, fuse
from frontlines.fusion.report import Features
from frontlines.fusion.score import pair_score, place_affinity, proven
from frontlines.settings import Settings


def _cause(first: Features, second: Features, settings: FusionSettings) -> tuple[int, str]:
    """(rank, cause) of one report pair: the higher the rank, the nearer to a link."""
    if compat.type_affinity(first, second) is None:
        return 0, "type"
    if compat.date_affinity(first, second) is None:
        return 0, "date"
    if place_affinity(first, second, settings=settings) is None:
        return 0, "place"
    if pair_score(first, second, settings=settings) is None:
        return 0, "ruled out"
    return (2, "low") if proven(first, second, settings=settings) else (1, "unproven")


def ucdp(events: Sequence[Sequence[Headline]], settings: FusionSettings) -> str:
    analyse = make_analyse(Settings.from_env())
    reports: list[Report] = []
    told: list[list[str]] = []
    for number, headlines in enumerate(events):
        ids = []
        for index, headline in enumerate(headlines):
            article_id = f"ucdp{headline.event_id}-{number}-{index}"
            found = headline_reports(headline, article_id=article_id, index=index, analyse=analyse)
            reports.extend(found)
            if found:
                ids.append(article_id)
        told.append(ids)
    features = {r.id: Features.of(r, windows=settings.windows) for r in reports}
    by_article: dict[str, list[Features]] = {}
    for feature in features.values():
        by_article.setdefault(feature.report.article_id, []).append(feature)
    roundup = {a for a, found in by_article.items() if all(f.roundup for f in found)}
    together: set[frozenset[str]] = set()
    for fused in fuse(reports, settings=settings):
        articles = sorted({report.article_id for report in fused.reports})
        together.update(frozenset(pair) for pair in combinations(articles, 2))
    causes: Counter[str] = Counter()
    for ids in told:
        for a, b in combinations([i for i in ids if i not in roundup], 2):
            if frozenset((a, b)) in together:
                causes["linked"] += 1
                continue
            best = max(_cause(x, y, settings) for x in by_article[a] for y in by_article[b])
            causes[best[1]] += 1
    pairs = sum(causes.values())
    recall = causes["linked"] / pairs if pairs else 0.0
    return f"UCDP pairs with an event in both: {pairs}, recall {recall:.3f}, {dict(causes)}"


def acled(data: Path, settings: FusionSettings) -> str:
    records = read_records(data / "acled_notes" / CSV_NAME)

    busiest = busiest_months(records)
    months = busiest_months(records, also=[BANGLADESH])
    analyse = make_analyse(Settings.from_env())
    merged, apart = {}, {}
    for key, chosen in months.items():
        reports = _note_reports(chosen, analyse, lambda items, label: items, key)
        merged[key] = _merged_notes(reports, settings=settings)
        own = [replace(r, outlet=f"{r.outlet} {r.article_id}") for r in reports]
        apart[key] = _merged_notes(own, settings=settings)
    total = sum(len(months[key]) for key in busiest)
    bangladesh = " ".join(BANGLADESH)
    return (
        f"ACLED over-merge {sum(merged[k] for k in busiest) / total:.4f}, "
        f"Bangladesh kept {1 - merged[bangladesh] / len(months[bangladesh]):.4f}, "
        f"each note its own outlet {sum(apart[k] for k in busiest) / total:.4f}; "
        f"merged notes by month { ({k: v for k, v in merged.items() if v}) }"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--lo", type=int, default=100)
    parser.add_argument("--hi", type=int, default=600)
    parser.add_argument("--no-acled", action="store_true")
    options = parser.parse_args()
    settings = FusionSettings()
    events = ucdp_events(options.data, size=options.hi)[options.lo : options.hi]
    print(f"UCDP events {options.lo}-{options.hi}: " + ucdp(events, settings))  # noqa: T201
    if not options.no_acled:
        print(acled(options.data, settings))  # noqa: T201


if __name__ == "__main__":
    main()
