"""Read, analyse and store inputs: one outcome per article read, and a bad input never stops others.

Outcomes: ``stored``, ``replaced``, ``duplicate`` (already stored), ``syndicated`` (stored, and
linked to the original it reprints), ``skipped`` (left out on purpose, or stored without
extraction because it is not English: the reason says which) and ``failed`` (the reason is one line
naming the input). Each article is stored in its own transaction, so an interrupted run can be
run again: what was stored is a duplicate, the rest is stored, links included.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import IO, Any, Literal

from frontlines.errors import FrontlinesError, InputError, StageError, StoreError
from frontlines.ingest.langid import detect_language
from frontlines.ingest.syndication import Fingerprint, Group, SyndicationIndex
from frontlines.languages import ENGLISH, Language, language_named, pipeline_reads
from frontlines.model import Analysis, Article
from frontlines.readers.common import Item, ReadLimits
from frontlines.readers.fetch import is_url
from frontlines.readers.folders import expand_sources, walk
from frontlines.readers.named_inputs import read_source, unreadable
from frontlines.settings import Settings
from frontlines.store.base import SaveResult, Store
from frontlines.version import __version__

Outcome = Literal["stored", "duplicate", "replaced", "syndicated", "skipped", "failed"]
OUTCOMES: tuple[Outcome, ...] = (
    "stored",
    "replaced",
    "syndicated",
    "duplicate",
    "skipped",
    "failed",
)
NO_DATE_WARNING = (
    "no publication date in the input, the page or the text's date line: stored undated, its "
    "events dated only where the text gives the date"
)
PAGE = 1000
logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class InputResult:
    input: str
    outcome: Outcome
    article_id: str | None = None
    events: int = 0
    reason: str | None = None
    original_id: str | None = None  # for a syndicated copy: the article it reprints
    similarity: float | None = None
    cause: str | None = None  # for a failure: what kind of failure, for the summary's count
    undated: bool = False  # stored without a publication date: events dated only by the text

    def line(self) -> str:
        """One line for the ingest report."""
        if self.outcome == "failed":
            return f"failed      {self.reason}"
        detail = f": {self.reason}" if self.reason else ""
        if self.outcome in ("stored", "replaced", "syndicated"):
            detail += f" ({self.events} event{'' if self.events == 1 else 's'})"
        if self.undated and self.outcome != "duplicate":
            detail += "; undated: no publication date found, events dated only where the text is"
        return f"{self.outcome:<11} {self.input}{detail}"


@dataclass
class IngestReport:
    results: list[InputResult] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # time spent per phase

    def timing(self) -> str:
        """Where the time went: reading, language detection, syndication, analysis, storing."""
        phases = ("reading", "language", "syndication", "analysis", "storing")
        return "time: " + ", ".join(
            f"{phase} {self.seconds.get(phase, 0.0):.1f} s" for phase in phases
        )

    @property
    def ok(self) -> bool:
        return not any(result.outcome == "failed" for result in self.results)

    def summary(self) -> str:
        counts = Counter(result.outcome for result in self.results)
        parts = [f"{counts[outcome]} {outcome}" for outcome in OUTCOMES]
        events = sum(result.events for result in self.results)
        line = f"{len(self.results)} inputs: " + ", ".join(parts) + f"; {events} events stored"
        undated = sum(1 for result in self.results if result.undated)
        if undated:
            line += f"; {undated} undated (no publication date found)"
        return line

    def failures_by_cause(self) -> Counter[str]:
        return failures_by_cause(self.results)

    def failures_line(self) -> str:
        """How many inputs failed, by cause: "failures by cause: 0" when none did."""
        return failures_line(self.results)


def failures_by_cause(results: Iterable[InputResult]) -> Counter[str]:
    return Counter(result.cause or "other" for result in results if result.outcome == "failed")


def failures_line(results: Iterable[InputResult]) -> str:
    counts = failures_by_cause(results)
    if not counts:
        return "failures by cause: 0"
    parts = ", ".join(f"{cause} {count}" for cause, count in counts.most_common())
    return f"failures by cause: {parts}"


@dataclass
class Ingester:
    """Stores articles one by one and links reprints; open it with ``Ingester.open``."""

    store: Store
    analyze: Callable[[Article], Analysis]
    replace: bool = False
    published: date | None = None  # given by the user: the date of every article read
    language: Language = ENGLISH  # the language the pipeline reads; others are stored unread
    index: SyndicationIndex = field(default_factory=SyndicationIndex)
    links: dict[str, str] = field(default_factory=dict)  # copy id -> original id, as stored
    seconds: dict[str, float] = field(default_factory=dict)

    @classmethod
    def open(
        cls,
        *,
        store: Store,
        analyze: Callable[[Article], Analysis],
        replace: bool = False,
        published: date | None = None,
        language: Language = ENGLISH,
    ) -> Ingester:
        """An ingester that knows the store's articles (for syndication) and links;
        ``published`` dates every article read (the user's word over what the input says);
        articles in another ``language`` than the pipeline's are stored without extraction."""
        ingester = cls(
            store=store, analyze=analyze, replace=replace, published=published, language=language
        )
        for article in reversed(list(_all_articles(store))):  # oldest first
            ingester.index.add(Fingerprint.of(article))
        ingester.links = {link.copy_id: link.original_id for link in store.syndication_links()}
        return ingester

    def reads(self, article: Article) -> bool:
        """Whether the pipeline reads the article's language (an unknown one is tried)."""
        return pipeline_reads(article.language, language=self.language.code)

    def ingest_item(self, item: Item) -> InputResult:
        """The outcome of one item; whatever goes wrong, it fails alone and the run goes on."""
        if item.error is not None:
            return InputResult(item.origin, "failed", reason=item.error, cause=item.cause)
        if item.article is None:
            return InputResult(item.origin, "skipped", reason=item.skip or "nothing to read")
        article = item.article
        if self.published is not None:
            article = dataclasses.replace(
                article, published=self.published, published_source="input"
            )
        try:
            if article.language is None:
                with _timed(self.seconds, "language"):
                    language = detect_language(article.text)
                    article = dataclasses.replace(article, language=language)
            return self._ingest_article(article, origin=item.origin, metadata=item.metadata)
        except FrontlinesError as error:
            reason = " ".join(f"{item.origin}: {error}".split())
            return InputResult(
                item.origin, "failed", article_id=article.id, reason=reason, cause=cause_of(error)
            )
        except Exception as error:  # the boundary: one input's failure never stops the run
            logger.exception("ingesting %s failed", item.origin)
            reason = " ".join(f"{item.origin}: {type(error).__name__}: {error}".split())
            return InputResult(
                item.origin, "failed", article_id=article.id, reason=reason, cause=cause_of(error)
            )

    def _ingest_article(
        self, article: Article, *, origin: str, metadata: Mapping[str, Any]
    ) -> InputResult:
        with _timed(self.seconds, "syndication"):
            fingerprint = Fingerprint.of(article)
            group = self.index.group(fingerprint)
        copy = group.copy_of(article.id) if group else None
        with _timed(self.seconds, "storing"):
            stored = self.store.has_article(article.id)
        if stored and not self.replace:
            self._link(group)  # an interrupted run may have stored the article, not its links
            return InputResult(origin, "duplicate", article_id=article.id)
        readable = self.reads(article)
        with _timed(self.seconds, "analysis"):
            analysis = self.analyze(article) if readable else _unanalysed(article, self.language)
        if article.published is None and NO_DATE_WARNING not in analysis.warnings:
            analysis = dataclasses.replace(analysis, warnings=(*analysis.warnings, NO_DATE_WARNING))
        extra: dict[str, Any] = {
            **dict(metadata),
            "origin": origin,
            "published_source": article.published_source,
        }
        if copy is not None:
            extra["syndicated_from"] = {"article_id": copy[0], "similarity": copy[1]}
        with _timed(self.seconds, "storing"):
            saved = self.store.save(analysis, replace=self.replace, metadata=extra)
        self.index.add(fingerprint)
        self._link(group)
        return saved_result(
            origin, article, saved, copy=copy, readable=readable, undated=article.published is None
        )

    def _link(self, group: Group | None) -> None:
        """Point every member of the group at its original, writing only what changed."""
        if group is None:
            return
        for copy_id, similarity in group.members.items():
            if self.links.get(copy_id) != group.original_id and self.store.has_article(copy_id):
                self.store.link_syndicated(copy_id, group.original_id, similarity)
                self.links[copy_id] = group.original_id


def cause_of(error: BaseException) -> str:
    """A short name for the kind of failure: the stage that failed, the input, the store..."""
    if isinstance(error, StageError):
        return f"stage {error.stage} ({error.cause})"
    if isinstance(error, InputError):
        return "input"
    if isinstance(error, StoreError):
        return "store"
    if isinstance(error, FrontlinesError):
        return type(error).__name__
    return f"unexpected {type(error).__name__}"


def _unanalysed(article: Article, language: Language) -> Analysis:
    """What is stored for an article the pipeline cannot read: the text, no events."""
    warning = f"skipped extraction: language {article.language!r} is not {language.name}"
    return Analysis(
        frontlines_version=__version__, pipeline=(), article=article, warnings=(warning,)
    )


def _all_articles(store: Store) -> Iterable[Article]:
    offset = 0
    while batch := store.articles(limit=PAGE, offset=offset):
        yield from batch
        offset += len(batch)


def demo_corpus_paths() -> list[Path]:
    """The fictional demo articles shipped with the package."""
    corpus = Path(str(files("frontlines").joinpath("demo", "corpus")))
    return sorted(corpus.glob("*.txt"))


def limits_for(settings: Settings, **overrides: Any) -> ReadLimits:
    return ReadLimits.from_max_bytes(settings.max_article_bytes, **overrides)


def ingest_paths(
    sources: Iterable[str | Path],
    *,
    store: Store,
    settings: Settings,
    analyze: Callable[[Article], Analysis],
    replace: bool = False,
    published: date | None = None,
    limits: ReadLimits | None = None,
    stdin: IO[bytes] | None = None,
    on_result: Callable[[InputResult], None] | None = None,
    on_source_done: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read every source (files, folders, feed or page URLs, ``-`` for stdin) and store it."""
    ingester = Ingester.open(
        store=store,
        analyze=analyze,
        replace=replace,
        published=published,
        language=language_named(settings.language),
    )
    limits = limits or limits_for(settings)
    report = IngestReport(seconds=ingester.seconds)
    for source in expand_sources(sources):
        items = read_source(source, limits=limits, stdin=stdin)
        while True:
            with _timed(report.seconds, "reading"):
                item = next(items, None)
            if item is None:
                break
            result = ingester.ingest_item(item)
            report.results.append(result)
            if on_result is not None:
                on_result(result)
        if on_source_done is not None:
            on_source_done(source)
    return report


@contextmanager
def _timed(seconds: dict[str, float], phase: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        seconds[phase] = seconds.get(phase, 0.0) + time.perf_counter() - start


@dataclass
class Watcher:
    """Polls a folder or a feed URL and ingests what is new; call ``poll`` once per interval.

    A folder's files are read again only when their size or modification time changed, and
    not while they are still being written (modified under ``settle_s`` seconds ago).
    """

    target: str
    ingester: Ingester
    limits: ReadLimits
    settle_s: float = 2.0
    _seen: dict[str, tuple[int, int]] = field(default_factory=dict)

    def poll(self, *, now: float | None = None) -> list[InputResult]:
        if is_url(self.target):
            return self._ingest(self.target)
        folder = Path(self.target)
        if not folder.is_dir():
            reason = f"{self.target}: no such folder"
            return [InputResult(self.target, "failed", reason=reason)]
        moment = time.time() if now is None else now
        results: list[InputResult] = []
        for path in walk(folder):
            try:
                stat = path.stat()
            except OSError as error:  # gone or refused since the folder was listed
                reason = unreadable(str(path), error)
                results.append(InputResult(str(path), "failed", reason=reason, cause="unreadable"))
                continue
            state = (stat.st_mtime_ns, stat.st_size)
            if self._seen.get(str(path)) == state or moment - stat.st_mtime < self.settle_s:
                continue
            results.extend(self._ingest(str(path)))
            self._seen[str(path)] = state
        return results

    def _ingest(self, source: str) -> list[InputResult]:
        items = read_source(source, limits=self.limits)
        return [self.ingester.ingest_item(item) for item in items]


def saved_result(
    origin: str,
    article: Article,
    saved: SaveResult,
    *,
    copy: tuple[str, float] | None,
    readable: bool,
    undated: bool = False,
) -> InputResult:
    """What became of an article once saved: stored, a duplicate, syndicated (``copy``: the
    original's id and similarity) or skipped (stored without extraction, its language unread)."""
    reasons = []
    if copy is not None:
        reasons.append(f"copy of {copy[0]} (similarity {copy[1]:.2f})")
    if not readable:
        reasons.append(f"skipped extraction: language {article.language!r}")
    outcome: Outcome = saved.outcome
    if copy is not None and saved.outcome != "duplicate":
        outcome = "syndicated"
    elif not readable and saved.outcome != "duplicate":
        outcome = "skipped"
        reasons.insert(0, "stored")
    return InputResult(
        origin,
        outcome,
        article_id=article.id,
        events=saved.events,
        reason="; ".join(reasons) or None,
        original_id=copy[0] if copy else None,
        similarity=copy[1] if copy else None,
        undated=undated,
    )
