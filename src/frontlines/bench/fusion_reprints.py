"""Reprint detection against texts written from one template.

Negatives: pairs of ACLED notes of one country-month (each a distinct event) with different
texts whose shingles are alike (estimated Jaccard >= ``LOOKED_AT``): one analyst's wording of
two events. Positives: copies of notes with a reprint's edits (a dateline and credit added, the
last sentence cut, a word changed). A figure is the share of each that ``syndication`` flags.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from frontlines.bench.acled_data import AcledRecord
from frontlines.ingest.syndication import THRESHOLD, facts_of, signature, similarity, swaps_facts

LOOKED_AT = 0.3


@dataclass(frozen=True, slots=True)
class ReprintFigures:
    template_pairs: int
    template_flagged: int
    copies: int
    copies_found: int


def is_reprint(first: str, second: str, *, threshold: float = THRESHOLD) -> bool | None:
    """What syndication decides for two texts (None: too short to compare)."""
    a, b = signature(first), signature(second)
    if a is None or b is None:
        return None
    one, other = facts_of(first), facts_of(second)
    template = one is not None and other is not None and swaps_facts(one, other)
    return similarity(a, b) >= threshold and not template


def edited_copy(text: str, number: int) -> str:
    """One of four reprint edits of ``text``, by ``number``."""
    sentences = text.split(". ")
    shorter = ". ".join(sentences[:-1]) + "." if len(sentences) > 1 else text
    return (
        "CITY (Wire Service) - " + text,
        shorter + " Reporting by the desk.",
        text.replace(" the ", " a ", 1) + " (Wire Service)",
        "Update: " + shorter,
    )[number % 4]


def reprint_figures(groups: Sequence[Sequence[AcledRecord]]) -> ReprintFigures:
    """Template pairs within each group, and edited copies of every note, as syndication sees
    them."""
    pairs = flagged = copies = found = 0
    number = 0
    for records in groups:
        texts = sorted({record.notes for record in records})
        signed = {text: signature(text) for text in texts}
        for text, sig in signed.items():
            if sig is None:
                continue
            copy = is_reprint(text, edited_copy(text, number))
            number += 1
            if copy is not None:
                copies += 1
                found += copy
        for first, second in itertools.combinations(texts, 2):
            a, b = signed[first], signed[second]
            if a is None or b is None or similarity(a, b) < LOOKED_AT:
                continue
            pairs += 1
            flagged += bool(is_reprint(first, second))
    return ReprintFigures(pairs, flagged, copies, found)
