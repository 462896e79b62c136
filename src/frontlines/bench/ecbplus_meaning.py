"""What an ECB+ mention's trigger means beyond its lemma: a MiniLM vector of its words
(``frontlines.embeddings``), so "DUI" meets "drunken driving", "foil" meets "thwart" and "dead"
meets "killed", where lemmas and the extractor's trigger frames do not.

One vector per distinct trigger text, embedded once (a few hundred short texts: seconds on a
CPU). Without the model (no tokenizer fetched), no vectors: linking falls back to lemmas and
frames, and the benchmark says so.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import numpy as np

from frontlines.embeddings import SentenceEmbedder
from frontlines.errors import ConfigError

log = logging.getLogger(__name__)

FLOOR = 0.4  # MiniLM cosine of two unrelated words reaches about this; synonyms score above


def trigger_vectors(triggers: Iterable[str]) -> dict[str, np.ndarray] | None:
    """A unit vector per distinct trigger text, or None when the model cannot be loaded."""
    try:
        embedder = SentenceEmbedder.load()
    except ConfigError as error:
        log.warning("ECB+ triggers compared on lemmas and frames alone: %s", error)
        return None
    unique = sorted(set(triggers))
    rows = embedder.embed(unique)
    return {text: rows[number] for number, text in enumerate(unique)}


def meaning_affinity(first: np.ndarray | None, second: np.ndarray | None) -> float:
    """How alike two triggers' meanings are (0..1): their cosine above ``FLOOR``, rescaled;
    0 when either has no vector."""
    if first is None or second is None:
        return 0.0
    cosine = float(np.dot(first, second))
    return max(0.0, (cosine - FLOOR) / (1 - FLOOR))
