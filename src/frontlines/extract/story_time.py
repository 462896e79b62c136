"""The time a story is at: the last date it told in a clause of its own.

A reader places an undated sentence at the last date the story gave ("Farkhunda was killed on
March 19. Video showed people beating her": the beating is of March 19). Only a date that moves
the story counts: one of a day, a week or a month (not a bare year or an age, "Kim Grey, 40"),
told in the sentence's own clauses, not in a clause or modifier that describes or names a noun
("Aleppo, which the rebels seized four years ago", "the 'March to Dhaka' rally") nor after
"since" ("in power since 1986"). A date that names
no year and is read as more than half a year from the report is a misreading ("27 and 28
November" read as 1928), and a bare month tells the story's time only as "in March".
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from frontlines.extract.background import stale
from frontlines.extract.dates import EventDate
from frontlines.extract.syntax import path_to_root

# Dates precise enough to move the story.
MOVING = frozenset({"day", "week", "month"})
# Clauses and modifiers that describe or name a noun rather than carry the story on ("Aleppo,
# which the rebels seized four years ago", "Saturday's attack", "the 'March to Dhaka' rally").
DESCRIBING = frozenset({"relcl", "acl", "appos", "compound", "poss", "nmod"})
YEAR = re.compile(r"\b(1[5-9]|20)\d\d\b|'\d\d\b")
# How far from the report a date that names no year may lie: further back, a report names the
# year, and a later day read as last year's ("6 July" in a note of 5 July) is a misreading.
YEARLESS_DAYS = 183
QUOTES = frozenset("'\"‘’“”")


def told_at(
    sentence: Any, spans: list[tuple[int, EventDate]], *, published: date | None
) -> EventDate | None:
    """The date the sentence moves the story to (its last moving date), or None.

    ``spans`` are the sentence's resolved dates with the index of each one's root token."""
    doc = sentence.doc
    moving = [
        (position, found)
        for position, found in spans
        if found.precision in MOVING
        and _plausible(found, published, _word_before(doc, position))
        and not _describing(doc[position])
    ]
    return max(moving, key=lambda pair: pair[0])[1] if moving else None


def in_history(story: EventDate | None, published: date | None) -> bool:
    """Whether the story is, at this point, well before the report."""
    if story is None or story.value is None:
        return False
    return stale(story.value, published, precision=story.precision)


def _plausible(found: EventDate, published: date | None, before: Any) -> bool:
    if found.value is None or QUOTES & set(found.text):
        return False  # "their 'March to Dhaka' rally": a name, not a time
    bare_month = found.precision == "month" and not YEAR.search(found.text)
    if bare_month and "month" not in found.text.lower() and before.lower_ != "in":
        return False  # a month names the story's time as "in March", "last month"
    if published is None or YEAR.search(found.text):
        return True
    return abs((published - found.value).days) <= YEARLESS_DAYS


def _word_before(doc: Any, position: int) -> Any:
    """The word before the date's entity (``position`` is inside it); the root itself at the
    start of the text."""
    first = position
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    return doc[first - 1] if first > 0 else doc[position]


def _describing(token: Any) -> bool:
    for ancestor in (token, *path_to_root(token)):
        if ancestor.dep_ in DESCRIBING:
            return True
        if ancestor.dep_ == "prep" and ancestor.lower_ == "since":
            return True
    return False
