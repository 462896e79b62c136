"""How long fusion takes as the store grows: 1,000, 5,000 and 10,000 stored reports (not shipped).

Synthetic reports (no spaCy): happenings spread over a year and a country-sized box, each told by
one to four outlets with the noise real reports have (a day off, a place a few km off or only
its province, another toll, other words), two events to an article. For each size it measures,
on a fresh DuckDB store in a temporary folder:

- save: storing every article one by one, each save fusing the reports it adds (incremental);
- rebuild: fusing every stored report again at once (``Store.rebuild_fusion``), and
- in memory: ``frontlines.fusion.fuse`` on the same reports, without the store.

    .venv/bin/python scripts/bench_fusion.py [--sizes 1000,5000,10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from frontlines.fusion import Report, fuse
from frontlines.model import ActorRef, Analysis, Article, Event, Location, Mention, StageInfo
from frontlines.store.base import EventQuery
from frontlines.store.duckdb import DuckDBStore

TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
]
WORDS = (
     "shelling", "strike", "missile", "drone", "village", "town", "market", "convoy", "checkpoint",
     "patrol", "clash", "fighters", "soldiers", "civilians", "residents", "wounded", "killed",
     "hospital", "bridge", "road", "district", "school", "farm", "outpost", "positions",
     "artillery", "rocket", "mortar", "raid", "ambush", "protest", "rally",
)  # fmt: skip
OUTLETS = [f"Outlet {number}" for number in range(40)]
ACTORS = [ActorRef(f"actor-{n}", f"Armed group {n}", "rebel group") for n in range(30)]


@dataclass(frozen=True, slots=True)
class Spec:
    """One outlet's version of a happening."""

    when: date
    kind: tuple[str, str]
    actors: tuple[ActorRef, ActorRef]
    where: Location
    toll: int
    words: list[str]


def synthetic(count: int, *, seed: int) -> list[Analysis]:
    """Analyses holding ``count`` reports of about ``count / 2.5`` happenings."""
    chance = random.Random(seed)  # noqa: S311 (synthetic data, not cryptography)
    reports: list[tuple[str, date, Spec]] = []
    happening = 0
    while len(reports) < count:
        happening += 1
        when = date(2024, 1, 1) + timedelta(days=chance.randrange(365))
        lat, lon = chance.uniform(44, 52), chance.uniform(22, 40)
        kind = chance.choice(TYPES)
        actors = chance.sample(ACTORS, 2)
        toll = chance.randint(0, 12)
        words = chance.sample(WORDS, 6)
        for outlet in chance.sample(OUTLETS, chance.randint(1, 4)):
            located = chance.random() > 0.2
            jitter = (chance.uniform(-0.03, 0.03), chance.uniform(-0.03, 0.03))
            event = Spec(
                when=when + timedelta(days=chance.choice([0, 0, 0, 1])),
                kind=kind,
                actors=(actors[0], actors[1]),
                where=Location(
                    name=f"Place {happening}",
                    country="Testland",
                    admin1=f"Province {int(lat)}-{int(lon) // 3}",
                    latitude=lat + jitter[0] if located else None,
                    longitude=lon + jitter[1] if located else None,
                    geo_precision=1 if located else 3,
                ),
                toll=max(0, toll + chance.choice([0, 0, -1, 2])),
                words=[*words[:4], *chance.sample(WORDS, 3)],
            )
            reports.append((outlet, when, event))
    chance.shuffle(reports)
    return _articles(reports[:count])


def _articles(reports: list[tuple[str, date, Spec]]) -> list[Analysis]:
    found = []
    for start in range(0, len(reports), 2):
        pair = reports[start : start + 2]
        outlet, published = pair[0][0], max(when for _, when, _ in pair) + timedelta(days=1)
        sentences = [
            " ".join(spec.words) + f" report {start + n}." for n, (_, _, spec) in enumerate(pair)
        ]
        text = " ".join(sentences)
        article = Article.create(text, outlet=outlet, published=published, fictional=True)
        events, offset = [], 0
        for sentence, (_, _, spec) in zip(sentences, pair, strict=True):
            evidence = (Mention(sentence, offset, offset + len(sentence)),)
            offset += len(sentence) + 1
            event_type, sub_event_type = spec.kind
            events.append(
                Event(
                    id=Event.make_id(article.id, evidence),
                    event_date=spec.when,
                    date_precision="day",
                    event_type=event_type,
                    sub_event_type=sub_event_type,
                    actor1=spec.actors[0],
                    actor2=spec.actors[1],
                    location=spec.where,
                    fatalities=spec.toll,
                    evidence=evidence,
                    notes="A synthetic event.",
                )
            )
        found.append(
            Analysis("bench", (StageInfo("synthetic", "1"),), article=article, events=tuple(events))
        )
    return found


def measure(count: int, *, seed: int, folder: Path) -> dict[str, float]:
    analyses = synthetic(count, seed=seed)
    with DuckDBStore.open(folder / f"fusion-{count}.duckdb") as store:
        started = time.perf_counter()
        for analysis in analyses:
            store.save(analysis)
        saved = time.perf_counter() - started
        fused_after_saves = store.count_events()
        summary = store.rebuild_fusion()
        assert store.count_events() == fused_after_saves, "incremental and rebuild disagree"
        reports = store.count_events(EventQuery(level="reports"))
    memory = [
        Report(event=event, article_id=a.article.id, seq=n, outlet=a.article.outlet,
               published=a.article.published, fictional=True)
        for a in analyses
        for n, event in enumerate(a.events)
    ]  # fmt: skip
    started = time.perf_counter()
    fuse(memory)
    in_memory = time.perf_counter() - started
    return {
        "reports": reports,
        "articles": len(analyses),
        "events": summary.events,
        "merged": summary.merged,
        "save_s": saved,
        "save_ms_per_article": 1000 * saved / len(analyses),
        "rebuild_s": summary.seconds,
        "memory_s": in_memory,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,10000")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="frontlines-fusion-") as folder:
        for size in (int(part) for part in options.sizes.split(",")):
            rows.append(measure(size, seed=options.seed, folder=Path(folder)))
            sys.stderr.write(f"{size} reports done\n")
    lines = [
        "| reports | articles | fused events | of several reports | save, all (s) "
        "| save, per article (ms) | rebuild (s) | fuse in memory (s) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    lines.extend(
        f"| {r['reports']:.0f} | {r['articles']:.0f} | {r['events']:.0f} | {r['merged']:.0f} "
        f"| {r['save_s']:.1f} | {r['save_ms_per_article']:.1f} | {r['rebuild_s']:.2f} "
        f"| {r['memory_s']:.2f} |"
        for r in rows
    )
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
