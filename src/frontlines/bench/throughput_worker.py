"""Time one side of the throughput benchmark in a fresh process; write what it measured as JSON.

Run as ``python -m frontlines.bench.throughput_worker MODE CORPUS RESULT WORKERS``. MODE
``ingest``: the texts as JSON lines into an empty store with ``ingest.batched`` and WORKERS
processes (the pipelines are loaded before the clock starts); ``spacy``: ``nlp.pipe`` with
``n_process=WORKERS`` over the same texts, after the same warm-up.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from frontlines.bench.speed_worker import WARM_UP_TEXT, peak_rss_mib
from frontlines.settings import Settings


def run_ingest(
    texts: list[str], *, settings: Settings, workers: int
) -> tuple[float, dict[str, Any]]:
    """Seconds to ingest ``texts``; how many the store refused and the main process' phases."""
    from frontlines.ingest.batched import Analysers, ingest_batched
    from frontlines.store import open_store

    with tempfile.TemporaryDirectory(prefix="frontlines-throughput-") as folder:
        work = Path(folder)
        lines = work / "texts.jsonl"
        lines.write_text(
            "".join(json.dumps({"text": text, "published": "2024-01-01"}) + "\n" for text in texts),
            encoding="utf-8",
        )
        with (
            open_store(work / "store.duckdb") as store,
            Analysers(settings=settings, workers=workers) as analysers,
        ):
            analysers.warm(WARM_UP_TEXT)  # every worker's pipeline loaded, as spaCy's model is
            started = time.perf_counter()
            report = ingest_batched(
                [str(lines)], store=store, settings=settings, analysers=analysers
            )
            seconds = time.perf_counter() - started
    failed = sum(1 for result in report.results if result.outcome == "failed")
    return seconds, {"failed": failed, "phases": report.seconds}


def run_spacy(
    texts: list[str], *, settings: Settings, workers: int
) -> tuple[float, dict[str, Any]]:
    from frontlines.stages.resources import Resources

    nlp = Resources(settings).nlp
    nlp(WARM_UP_TEXT)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=workers):
        pass
    return time.perf_counter() - started, {}


def children_peak_mib() -> float:
    """The largest peak resident memory of any child process waited for (KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def measure(mode: str, texts: list[str], *, settings: Settings, workers: int) -> dict[str, Any]:
    run = run_ingest if mode == "ingest" else run_spacy
    seconds, details = run(texts, settings=settings, workers=workers)
    return {
        **details,
        "mode": mode,
        "workers": workers,
        "articles": len(texts),
        "seconds": seconds,
        "articles_per_second": len(texts) / seconds if seconds > 0 else None,
        "peak_rss_mib": peak_rss_mib() + (children_peak_mib() * workers if workers > 1 else 0),
    }


def main(argv: list[str]) -> int:
    mode, corpus, result, workers = argv
    texts = json.loads(Path(corpus).read_text(encoding="utf-8"))
    measured = measure(mode, texts, settings=Settings.from_env(), workers=int(workers))
    Path(result).write_text(json.dumps(measured), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
