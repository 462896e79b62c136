"""Roundups: a report that counts the dead of many happenings at once ("108 killed yesterday,
including 42 members of the regime forces", "About 50 killed by aerial bombardment on several
areas yesterday"), placed no finer than a country.

A roundup tells no one happening. Fused into a local event it would give that event a whole
country's toll, and, told beside two of a day's events, it would tie distinct happenings
together; so fusion keeps it apart from reports of single happenings, as its own record (two
outlets relaying one monitor's toll of one day still fuse). The analyst reads it beside the
day's events of its country, never inside one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# the toll of a day: "yesterday", "today", "in the past 24 hours"
_DAY = re.compile(r"\b(?:yesterday|today|in the (?:past|last) 24 hours)\b", re.IGNORECASE)
# the toll broken down by who died ("including 42 members", "including more than 30 civilians")
_BREAKDOWN = re.compile(
    r"\bincluding\s+(?:about\s+|at least\s+|more than\s+|nearly\s+)?\d+", re.IGNORECASE
)
# a count that opens the text, then the dead ("164 killed yesterday", "124 died yesterday")
_OPENING_TOLL = re.compile(
    r"^\W*(?:about\s+|at least\s+|more than\s+|nearly\s+)?\d+\s+(?:\w+\s+){0,2}"
    r"(?:killed|died|dead|martyred)\b",
    re.IGNORECASE,
)
# many places at once ("in several areas", "3 different areas", "across the country")
_MANY_PLACES = re.compile(
    r"\b(?:(?:several|various|different|many|\d+\s+different)\s+"
    r"(?:areas|places|regions|provinces|governorates|fronts|towns|cities)"
    r"|across the country)\b",
    re.IGNORECASE,
)


def is_roundup(texts: Iterable[str], *, placed: bool) -> bool:
    """Whether a report's texts count many happenings' dead at once, for a report placed no
    finer than a country (``placed`` False): a day's toll broken down by who died, a day's
    toll that opens the text, or dead in many places. A report placed at a town or region is a
    report of what happened there, whatever its words."""
    if placed:
        return False
    for text in texts:
        if _MANY_PLACES.search(text):
            return True
        if _DAY.search(text) and (_BREAKDOWN.search(text) or _OPENING_TOLL.search(text)):
            return True
    return False
