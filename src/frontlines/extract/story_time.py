"""The time a story is at: the last date it told in a clause of its own.

A reader places an undated sentence at the last date the story gave ("Farkhunda was killed on
March 19. Video showed people beating her": the beating is of March 19). Only a date that moves
the story counts: one of a day, a week or a month (not a bare year or an age, "Kim Grey, 40"),
told in the sentence's own clauses, not in a clause that describes a noun ("Aleppo, which the
rebels seized four years ago") nor after "since" ("in power since 1986").
"""

from __future__ import annotations

from datetime import date
from typing import Any

from frontlines.extract.background import stale
from frontlines.extract.dates import EventDate
from frontlines.extract.syntax import path_to_root

# Dates precise enough to move the story.
MOVING = frozenset({"day", "week", "month"})
# Clauses that describe a noun rather than carry the story on.
DESCRIBING = frozenset({"relcl", "acl", "appos"})


def told_at(sentence: Any, spans: list[tuple[int, EventDate]]) -> EventDate | None:
    """The date the sentence moves the story to (its last moving date), or None.

    ``spans`` are the sentence's resolved dates with the index of each one's root token."""
    doc = sentence.doc
    moving = [
        (position, found)
        for position, found in spans
        if found.value is not None and found.precision in MOVING and not _describing(doc[position])
    ]
    return max(moving, key=lambda pair: pair[0])[1] if moving else None


def in_history(story: EventDate | None, published: date | None) -> bool:
    """Whether the story is, at this point, well before the report."""
    if story is None or story.value is None:
        return False
    return stale(story.value, published, precision=story.precision)


def _describing(token: Any) -> bool:
    for ancestor in (token, *path_to_root(token)):
        if ancestor.dep_ in DESCRIBING:
            return True
        if ancestor.dep_ == "prep" and ancestor.lower_ == "since":
            return True
    return False
