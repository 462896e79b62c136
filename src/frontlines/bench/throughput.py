"""The throughput benchmark: articles per second end to end into a store, against the bare parse.

Both sides use every core of the machine, on the same TR-News texts, each in a fresh process:
``ingest --workers N`` (``ingest.batched``: read, analyse in N processes, store a batch per
transaction, fuse) into an empty store, and spaCy's ``nlp.pipe(n_process=N)`` over the same
texts. The ratio says how close storing comes to the parse: 1.0 would be ingest at the speed of
spaCy alone. Reported, never gated: the machines are noisy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from frontlines.bench.geoparsing_data import read_corpus
from frontlines.bench.report import BenchResult, Figure
from frontlines.bench.speed import CORPUS, settings_env
from frontlines.settings import Settings

NAME = "throughput"
WORKER = "frontlines.bench.throughput_worker"
TIMEOUT_S = 1800


def _run_worker(
    mode: str, corpus: Path, settings: Settings, work: Path, *, workers: int
) -> Mapping[str, Any]:
    result = work / f"{mode}.json"
    env = {**os.environ, **settings_env(settings)}
    command = [sys.executable, "-m", WORKER, mode, str(corpus), str(result), str(workers)]
    completed = subprocess.run(  # noqa: S603  (fixed arguments, our own module)
        command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )
    if completed.returncode != 0 or not result.is_file():
        tail = (completed.stderr or "").strip().splitlines()[-3:]
        return {"error": f"{mode} worker exited {completed.returncode}: {' / '.join(tail)}"}
    data: Mapping[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    return data


def throughput_figures(
    ingest: Mapping[str, Any], spacy: Mapping[str, Any], *, dataset: str, command: str
) -> list[Figure]:
    workers = int(ingest["workers"])

    def figure(name: str, value: float | None, unit: str, *, lower: bool = False) -> Figure:
        return Figure(
            name=f"throughput: {name}",
            value=value,
            unit=unit,
            better="lower" if lower else "higher",
            dataset=dataset,
            size=int(ingest["articles"]),
            command=command,
            note=f"{workers} worker{'s' if workers != 1 else ''}; not gated",
        )

    rate, base = ingest["articles_per_second"], spacy["articles_per_second"]
    return [
        figure("ingest articles/s into the store", rate, "articles/s"),
        figure("bare spaCy articles/s, same cores", base, "articles/s"),
        figure("ingest vs bare parse (x)", rate / base if rate and base else None, "ratio"),
        figure("ingest peak memory MiB (all processes)", ingest["peak_rss_mib"], "MiB", lower=True),
    ]


def run_throughput(
    *, data_dir: Path, settings: Settings, command: str, workers: int | None = None
) -> BenchResult:
    path = data_dir / "geoparsing" / CORPUS.file
    if not path.is_file():
        return BenchResult(name=NAME, status="skipped", reason=f"{path} not found")
    workers = workers or os.cpu_count() or 1
    started = time.perf_counter()
    texts = [doc.text for doc in read_corpus(path, CORPUS)]
    with tempfile.TemporaryDirectory(prefix="frontlines-throughput-") as folder:
        work = Path(folder)
        corpus = work / "texts.json"
        corpus.write_text(json.dumps(texts), encoding="utf-8")
        measured = {
            mode: _run_worker(mode, corpus, settings, work, workers=workers)
            for mode in ("ingest", "spacy")
        }
    errors = [str(side["error"]) for side in measured.values() if "error" in side]
    if errors:
        return BenchResult(name=NAME, status="failed", reason="; ".join(errors))
    dataset = f"geoparsing/{CORPUS.file} ({len(texts)} articles, {sum(map(len, texts))} chars)"
    figures = throughput_figures(
        measured["ingest"], measured["spacy"], dataset=dataset, command=command
    )
    return BenchResult(
        name=NAME,
        status="ok",
        figures=tuple(figures),
        seconds=time.perf_counter() - started,
        details=measured,
    )
