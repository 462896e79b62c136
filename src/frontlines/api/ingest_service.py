"""What POST /api/ingest runs: the batched ingest, over articles a client has read.

One per app. It keeps ingest's syndication index (built from the store on the first batch) and
takes one batch at a time, so two clients sending at once are stored as if sent one after the
other. Analysis runs outside the store's write: readers go on meanwhile.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future

from frontlines.errors import FrontlinesError
from frontlines.ingest.batched import Analysed, ingest_items
from frontlines.ingest.ingester import Ingester, IngestReport, InputResult
from frontlines.model import Analysis, Article
from frontlines.readers.common import Item
from frontlines.store.base import Store

logger = logging.getLogger(__name__)


class IngestService:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ingester: Ingester | None = None

    def ingest(
        self,
        items: Sequence[Item],
        *,
        store: Store,
        analyze: Callable[[Article], Analysis],
        replace: bool,
    ) -> list[InputResult]:
        with self._lock:
            if self._ingester is None or self._ingester.store is not store:
                self._ingester = Ingester.open(store=store, analyze=analyze)
            ingester = self._ingester
            ingester.analyze = analyze
            ingester.replace = replace
            report = IngestReport(seconds=ingester.seconds)
            ingest_items(items, ingester=ingester, analyser=_InThread(analyze), report=report)
        return report.results


class _InThread:
    """The app's analysis, article by article, in the request's thread."""

    def __init__(self, analyze: Callable[[Article], Analysis]) -> None:
        self._analyze = analyze

    def submit(self, articles: list[Article]) -> Future[list[Analysed]]:
        done: Future[list[Analysed]] = Future()
        done.set_result([self._one(article) for article in articles])
        return done

    def _one(self, article: Article) -> Analysed:
        try:
            return self._analyze(article)
        except FrontlinesError as error:
            return " ".join(str(error).split())
        except Exception as error:  # the boundary: one article's failure never stops the batch
            logger.exception("analysing %s failed", article.id)
            return " ".join(f"{type(error).__name__}: {error}".split())
