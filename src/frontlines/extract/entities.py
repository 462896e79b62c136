"""Named entities by position, in time that does not grow with the article.

spaCy's ``Span.ents`` builds every entity of the document on each call, so asking it once per
sentence costs the square of the article's length. Here the document's entities are listed once
(kept in the parse's own ``user_data``) and a sentence's are found by bisection.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

USER_DATA_KEY = "frontlines.entity_starts"


def sentence_ents(sentence: Any) -> list[Any]:
    """The entities that lie wholly inside ``sentence`` (a span), in text order."""
    doc = sentence.doc
    starts, ents = _listed(doc)
    low = bisect_left(starts, sentence.start)
    high = bisect_left(starts, sentence.end)
    return [ent for ent in ents[low:high] if ent.end <= sentence.end]


def entity_of(token: Any) -> Any | None:
    """The entity the token is part of, or None."""
    if not token.ent_type_:
        return None
    starts, ents = _listed(token.doc)
    position = bisect_left(starts, token.i + 1) - 1
    if position >= 0 and ents[position].start <= token.i < ents[position].end:
        return ents[position]
    return None


def _listed(doc: Any) -> tuple[list[int], list[Any]]:
    """The document's entities and their start tokens, listed on first use (no stage changes
    the entities after the parse)."""
    cached: tuple[list[int], list[Any]] | None = doc.user_data.get(USER_DATA_KEY)
    if cached is None:
        ents = list(doc.ents)
        cached = ([ent.start for ent in ents], ents)
        doc.user_data[USER_DATA_KEY] = cached
    return cached
