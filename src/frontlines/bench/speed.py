"""The speed benchmark: the full pipeline against a bare spaCy parse of the same articles.

Both run in the same bench run, each in its own fresh process (so peak memory is measured fairly),
one after the other on the same TR-News articles: the pipeline analyses them one by one, spaCy runs
``nlp.pipe`` with its default batch size over the model frontlines loads, with all its default
components. Reported, never gated: the machines are noisy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from frontlines.bench.geoparsing_data import CORPORA, read_corpus
from frontlines.bench.report import BenchResult, Figure
from frontlines.settings import Settings

NAME = "speed"
CORPUS = next(corpus for corpus in CORPORA if corpus.name == "TR-News")
WORKER = "frontlines.bench.speed_worker"
TIMEOUT_S = 900


def settings_env(settings: Settings) -> dict[str, str]:
    """The FRONTLINES_* variables that recreate ``settings`` in a child process."""
    env: dict[str, str] = {}
    for spec in fields(Settings):
        name = spec.metadata.get("env")
        if not name:
            continue
        value = getattr(settings, spec.name)
        if value is None:
            continue
        env[str(name)] = ",".join(value) if isinstance(value, tuple) else str(value)
    return env


def _run_worker(mode: str, corpus: Path, settings: Settings, work: Path) -> Mapping[str, Any]:
    result = work / f"{mode}.json"
    env = {**os.environ, **settings_env(settings)}
    completed = subprocess.run(  # noqa: S603  (fixed arguments, our own module)
        [sys.executable, "-m", WORKER, mode, str(corpus), str(result)],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    if completed.returncode != 0 or not result.is_file():
        tail = (completed.stderr or "").strip().splitlines()[-3:]
        return {"error": f"{mode} worker exited {completed.returncode}: {' / '.join(tail)}"}
    data: Mapping[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    return data


def speed_figures(
    pipeline: Mapping[str, Any], spacy: Mapping[str, Any], *, dataset: str, command: str
) -> list[Figure]:
    size = int(pipeline["articles"])

    def figure(name: str, value: float | None, unit: str, *, lower: bool = False) -> Figure:
        return Figure(
            name=f"speed: {name}",
            value=value,
            unit=unit,
            better="lower" if lower else "higher",
            dataset=dataset,
            size=size,
            command=command,
            note="not gated",
        )

    rate, base_rate = pipeline["articles_per_second"], spacy["articles_per_second"]
    peak, base_peak = pipeline["peak_rss_mib"], spacy["peak_rss_mib"]
    return [
        figure("pipeline articles/s", rate, "articles/s"),
        figure("bare spaCy articles/s", base_rate, "articles/s"),
        figure("slowdown vs spaCy (x)", base_rate / rate if rate else None, "ratio", lower=True),
        figure("pipeline peak memory MiB", peak, "MiB", lower=True),
        figure("bare spaCy peak memory MiB", base_peak, "MiB", lower=True),
        figure("memory vs spaCy (x)", peak / base_peak if base_peak else None, "ratio", lower=True),
    ]


def run_speed(*, data_dir: Path, settings: Settings, command: str) -> BenchResult:
    path = data_dir / "geoparsing" / CORPUS.file
    if not path.is_file():
        return BenchResult(name=NAME, status="skipped", reason=f"{path} not found")
    started = time.perf_counter()
    texts = [doc.text for doc in read_corpus(path, CORPUS)]
    with tempfile.TemporaryDirectory(prefix="frontlines-speed-") as folder:
        work = Path(folder)
        corpus = work / "texts.json"
        corpus.write_text(json.dumps(texts), encoding="utf-8")
        measured = {
            mode: _run_worker(mode, corpus, settings, work) for mode in ("pipeline", "spacy")
        }
    errors = [str(side["error"]) for side in measured.values() if "error" in side]
    if errors:
        return BenchResult(name=NAME, status="failed", reason="; ".join(errors))
    dataset = f"geoparsing/{CORPUS.file} ({len(texts)} articles, {sum(map(len, texts))} chars)"
    return BenchResult(
        name=NAME,
        status="ok",
        figures=tuple(
            speed_figures(measured["pipeline"], measured["spacy"], dataset=dataset, command=command)
        ),
        seconds=time.perf_counter() - started,
        details=measured,
    )
