"""The realnews benchmark: whole real news articles against our hand-annotated gold set.

The gold (``bench/realnews/*.yaml``, format in its README) holds ids into the real news texts of
``shared/data`` (``realnews_texts``), offsets and our own field values. Each article is analysed
whole, published on the date its source gives, else on the date the annotator read from the page
(what a user would pass), and scored by ``realnews_scoring``. The split is by article
(``realnews_gold.split_of``): rules are written from ``dev`` only, so every figure names its
split, and ``test`` figures are the held-out ones. Both samples (gate, full) score every annotated
article; ``splits`` picks which splits run (``frontlines bench --split``). Per-article errors are
kept in ``results.json`` for the dev split only.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from frontlines.bench.metrics import PRF, share
from frontlines.bench.protocols import Analyse, Progress
from frontlines.bench.realnews_gold import CAUSES, GoldArticle, GoldEvent, read_gold
from frontlines.bench.realnews_scoring import (
    FIELDS,
    UNEXPLAINED,
    ArticleScore,
    score_article,
)
from frontlines.bench.realnews_texts import RealNewsText, read_texts
from frontlines.bench.report import BenchResult, Figure, Table, format_value, share_figures
from frontlines.model import Event

NAME = "realnews"
SPLITS = ("dev", "test")
EXTRA_CAUSES = (*CAUSES, UNEXPLAINED)  # CAUSES holds "retelling" too


def event_prf(scores: Sequence[ArticleScore]) -> PRF:
    return PRF(
        true_positives=sum(len(s.matched) for s in scores),
        predicted=sum(s.predicted for s in scores),
        gold=sum(len(s.article.events) for s in scores),
    )


def field_shares(scores: Sequence[ArticleScore]) -> dict[str, tuple[float | None, int]]:
    checks = [check for s in scores for check in s.matched]
    shares: dict[str, tuple[float | None, int]] = {}
    for name in FIELDS:
        flags = [value for c in checks if (value := c.fields[name]) is not None]
        shares[f"{name} right when matched"] = (share(flags), len(flags))
    return shares


def extra_counts(scores: Sequence[ArticleScore]) -> Counter[str]:
    return Counter(extra.cause for s in scores for extra in s.extras)


def split_figures(
    scores: Sequence[ArticleScore], *, split: str, dataset: str, command: str
) -> list[Figure]:
    prf = event_prf(scores)
    gold_events = prf.gold
    all_right = sum(check.all_right for s in scores for check in s.matched)
    quiet = [s.quiet for s in scores if s.non_conflict]
    values: dict[str, tuple[float | None, int]] = {
        "event precision": (prf.precision if prf.predicted else None, prf.predicted),
        "event recall": (prf.recall if gold_events else None, gold_events),
        "event F1": (prf.f1 if gold_events else None, gold_events),
        **field_shares(scores),
        "events right in every field (share of gold events)": (
            all_right / gold_events if gold_events else None,
            gold_events,
        ),
        "non-conflict articles with no ACLED event": (share(quiet), len(quiet)),
    }
    prefix = f"{NAME} ({split}): "
    figures = share_figures(values, prefix=prefix, dataset=dataset, command=command)
    counts = extra_counts(scores)
    figures.append(
        Figure(
            name=f"{prefix}extra events",
            value=float(sum(counts.values())),
            unit="count",
            better="lower",
            dataset=dataset,
            size=prf.predicted,
            command=command,
            note=", ".join(f"{cause} {n}" for cause, n in counts.most_common()),
        )
    )
    figures.append(
        Figure(
            name=f"{prefix}pipeline errors",
            value=float(sum(s.failed for s in scores)),
            unit="count",
            better="lower",
            dataset=dataset,
            size=len(scores),
            command=command,
            note="articles the pipeline raised a FrontlinesError on",
        )
    )
    return figures


def extras_table(by_split: Mapping[str, Sequence[ArticleScore]]) -> Table:
    counts = {split: extra_counts(scores) for split, scores in by_split.items()}
    causes = [c for c in EXTRA_CAUSES if any(counts[s][c] for s in counts)]
    rows = tuple((cause, *(str(counts[split][cause]) for split in by_split)) for cause in causes)
    return Table(
        title="realnews extra (unmatched predicted) events by cause",
        columns=("cause", *by_split),
        rows=rows,
    )


def fields_table(by_split: Mapping[str, Sequence[ArticleScore]]) -> Table:
    shares = {split: field_shares(scores) for split, scores in by_split.items()}
    rows = tuple(
        (
            name,
            *(
                f"{format_value(shares[split][f'{name} right when matched'][0], unit='share')}"
                f" ({shares[split][f'{name} right when matched'][1]})"
                for split in by_split
            ),
        )
        for name in FIELDS
    )
    return Table(
        title="realnews fields right over matched events (scored events)",
        columns=("field", *by_split),
        rows=rows,
    )


def source_of(article_id: str) -> str:
    """The text source an article id names (``india:27`` -> ``india``)."""
    return article_id.split(":", 1)[0]


def sources_table(by_split: Mapping[str, Sequence[ArticleScore]]) -> Table:
    """Event precision / recall / F1 per text source and split: reported, never gated."""
    sources = sorted({source_of(s.article.id) for scores in by_split.values() for s in scores})

    def cell(scores: Sequence[ArticleScore], source: str) -> str:
        chosen = [s for s in scores if source_of(s.article.id) == source]
        if not chosen:
            return "-"
        prf = event_prf(chosen)
        return (
            f"P {format_value(prf.precision if prf.predicted else None, unit='share')}"
            f" R {format_value(prf.recall if prf.gold else None, unit='share')}"
            f" F1 {format_value(prf.f1 if prf.gold else None, unit='share')}"
            f" ({len(chosen)} articles, {prf.gold} events, {prf.predicted} predicted)"
        )

    rows = tuple(
        (source, *(cell(scores, source) for scores in by_split.values())) for source in sources
    )
    return Table(
        title="realnews events by text source (reported, not gated)",
        columns=("source", *by_split),
        rows=rows,
    )


def describe(score: ArticleScore, text: str) -> dict[str, Any]:
    """A dev article's errors, for the people writing rules (never for test articles)."""

    def quote(spans: Sequence[tuple[int, int]]) -> str:
        return " | ".join(text[start:end] for start, end in spans)[:300]

    return {
        "id": score.article.id,
        "missed": [
            f"{gold.event_type} / {gold.sub_event_type} {gold.event_date}: {quote(gold.evidence)}"
            for gold in score.missed
        ],
        "extras": [
            f"[{extra.cause}] {extra.predicted.sub_event_type} {extra.predicted.event_date}: "
            + quote([(m.start, m.end) for m in extra.predicted.evidence])
            for extra in score.extras
        ],
        "wrong fields": [
            {
                "gold": quote(check.gold.evidence)[:120],
                "wrong": {
                    name: f"{_gold_value(check.gold, name)} / {_value(check.predicted, name)}"
                    for name, right in check.fields.items()
                    if right is False
                },
            }
            for check in score.matched
            if not check.all_right
        ],
    }


def _gold_value(gold: GoldEvent, name: str) -> object:
    if name == "place":
        return gold.location.name if gold.location else None
    if name == "date":
        return gold.event_date
    return getattr(gold, name)


def _value(event: Event, name: str) -> object:
    if name in ("actor1", "actor2"):
        ref = getattr(event, name)
        return ref.name if ref else None
    if name == "place":
        return event.location.name if event.location else None
    if name == "date":
        return event.event_date
    return getattr(event, name)


def score_articles(
    articles: Sequence[GoldArticle],
    texts: Mapping[str, RealNewsText],
    *,
    analyse: Analyse,
    progress: Progress,
    label: str,
    kb_names: Mapping[str, Sequence[str]] | None,
) -> list[ArticleScore]:
    scores = []
    for article in progress(articles, label=label):
        text = texts[article.id]
        analysis = analyse(text.text, text.published or article.published)
        scores.append(score_article(article, analysis, kb_names=kb_names))
    return scores


def run_realnews(
    *,
    data_dir: Path,
    analyse: Analyse,
    progress: Progress,
    command: str,
    splits: Sequence[str] = SPLITS,
    gold_dir: Path | None = None,
    kb_names: Mapping[str, Sequence[str]] | None = None,
) -> BenchResult:
    articles = read_gold(gold_dir)
    if not articles:
        return BenchResult(name=NAME, status="skipped", reason="no real-news gold annotations")
    texts = read_texts(data_dir) if data_dir.is_dir() else {}
    present = [article for article in articles if article.id in texts]
    if not present:
        return BenchResult(
            name=NAME, status="skipped", reason=f"none of the annotated texts is in {data_dir}"
        )
    started = time.perf_counter()
    by_split: dict[str, list[ArticleScore]] = {}
    figures: list[Figure] = []
    for split in splits:
        chosen = [article for article in present if article.split == split]
        if not chosen:
            continue
        scores = score_articles(
            chosen,
            texts,
            analyse=analyse,
            progress=progress,
            label=f"{NAME} {split}",
            kb_names=kb_names,
        )
        by_split[split] = scores
        gold_events = sum(len(article.events) for article in chosen)
        dataset = (
            f"real-news gold, {split} split ({len(chosen)} articles, {gold_events} events; "
            f"{len(articles) - len(present)} annotated texts absent)"
        )
        figures += split_figures(scores, split=split, dataset=dataset, command=command)
    details: dict[str, Any] = {
        "articles": {split: [s.article.id for s in scores] for split, scores in by_split.items()},
        "extras_by_cause": {split: dict(extra_counts(s)) for split, s in by_split.items()},
    }
    if "dev" in by_split:
        details["dev_errors"] = [
            describe(score, texts[score.article.id].text)
            for score in by_split["dev"]
            if score.missed or score.extras or any(not c.all_right for c in score.matched)
        ]
    return BenchResult(
        name=NAME,
        status="ok",
        figures=tuple(figures),
        tables=(
            (fields_table(by_split), extras_table(by_split), sources_table(by_split))
            if by_split
            else ()
        ),
        seconds=time.perf_counter() - started,
        details=details,
    )
