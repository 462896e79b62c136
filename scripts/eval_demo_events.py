"""Spot-check events on the fictional demo corpus against its manifest (not shipped).

For every article, the manifest names the happening(s) it reports; this runs the default pipeline
and shows, per article, the found event closest to each happening (type, sub-type, date,
fatalities) and how many other events were found.

    .venv/bin/python scripts/eval_demo_events.py [--show]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from frontlines.model import Event
from frontlines.pipeline import Pipeline
from frontlines.readers.plain_text import read_text_file
from frontlines.settings import Settings
from frontlines.stages.resources import Resources

CORPUS = Path(__file__).resolve().parents[1] / "src/frontlines/demo/corpus"
FIELDS = ("event_type", "sub_event_type", "event_date", "fatalities")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every event found")
    args = parser.parse_args(argv)
    manifest = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
    by_report: dict[str, list[Mapping[str, Any]]] = {}
    for happening in manifest["happenings"]:
        for report in happening.get("reports", ()):
            by_report.setdefault(report, []).append(happening)
    settings = Settings.from_env({})
    pipeline = Pipeline.from_settings(settings, resources=Resources(settings))
    totals = dict.fromkeys((*FIELDS, "found", "wanted", "extra"), 0)
    out = sys.stdout
    for path in sorted(CORPUS.glob("*.txt")):
        article = read_text_file(path, max_bytes=settings.max_article_bytes)
        events = list(pipeline(article).events)
        wanted = by_report.get(path.stem, [])
        used: set[int] = set()
        for happening in wanted:
            index, checks = _best(happening, events, used)
            totals["wanted"] += 1
            if index is None:
                out.write(f"{path.stem}: {happening['id']} NOT FOUND\n")
                continue
            used.add(index)
            totals["found"] += 1
            for field in FIELDS:
                totals[field] += checks[field]
            wrong = [field for field in FIELDS if not checks[field]]
            got = events[index]
            out.write(
                f"{path.stem}: {happening['id']} {'ok' if not wrong else 'WRONG ' + str(wrong)}"
                f" | {got.event_date} {got.sub_event_type} fat={got.fatalities}"
                f" (want {happening.get('event_date')} {happening.get('sub_event_type')}"
                f" fat={happening.get('fatalities')})\n"
            )
        extra = [event for n, event in enumerate(events) if n not in used]
        totals["extra"] += len(extra)
        if args.show:
            for event in extra:
                out.write(f"    extra: {event.sub_event_type} | {event.notes}\n")
    out.write(f"\n{totals}\n")
    return 0


def _best(
    happening: Mapping[str, Any], events: list[Event], used: set[int]
) -> tuple[int | None, dict[str, bool]]:
    best: tuple[int, int | None, dict[str, bool]] = (-1, None, {})
    for index, event in enumerate(events):
        if index in used:
            continue
        checks = {
            "event_type": event.event_type == happening.get("event_type"),
            "sub_event_type": event.sub_event_type == happening.get("sub_event_type"),
            "event_date": event.event_date == _as_date(happening.get("event_date")),
            "fatalities": (event.fatalities or 0) == (happening.get("fatalities") or 0),
        }
        score = sum(checks.values())
        if score > best[0]:
            best = (score, index, checks)
    return best[1], best[2]


def _as_date(value: Any) -> date | None:
    return value if isinstance(value, date) else None


if __name__ == "__main__":
    raise SystemExit(main())
