"""The PTC benchmark: the framing stage against loaded language and name calling in news.

The Propaganda Techniques Corpus (Da San Martino et al. 2019; SemEval-2020 task 11, training
set, the only one with public gold) marks character spans of 14 techniques in news articles.
The gold here is every ``Loaded_Language`` and ``Name_Calling,Labeling`` span (a span marked
with both counts once); the predictions are the framing stage's flags, of every kind, on the
spaCy parse of the article (named entities off, as the stage does not read them). Matching is
by overlap, as in ``metrics.span_overlap``: a flag is right when it overlaps a gold span by one
character or more, and a gold span is found when a flag overlaps it. PTC's gold marks whole
phrases ("the nation that gave the world the Magna Carta is dead") where the stage flags single
words, so overlap, not exact match. Samples: all 371 articles for the full run, a fixed 100 for
the gate (seeded hash order). Only this set has public gold, so work on the lexicon is checked
against it: treat the figures as in-sample, not held out.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from frontlines.bench.geoparsing_data import SEED
from frontlines.bench.metrics import SpanOverlap, span_overlap
from frontlines.bench.protocols import Progress
from frontlines.bench.report import BenchResult, Figure, Sample, share_figures

if TYPE_CHECKING:
    from frontlines.stages.resources import Resources

NAME = "ptc"
FOLDER = "ptc_loaded_language"
LABELS = "train-task2-TC.labels"
ARTICLES = "train-articles"
TECHNIQUES = frozenset({"Loaded_Language", "Name_Calling,Labeling"})
GATE_ARTICLES = 100

# The (start, end) of every framing flag in each text, in order.
FramingFinder = Callable[[Iterable[str]], Iterable[Sequence[tuple[int, int]]]]


@dataclass(frozen=True, slots=True)
class PtcDoc:
    id: str
    text: str
    gold: tuple[tuple[int, int], ...]


def read_labels(text: str) -> dict[str, set[tuple[int, int]]]:
    """Article id -> the gold spans of the chosen techniques, from a task-2 labels file."""
    gold: defaultdict[str, set[tuple[int, int]]] = defaultdict(set)
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[1] in TECHNIQUES:
            gold[parts[0]].add((int(parts[2]), int(parts[3])))
    return dict(gold)


def read_articles(folder: Path) -> list[PtcDoc]:
    """Every article of ``folder`` (``article<id>.txt``) with its gold spans, by id."""
    gold = read_labels((folder / LABELS).read_text(encoding="utf-8"))
    docs = []
    for path in sorted((folder / ARTICLES).glob("article*.txt")):
        doc_id = path.stem.removeprefix("article")
        spans = tuple(sorted(gold.get(doc_id, ())))
        docs.append(PtcDoc(id=doc_id, text=path.read_text(encoding="utf-8"), gold=spans))
    return docs


def framing_finder(resources: Resources) -> FramingFinder:
    """The product's framing stage on each text's parse (the spaCy model opens on first use)."""

    def find(texts: Iterable[str]) -> Iterator[list[tuple[int, int]]]:
        from frontlines.document import Document
        from frontlines.model import Article
        from frontlines.stages.framing import make_stage

        stage = make_stage(resources=resources)
        pairs = ((text, text) for text in texts)
        for parse, text in resources.nlp.pipe(pairs, as_tuples=True, disable=["ner"]):
            doc = Document(article=Article.create(text))
            doc.parse = parse
            yield [(flag.start, flag.end) for flag in stage(doc).framing]

    return find


def run_ptc(
    *, data_dir: Path, sample: Sample, progress: Progress, command: str, find: FramingFinder
) -> BenchResult:
    folder = data_dir / FOLDER
    if not (folder / LABELS).is_file() or not (folder / ARTICLES).is_dir():
        return BenchResult(name=NAME, status="skipped", reason=f"{folder / LABELS} not found")
    started = time.perf_counter()
    every = read_articles(folder)
    size = GATE_ARTICLES if sample == "gate" else None
    docs = sorted(every, key=lambda doc: _order(doc.id))[:size]
    texts = progress([doc.text for doc in docs], label=NAME)
    found = zip(docs, find(texts), strict=True)
    scores = sum(
        (span_overlap([(span,) for span in doc.gold], flags) for doc, flags in found),
        SpanOverlap(),
    )
    dataset = f"{FOLDER}/{ARTICLES} ({len(docs)} of {len(every)} articles, {scores.gold} spans)"
    return BenchResult(
        name=NAME,
        status="ok",
        figures=tuple(_figures(scores, dataset=dataset, command=command)),
        seconds=time.perf_counter() - started,
        details={"articles": sorted(doc.id for doc in docs), "flags": scores.predicted},
    )


def _figures(scores: SpanOverlap, *, dataset: str, command: str) -> list[Figure]:
    values = {
        "precision": (scores.precision, scores.predicted),
        "recall": (scores.recall, scores.gold),
        "F1": (scores.f1, scores.gold),
    }
    prefix = f"{NAME}: loaded language and name calling "
    return share_figures(values, prefix=prefix, dataset=dataset, command=command)


def _order(doc_id: str) -> str:
    return hashlib.sha256(f"{SEED}:{doc_id}".encode()).hexdigest()
