"""The scaling benchmark: analysis time per 10 KB of text at 10 KB, 100 KB and 1 MB.

The texts are the geoparsing corpora's articles (TR-News, LGL, GeoVirus) joined by blank lines in
a fixed order, cut at an article's end: the 1 MB text begins with the 100 KB one, and the 10 KB
figure is the mean over ten 10 KB texts that together are that same 100 KB, so the three
figures measure the same kind of prose. Linear cost gives about the same time per 10 KB at
every size; the last figure is the 1 MB time per 10 KB over the 10 KB one (under 1.5 is the aim).
Reported, never gated: the machines are noisy.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from frontlines.bench.geoparsing_data import CORPORA, read_corpus
from frontlines.bench.report import BenchResult, Figure
from frontlines.model import Analysis

NAME = "scaling"
SIZES = (10_000, 100_000, 1_000_000)
SMALL_TEXTS = 10  # 10 KB texts measured, the first 100 KB cut in ten
UNIT = 10_000
AIM = 1.5

Analyse = Callable[[str, date | None], Analysis | None]


def long_text(articles: Sequence[str], *, size: int) -> str:
    """The articles joined by blank lines, repeated as needed, cut after the article that
    passes ``size`` characters and trimmed back to ``size`` at a paragraph break."""
    if not any(text.strip() for text in articles):
        return ""
    parts: list[str] = []
    length = 0
    while length < size:
        for text in articles:
            parts.append(text.strip())
            length += len(parts[-1]) + 2
            if length >= size:
                break
    text = "\n\n".join(parts)[:size]
    cut = text.rfind("\n\n")
    return text[:cut] if cut > size // 2 else text


def pieces(text: str, *, count: int) -> list[str]:
    """``text`` cut in ``count`` pieces of about equal length, each at a paragraph break."""
    found: list[str] = []
    start = 0
    for number in range(1, count + 1):
        target = len(text) * number // count
        end = len(text) if number == count else text.rfind("\n\n", start, target) + 2
        if end <= start + 1:
            end = target
        found.append(text[start:end])
        start = end
    return [piece for piece in found if piece.strip()]


def _timed(analyse: Analyse, text: str) -> float:
    started = time.perf_counter()
    if analyse(text, None) is None:
        raise RefusedError(f"the pipeline refused a text of {len(text)} characters")
    return time.perf_counter() - started


class RefusedError(Exception):
    """The pipeline refused a text: there is no time to report."""


def scaling_figures(
    per_unit: dict[int, float], *, dataset: str, command: str, size: int
) -> list[Figure]:
    def figure(name: str, value: float | None, unit: str) -> Figure:
        return Figure(
            name=f"scaling: {name}",
            value=value,
            unit=unit,
            better="lower",
            dataset=dataset,
            size=size,
            command=command,
            note="not gated",
        )

    first, last = per_unit[SIZES[0]], per_unit[SIZES[-1]]
    labels = {10_000: "10 KB", 100_000: "100 KB", 1_000_000: "1 MB"}
    return [
        *(figure(f"s per 10 KB at {labels[s]}", per_unit[s], "s") for s in SIZES),
        figure(
            f"1 MB vs 10 KB per 10 KB (x, aim <= {AIM})", last / first if first else None, "ratio"
        ),
    ]


def run_scaling(*, data_dir: Path, analyse: Analyse, command: str) -> BenchResult:
    articles: list[str] = []
    for corpus in CORPORA:
        path = data_dir / "geoparsing" / corpus.file
        if path.is_file():
            articles.extend(doc.text for doc in read_corpus(path, corpus))
    if not articles:
        return BenchResult(name=NAME, status="skipped", reason="no geoparsing corpus found")
    started = time.perf_counter()
    analyse("Warm-up: rebels attacked the town on Monday, officials said.", None)
    per_unit: dict[int, float] = {}
    small = pieces(long_text(articles, size=SIZES[0] * SMALL_TEXTS), count=SMALL_TEXTS)
    try:
        seconds = sum(_timed(analyse, text) for text in small)
        per_unit[SIZES[0]] = seconds / sum(map(len, small)) * UNIT
        for size in SIZES[1:]:
            text = long_text(articles, size=size)
            per_unit[size] = _timed(analyse, text) / len(text) * UNIT
    except RefusedError as error:
        return BenchResult(name=NAME, status="failed", reason=str(error))
    dataset = f"geoparsing articles joined ({len(articles)} articles, cut at 10 KB to 1 MB)"
    return BenchResult(
        name=NAME,
        status="ok",
        figures=tuple(scaling_figures(per_unit, dataset=dataset, command=command, size=SIZES[-1])),
        seconds=time.perf_counter() - started,
        details={"seconds_per_10kb": {str(size): per_unit[size] for size in SIZES}},
    )
