"""Time one way of processing a corpus in a fresh process and write what it measured as JSON.

Run as ``python -m frontlines.bench.speed_worker MODE CORPUS RESULT`` (MODE: ``pipeline`` or
``spacy``), so each side's peak resident memory is its own process' high-water mark.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from frontlines.settings import Settings

WARM_UP_TEXT = "Rebels shelled Idlib on Monday, the Syrian army said."


def run_pipeline(texts: list[str], *, settings: Settings) -> float:
    """Seconds the full pipeline takes over ``texts``, one article at a time, after a warm-up."""
    from frontlines.python_api import analyze

    analyze(WARM_UP_TEXT, settings=settings)
    started = time.perf_counter()
    for text in texts:
        analyze(text, settings=settings)
    return time.perf_counter() - started


def run_spacy(texts: list[str], *, settings: Settings) -> float:
    """Seconds spaCy's ``nlp.pipe`` (default batch size, every default component) takes."""
    from frontlines.stages.resources import Resources

    nlp = Resources(settings).nlp
    nlp(WARM_UP_TEXT)
    started = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - started


def peak_rss_mib(status: Path = Path("/proc/self/status")) -> float:
    """This process' peak resident memory. Linux keeps ``ru_maxrss`` across exec, so a worker
    started from a large parent would report the parent's peak; ``VmHWM`` starts afresh."""
    if status.is_file():
        for line in status.read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(mode: str, texts: list[str], *, settings: Settings) -> dict[str, Any]:
    started = time.perf_counter()
    seconds = (
        run_pipeline(texts, settings=settings)
        if mode == "pipeline"
        else run_spacy(texts, settings=settings)
    )
    total = time.perf_counter() - started
    peak_mib = peak_rss_mib()
    return {
        "mode": mode,
        "articles": len(texts),
        "characters": sum(len(text) for text in texts),
        "seconds": seconds,
        "load_seconds": total - seconds,
        "articles_per_second": len(texts) / seconds if seconds > 0 else None,
        "peak_rss_mib": peak_mib,
    }


def main(argv: list[str]) -> int:
    mode, corpus, result = argv
    texts = json.loads(Path(corpus).read_text(encoding="utf-8"))
    measured = measure(mode, texts, settings=Settings.from_env())
    Path(result).write_text(json.dumps(measured), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
