"""Lexical similarity of two reports' wording: cosine over sets of crudely stemmed content words.

A pair's score depends on the two texts alone (no corpus statistics such as IDF), so adding
reports elsewhere never changes it: that keeps fusion incremental and order-independent.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

_WORD = re.compile(r"[^\W\d_]{3,}")
_SUFFIXES = ("ing", "ed", "es", "s", "ly")
STEM_LENGTH = 5
STOPWORDS = frozenset(
    {
        "about", "above", "after", "again", "against", "all", "also", "among", "and", "any",
        "are", "around", "because", "been", "before", "being", "between", "both", "but", "can",
        "could", "did", "does", "doing", "down", "during", "each", "few", "for", "from",
        "further", "had", "has", "have", "having", "her", "here", "hers", "him", "his", "how",
        "into", "its", "itself", "just", "more", "most", "near", "not", "now", "off", "once",
        "only", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "some",
        "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these",
        "they", "this", "those", "through", "too", "under", "until", "very", "was", "were",
        "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
        "you", "your", "yours", "said", "says", "say", "told", "according", "reported",
        "reportedly", "people", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "today", "yesterday", "morning", "evening", "night", "week",
        "month", "year", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "least",
    }
)  # fmt: skip


def stem(word: str) -> str:
    """Lower-cased, one common suffix stripped, cut to five letters: killed/killing -> kill."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    return word[:STEM_LENGTH]


def content_terms(texts: Iterable[str]) -> frozenset[str]:
    """The stems of the words of ``texts`` that carry content (no stop words, no numbers)."""
    return frozenset(
        stem(word)
        for text in texts
        for word in _WORD.findall(text)
        if word.lower() not in STOPWORDS
    )


def cosine(first: frozenset[str], second: frozenset[str]) -> float:
    """Cosine similarity of two term sets (0 when either is empty)."""
    if not first or not second:
        return 0.0
    return len(first & second) / math.sqrt(len(first) * len(second))
