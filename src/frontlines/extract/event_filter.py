"""The learned event filter: which of the rules' candidate events an analyst would keep.

The rules find every trigger that looks like a happening; many of the events they build are not
new happenings of the report (background, a retelling, a campaign told in aggregate, a response)
and some articles tell no conflict at all (a disaster, diplomacy, a trial). Three small logistic
heads over all-MiniLM-L6-v2 sentence embeddings (``frontlines.embeddings``) read what the rules
cannot generalise:

- the **sentence head** scores one sentence's embedding: does it tell a violent, protest or
  arrest happening (trained on thousands of licence-clean sentences);
- the **event head** scores one candidate event from the sentence head's word on its evidence
  sentences and a few structural features (where in the text it is told, whether it has a recent
  date, a toll, named sides, a place; its family; how close its sentence is to the lede);
- the **article head** scores the article from the sentence head's word on its title and lede
  and the event head's best candidate: does this report tell a conflict happening at all? Below
  its threshold every candidate is dropped.

Only the lede's sentences and the candidates' evidence sentences are embedded, in one batch per
article. The heads' weights and thresholds ship in ``models/event_filter/heads.npz``, trained by
``scripts/train_event_filter.py`` (provenance in ``training/event_filter/README.md``).
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from frontlines.errors import ConfigError
from frontlines.model import Event

if TYPE_CHECKING:
    from frontlines.embeddings import SentenceEmbedder

log = logging.getLogger(__name__)

MODEL_FILE = "models/event_filter/heads.npz"
HEADS = ("sentence", "event", "article")
FAMILIES = (
    ("Battles", "Explosions/Remote violence", "Violence against civilians"),
    ("Protests", "Riots"),
    ("Strategic developments",),
)
LEDE_SENTENCES = 3
RECENT_DAYS = 10
EVENT_FEATURES = (
    "best evidence sentence",
    "mean evidence sentence",
    "position",
    "in lede",
    "mentions",
    "recent date",
    "day date",
    "toll",
    "actor1",
    "actor2",
    "place",
    "violence",
    "demonstration",
    "strategic",
    "lede similarity",
)
ARTICLE_FEATURES = (
    "best lede sentence",
    "mean lede sentence",
    "best event",
    "candidates",
    "recent candidates",
)

Bounds = Sequence[tuple[int, int]]


@dataclass(frozen=True)
class Head:
    """A logistic head over standardised features: ``score(x) = σ(((x − mean)/scale)·w + b)``."""

    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray
    threshold: float

    def logits(self, features: np.ndarray) -> np.ndarray:
        out: np.ndarray = ((features - self.mean) / self.scale) @ self.weights + self.bias
        return out

    def scores(self, features: np.ndarray) -> np.ndarray:
        out: np.ndarray = 1.0 / (1.0 + np.exp(-self.logits(features)))
        return out


def evidence_sentences(event: Event, sentences: Bounds) -> list[int]:
    """Indexes of the sentences that hold the event's evidence, in order."""
    starts = [start for start, _ in sentences]
    found: set[int] = set()
    for mention in event.evidence:
        index = bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.start < sentences[index][1]:
            found.add(index)
    return sorted(found)


def is_recent(event: Event, published: date | None) -> bool:
    """Dated to the day or week, within ``RECENT_DAYS`` before publication (or the day after)."""
    day = event.event_date
    if day is None or published is None or event.date_precision not in ("day", "week"):
        return False
    return -1 <= (published - day).days <= RECENT_DAYS


def event_row(
    event: Event,
    *,
    logits: Sequence[float],
    held: Sequence[int],
    text_length: int,
    published: date | None,
    lede_similarity: float,
) -> list[float]:
    """The features named in ``EVENT_FEATURES``, in that order; ``logits`` are the sentence
    head's logits of the evidence sentences."""
    first = min((mention.start for mention in event.evidence), default=0)
    family = next((n for n, types in enumerate(FAMILIES) if event.event_type in types), -1)
    return [
        max(logits, default=0.0),
        float(np.mean(logits)) if len(logits) else 0.0,
        first / max(text_length, 1),
        float(bool(held) and held[0] < LEDE_SENTENCES),
        float(np.log1p(len(event.evidence))),
        float(is_recent(event, published)),
        float(event.event_date is not None and event.date_precision == "day"),
        float(event.fatalities is not None and event.fatalities > 0),
        float(event.actor1 is not None),
        float(event.actor2 is not None),
        float(event.location is not None),
        float(family == 0),
        float(family == 1),
        float(family == 2),
        lede_similarity,
    ]


def article_row(
    *, lede_logits: Sequence[float], event_scores: Sequence[float], recent: Sequence[bool]
) -> list[float]:
    """The features named in ``ARTICLE_FEATURES``, in that order."""
    return [
        max(lede_logits, default=0.0),
        float(np.mean(lede_logits)) if len(lede_logits) else 0.0,
        max(event_scores, default=0.0),
        float(np.log1p(len(event_scores))),
        float(np.mean(recent)) if len(recent) else 0.0,
    ]


@dataclass(frozen=True)
class Embedded:
    """The vectors of the sentences the heads read, by sentence index."""

    vectors: dict[int, np.ndarray]
    held: list[list[int]]
    lede: list[int]


def embed_article(
    embedder: SentenceEmbedder, *, text: str, sentences: Bounds, events: Sequence[Event]
) -> Embedded:
    """Embed the lede's sentences and the candidates' evidence sentences, in one batch."""
    held = [evidence_sentences(event, sentences) for event in events]
    lede = list(range(min(LEDE_SENTENCES, len(sentences))))
    wanted = sorted({*lede, *(index for indexes in held for index in indexes)})
    vectors = embedder.embed([text[slice(*sentences[i])] for i in wanted])
    return Embedded(vectors=dict(zip(wanted, vectors, strict=True)), held=held, lede=lede)


@dataclass(frozen=True)
class Verdict:
    """The heads' word on one article: its score, and each candidate's score and fate."""

    article_score: float
    event_scores: tuple[float, ...]
    kept: tuple[bool, ...]


@dataclass(frozen=True)
class EventFilter:
    """The embedder and the three heads; ``use_events``/``use_article`` switch the event and
    article decisions (the sentence head feeds both)."""

    embedder: SentenceEmbedder
    sentence_head: Head
    event_head: Head
    article_head: Head
    use_events: bool = True
    use_article: bool = True

    @classmethod
    def load(
        cls,
        *,
        embedder: SentenceEmbedder,
        model_file: str = MODEL_FILE,
        use_events: bool = True,
        use_article: bool = True,
    ) -> EventFilter:
        path = resources.files("frontlines.extract").joinpath(model_file)
        if not path.is_file():
            raise ConfigError(
                f"the event-filter heads are missing from the package ({path}): "
                "reinstall frontlines or run scripts/train_event_filter.py"
            )
        with path.open("rb") as handle, np.load(handle) as saved:
            heads = {
                name: Head(
                    weights=saved[f"{name}_weights"],
                    bias=float(saved[f"{name}_bias"]),
                    mean=saved[f"{name}_mean"],
                    scale=saved[f"{name}_scale"],
                    threshold=float(saved[f"{name}_threshold"]),
                )
                for name in HEADS
            }
        return cls(
            embedder=embedder,
            sentence_head=heads["sentence"],
            event_head=heads["event"],
            article_head=heads["article"],
            use_events=use_events,
            use_article=use_article,
        )

    def judge(
        self,
        *,
        text: str,
        sentences: Bounds,
        events: Sequence[Event],
        published: date | None,
    ) -> Verdict:
        if not events:
            return Verdict(article_score=1.0, event_scores=(), kept=())
        embedded = embed_article(self.embedder, text=text, sentences=sentences, events=events)
        order = sorted(embedded.vectors)
        logit_of = dict(
            zip(
                order,
                self.sentence_head.logits(np.vstack([embedded.vectors[i] for i in order])),
                strict=True,
            )
        )
        lede_vector = np.mean([embedded.vectors[i] for i in embedded.lede], axis=0)
        rows = []
        for event, held in zip(events, embedded.held, strict=True):
            similarity = max((float(embedded.vectors[i] @ lede_vector) for i in held), default=0.0)
            rows.append(
                event_row(
                    event,
                    logits=[float(logit_of[i]) for i in held],
                    held=held,
                    text_length=len(text),
                    published=published,
                    lede_similarity=similarity,
                )
            )
        scores = [float(s) for s in self.event_head.scores(np.asarray(rows, dtype=np.float32))]
        article = float(
            self.article_head.scores(
                np.asarray(
                    [
                        article_row(
                            lede_logits=[float(logit_of[i]) for i in embedded.lede],
                            event_scores=scores,
                            recent=[is_recent(event, published) for event in events],
                        )
                    ],
                    dtype=np.float32,
                )
            )[0]
        )
        quiet = self.use_article and article < self.article_head.threshold
        # A text no longer than a lede (a brief, a coder's note) has no body for background or a
        # retelling to sit in, and the event head's features of place in the text say nothing
        # there: it was trained on whole articles. Its candidates face the article head alone.
        judged = self.use_events and len(sentences) > LEDE_SENTENCES
        threshold = self.event_head.threshold if judged else 0.0
        kept = tuple(not quiet and score >= threshold for score in scores)
        return Verdict(article_score=article, event_scores=tuple(scores), kept=kept)

    def keep(
        self,
        *,
        text: str,
        sentences: Bounds,
        events: Sequence[Event],
        published: date | None,
    ) -> list[Event]:
        """The candidates the heads let stand, in order."""
        verdict = self.judge(text=text, sentences=sentences, events=events, published=published)
        return [event for event, kept in zip(events, verdict.kept, strict=True) if kept]
