"""Event typing accuracy on a fixed sample of ACLED notes (evaluation only; not shipped).

Reads ``combined_core_fields.csv`` from ../shared/data/acled_notes, draws 300 rows with seed 13,
runs each ``notes`` text through the pipeline and compares the first event found with ACLED's
event_type and sub_event_type (accuracy and macro-F1, overall and by country). ACLED's data are for
evaluation only: nothing here trains on them and nothing from them is written to the repository.

    .venv/bin/python scripts/eval_event_types.py [--rows 300] [--seed 13] [--show-errors 20]
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from frontlines.model import Article, Event
from frontlines.pipeline import Pipeline
from frontlines.settings import Settings
from frontlines.stages.resources import Resources

DATA = Path(__file__).resolve().parents[2] / "shared/data/acled_notes/combined_core_fields.csv"
STAGES = ("cleanup", "parse", "places", "actors", "events")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--stages", default=",".join(STAGES))
    parser.add_argument("--show-errors", type=int, default=0)
    args = parser.parse_args(argv)
    with args.data.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sample = random.Random(args.seed).sample(rows, args.rows)  # noqa: S311 (a fixed sample)
    settings = Settings.from_env({}, pipeline=tuple(args.stages.split(",")))
    pipeline = Pipeline.from_settings(settings, resources=Resources(settings))
    results = []
    for row in sample:
        events = pipeline(Article.create(row["notes"])).events
        results.append((row, primary(events)))
    report(results, show_errors=args.show_errors)
    return 0


def primary(events: Sequence[Event]) -> Event | None:
    """The event a one-event note describes: its first conflict event, else its first event."""
    typed = [event for event in events if event.event_type is not None]
    return (typed or list(events) or [None])[0]


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    labels = {gold for gold, _ in pairs}
    scores = []
    for label in labels:
        tp = sum(1 for gold, got in pairs if gold == label and got == label)
        fp = sum(1 for gold, got in pairs if gold != label and got == label)
        fn = sum(1 for gold, got in pairs if gold == label and got != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def report(results: list[tuple[dict[str, str], Event | None]], *, show_errors: int) -> None:
    by_country: dict[str, list[tuple[dict[str, str], Event | None]]] = defaultdict(list)
    for row, event in results:
        by_country[row["country"]].append((row, event))
    out = sys.stdout
    out.write(f"{'country':<34}{'n':>5}{'type acc':>10}{'sub acc':>9}{'type F1':>9}{'sub F1':>8}\n")
    for country, part in sorted(by_country.items(), key=lambda item: -len(item[1])):
        out.write(_line(country, part))
    out.write(_line("ALL", results))
    missing = sum(1 for _, event in results if event is None)
    out.write(f"no event found: {missing}/{len(results)}\n")
    confusion = Counter(
        (row["sub_event_type"], event.sub_event_type if event else None)
        for row, event in results
        if event is None or row["sub_event_type"] != event.sub_event_type
    )
    out.write("most frequent sub-type confusions (gold -> found):\n")
    for (gold, got), count in confusion.most_common(15):
        out.write(f"  {count:>3}  {gold} -> {got}\n")
    wrong = [(row, event) for row, event in results if _sub(event) != row["sub_event_type"]]
    for row, event in wrong[:show_errors]:
        out.write(f"\n[{row['sub_event_type']} -> {_sub(event)}] {row['notes'][:300]}\n")


def _sub(event: Event | None) -> str:
    return str(event.sub_event_type) if event else "-"


def _line(name: str, part: list[tuple[dict[str, str], Event | None]]) -> str:
    types = [(row["event_type"], str(event.event_type) if event else "-") for row, event in part]
    subs = [(row["sub_event_type"], _sub(event)) for row, event in part]
    type_acc = sum(1 for gold, got in types if gold == got) / len(part)
    sub_acc = sum(1 for gold, got in subs if gold == got) / len(part)
    return (
        f"{name[:33]:<34}{len(part):>5}{type_acc:>10.3f}{sub_acc:>9.3f}"
        f"{macro_f1(types):>9.3f}{macro_f1(subs):>8.3f}\n"
    )


if __name__ == "__main__":
    raise SystemExit(main())
