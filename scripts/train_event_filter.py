"""Train the learned event filter's heads (src/frontlines/extract/models/event_filter/heads.npz).

Licence-clean training data only (provenance in training/event_filter/README.md):

- the Voice of America articles of M2E2 (US public domain) whose ``split_of`` is ``dev`` and that
  credit or quote no wire agency anywhere (the filter of ``train_event_detector.WIRE``). The rule
  pipeline runs over each; every candidate event it builds is a row. Where the article is in our
  real-news gold (``bench/realnews/*.yaml``) the label is ours: kept when the realnews scorer
  matches the candidate to a gold event, dropped otherwise (background, retelling, aggregate,
  response, caption, unexplained). Elsewhere the label is ACE's (weak, weight ``WEAK``): kept when
  an evidence sentence holds a Conflict:Attack, Conflict:Demonstrate or Justice:Arrest-Jail
  mention. The article head's label is "tells a conflict happening": ours (a gold event at all),
  else ACE's (such a mention in the first two sentences).
- UCDP GED source headlines (CC BY 4.0), wire-free, as article-head positives, and the project's
  own invented no-event sentences (training/event_detector/examples_negative.jsonl, Apache-2.0) as
  article-head negatives.

Never read: the test split, and any non-VOA text (India police, TR-News, WikiEvents, RAMS, the
geoparsing corpora: evaluation only).

Thresholds and the L2 strength are chosen by cross-validation over the gold-labelled dev articles
(folds by article); the heads are then fitted on all of it. Seeded and deterministic.

    .venv/bin/python scripts/train_event_filter.py --data ../shared/data [--cache /tmp/ef.npz]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from train_event_detector import EVENT, WIRE, m2e2_articles, read_ucdp  # noqa: E402

from frontlines.bench.realnews_gold import read_gold, split_of  # noqa: E402
from frontlines.bench.realnews_scoring import acled_events, score_article  # noqa: E402
from frontlines.bench.realnews_texts import read_m2e2  # noqa: E402
from frontlines.document import Document  # noqa: E402
from frontlines.embeddings import SentenceEmbedder  # noqa: E402
from frontlines.extract.event_filter import (  # noqa: E402
    LEDE_SENTENCES,
    article_row,
    event_row,
    evidence_sentences,
    is_recent,
)
from frontlines.model import SUB_EVENT_TYPES, Event  # noqa: E402
from frontlines.pipeline import Pipeline, run_stage  # noqa: E402
from frontlines.readers.common import make_article  # noqa: E402
from frontlines.settings import Settings  # noqa: E402
from frontlines.stages.resources import Resources  # noqa: E402

OUT = ROOT / "src" / "frontlines" / "extract" / "models" / "event_filter" / "heads.npz"
OWN = (ROOT / "training" / "event_detector", ROOT / "training" / "subtypes")
UCDP_HEADLINES = 600
WEAK = 0.3
FOLDS = 5
SENTENCE_L2 = 30.0
L2S = (0.3, 1.0, 3.0, 10.0, 30.0)
THRESHOLDS = tuple(round(float(t), 2) for t in np.arange(0.05, 0.95, 0.05))
QUIET_FLOOR = 0.97  # the article head may silence at most 3% of the conflict articles
log = logging.getLogger("train_event_filter")


@dataclass
class Candidate:
    row: list[float]  # event_row with the two sentence-head columns left at 0
    held: list[int]
    label: float
    recent: bool
    event: Event  # kept so that the rows can be rebuilt from a cache when the features change
    similarity: float


@dataclass
class ArticleData:
    id: str
    gold: bool  # labelled by our annotations (else by ACE, weak)
    conflict: float
    vectors: np.ndarray  # every parse sentence's vector
    lines: list[tuple[np.ndarray, float]]  # ACE lines' vectors and labels (None dropped)
    candidates: list[Candidate]
    gold_events: int
    text_length: int
    published: date | None


def own_sentences() -> list[tuple[str, float]]:
    found: list[tuple[str, float]] = []
    for folder in OWN:
        for path in sorted(folder.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                record = json.loads(line)
                if "group" in record:
                    found.append((record["text"], float(record["group"] is not None)))
                    continue
                sub = record.get("sub_event_type")
                if sub is None:
                    found.append((record["text"], 0.0))
                elif SUB_EVENT_TYPES.get(sub) != "Strategic developments" or sub == "Arrests":
                    found.append((record["text"], 1.0))
    return found


def collect(data: Path) -> tuple[list[ArticleData], np.ndarray, np.ndarray]:
    """Run the rules over the wire-free dev VOA articles, label their candidates, embed their
    sentences; and the extra sentence-head examples (ours, UCDP headlines)."""
    gold = {a.id: a for a in read_gold() if a.id.startswith("m2e2:")}
    ace = m2e2_articles(data)  # wire-free only
    texts = {t.id: t for t in read_m2e2(data)}
    # The rules' own candidates: the filter must not judge the rows it is trained on.
    settings = Settings(event_filter="off")
    pipeline = Pipeline.from_settings(settings, resources=Resources(settings))
    embedder = SentenceEmbedder.load()
    chosen = sorted(i for i in ace if split_of(i) == "dev" and i in texts)
    articles: list[ArticleData] = []
    for number, article_id in enumerate(chosen):
        text = texts[article_id]
        assert not WIRE.search(text.text)
        published = text.published or (gold[article_id].published if article_id in gold else None)
        article = make_article(text.text, origin="train", published=published)
        doc = Document(article=article)
        for stage in pipeline.stages:
            doc = run_stage(stage, doc)
        analysis = pipeline._analysis(doc, article)  # the stage's own events
        events = acled_events(analysis)
        sentences = [(s.start_char, s.end_char) for s in doc.parse.sents if s.text.strip()]
        vectors = embedder.embed([text.text[a:b] for a, b in sentences])
        lines = ace[article_id]
        line_vectors = embedder.embed([line for line, _ in lines])
        labelled = [
            (vector, float(cats[EVENT]))
            for vector, (_, cats) in zip(line_vectors, lines, strict=True)
            if cats is not None
        ]
        line_starts = np.cumsum([0] + [len(line) + 1 for line, _ in lines])
        if article_id in gold:
            score = score_article(gold[article_id], analysis)
            matched = {id(check.predicted) for check in score.matched}
            labels = [float(id(event) in matched) for event in events]
            conflict = float(bool(gold[article_id].events))
            gold_events = len(gold[article_id].events)
        else:
            labels = []
            for event in events:
                held_lines = {
                    int(np.searchsorted(line_starts, m.start, side="right")) - 1
                    for m in event.evidence
                }
                labels.append(
                    float(
                        any(
                            (lines[i][1] or {}).get(EVENT, 0.0)
                            for i in held_lines
                            if i < len(lines)
                        )
                    )
                )
            conflict = float(any((cats or {}).get(EVENT, 0.0) for _, cats in lines[:2]))
            gold_events = 0
        lede = list(range(min(LEDE_SENTENCES, len(sentences))))
        lede_vector = np.mean(vectors[lede], axis=0) if lede else np.zeros(vectors.shape[1])
        candidates = []
        for event, label in zip(events, labels, strict=True):
            held = evidence_sentences(event, sentences)
            similarity = max((float(vectors[i] @ lede_vector) for i in held), default=0.0)
            row = event_row(
                event,
                logits=[0.0] * len(held),
                held=held,
                text_length=len(text.text),
                published=published,
                lede_similarity=similarity,
            )
            candidates.append(
                Candidate(row, held, label, is_recent(event, published), event, similarity)
            )
        articles.append(
            ArticleData(
                article_id,
                article_id in gold,
                conflict,
                vectors,
                labelled,
                candidates,
                gold_events,
                len(text.text),
                published,
            )
        )
        if number % 20 == 0:
            log.info("%d/%d articles", number, len(chosen))
    extras = own_sentences()
    ucdp = [s.text for s in read_ucdp(data)][:UCDP_HEADLINES]
    extra_x = embedder.embed([t for t, _ in extras] + ucdp)
    extra_y = np.asarray([y for _, y in extras] + [1.0] * len(ucdp), dtype=np.float32)
    return articles, extra_x, extra_y


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, *, l2: float) -> dict[str, Any]:
    """Weighted L2 logistic regression on standardised features, by Newton's method."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z1 = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    beta = np.zeros(z1.shape[1])
    penalty = np.full(z1.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(30):
        p = 1 / (1 + np.exp(-(z1 @ beta)))
        grad = z1.T @ (w * (p - y)) + penalty * beta
        hess = (z1 * (w * p * (1 - p))[:, None]).T @ z1 + np.diag(penalty + 1e-8)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return {"weights": beta[:-1], "bias": float(beta[-1]), "mean": mean, "scale": scale}


def logits(head: dict[str, Any], x: np.ndarray) -> np.ndarray:
    out: np.ndarray = ((x - head["mean"]) / head["scale"]) @ head["weights"] + head["bias"]
    return out


def sigmoid(z: np.ndarray) -> np.ndarray:
    out: np.ndarray = 1 / (1 + np.exp(-z))
    return out


def fold_of(article_id: str) -> int:
    return hashlib.sha256(article_id.encode()).digest()[1] % FOLDS


def prf(tp: float, predicted: float, gold: float) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def sentence_head(
    articles: Sequence[ArticleData], extra_x: np.ndarray, extra_y: np.ndarray
) -> dict[str, Any]:
    x = np.vstack([extra_x, *[np.vstack([v for v, _ in a.lines]) for a in articles if a.lines]])
    y = np.concatenate([extra_y, *[[label for _, label in a.lines] for a in articles if a.lines]])
    return fit(x, y.astype(np.float64), np.ones(len(y)), l2=SENTENCE_L2)


def event_table(
    articles: Sequence[ArticleData], heads: dict[str, dict[str, Any]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Event rows with the sentence-head columns filled by each article's fold's head."""
    rows, labels, gold, ids = [], [], [], []
    for a in articles:
        sentence_logits = logits(heads[a.id], a.vectors) if len(a.vectors) else np.zeros(0)
        for c in a.candidates:
            found = [float(sentence_logits[i]) for i in c.held]
            row = list(c.row)
            row[0] = max(found, default=0.0)
            row[1] = float(np.mean(found)) if found else 0.0
            rows.append(row)
            labels.append(c.label)
            gold.append(a.gold)
            ids.append(a.id)
    return np.asarray(rows), np.asarray(labels), np.asarray(gold, dtype=bool), ids


def out_of_fold_heads(
    articles: Sequence[ArticleData], extra_x: np.ndarray, extra_y: np.ndarray
) -> dict[str, dict[str, Any]]:
    """For each article, the sentence head fitted without its fold's articles."""
    by_fold = {
        fold: sentence_head([a for a in articles if fold_of(a.id) != fold], extra_x, extra_y)
        for fold in range(FOLDS)
    }
    return {a.id: by_fold[fold_of(a.id)] for a in articles}


def cv_event(
    x: np.ndarray, y: np.ndarray, gold: np.ndarray, ids: Sequence[str], *, l2: float, weak: float
) -> np.ndarray:
    folds = np.array([fold_of(i) for i in ids])
    out = np.zeros(len(y))
    for fold in range(FOLDS):
        test = folds == fold
        head = fit(x[~test], y[~test], np.where(gold[~test], 1.0, weak), l2=l2)
        out[test] = sigmoid(logits(head, x[test]))
    return out


def article_table(
    articles: Sequence[ArticleData],
    heads: dict[str, dict[str, Any]],
    event_scores: dict[str, list[float]],
) -> np.ndarray:
    rows = []
    for a in articles:
        lede = list(range(min(LEDE_SENTENCES, len(a.vectors))))
        lede_logits = [float(v) for v in logits(heads[a.id], a.vectors[lede])] if lede else []
        rows.append(
            article_row(
                lede_logits=lede_logits,
                event_scores=event_scores.get(a.id, []),
                recent=[c.recent for c in a.candidates],
            )
        )
    return np.asarray(rows)


def choose_event_head(
    x: np.ndarray, y: np.ndarray, gold: np.ndarray, ids: Sequence[str], gold_total: int
) -> tuple[float, float, float, np.ndarray]:
    """(l2, weak weight, threshold, out-of-fold scores) of the best CV F1 over gold articles."""
    best: tuple[float, float, float, float, np.ndarray] | None = None
    for weak in (0.0, WEAK, 1.0):
        for l2 in L2S:
            scores = cv_event(x, y, gold, ids, l2=l2, weak=weak)
            for t in THRESHOLDS:
                kept = scores[gold] >= t
                tp = float((kept & (y[gold] == 1)).sum())
                f = prf(tp, float(kept.sum()), gold_total)[2]
                if best is None or f > best[0] + 1e-9:
                    best = (f, l2, weak, t, scores)
    assert best is not None
    f, l2, weak, t, scores = best
    log.info("event head: CV F1 %.3f at l2 %.1f, weak weight %.1f, threshold %.2f", f, l2, weak, t)
    return l2, weak, t, scores


def evaluate(
    articles: Sequence[ArticleData],
    kept_by_article: dict[str, list[bool]],
    labels: dict[str, list[float]],
    *,
    title: str,
) -> None:
    """Event P/R/F1 and non-conflict quiet share over the gold-labelled articles."""
    chosen = [a for a in articles if a.gold]
    tp = sum(
        sum(k and lab == 1 for k, lab in zip(kept_by_article[a.id], labels[a.id], strict=True))
        for a in chosen
    )
    predicted = sum(sum(kept_by_article[a.id]) for a in chosen)
    gold_total = sum(a.gold_events for a in chosen)
    quiet = [not any(kept_by_article[a.id]) for a in chosen if not a.conflict]
    p, r, f = prf(tp, predicted, gold_total)
    log.info(
        "%s: P %.3f R %.3f F1 %.3f; non-conflict quiet %.3f (%d)",
        title,
        p,
        r,
        f,
        float(np.mean(quiet)),
        len(quiet),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=None, help="a pickle of what was collected")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.cache and args.cache.is_file():
        with args.cache.open("rb") as handle:
            articles, extra_x, extra_y = pickle.load(handle)  # noqa: S301 (our own file)
    else:
        articles, extra_x, extra_y = collect(args.data)
        if args.cache:
            with args.cache.open("wb") as handle:
                pickle.dump((articles, extra_x, extra_y), handle)
    train(articles, extra_x, extra_y, out=args.out)
    return 0


def refresh_rows(articles: Sequence[ArticleData]) -> None:
    """Rebuild every candidate's row with the current ``event_row`` (a cache may be older)."""
    for a in articles:
        for c in a.candidates:
            c.row = event_row(
                c.event,
                logits=[0.0] * len(c.held),
                held=c.held,
                text_length=a.text_length,
                published=a.published,
                lede_similarity=c.similarity,
            )


def choose_article_head(
    articles: Sequence[ArticleData], ax: np.ndarray, ay: np.ndarray, ag: np.ndarray
) -> tuple[float, float, float, np.ndarray]:
    """The article head's L2 strength and threshold that silence the most calm gold articles
    while silencing at most 1 - QUIET_FLOOR of the conflict ones, with its out-of-fold scores."""
    folds = np.array([fold_of(a.id) for a in articles])
    best: tuple[float, float, float, np.ndarray] | None = None
    for l2a in L2S:
        oof = np.zeros(len(articles))
        for fold in range(FOLDS):
            test = folds == fold
            head = fit(ax[~test], ay[~test], np.where(ag[~test], 1.0, WEAK), l2=l2a)
            oof[test] = sigmoid(logits(head, ax[test]))
        for t in THRESHOLDS:
            silenced = oof < t
            with_candidates = np.asarray([bool(a.candidates) for a in articles])
            conflict = ag & (ay == 1) & with_candidates
            lost = float((silenced & conflict).sum() / max(conflict.sum(), 1))
            calm = ag & (ay == 0) & with_candidates
            gained = float((silenced & calm).sum() / max(calm.sum(), 1))
            if lost <= 1 - QUIET_FLOOR and (best is None or gained > best[0]):
                best = (gained, l2a, t, oof)
    if best is None:
        best = (0.0, L2S[-1], 0.0, np.ones(len(articles)))
    return best


def train(
    articles: Sequence[ArticleData], extra_x: np.ndarray, extra_y: np.ndarray, *, out: Path
) -> None:
    refresh_rows(articles)
    gold_total = sum(a.gold_events for a in articles if a.gold)
    log.info(
        "%d wire-free dev VOA articles (%d in our gold, %d gold events); %d candidates; "
        "%d ACE sentences, %d extra sentences",
        len(articles),
        sum(a.gold for a in articles),
        gold_total,
        sum(len(a.candidates) for a in articles),
        sum(len(a.lines) for a in articles),
        len(extra_y),
    )
    heads = out_of_fold_heads(articles, extra_x, extra_y)
    x, y, gold, ids = event_table(articles, heads)
    labels: dict[str, list[float]] = {}
    for article_id, label in zip(ids, y, strict=True):
        labels.setdefault(article_id, []).append(float(label))
    every = {a.id: [True] * len(a.candidates) for a in articles}
    labels = {a.id: labels.get(a.id, []) for a in articles}
    evaluate(articles, every, labels, title="rules alone")
    for t in (0.3, 0.5):
        by_sentence = {a.id: [] for a in articles}
        for article_id, row in zip(ids, x, strict=True):
            by_sentence[article_id].append(bool(sigmoid(np.asarray(row[0])) >= t))
        evaluate(articles, by_sentence, labels, title=f"rules + sentence head >= {t}")
    l2, weak, threshold, scores = choose_event_head(x, y, gold, ids, gold_total)
    event_scores: dict[str, list[float]] = {a.id: [] for a in articles}
    for article_id, score in zip(ids, scores, strict=True):
        event_scores[article_id].append(float(score))
    by_event = {a.id: [s >= threshold for s in event_scores[a.id]] for a in articles}
    evaluate(articles, by_event, labels, title="rules + event head (CV)")
    # The article head, on out-of-fold sentence and event scores.
    ax = article_table(articles, heads, event_scores)
    ay = np.asarray([a.conflict for a in articles])
    ag = np.asarray([a.gold for a in articles])
    gained, article_l2, article_t, oof = choose_article_head(articles, ax, ay, ag)
    log.info(
        "article head: silences %.3f of calm gold articles with candidates, at l2 %.1f, "
        "threshold %.2f",
        gained,
        article_l2,
        article_t,
    )
    both = {
        a.id: [k and oof[n] >= article_t for k in by_event[a.id]] for n, a in enumerate(articles)
    }
    evaluate(articles, both, labels, title="rules + event head + article head (CV)")
    article_only = {a.id: [oof[n] >= article_t] * len(a.candidates) for n, a in enumerate(articles)}
    evaluate(articles, article_only, labels, title="rules + article head (CV)")
    # Final heads on everything.
    sentence = sentence_head(articles, extra_x, extra_y)
    final_heads = {a.id: sentence for a in articles}
    fx, fy, fgold, _ = event_table(articles, final_heads)
    event = fit(fx, fy, np.where(fgold, 1.0, weak), l2=l2)
    final_scores: dict[str, list[float]] = {a.id: [] for a in articles}
    for article_id, score in zip(ids, sigmoid(logits(event, fx)), strict=True):
        final_scores[article_id].append(float(score))
    article = fit(
        article_table(articles, final_heads, final_scores),
        ay,
        np.where(ag, 1.0, WEAK),
        l2=article_l2,
    )
    thresholds = {"sentence": 0.5, "event": threshold, "article": article_t}
    saved: dict[str, np.ndarray] = {}
    for name, head in (("sentence", sentence), ("event", event), ("article", article)):
        for key, value in head.items():
            saved[f"{name}_{key}"] = np.asarray(value, dtype=np.float32)
        saved[f"{name}_threshold"] = np.asarray(thresholds[name], dtype=np.float32)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **saved)
    log.info("wrote %s", out)


if __name__ == "__main__":
    sys.exit(main())
