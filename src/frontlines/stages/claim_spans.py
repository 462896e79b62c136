"""Span helpers for the claims stage: content clauses, quotes, and source names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, cast

from frontlines.model import Actor
from frontlines.stages.actors import MentionIndex

OPENING_QUOTES = frozenset('“‘«"')
CLOSING_QUOTES = frozenset('”’»"')
QUOTES = OPENING_QUOTES | CLOSING_QUOTES
EDGE = frozenset(",;:.—–-()[]") | QUOTES
INDEX_KEY = "frontlines.claim_mention_index"


def trimmed(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    """Token range ``start:end`` without edge punctuation, quotes, spaces and a leading "that"."""
    while start < end and (doc[start].text in EDGE or doc[start].is_space):
        start += 1
    while start < end and (doc[end - 1].text in EDGE or doc[end - 1].is_space):
        end -= 1
    if start < end and doc[start].lower_ == "that" and doc[start].dep_ == "mark":
        start += 1
    return (start, end) if start < end else None


def subtree_range(token: Any, *, without: Iterable[Any] = ()) -> tuple[int, int]:
    """The token range of a subtree, leaving out the subtrees of ``without`` at either edge."""
    indices = sorted(t.i for t in token.subtree)
    skipped = {t.i for child in without for t in child.subtree}
    kept = [i for i in indices if i not in skipped]
    if not kept:
        return token.i, token.i + 1
    # Keep the contiguous run that holds the token itself.
    start = end = token.i
    kept_set = set(kept)
    while start - 1 in kept_set:
        start -= 1
    while end + 1 in kept_set:
        end += 1
    return start, end + 1


def quoted(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The inside of the quotation marks around ``start:end`` (characters), if it is quoted."""
    before = text[max(0, start - 3) : start]
    after = text[end : end + 4]
    opening = [i for i, char in enumerate(before) if char in OPENING_QUOTES]
    closing = [i for i, char in enumerate(after) if char in CLOSING_QUOTES]
    if text[start : start + 1] in OPENING_QUOTES:
        return start + 1, end
    if opening and closing:
        return start, end
    return None


QUOTE_BEFORE = re.compile(r"[“\"]([^“”\"]{3,}?)[,.!?]?[”\"]\s*,?\s*$")
QUOTE_AFTER = re.compile(r"^\s*[:,]?\s*[“\"]([^“”\"]{3,}?)[,.!?]?[”\"]")
QUOTE_REACH = 2000


def adjacent_quote(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The quotation right before ``“...,” he said`` or right after ``he said: “...”``."""
    window = max(0, start - QUOTE_REACH)
    before = QUOTE_BEFORE.search(text[window:start])
    if before is not None:
        return window + before.start(1), window + before.end(1)
    after = QUOTE_AFTER.match(text[end : end + QUOTE_REACH])
    if after is not None:
        return end + after.start(1), end + after.end(1)
    return None


def source_name(
    doc: Any, start: int, end: int, *, actors: Sequence[Actor], pronouns: frozenset[str]
) -> str:
    """The actor a source span names (its head's actor first), else the span's own words."""
    span = doc[start:end]
    index = _index(doc, actors)
    root = span.root
    for token in (root, *span):
        covering = index.covering(token.idx)
        if covering is not None:
            return covering[1].name
    if len(span) == 1 and root.lower_ in pronouns:
        person = index.last_person_before(root.idx)
        if person is not None:
            return person[1].name
    words = [t for t in span if not (t.text in EDGE or t.lower_ == "the")]
    return str(doc[words[0].i : words[-1].i + 1].text if words else span.text)


def _index(doc: Any, actors: Sequence[Actor]) -> MentionIndex:
    """The mention index of ``actors``, built once per parse and list of actors (kept in the
    parse's ``user_data``), so that naming every claim's source stays linear."""
    cached = doc.user_data.get(INDEX_KEY)
    if cached is not None and cached[0] is actors:
        return cast(MentionIndex, cached[1])
    index = MentionIndex(actors)
    doc.user_data[INDEX_KEY] = (actors, index)
    return index
