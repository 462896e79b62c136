"""Train the same-happening pair head (src/frontlines/extract/models/same_happening/head.npz).

For every pair of candidate events the rules build in one article, the head says whether they
tell one happening (a retelling: headline, lede, body). Provenance in
training/same_happening/README.md. Licence-clean training rows only:

- the Voice of America articles of our real-news gold (``bench/realnews/*.yaml``, ``m2e2:`` ids)
  whose ``split_of`` is ``dev`` and that credit or quote no wire agency
  (``train_event_detector.WIRE``). Each candidate gets the gold item it tells: the gold event the
  realnews scorer matches it to, else the gold not-event its evidence overlaps (a retelling
  not-event counts as the article's only gold event where it has one), else the gold event its
  evidence overlaps most; a pair is the same happening when both tell one item, another when they
  tell different ones, unlabelled otherwise;
- the hand-written articles of ``training/same_happening/examples.jsonl`` (ours, published on
  ``OWN_PUBLISHED`` unless a record names a day), each candidate labelled by the happening most
  of its sentences tell.

Never read for training: the test split, and any non-VOA text (India police, WikiEvents: they are
scored here for the dev figures only, never fitted on).

Folds are by article (5, by a hash of the id). For each L2 strength and mode (``model``: the head
alone; ``both``: a pair the ``retold`` rules join scores 1) the dev figures are cross-validated:
each fold is joined at the threshold best (the realnews scorer's F1) on the other folds, with
pair scores from heads fitted without the fold. The strength with the best CV F1 in ``--mode``
wins; its threshold is then the best over all dev (scores out of fold), and the head (and its
``plain_`` twin fitted with the MiniLM cosines at 0) is fitted on all training rows. Newton's
method, no randomness: deterministic.

    .venv/bin/python scripts/train_same_happening.py --data ../shared/data [--dry-run] \
        [--cache pairs.txt]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from train_event_detector import WIRE  # noqa: E402
from train_event_filter import fit, logits, sigmoid  # noqa: E402

from frontlines.bench.realnews_gold import GoldArticle, read_gold  # noqa: E402
from frontlines.bench.realnews_scoring import (  # noqa: E402
    FAMILIES as SCORED,
)
from frontlines.bench.realnews_scoring import (  # noqa: E402
    match_events,
    overlap_chars,
    score_article,
    spans_of,
)
from frontlines.bench.realnews_texts import read_texts  # noqa: E402
from frontlines.document import Document  # noqa: E402
from frontlines.embeddings import SentenceEmbedder  # noqa: E402
from frontlines.extract.same_happening import (  # noqa: E402
    EMBEDDED,
    MODES,
    PAIR_FEATURES,
    linked_groups,
    pair_rows,
    retold,
    vetoed,
)
from frontlines.model import Analysis  # noqa: E402
from frontlines.pipeline import Pipeline, run_stage  # noqa: E402
from frontlines.readers.common import make_article  # noqa: E402
from frontlines.settings import Settings  # noqa: E402
from frontlines.stages.events import Candidates, Events, _filtered, event_candidates, joined  # noqa: E402
from frontlines.stages.resources import Resources  # noqa: E402

OUT = ROOT / "src" / "frontlines" / "extract" / "models" / "same_happening" / "head.npz"
EXAMPLES = ROOT / "training" / "same_happening" / "examples.jsonl"
FOLDS = 5
L2S = (0.3, 1.0, 3.0, 10.0)
CRITERIA = ("pairs", "events")
THRESHOLDS = tuple(round(float(t), 2) for t in np.arange(0.3, 0.96, 0.05))
# The day our hand-written reports are published on, where one names none.
OWN_PUBLISHED = "2024-03-14"
log = logging.getLogger("train_same_happening")


@dataclass
class ArticleData:
    id: str
    train: bool  # licence-clean: its rows may be fitted on
    gold: GoldArticle | None
    doc: Document
    found: Candidates
    pairs: list[tuple[int, int]]
    rows: np.ndarray
    vetoes: list[bool]
    labels: list[float | None]
    items: list[Any] = field(default_factory=list)


def fold_of(article_id: str) -> int:
    return hashlib.sha256(article_id.encode()).digest()[2] % FOLDS


def item_of(gold: GoldArticle, events: Sequence[Any], aliases: dict[str, Any]) -> list[Any]:
    """The gold item each candidate tells (see the module's docstring), None where unknown."""
    scored = [n for n, e in enumerate(events) if e.event_type in SCORED]
    pairs = match_events(gold.events, [events[n] for n in scored], aliases=aliases, kb_names={})
    matched = {scored[p]: g for g, p in pairs}
    items: list[Any] = []
    for n, event in enumerate(events):
        if n not in scored:
            items.append(None)
            continue
        if n in matched:
            items.append(("gold", matched[n]))
            continue
        spans = spans_of(event)
        note = next(
            (k for k, item in enumerate(gold.not_events) if overlap_chars(item.evidence, spans)),
            None,
        )
        if note is not None:
            cause = gold.not_events[note].cause
            if cause == "retelling":
                items.append(("gold", 0) if len(gold.events) == 1 else None)
            else:
                items.append(("not", note))
            continue
        overlaps = [overlap_chars(g.evidence, spans) for g in gold.events]
        best = int(np.argmax(overlaps)) if overlaps else -1
        items.append(("gold", best) if overlaps and overlaps[best] else None)
    return items


def pair_labels(items: Sequence[Any], pairs: Sequence[tuple[int, int]]) -> list[float | None]:
    return [
        None if items[i] is None or items[j] is None else float(items[i] == items[j])
        for i, j in pairs
    ]


def collect(data: Path) -> tuple[list[ArticleData], Any]:
    gold = {a.id: a for a in read_gold() if a.split == "dev"}
    texts = read_texts(data)
    settings = Settings()
    resources = Resources(settings)
    pipeline = Pipeline.from_settings(settings, resources=resources)
    embedder = SentenceEmbedder.load()
    events_stage = next(s for s in pipeline.stages if isinstance(s, Events))
    before = pipeline.stages[: pipeline.stages.index(events_stage)]
    articles: list[ArticleData] = []

    def add(article_id: str, text: str, published: Any, labels_of: Any, train: bool) -> None:
        doc = Document(article=make_article(text, origin="train", published=published))
        for stage in before:
            doc = run_stage(stage, doc)
        found = event_candidates(
            doc,
            lexicon=events_stage.lexicon,
            classifier=events_stage.classifier,
            detector=events_stage.detector,
            forces_of=events_stage.forces_of,
            countries=events_stage.countries,
        )
        pairs, rows, vetoes = pair_rows(
            found.candidates, text=doc.text, sentences=found.bounds, embedder=embedder
        )
        aliases = {actor.id: actor.aliases for actor in doc.actors}
        items = labels_of(found, aliases)
        articles.append(
            ArticleData(
                id=article_id,
                train=train,
                gold=gold.get(article_id),
                doc=doc,
                found=found,
                pairs=pairs,
                rows=rows,
                vetoes=vetoes,
                labels=pair_labels(items, pairs),
                items=items,
            )
        )

    for n, (article_id, article) in enumerate(sorted(gold.items())):
        text = texts[article_id]
        clean = article_id.startswith("m2e2:") and not WIRE.search(text.text)
        add(
            article_id,
            text.text,
            text.published or article.published,
            lambda found, aliases, article=article: item_of(
                article, [c.event for c in found.candidates], aliases
            ),
            clean,
        )
        if n % 20 == 0:
            log.info("%d/%d dev articles", n, len(gold))
    if EXAMPLES.is_file():
        for line in EXAMPLES.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            add(
                "own:" + record["id"],
                record["text"],
                date.fromisoformat(record.get("published", OWN_PUBLISHED)),
                lambda found, aliases, record=record: own_items(found, record),
                True,
            )
    return articles, events_stage.event_filter


def own_items(found: Candidates, record: dict[str, Any]) -> list[Any]:
    """The happening each candidate of a hand-written article tells: the label most of its
    sentences carry (``happenings``: one label per sentence, null for none; ties to the first
    told), None where none of its sentences tells one."""
    labels = record["happenings"]
    if len(labels) != len(found.bounds):
        log.warning("%s: %d labels for %d sentences", record["id"], len(labels), len(found.bounds))
    out: list[Any] = []
    for c in found.candidates:
        told = [labels[i] for i in c.sentences if i < len(labels) and labels[i] is not None]
        out.append(Counter(told).most_common(1)[0][0] if told else None)
    return out


def training_table(articles: Sequence[ArticleData]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    rows, labels, ids = [], [], []
    for a in articles:
        if not a.train:
            continue
        for row, label, veto in zip(a.rows, a.labels, a.vetoes, strict=True):
            if label is None or veto:
                continue
            rows.append(row)
            labels.append(label)
            ids.append(a.id)
    return np.asarray(rows), np.asarray(labels), ids


def scores_by_article(
    articles: Sequence[ArticleData], *, l2: float
) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Each article's pair scores from a head fitted without its fold (all training rows for
    articles never trained on), and the head fitted on everything."""
    x, y, ids = training_table(articles)
    folds = np.array([fold_of(i) for i in ids])
    full = fit(x, y, np.ones(len(y)), l2=l2)
    by_fold = {
        f: fit(x[folds != f], y[folds != f], np.ones(int((folds != f).sum())), l2=l2)
        for f in range(FOLDS)
    }
    out = {}
    for a in articles:
        head = by_fold[fold_of(a.id)] if a.train else full
        out[a.id] = sigmoid(logits(head, a.rows)) if len(a.rows) else np.zeros(0)
    return out, full


def rule_scores(articles: Sequence[ArticleData]) -> dict[str, np.ndarray]:
    """1 where the ``retold`` rules take a pair for one happening, else 0."""
    return {
        a.id: np.asarray(
            [
                float(retold(a.found.candidates[i], a.found.candidates[j]) is not None)
                for i, j in a.pairs
            ]
        )
        for a in articles
    }


def oracle_scores(articles: Sequence[ArticleData]) -> dict[str, np.ndarray]:
    """1 where the gold tells a pair as one happening, else 0: the ceiling of any pair head (for
    the figures only; it reads the gold)."""
    return {a.id: np.asarray([float(label == 1.0) for label in a.labels]) for a in articles}


def log_oracle(articles: Sequence[ArticleData], *, event_filter: Any) -> None:
    """The ceiling of any pair head: every pair the gold tells as one joined, under the vetoes
    and with them lifted."""
    oracle = oracle_scores(articles)
    for lifted in (False, True):
        outcome = evaluate(
            articles, oracle, threshold=1.0, event_filter=event_filter, vetoes=not lifted
        )
        log.info("oracle%s: %s", ", vetoes lifted" if lifted else "", describe(outcome))


def with_rules(
    scores: dict[str, np.ndarray], rules: dict[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """Both: a pair the rules join scores 1, any other its head score."""
    return {
        key: np.maximum(value, rules[key]) if len(value) else value for key, value in scores.items()
    }


@dataclass
class Outcome:
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    extras: Counter[str] = field(default_factory=Counter)
    joined_right: int = 0
    joined_wrong: int = 0
    # Labelled "one happening" pairs (no veto between them) left apart.
    left_apart: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def pair_prf(self) -> tuple[float, float, float]:
        """The pair decisions over the gold-labelled pairs: a joined pair is right when the gold
        tells both as one happening; recall over the pairs it tells as one."""
        joined = self.joined_right + self.joined_wrong
        same = self.joined_right + self.left_apart
        p = self.joined_right / joined if joined else 0.0
        r = self.joined_right / same if same else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def figure(self, criterion: str) -> float:
        """What a threshold is chosen on: the pair decisions' F1, or the realnews event F1."""
        return self.pair_prf()[2] if criterion == "pairs" else self.prf()[2]


def evaluate(
    articles: Sequence[ArticleData],
    scores: dict[str, np.ndarray] | None,
    *,
    threshold: float,
    event_filter: Any,
    details: list[str] | None = None,
    vetoes: bool = True,
) -> Outcome:
    """The realnews scorer's figures over the dev gold articles with pairs joined at
    ``threshold`` (``scores`` None: the rules alone; ``vetoes`` False: the hard vetoes lifted,
    for the oracle's ceiling only)."""
    out = Outcome()
    for a in articles:
        if a.gold is None:
            continue
        if not hasattr(a, "memo"):
            a.memo = {}  # type: ignore[attr-defined]
        size = len(a.found.candidates)
        if scores is None or size < 2:
            groups = [[n] for n in range(size)]
        else:
            groups = linked_groups(
                size,
                {p: float(s) for p, s in zip(a.pairs, scores[a.id], strict=True)},
                {p for p, v in zip(a.pairs, a.vetoes, strict=True) if v and vetoes},
                threshold=threshold,
            )
        group_of = {n: g for g, group in enumerate(groups) for n in group}
        for (x, y), label, veto in zip(a.pairs, a.labels, a.vetoes, strict=True):
            if group_of[x] == group_of[y]:
                out.joined_right += label == 1.0
                out.joined_wrong += label == 0.0
                if details is not None:
                    details.append(f"{a.id} joined {x}-{y} label {label}")
            elif label == 1.0 and not (veto and vetoes):
                out.left_apart += 1
        key = tuple(tuple(g) for g in groups)
        if key not in a.memo:  # type: ignore[attr-defined]
            events = [c.event for c in joined(a.found, groups)]
            if event_filter is not None:
                events = _filtered(a.doc, events, event_filter)
            analysis = Analysis(
                frontlines_version="train",
                pipeline=(),
                article=a.doc.article,
                events=tuple(events),
                actors=tuple(a.doc.actors),
            )
            a.memo[key] = score_article(a.gold, analysis)  # type: ignore[attr-defined]
        score = a.memo[key]  # type: ignore[attr-defined]
        out.tp += len(score.matched)
        out.predicted += score.predicted
        out.gold += len(a.gold.events)
        out.extras.update(extra.cause for extra in score.extras)
    return out


def added(one: Outcome, two: Outcome) -> Outcome:
    return Outcome(
        tp=one.tp + two.tp,
        predicted=one.predicted + two.predicted,
        gold=one.gold + two.gold,
        extras=one.extras + two.extras,
        joined_right=one.joined_right + two.joined_right,
        joined_wrong=one.joined_wrong + two.joined_wrong,
        left_apart=one.left_apart + two.left_apart,
    )


def cross_validated(
    articles: Sequence[ArticleData],
    scores: dict[str, np.ndarray],
    *,
    event_filter: Any,
    criterion: str,
) -> tuple[Outcome, list[float]]:
    """The dev figures with the threshold chosen by article fold: each fold's articles are joined
    at the threshold best (``criterion``: the pair decisions' F1, or the event F1) on the other
    folds' articles (scores out of fold), never their own; and the thresholds so chosen."""
    total, chosen = Outcome(), []
    for f in range(FOLDS):
        inside = [a for a in articles if fold_of(a.id) != f]
        held = [a for a in articles if fold_of(a.id) == f]
        best = max(
            THRESHOLDS,
            key=lambda t: (
                evaluate(inside, scores, threshold=t, event_filter=event_filter).figure(criterion),
                t,
            ),
        )
        chosen.append(best)
        total = added(total, evaluate(held, scores, threshold=best, event_filter=event_filter))
    return total, chosen


def describe(outcome: Outcome) -> str:
    p, r, f = outcome.prf()
    pp, pr, pf = outcome.pair_prf()
    extras = ", ".join(f"{c} {n}" for c, n in outcome.extras.most_common())
    return (
        f"P {p:.3f} R {r:.3f} F1 {f:.3f} | extras {sum(outcome.extras.values())} ({extras}) | "
        f"joined pairs: same {outcome.joined_right}, different {outcome.joined_wrong}, "
        f"same left apart {outcome.left_apart} (pairs P {pp:.3f} R {pr:.3f} F1 {pf:.3f})"
    )


def dump(articles: Sequence[ArticleData], path: Path) -> None:
    """Every dev article's candidates and pairs, for reading (never for fitting)."""
    lines = []
    for a in articles:
        text = a.doc.text
        lines.append(f"== {a.id} train={a.train}")
        for n, c in enumerate(a.found.candidates):
            e = c.event
            words = " | ".join(text[m.start : m.end] for m in e.evidence)[:200]
            lines.append(
                f"  [{n}] {a.items[n]} {e.sub_event_type} {e.event_date} "
                f"{e.location.name if e.location else None} towns={sorted(c.towns)} "
                f"a1={e.actor1.name if e.actor1 else None} a2={e.actor2.name if e.actor2 else None}"
                f" f={e.fatalities} s={c.sentences}: {words}"
            )
        for (i, j), row, label, _veto in zip(a.pairs, a.rows, a.labels, a.vetoes, strict=True):
            reason = vetoed(a.found.candidates[i], a.found.candidates[j])
            feats = " ".join(f"{v:.2f}" for v in row)
            lines.append(f"    {i}-{j} label={label} veto={reason} {feats}")
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--dry-run", action="store_true", help="report, write no weights")
    parser.add_argument("--cache", type=Path, help="also write every pair, readable, here")
    parser.add_argument("--rules-only", action="store_true", help="score the rules, fit nothing")
    parser.add_argument(
        "--mode", choices=MODES, default="both", help="the joining the L2 strength is chosen for"
    )
    parser.add_argument(
        "--choose",
        choices=CRITERIA,
        default="pairs",
        help="what the threshold and L2 strength are chosen on: the pair decisions' F1 over the "
        "gold-labelled pairs (default), or the realnews event F1",
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    articles, events_filter = collect(args.data)
    if args.cache is not None:
        dump(articles, args.cache)
    _x, y, ids = training_table(articles)
    log.info(
        "%d articles (%d trainable), %d training pairs (%d same), from %d articles",
        len(articles),
        sum(a.train for a in articles),
        len(y),
        int(y.sum()),
        len(set(ids)),
    )
    base = evaluate(articles, None, threshold=1.0, event_filter=events_filter)
    log.info("no joining:    %s", describe(base))
    rules = rule_scores(articles)
    lines: list[str] = []
    outcome = evaluate(articles, rules, threshold=1.0, event_filter=events_filter, details=lines)
    log.info("retold rules:  %s", describe(outcome))
    for line in lines:
        log.info("  %s", line)
    log_oracle(articles, event_filter=events_filter)
    if args.rules_only:
        return
    best: tuple[float, str, float, float, dict[str, Any]] | None = None
    for l2 in L2S:
        scores, full = scores_by_article(articles, l2=l2)
        for mode in MODES:
            used = scores if mode == "model" else with_rules(scores, rules)
            for criterion in CRITERIA:
                outcome, chosen = cross_validated(
                    articles, used, event_filter=events_filter, criterion=criterion
                )
                log.info(
                    "%-5s l2 %4.1f on %-6s CV thresholds %s  %s",
                    mode,
                    l2,
                    criterion,
                    chosen,
                    describe(outcome),
                )
                if criterion == args.choose:
                    f = outcome.figure(criterion)
            if mode == args.mode and (best is None or f > best[0] + 1e-9):
                threshold = max(
                    THRESHOLDS,
                    key=lambda t, used=used: (
                        evaluate(articles, used, threshold=t, event_filter=events_filter).figure(
                            args.choose
                        ),
                        t,
                    ),
                )
                best = (f, mode, l2, threshold, full)
    assert best is not None
    f, mode, l2, t, full = best
    log.info("chosen: %s l2 %.1f threshold %.2f (CV %s F1 %.3f)", mode, l2, t, args.choose, f)
    scores, full = scores_by_article(articles, l2=l2)
    used = scores if mode == "model" else with_rules(scores, rules)
    lines = []
    log.info(
        "chosen, all dev at %.2f (scores out of fold):  %s",
        t,
        describe(evaluate(articles, used, threshold=t, event_filter=events_filter, details=lines)),
    )
    for line in lines:
        log.info("  %s", line)
    for name, weight in zip(PAIR_FEATURES, full["weights"], strict=True):
        log.info("  %-16s %+.3f", name, weight)
    plain = fit_plain(articles, l2=l2)
    for name, weight in zip(PAIR_FEATURES, plain["weights"], strict=True):
        log.info("  plain %-16s %+.3f", name, weight)
    if not args.dry_run:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        np.savez(
            args.out,
            weights=full["weights"],
            bias=np.float64(full["bias"]),
            mean=full["mean"],
            scale=full["scale"],
            threshold=np.float64(t),
            plain_weights=plain["weights"],
            plain_bias=np.float64(plain["bias"]),
            plain_mean=plain["mean"],
            plain_scale=plain["scale"],
            plain_threshold=np.float64(t),
        )
        log.info("wrote %s (mode %s)", args.out, mode)


def fit_plain(articles: Sequence[ArticleData], *, l2: float) -> dict[str, Any]:
    """The head for a machine without the MiniLM tokenizer: fitted on the same rows with the
    cosines at 0, as ``pair_rows`` gives them there."""
    x, y, _ids = training_table(articles)
    x = x.copy()
    for name in EMBEDDED:
        x[:, PAIR_FEATURES.index(name)] = 0.0
    return fit(x, y, np.ones(len(y)), l2=l2)


if __name__ == "__main__":
    main()
