"""Analyse inputs and store them: one outcome per input, and a bad input never stops the others."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Literal

from frontlines.errors import FrontlinesError, InputError
from frontlines.model import Analysis, Article
from frontlines.readers.text import read_text_file
from frontlines.settings import Settings
from frontlines.store.base import Store

Outcome = Literal["stored", "duplicate", "replaced", "skipped", "failed"]
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


@dataclass(frozen=True, slots=True)
class InputResult:
    input: str
    outcome: Outcome
    article_id: str | None = None
    events: int = 0
    reason: str | None = None


@dataclass
class IngestReport:
    results: list[InputResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(result.outcome == "failed" for result in self.results)

    def summary(self) -> str:
        counts = Counter(result.outcome for result in self.results)
        parts = [f"{counts[o]} {o}" for o in ("stored", "replaced", "duplicate", "skipped", "failed")]
        events = sum(result.events for result in self.results)
        return f"{len(self.results)} inputs: " + ", ".join(parts) + f"; {events} events stored"


def expand_inputs(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given; folders walked recursively for text files, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                child for child in path.rglob("*") if child.suffix.lower() in TEXT_SUFFIXES
            )
        else:
            yield path


def demo_corpus_paths() -> list[Path]:
    """The fictional demo articles shipped with the package."""
    corpus = Path(str(files("frontlines").joinpath("demo", "corpus")))
    return sorted(corpus.glob("*.txt"))


def ingest_paths(
    paths: Iterable[Path],
    *,
    store: Store,
    settings: Settings,
    analyze: Callable[[Article], Analysis],
    replace: bool = False,
    on_result: Callable[[InputResult], None] | None = None,
) -> IngestReport:
    """Read, analyse and store each input in its own transaction."""
    report = IngestReport()
    for path in paths:
        result = ingest_one(path, store=store, settings=settings, analyze=analyze, replace=replace)
        report.results.append(result)
        if on_result is not None:
            on_result(result)
    return report


def ingest_one(
    path: Path,
    *,
    store: Store,
    settings: Settings,
    analyze: Callable[[Article], Analysis],
    replace: bool = False,
) -> InputResult:
    name = str(path)
    try:
        article = read_text_file(path, max_bytes=settings.max_article_bytes)
    except InputError as error:
        return InputResult(name, "failed", reason=str(error))
    if store.has_article(article.id) and not replace:
        return InputResult(name, "duplicate", article_id=article.id)
    if article.language not in (None, "en"):
        reason = f"language {article.language!r} is not English; extraction skipped"
        return InputResult(name, "skipped", article_id=article.id, reason=reason)
    try:
        analysis = analyze(article)
        saved = store.save(analysis, replace=replace)
    except FrontlinesError as error:
        return InputResult(name, "failed", article_id=article.id, reason=f"{name}: {error}")
    return InputResult(name, saved.outcome, article_id=article.id, events=saved.events)
