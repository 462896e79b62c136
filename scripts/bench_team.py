"""A team on one PostgreSQL store: 4 writers + the server + 20 API readers at once (not shipped).

The articles are bench_fusion.py's synthetic ones (no spaCy: the figure is the store's, not the
pipeline's). Every writer process saves every article, each in an order of its own, while
``frontlines serve`` runs on the same store and 20 threads read ``/api/events`` and
``/api/stats`` through it. Then one writer saves the same articles into a second, empty database.
It reports: articles stored (and by how many writers each), errors, reads answered, and whether
the concurrent store's rows and fused events equal the sequential one's.

    .venv/bin/python scripts/bench_team.py --db postgresql://USER@HOST/DB1 \
        --sequential postgresql://USER@HOST/DB2 [--articles 2000]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_fusion import synthetic

from frontlines.store import EventQuery, open_store

WRITERS, READERS, PORT = 4, 20, 8765


def write(url: str, count: int, seed: int) -> list[tuple[str, str]]:
    analyses = synthetic(count, seed=1)
    random.Random(seed).shuffle(analyses)  # noqa: S311 (an order, not a secret)
    with open_store(url) as store:
        return [(a.article.id, store.save(a).outcome) for a in analyses]


def read(stop: threading.Event, answered: list[int], errors: list[str]) -> None:
    paths = ["/api/events?limit=50", "/api/stats", "/api/events?limit=20&sort=date"]
    while not stop.is_set():
        for path in paths:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=30) as got:
                    json.load(got)
                answered.append(1)
            except OSError as error:
                errors.append(f"{path}: {error}")


def snapshot(url: str) -> tuple[dict[str, int], list[object]]:
    with open_store(url) as store:
        events = [
            (e.article_id, e.event, sorted(r.id for r in e.reports))
            for e in store.iter_events(EventQuery(sort="date"))
        ]
        return store.counts(), events


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--sequential", required=True)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    count = args.articles * 2  # synthetic() counts reports, two to an article
    open_store(args.db).close()
    server = subprocess.Popen(  # noqa: S603 (this Python, this package)
        [sys.executable, "-m", "frontlines", "serve", "--db", args.db, "--port", str(PORT)],
        env=dict(os.environ), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/api/stats", timeout=5).close()
                break
            except OSError:
                time.sleep(0.5)
        stop, answered, errors = threading.Event(), [], []
        readers = [
            threading.Thread(target=read, args=(stop, answered, errors)) for _ in range(READERS)
        ]
        for thread in readers:
            thread.start()
        started = time.perf_counter()
        with multiprocessing.get_context("spawn").Pool(WRITERS) as pool:
            outcomes = pool.starmap(write, [(args.db, count, seed) for seed in range(WRITERS)])
        seconds = time.perf_counter() - started
        stop.set()
        for thread in readers:
            thread.join()
    finally:
        server.terminate()
        server.wait()
    stored = Counter(aid for batch in outcomes for aid, outcome in batch if outcome == "stored")
    started = time.perf_counter()
    write(args.sequential, count, seed=99)
    sequential_seconds = time.perf_counter() - started
    concurrent_state, sequential_state = snapshot(args.db), snapshot(args.sequential)
    sys.stdout.write(json.dumps({
        "articles": len(stored),
        "saves attempted": sum(len(batch) for batch in outcomes),
        "stored by more than one writer": sum(1 for n in stored.values() if n > 1),
        "reader errors": len(errors),
        "reads answered": len(answered),
        "concurrent seconds (4 writers, every article each)": round(seconds, 1),
        "sequential seconds (1 writer)": round(sequential_seconds, 1),
        "counts equal": concurrent_state[0] == sequential_state[0],
        "fused events": len(concurrent_state[1]),
        "fused events equal to sequential": concurrent_state[1] == sequential_state[1],
        "first errors": errors[:3],
    }, indent=1) + "\n")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
