"""Relative locations: what the words around a place name say about where, relative to it.

"20 km north of X" (an offset), "near X", "the outskirts of X", "X countryside", "northern X"
(near or part of X), "between X and Y" (the midpoint), "in X" or nothing (at X).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from frontlines.geo.geometry import BEARINGS

KM_PER_MILE = 1.609344
RelationKind = Literal["at", "near", "part", "offset", "between"]

_DIRECTION = r"(?P<dir>(?:north|south)(?:[- ]?(?:east|west))?|east|west)"
_UNIT = r"(?P<unit>km|kms|kilomet(?:er|re)s?|mi|miles?)"
_OF_TOWN = r"(?:the\s+)?(?:(?:town|city|village|capital|outskirts|centre|center)\s+of\s+)?"
_OFFSET = re.compile(
    rf"(?P<num>\d+(?:[.,]\d+)?)\s*-?\s*{_UNIT}\s+(?:\([^)]*\)\s+)?(?:to\s+the\s+)?{_DIRECTION}"
    rf"(?:ern|wards?)?\s+of\s+{_OF_TOWN}$",
    re.IGNORECASE,
)
_NEAR = re.compile(
    r"\b(?:near|nearby|close\s+to|outside(?:\s+of)?|around|in\s+the\s+vicinity\s+of|outskirts"
    r"\s+of|edge\s+of|countryside\s+of|surroundings\s+of|suburbs\s+of|environs\s+of|rural"
    r"|(?:\d+(?:[.,]\d+)?|a\s+few|several|some)\s*-?\s*(?:km|kms|kilomet(?:er|re)s?|mi|miles?)"
    rf"\s+(?:of|from|outside|away\s+from))\s+{_OF_TOWN}$",
    re.IGNORECASE,
)
_PART = re.compile(
    r"\b(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west|central)(?:ern)?\s+(?:part\s+of\s+)?"
    rf"{_OF_TOWN}$",
    re.IGNORECASE,
)
_AREA_AFTER = re.compile(
    r"^\s*(?:['’]s\s+)?(?:countryside|outskirts|suburbs|environs|vicinity|surroundings|area)\b",
    re.IGNORECASE,
)
_BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:(?:towns?|villages?|cities|city)\s+of\s+)?$", re.IGNORECASE
)
_AND = re.compile(r"^\s+and\s+(?:the\s+)?(?:(?:town|village|city)\s+of\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Relation:
    """Where an event is relative to a named place."""

    kind: RelationKind
    km: float | None = None
    bearing: float | None = None
    direction: str | None = None


def relation(before: str, after: str) -> Relation:
    """The relation the words ``before`` and ``after`` a place name state (within a sentence)."""
    before = before[-120:]
    offset = _OFFSET.search(before)
    if offset:
        km = float(offset["num"].replace(",", "."))
        if offset["unit"].lower().startswith("mi"):
            km *= KM_PER_MILE
        direction = re.sub(r"[- ]", "", offset["dir"].lower())
        return Relation("offset", km=km, bearing=BEARINGS[direction], direction=direction)
    if _NEAR.search(before) or _AREA_AFTER.match(after):
        return Relation("near")
    if _PART.search(before):
        return Relation("part")
    return Relation("at")


def is_between(before: str, middle: str) -> bool:
    """Whether "between X and Y" holds, given the text before X and the text from X to Y."""
    return bool(_BETWEEN.search(before[-60:])) and bool(_AND.match(middle))
