"""What an ECB+ mention's trigger and its document mean beyond their words: MiniLM vectors
(``frontlines.embeddings``), so "DUI" meets "drunken driving", "foil" meets "thwart" and "dead"
meets "killed", where lemmas and the extractor's trigger frames do not, and two reports of one
happening told in other words fall in one document group. A trigger's meaning is that of its
words alone and of its words read in their sentence (``trigger_meaning``): "fired" of a coach
and "fired" of a gun part ways, "took" a ship and "captured" it meet.

One vector per distinct text, embedded once (a few hundred short triggers and ~200 documents,
read to their first 256 word pieces: seconds on a CPU). Without the model (no tokenizer
fetched), no vectors: linking falls back to lemmas, frames and shared words.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import numpy as np

from frontlines.embeddings import SentenceEmbedder
from frontlines.errors import ConfigError

log = logging.getLogger(__name__)

FLOOR = 0.4  # MiniLM cosine of two unrelated words reaches about this; synonyms score above
DOCUMENT_FLOOR = 0.5  # two news stories of one kind of happening reach about this


def text_vectors(texts: Iterable[str]) -> dict[str, np.ndarray] | None:
    """A unit vector per distinct text, or None when the model cannot be loaded."""
    try:
        embedder = SentenceEmbedder.load()
    except ConfigError as error:
        log.warning("ECB+ compared without meanings: %s", error)
        return None
    unique = sorted(set(texts))
    rows = embedder.embed(unique)
    return {text: rows[number] for number, text in enumerate(unique)}


def span_vectors(spans: list[tuple[str, tuple[int, int]]]) -> np.ndarray | None:
    """A unit vector per (sentence, character span): the span's word pieces read in their
    sentence (``SentenceEmbedder.embed_spans``); None when the model cannot be loaded."""
    try:
        embedder = SentenceEmbedder.load()
    except ConfigError as error:
        log.warning("ECB+ triggers compared without their sentences: %s", error)
        return None
    return embedder.embed_spans([text for text, _ in spans], [span for _, span in spans])


def trigger_meaning(alone: np.ndarray, in_sentence: np.ndarray | None) -> np.ndarray:
    """The unit mean of a trigger's meaning alone and in its sentence (alone, without one)."""
    if in_sentence is None:
        return alone
    both = alone + in_sentence
    norm = float(np.linalg.norm(both))
    return both / norm if norm else alone


def meaning_affinity(
    first: np.ndarray | None, second: np.ndarray | None, *, floor: float = FLOOR
) -> float:
    """How alike two meanings are (0..1): their cosine above ``floor``, rescaled; 0 when either
    has no vector."""
    if first is None or second is None:
        return 0.0
    cosine = float(np.dot(first, second))
    return max(0.0, (cosine - floor) / (1 - floor))
