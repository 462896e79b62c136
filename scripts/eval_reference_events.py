"""How many of a reference article's expected events the pipeline finds (evaluation only).

Reads ``<name>.txt`` and ``<name>.expected.yaml`` from ../shared/reference, runs the default
pipeline with the publication date the yaml gives, and for each expected event looks for a found
event with the same type, sub-type, actor1, actor2 (any alias, case-insensitive) and date.

    .venv/bin/python scripts/eval_reference_events.py [aleppo-offensive-2024-11-27]
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from frontlines.model import ActorRef, Article, Event
from frontlines.pipeline import Pipeline
from frontlines.settings import Settings
from frontlines.stages.resources import Resources

REFERENCE = Path(__file__).resolve().parents[2] / "shared/reference"
CHECKS = ("event_type", "sub_event_type", "actor1", "actor2", "event_date")


def main(argv: Sequence[str]) -> int:
    name = argv[0] if argv else "aleppo-offensive-2024-11-27"
    text = (REFERENCE / f"{name}.txt").read_text(encoding="utf-8")
    expected = yaml.safe_load((REFERENCE / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    published = expected["article"]["published"]
    settings = Settings.from_env({})
    pipeline = Pipeline.from_settings(settings, resources=Resources(settings))
    events = pipeline(Article.create(text, published=published)).events
    aliases = _aliases(expected["actors"])
    out = sys.stdout
    matched: set[int] = set()
    found_all = 0
    for wanted in expected["events"]:
        scores = [
            (sum(_checks(wanted, event, aliases).values()), n)
            for n, event in enumerate(events)
            if n not in matched
        ]
        best, index = max(scores, default=(0, -1))
        full = best == len(CHECKS)
        found_all += full
        got = events[index] if index >= 0 else None
        if index >= 0:
            matched.add(index)
        wrong = [k for k, ok in _checks(wanted, got, aliases).items() if not ok] if got else []
        out.write(f"{wanted['id']}: {best}/{len(CHECKS)} {'OK' if full else 'MISS ' + str(wrong)}")
        out.write(f"  {_describe(got)}\n")
    extra = [event for n, event in enumerate(events) if n not in matched]
    out.write(f"found {found_all}/{len(expected['events'])} with every field right; ")
    out.write(f"{len(events)} events, {len(extra)} extra\n")
    for event in extra:
        out.write(f"  extra: {_describe(event)}\n")
    return 0


def _aliases(actors: Sequence[Mapping[str, Any]]) -> dict[str, set[str]]:
    return {
        actor["name"]: {actor["name"].lower(), *(a.lower() for a in actor.get("aliases", ()))}
        for actor in actors
    }


def _checks(
    wanted: Mapping[str, Any], event: Event, aliases: Mapping[str, set[str]]
) -> dict[str, bool]:
    return {
        "event_type": wanted.get("event_type") == event.event_type,
        "sub_event_type": wanted.get("sub_event_type") == event.sub_event_type,
        "actor1": _same_actor(wanted.get("actor1"), event.actor1, aliases),
        "actor2": _same_actor(wanted.get("actor2"), event.actor2, aliases),
        "event_date": _as_date(wanted.get("event_date")) == event.event_date,
    }


def _same_actor(name: str | None, ref: ActorRef | None, aliases: Mapping[str, set[str]]) -> bool:
    if name is None or ref is None:
        return name is None and ref is None
    names = aliases.get(name, {name.lower()})
    return ref.name.lower() in names or any(
        alias in ref.name.lower() or ref.name.lower() in alias for alias in names
    )


def _as_date(value: Any) -> date | None:
    return value if isinstance(value, date) else None


def _describe(event: Event | None) -> str:
    if event is None:
        return "-"
    actor1 = event.actor1.name if event.actor1 else None
    actor2 = event.actor2.name if event.actor2 else None
    return f"{event.event_date} {event.event_type} / {event.sub_event_type} | {actor1} -> {actor2}"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
