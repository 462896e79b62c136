"""Ablation of the learned event filter on the real-news gold, by evidence overlap.

For each annotated article of the split (every source: evaluation only), three predictions:

- rules alone: each ACLED event of the rule pipeline (filter off), as its evidence spans;
- model alone: each sentence whose sentence-head score is at least ``--model-threshold``, with
  no rule involved (untyped: the sentence is the prediction);
- both: the rule events the filter lets stand (event head and article head, as the stage does).

A prediction is right when its spans overlap the evidence of a gold event not yet taken (one to
one, in text order); precision, recall and F1 count those, and "quiet" is the share of
non-conflict articles (no gold event) with no prediction. This is coarser than the realnews
scorer (no type family, date or place needed), so its figures are higher; it is the one metric
that can score the untyped model-alone predictions beside the others.

    .venv/bin/python scripts/eval_event_filter.py --data ../shared/data --split test
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from frontlines.bench.realnews_gold import GoldArticle, read_gold
from frontlines.bench.realnews_texts import read_texts
from frontlines.document import Document
from frontlines.extract.event_filter import EventFilter
from frontlines.pipeline import Pipeline, run_stage
from frontlines.readers.common import make_article
from frontlines.settings import Settings
from frontlines.stages.resources import Resources

Spans = list[tuple[int, int]]


def overlaps(a: Spans, b: Spans) -> bool:
    return any(min(x[1], y[1]) > max(x[0], y[0]) for x in a for y in b)


def tally(article: GoldArticle, predicted: Sequence[Spans]) -> tuple[int, int, int]:
    """(right, predicted, gold) for one article."""
    free = [list(map(tuple, gold.evidence)) for gold in article.events]
    taken = [False] * len(free)
    right = 0
    for spans in predicted:
        for n, gold in enumerate(free):
            if not taken[n] and overlaps(spans, gold):  # type: ignore[arg-type]
                taken[n] = True
                right += 1
                break
    return right, len(predicted), len(free)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--split", choices=("dev", "test"), required=True)
    parser.add_argument("--model-threshold", type=float, default=0.5)
    args = parser.parse_args(argv)
    texts = read_texts(args.data)
    articles = [a for a in read_gold() if a.split == args.split and a.id in texts]
    settings = Settings(event_filter="off")
    resources = Resources(settings)
    pipeline = Pipeline.from_settings(settings, resources=resources)
    learned = resources.event_filter
    if learned is None:
        raise SystemExit("the event filter could not load (run make setup)")
    counts = {name: np.zeros(3, dtype=int) for name in ("rules", "model", "both")}
    quiet: dict[str, list[bool]] = {name: [] for name in counts}
    for article in articles:
        text = texts[article.id]
        published = text.published or article.published
        doc = Document(article=make_article(text.text, origin="eval", published=published))
        for stage in pipeline.stages:
            doc = run_stage(stage, doc)
            if stage.name == "events":
                break
        events = [e for e in doc.events if e.event_type is not None]
        sentences = [(s.start_char, s.end_char) for s in doc.parse.sents if s.text.strip()]
        rules = [[(m.start, m.end) for m in e.evidence] for e in events]
        kept = _kept(learned, text=text.text, sentences=sentences, events=events, day=published)
        both = [spans for spans, keep in zip(rules, kept, strict=True) if keep]
        vectors = learned.embedder.embed([text.text[a:b] for a, b in sentences])
        scores = learned.sentence_head.scores(vectors) if len(vectors) else np.zeros(0)
        model = [
            [span]
            for span, score in zip(sentences, scores, strict=True)
            if score >= args.model_threshold
        ]
        for name, predicted in (("rules", rules), ("model", model), ("both", both)):
            counts[name] += tally(article, predicted)
            if not article.events:
                quiet[name].append(not predicted)
    sys.stdout.write(
        f"{args.split}: {len(articles)} articles, by evidence overlap "
        f"(model alone: sentence head >= {args.model_threshold})\n"
    )
    for name, (right, predicted, gold) in counts.items():
        p = right / predicted if predicted else 0.0
        r = right / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        sys.stdout.write(
            f"{name:6s} P {p:.3f} R {r:.3f} F1 {f:.3f} quiet {np.mean(quiet[name]):.3f} "
            f"({right}/{predicted} predicted, {gold} gold)\n"
        )
    return 0


def _kept(
    learned: EventFilter, *, text: str, sentences: Spans, events: list, day: object
) -> tuple[bool, ...]:
    verdict = learned.judge(text=text, sentences=sentences, events=events, published=day)  # type: ignore[arg-type]
    return verdict.kept


if __name__ == "__main__":
    sys.exit(main())
