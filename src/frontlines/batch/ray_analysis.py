"""The analysis stage on Ray Data: one loaded pipeline per worker, spaCy's ``nlp.pipe`` inside.

Articles go in as a dataset of rows (``n``, the article as JSON); ``map_batches`` runs a pool of
actors, each of which loads the pipeline once and analyses its batches with ``Pipeline.pipe``;
rows come back to the driver as (``n``, the analysis as JSON, or the error, and the worker's
peak resident memory so far, which the driver keeps per worker). Ray starts locally
(``ray.init()``) unless ``address`` names a running cluster, whose nodes need frontlines
installed and can read the gazetteer cache of the settings.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import logging
import os
import resource
import socket
from collections.abc import Iterator, Sequence
from typing import Any

from frontlines.errors import FrontlinesError, MissingDependencyError
from frontlines.model import Analysis, Article
from frontlines.settings import Settings

log = logging.getLogger(__name__)
# Input blocks are cut by work: characters of text plus ARTICLE_COST per article (a short note's
# fixed cost), longest texts first. Each block holds at most BLOCK_WORK, and at most the work
# left over TAIL_SHARE times the workers, so blocks shrink towards the end (down to MIN_WORK):
# the last blocks are small, and no worker idles long while another finishes a run of long texts.
BLOCK_WORK = 100_000
MIN_WORK = 10_000
ARTICLE_COST = 1_000
TAIL_SHARE = 4
# A local Ray's object store: it holds only blocks of article JSON in flight (a few MB), so
# Ray's default (30% of the machine's memory, pages touched as blocks come and go) is not needed.
OBJECT_STORE_BYTES = 128 * 1024 * 1024
# Text a worker parses at once with ``nlp.pipe`` (about four long articles): the parses of a batch
# live together, so the count alone (``pipe_batch``) let a run of long texts take far more memory.
PIPE_CHARS = 24_000


def ray_module() -> Any:
    """The ray module with Ray Data, or a MissingDependencyError naming the extra."""
    try:
        import ray
        import ray.data
    except ImportError:
        raise MissingDependencyError(
            package="ray[data]", extra="scale", purpose="frontlines batch"
        ) from None
    return ray


class Analyser:
    """A Ray actor's callable: the pipeline loaded once, then batches of articles analysed."""

    def __init__(self, *, settings: Settings, pipe_batch: int) -> None:
        from frontlines.python_api import load_pipeline

        self._pipeline = load_pipeline(settings)
        self._pipe_batch = pipe_batch

    def __call__(self, batch: Any) -> Any:
        from frontlines.batch.arrow import pyarrow

        rows = batch.to_pylist()
        articles = [Article.from_dict(json.loads(row["article"])) for row in rows]
        analyses: list[str | None] = []
        errors: list[str | None] = []
        for result in self._analysed(articles):
            if isinstance(result, FrontlinesError):
                analyses.append(None)
                errors.append(" ".join(str(result).split()))
            else:
                analyses.append(json.dumps(result.to_dict(), ensure_ascii=False))
                errors.append(None)
        release_free_heap()
        pa = pyarrow()
        return pa.table(
            {
                "n": pa.array([row["n"] for row in rows], pa.int64()),
                "analysis": pa.array(analyses, pa.string()),
                "error": pa.array(errors, pa.string()),
                "worker": pa.array([worker_name()] * len(rows), pa.string()),
                "peak_kb": pa.array([peak_rss_kb()] * len(rows), pa.int64()),
            }
        )

    def _analysed(self, articles: Sequence[Article]) -> Iterator[Analysis | FrontlinesError]:
        """``Pipeline.pipe`` over groups of at most ``pipe_batch`` articles and PIPE_CHARS of
        text, so a run of long texts is parsed a few at a time."""
        for group in pipe_groups(articles, most=self._pipe_batch, chars=PIPE_CHARS):
            yield from self._pipeline.pipe(group, batch_size=len(group))


def pipe_groups(articles: Sequence[Article], *, most: int, chars: int) -> Iterator[list[Article]]:
    """``articles`` in order, in groups of at most ``most`` articles whose texts add up to at
    most ``chars`` characters (a longer text goes alone)."""
    group: list[Article] = []
    size = 0
    for article in articles:
        length = len(article.text)
        if group and (len(group) >= most or size + length > chars):
            yield group
            group, size = [], 0
        group.append(article)
        size += length
    if group:
        yield group


def release_free_heap() -> bool:
    """Give the C heap's free pages back to the system; whether the C library could.

    An article's parse and its embeddings' buffers are freed after each batch, but glibc keeps
    the pages (a worker grew 100-170 MB over a few hundred articles that ``malloc_trim`` gave
    back). Elsewhere than glibc this does nothing and says False.
    """
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc: no malloc_trim
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    return True


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def peak_rss_kb() -> int:
    """This process's peak resident set so far, in KB (Linux's ru_maxrss unit)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def start_ray(*, address: str | None, workers: int, settings: Settings) -> bool:
    """Connect to the cluster at ``address``, else start a local Ray with ``workers`` CPUs;
    whether this call did (False where Ray was already initialised: the caller's to keep).

    Locally, the gazetteer cache is built first (once), so the workers only open it.
    """
    ray = ray_module()
    if address is None:
        from frontlines.geo.gazetteer import Gazetteer

        Gazetteer.open(cache_dir=settings.cache_dir).close()
    if ray.is_initialized():
        return False
    quiet = {"log_to_driver": False, "logging_level": logging.WARNING}
    if address is None:
        ray.init(
            num_cpus=workers,
            include_dashboard=False,
            object_store_memory=OBJECT_STORE_BYTES,
            **quiet,
        )
    else:
        ray.init(address=address, **quiet)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    return True


def stop_ray() -> None:
    """Shut down the local Ray (or leave the cluster) that ``start_ray`` started."""
    ray_module().shutdown()


def work_blocks(
    costs: Sequence[int], *, workers: int, most: int = BLOCK_WORK, least: int = MIN_WORK
) -> list[list[int]]:
    """Indices of ``costs`` in blocks, costliest first: each block holds at most ``most``, and at
    most the work left over TAIL_SHARE times the workers (never under ``least``); an item
    costlier than that goes alone."""
    order = sorted(range(len(costs)), key=lambda n: (-costs[n], n))
    left = sum(costs)
    blocks: list[list[int]] = []
    block: list[int] = []
    work = 0
    budget = max(least, min(most, left // (workers * TAIL_SHARE)))
    for n in order:
        if block and work + costs[n] > budget:
            blocks.append(block)
            left -= work
            block, work = [], 0
            budget = max(least, min(most, left // (workers * TAIL_SHARE)))
        block.append(n)
        work += costs[n]
    if block:
        blocks.append(block)
    return blocks


def analyse_on_ray(
    articles: Sequence[Article],
    *,
    settings: Settings,
    workers: int,
    pipe_batch: int = 16,
    peaks: dict[str, int] | None = None,
) -> Iterator[tuple[int, Analysis | str]]:
    """(index in ``articles``, its analysis or the error) for every article, in any order.

    ``peaks`` (when given) gets each worker's peak resident memory in KB, by host and pid.
    """
    from frontlines.batch.arrow import pyarrow

    ray = ray_module()
    if not articles:
        return
    pa = pyarrow()
    tables = [
        pa.table(
            {
                "n": pa.array(block, pa.int64()),
                "article": pa.array(
                    [
                        json.dumps(articles[n].to_dict(include_text=True), ensure_ascii=False)
                        for n in block
                    ],
                    pa.string(),
                ),
            }
        )
        for block in work_blocks(
            [len(article.text) + ARTICLE_COST for article in articles], workers=workers
        )
    ]
    dataset = ray.data.from_arrow(tables)  # one block per table, in this order
    del tables
    analysed = dataset.map_batches(
        Analyser,
        fn_constructor_kwargs={"settings": settings, "pipe_batch": pipe_batch},
        batch_size=None,  # a whole block per call
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=1,
    )
    for batch in analysed.iter_batches(batch_format="pyarrow", batch_size=None):
        for row in batch.to_pylist():
            if peaks is not None:
                peaks[row["worker"]] = max(peaks.get(row["worker"], 0), int(row["peak_kb"]))
            n = int(row["n"])
            if row["error"] is not None:
                yield n, str(row["error"])
            else:
                data = json.loads(row["analysis"])
                yield n, Analysis.from_dict(data, text=articles[n].text)
