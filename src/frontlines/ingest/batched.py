"""Ingest at the speed of the parse: articles analysed in batches, on every core, stored in
batches.

The same outcomes as ``ingest.ingest_paths`` (stored, duplicate, syndicated, skipped, failed),
decided in input order, but: spaCy parses a batch of texts at once (``Pipeline.pipe``), with
``workers`` > 1 each of that many processes analyses part of every batch with its own pipeline,
and each batch is saved in one transaction with one fusion pass (``Store.save_many``) while the
workers analyse the next batch. Syndication is decided before analysis, so an article whose
analysis fails may still be taken as the original of a later reprint (ingest would skip it).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from typing import IO, Any, Protocol

from frontlines.batch.rows import repeated_event_ids
from frontlines.errors import FrontlinesError, StoreLockedError
from frontlines.ingest.ingester import (
    NO_DATE_WARNING,
    Ingester,
    IngestReport,
    InputResult,
    _timed,
    _unanalysed,
    limits_for,
    saved_result,
)
from frontlines.ingest.langid import detect_language
from frontlines.ingest.syndication import Fingerprint, Group
from frontlines.languages import language_named
from frontlines.model import Analysis, Article
from frontlines.readers.common import Item, ReadLimits
from frontlines.readers.folders import expand_sources
from frontlines.readers.named_inputs import read_source
from frontlines.settings import Settings
from frontlines.store.base import SaveResult, Store

log = logging.getLogger(__name__)
BATCH = 32  # articles per transaction
PIPE_BATCH = 16  # texts per nlp.pipe call
PART = 8  # articles per task a worker process takes

Analysed = Analysis | str  # an analysis, or why it failed


@dataclass(frozen=True, slots=True)
class _Pending:
    """An article read and decided on, waiting for its analysis and its save."""

    origin: str
    article: Article
    metadata: dict[str, Any]
    group: Group | None
    copy: tuple[str, float] | None


@dataclass(frozen=True, slots=True)
class _Relink:
    """Not an outcome: once the batch is saved, link this group's members (a duplicate's)."""

    group: Group | None


Decided = InputResult | _Pending | _Relink


def ingest_batched(
    sources: Iterable[str],
    *,
    store: Store,
    settings: Settings,
    workers: int = 1,
    batch: int = BATCH,
    replace: bool = False,
    limits: ReadLimits | None = None,
    stdin: IO[bytes] | None = None,
    on_result: Callable[[InputResult], None] | None = None,
    analysers: Analysers | None = None,
) -> IngestReport:
    """Read every source and store it, ``batch`` articles per transaction.

    ``analysers``: worker processes already started (and warmed), to use instead of starting
    ``workers`` new ones.
    """
    language = language_named(settings.language)
    ingester = Ingester.open(store=store, analyze=_never, replace=replace, language=language)
    report = IngestReport(seconds=ingester.seconds)
    limits = limits or limits_for(settings)
    items = _items(sources, limits=limits, stdin=stdin, seconds=report.seconds)
    with contextlib.ExitStack() as stack:
        analyser = analysers or stack.enter_context(Analysers(settings=settings, workers=workers))
        ingest_items(
            items, ingester=ingester, analyser=analyser, batch=batch, report=report,
            on_result=on_result,
        )  # fmt: skip
    return report


class Analyser(Protocol):
    """What analyses a list of articles: ``Analysers``, or the server's own analysis."""

    def submit(self, articles: list[Article]) -> Future[list[Analysed]]: ...


def ingest_items(
    items: Iterable[Item],
    *,
    ingester: Ingester,
    analyser: Analyser,
    report: IngestReport,
    batch: int = BATCH,
    on_result: Callable[[InputResult], None] | None = None,
) -> None:
    """Decide, analyse and store items already read, ``batch`` per transaction, adding each
    outcome to ``report`` in input order (what ``ingest_batched`` and ``POST /api/ingest`` do)."""
    stream = iter(items)
    waiting: tuple[list[Decided], Future[list[Analysed]]] | None = None
    seen: set[str] = set()
    while chunk := list(islice(stream, batch)):
        decided = _decide(chunk, ingester=ingester, seen=seen)
        readable = [
            p.article for p in decided if isinstance(p, _Pending) and ingester.reads(p.article)
        ]
        future = analyser.submit(readable)
        if waiting is not None:
            _finish(*waiting, ingester=ingester, report=report, on_result=on_result)
        waiting = (decided, future)
    if waiting is not None:
        _finish(*waiting, ingester=ingester, report=report, on_result=on_result)


def _items(
    sources: Iterable[str],
    *,
    limits: ReadLimits,
    stdin: IO[bytes] | None,
    seconds: dict[str, float],
) -> Iterator[Item]:
    for source in expand_sources(sources):
        items = read_source(source, limits=limits, stdin=stdin)
        while True:
            with _timed(seconds, "reading"):
                item = next(items, None)
            if item is None:
                break
            yield item


def _decide(items: Sequence[Item], *, ingester: Ingester, seen: set[str]) -> list[Decided]:
    """Each item's outcome when it needs no analysis, else the article to analyse and save.

    ``seen``: the articles this run already took (an article read twice is a duplicate).
    """
    decided: list[Decided] = []
    for item in items:
        if item.error is not None:
            decided.append(InputResult(item.origin, "failed", reason=item.error))
            continue
        if item.article is None:
            reason = item.skip or "nothing to read"
            decided.append(InputResult(item.origin, "skipped", reason=reason))
            continue
        article = item.article
        if article.language is None:
            with _timed(ingester.seconds, "language"):
                article = dataclasses.replace(article, language=detect_language(article.text))
        with _timed(ingester.seconds, "syndication"):
            fingerprint = Fingerprint.of(article)
            group = ingester.index.group(fingerprint)
        with _timed(ingester.seconds, "storing"):
            again = article.id in seen
            stored = again or ingester.store.has_article(article.id)
        if stored and (again or not ingester.replace):
            decided.append(InputResult(item.origin, "duplicate", article_id=article.id))
            decided.append(_Relink(group))
            continue
        copy = group.copy_of(article.id) if group else None
        metadata: dict[str, Any] = {
            **dict(item.metadata),
            "origin": item.origin,
            "published_source": article.published_source,
        }
        if copy is not None:
            metadata["syndicated_from"] = {"article_id": copy[0], "similarity": copy[1]}
        decided.append(_Pending(item.origin, article, metadata, group, copy))
        seen.add(article.id)
        ingester.index.add(fingerprint)
    return decided


def _finish(
    decided: list[Decided],
    future: Future[list[Analysed]],
    *,
    ingester: Ingester,
    report: IngestReport,
    on_result: Callable[[InputResult], None] | None,
) -> None:
    with _timed(ingester.seconds, "analysis"):
        analysed = iter(future.result())
    results: list[InputResult | _Relink | None] = []
    to_save: list[tuple[_Pending, Analysis]] = []
    for entry in decided:
        if not isinstance(entry, _Pending):
            results.append(entry)
            continue
        analysis: Analysed = (
            next(analysed)
            if ingester.reads(entry.article)
            else _unanalysed(entry.article, ingester.language)
        )
        if isinstance(analysis, str):
            reason = " ".join(f"{entry.origin}: {analysis}".split())
            results.append(InputResult(entry.origin, "failed", entry.article.id, reason=reason))
            continue
        if entry.article.published is None and NO_DATE_WARNING not in analysis.warnings:
            warnings = (*analysis.warnings, NO_DATE_WARNING)
            analysis = dataclasses.replace(analysis, warnings=warnings)
        to_save.append((entry, analysis))
        results.append(None)
    with _timed(ingester.seconds, "storing"):
        saved = iter(_save(ingester, to_save))
    slots = iter(to_save)
    for result in results:
        if result is None:
            entry, _ = next(slots)
            done = next(saved)
            if isinstance(done, FrontlinesError):
                reason = " ".join(f"{entry.origin}: {done}".split())
                outcome = InputResult(entry.origin, "failed", entry.article.id, reason=reason)
            else:
                outcome = saved_result(
                    entry.origin,
                    entry.article,
                    done,
                    copy=entry.copy,
                    readable=ingester.reads(entry.article),
                )
                _link(ingester, entry.group)
        elif isinstance(result, _Relink):
            _link(ingester, result.group)
            continue
        else:
            outcome = result
        report.results.append(outcome)
        if on_result is not None:
            on_result(outcome)


def _save(
    ingester: Ingester, items: list[tuple[_Pending, Analysis]]
) -> list[SaveResult | FrontlinesError]:
    """The batch in one transaction. An article the store refuses fails alone, as in ingest:
    one whose event ids repeat is saved on its own (the store refuses it), and when a batch
    fails all the same, each half is tried again, down to single articles."""
    if not items:
        return []
    lone = [n for n, (_, analysis) in enumerate(items) if repeated_event_ids(analysis)]
    if lone:
        done: dict[int, SaveResult | FrontlinesError] = {}
        rest = [n for n in range(len(items)) if n not in lone]
        done.update(zip(rest, _save(ingester, [items[n] for n in rest]), strict=True))
        done.update((n, _save_one(ingester, *items[n])) for n in lone)
        return [done[n] for n in range(len(items))]
    if len(items) == 1:
        return [_save_one(ingester, *items[0])]
    try:
        return list(
            ingester.store.save_many(
                [(analysis, entry.metadata) for entry, analysis in items],
                replace=ingester.replace,
            )
        )
    except StoreLockedError:
        raise  # the store's, not the articles': nothing of the batch can be saved now
    except FrontlinesError:
        log.info("a batch of %d articles failed to save; trying each half", len(items))
    half = len(items) // 2
    return [*_save(ingester, items[:half]), *_save(ingester, items[half:])]


def _save_one(
    ingester: Ingester, entry: _Pending, analysis: Analysis
) -> SaveResult | FrontlinesError:
    try:
        return ingester.store.save(analysis, replace=ingester.replace, metadata=entry.metadata)
    except StoreLockedError:
        raise
    except FrontlinesError as error:
        return error


def _link(ingester: Ingester, group: Group | None) -> None:
    """Point every stored member of the group at its original, writing only what changed."""
    if group is None:
        return
    for copy_id, similarity in group.members.items():
        if ingester.links.get(copy_id) != group.original_id and ingester.store.has_article(copy_id):
            ingester.store.link_syndicated(copy_id, group.original_id, similarity)
            ingester.links[copy_id] = group.original_id


def _never(article: Article) -> Analysis:
    raise AssertionError("ingest_batched analyses through its workers")


class Analysers:
    """Analyses lists of articles: in this process, or split across worker processes, each
    with its own pipeline (loaded when the process starts; ``warm`` starts them all)."""

    def __init__(self, *, settings: Settings, workers: int) -> None:
        self._settings = settings
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None
        if workers > 1:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                workers, mp_context=context, initializer=_load, initargs=(settings,)
            )

    def __enter__(self) -> Analysers:
        return self

    def __exit__(self, *_: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def warm(self, text: str) -> None:
        """Start every worker and analyse ``text`` in each, so later batches run at full speed."""
        article = Article.create(text)
        self.submit([article] * self._workers).result()

    def submit(self, articles: list[Article]) -> Future[list[Analysed]]:
        if self._pool is None:
            done: Future[list[Analysed]] = Future()
            done.set_result(analyse(articles, settings=self._settings))
            return done
        size = PART  # small parts keep every worker busy whatever the articles' lengths
        parts = [
            self._pool.submit(analyse, articles[start : start + size], settings=self._settings)
            for start in range(0, len(articles), size)
        ]
        return _joined(parts)


def _joined(parts: list[Future[list[Analysed]]]) -> Future[list[Analysed]]:
    """One future for the concatenated results of ``parts`` (in order)."""
    joined: Future[list[Analysed]] = Future()
    remaining = [len(parts)]

    def done(_: Future[list[Analysed]]) -> None:
        remaining[0] -= 1
        if remaining[0]:
            return
        try:
            joined.set_result([result for part in parts for result in part.result()])
        except Exception as error:  # noqa: BLE001  (a worker's failure is the batch's)
            joined.set_exception(error)

    if not parts:
        joined.set_result([])
    for part in parts:
        part.add_done_callback(done)
    return joined


def _load(settings: Settings) -> None:
    from frontlines.python_api import load_pipeline

    load_pipeline(settings)


def analyse(articles: list[Article], *, settings: Settings) -> list[Analysed]:
    """Each article's analysis, or the one-line reason it failed (picklable either way)."""
    from frontlines.python_api import load_pipeline

    pipeline = load_pipeline(settings)
    return [
        " ".join(str(result).split()) if isinstance(result, FrontlinesError) else result
        for result in pipeline.pipe(articles, batch_size=PIPE_BATCH)
    ]
