"""Sentence-level ablation of the event detector on M2E2 (evaluation only; not shipped).

For each Voice of America article of a split, the article's sentences (joined as the real-news
bench joins them) go through the pipeline up to the actors; then, sentence by sentence, the rules
propose event mentions (``extract.mentions``). An M2E2 sentence counts as found by

- the rules: it holds a mention of a kind the detector knows (violence, protest, an arrest);
- the model: its own ``event`` score is at least the threshold;
- both: it holds such a mention whose line the detector lets stand at the threshold (what the
  events stage does with ``FRONTLINES_EVENT_DETECTOR=1``).

Gold: the sentence has an ACE Conflict:Attack, Conflict:Demonstrate or Justice:Arrest-Jail
mention; sentences with Life:Die alone are left out (natural or violent death is not said).
Wire-credited articles are kept here: evaluation only. ``--split select`` is the quarter of the
dev split the threshold was chosen on; ``test`` the held-out half.

    .venv/bin/python scripts/eval_event_detector.py --data ../shared/data [--split test|select]
        [--model src/frontlines/extract/models/detector] [--dump rows.json]
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import spacy  # noqa: E402
from train_event_detector import Labelled, in_validation, m2e2_articles  # noqa: E402

from frontlines.bench.realnews_gold import split_of  # noqa: E402
from frontlines.bench.realnews_texts import _m2e2_date  # noqa: E402
from frontlines.extract.detector import EVENT, EventDetector, kind_of  # noqa: E402
from frontlines.extract.lexicon import Lexicon, load_lexicon  # noqa: E402
from frontlines.extract.mentions import sentence_mentions  # noqa: E402
from frontlines.model import Article  # noqa: E402
from frontlines.pipeline import Document, Stage, StageRegistry  # noqa: E402
from frontlines.settings import Settings  # noqa: E402
from frontlines.stages.events import _lookup, _sentences  # noqa: E402
from frontlines.stages.resources import Resources  # noqa: E402

STAGES = ("cleanup", "parse", "places", "actors")
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.3, 0.5)


@dataclass
class Judged:
    """One M2E2 sentence: its gold label and what each side said of it."""

    text: str
    gold: bool
    rules: bool = False
    model: float = 0.0
    both: float = -1.0  # the best detector score among its rule mentions (-1: none)


@dataclass
class Clock:
    seconds: float = 0.0
    calls: int = 0
    parse_seconds: float = 0.0
    sentences: int = 0


def _prf(pairs: Sequence[tuple[bool, bool]]) -> str:
    tp = sum(1 for gold, got in pairs if gold and got)
    found = sum(1 for _, got in pairs if got)
    gold = sum(1 for gold, _ in pairs if gold)
    p = tp / found if found else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"precision {p:.3f} recall {r:.3f} F1 {f:.3f} (found {found}, right {tp}, gold {gold})"


def judge(
    article: str,
    sentences: Labelled,
    *,
    stages: Sequence[Stage],
    lexicon: Lexicon,
    detector: EventDetector,
    clock: Clock,
) -> list[Judged]:
    """The verdicts on one article's labelled sentences."""
    text = "\n".join(sentence for sentence, _ in sentences)
    starts, offset = [], 0
    for sentence, _ in sentences:
        starts.append(offset)
        offset += len(sentence) + 1
    rows = [Judged(text=s, gold=bool(cats and cats[EVENT])) for s, cats in sentences]
    doc = Document(article=Article.create(text, published=_m2e2_date(article[5:])))
    for stage in stages:
        started = time.perf_counter()
        doc = stage(doc)
        if stage.name == "parse":
            clock.parse_seconds += time.perf_counter() - started
    clock.sentences += len(sentences)
    lookup = _lookup(doc)
    for number, sentence in enumerate(_sentences(doc)):
        found = sentence_mentions(
            sentence, number=number, published=doc.article.published, lookup=lookup, lexicon=lexicon
        )
        scores = detector.line_scores(sentence)
        for mention in found:
            if kind_of(*mention.event_type) is None:
                continue
            index = mention.triggers[0].index
            started = time.perf_counter()
            score = scores(index)[EVENT]
            clock.seconds += time.perf_counter() - started
            clock.calls += 1
            row = rows[bisect.bisect_right(starts, doc.parse[index].idx) - 1]
            row.rules = True
            row.both = max(row.both, score)
    for row in rows:
        row.model = detector.scores(row.text)[EVENT]
    return [row for row, (_, cats) in zip(rows, sentences, strict=True) if cats is not None]


def report(judged: Sequence[Judged], *, articles: int, split: str, clock: Clock) -> None:
    out = sys.stdout
    out.write(f"{articles} articles, {len(judged)} sentences ({split})\n")
    out.write(
        f"detector: {1000 * clock.seconds / max(clock.calls, 1):.2f} ms a rule mention "
        f"({clock.calls} mentions of {clock.sentences} sentences; a line is read once); "
        f"spaCy parse {1000 * clock.parse_seconds / max(clock.sentences, 1):.2f} ms a sentence\n"
    )
    out.write(f"rules alone:        {_prf([(j.gold, j.rules) for j in judged])}\n")
    for threshold in THRESHOLDS:
        model = _prf([(j.gold, j.model >= threshold) for j in judged])
        both = _prf([(j.gold, j.rules and j.both >= threshold) for j in judged])
        out.write(f"model alone >= {threshold:<4}: {model}\n")
        out.write(f"both        >= {threshold:<4}: {both}\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--split", choices=("test", "select"), default="test")
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--dump", type=Path, default=None, help="write each sentence's verdicts")
    args = parser.parse_args(argv)
    articles = {
        article: sentences
        for article, sentences in m2e2_articles(args.data, keep_wire=True).items()
        if (split_of(article) == "test") == (args.split == "test")
        and (args.split == "test" or in_validation(article))
    }
    detector = EventDetector(nlp=spacy.load(args.model)) if args.model else EventDetector.load()
    settings = Settings.from_env({})
    resources = Resources(settings)
    registry = StageRegistry.from_entry_points()
    stages: list[Any] = [registry.create(n, resources=resources, settings=settings) for n in STAGES]
    lexicon = load_lexicon()
    clock = Clock()
    judged: list[Judged] = []
    for article, sentences in articles.items():
        judged += judge(
            article, sentences, stages=stages, lexicon=lexicon, detector=detector, clock=clock
        )
    report(judged, articles=len(articles), split=args.split, clock=clock)
    if args.dump is not None:
        args.dump.write_text(json.dumps([asdict(j) for j in judged]), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
