"""A place described down a run of areas: "near Man Aung village, Chaung Hpyar area, in Ye
township (Mawlamyine District, Mon State)", "Waat in northern Jonglei". The area the run ends on
holds every place named in it, so a small namesake of the first name elsewhere ("Manaung" in
Rakhine, "Bang" in India for "Bang Hmway village of Muse township (..., Shan-North state)") is
not the place: the name is unknown there, and the event is placed by the areas instead."""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontlines.geo.areas import area_positions, contains
from frontlines.geo.detect import ADMIN_WORDS, Mention
from frontlines.geo.entry import MATCH_LIGHT, Candidate, Entry
from frontlines.geo.names import fold

# The run from a place to the area that ends it stays inside one sentence and this short.
MAX_RUN_CHARS = 160
# A town this small (or read by a loose spelling) is rarely meant outside the area named.
MINOR_POPULATION = 100_000
# Only first-level areas end a run: GeoNames often leaves a town's district blank or names it
# otherwise ("Hpapun" in "Hpapun District"), so a district is no proof a town lies outside it.
_STATED_KINDS = frozenset({"admin1"})
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
_DIRECTION = re.compile(
    r"\b(?:in|of)\s+(?:the\s+)?(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?"
    r"|central|(?:upper|lower))\s+$",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(r"^\s*(\w+)")
_LAST_IN_BRACKETS = re.compile(r",\s*$")


def keep_inside_named_areas(
    mentions: Sequence[Mention],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
    *,
    text: str,
) -> None:
    """Drop the small readings of a name that an area stated later in its run does not hold
    (see the module's docstring); a name left with none is unknown throughout the article."""
    bracketed = area_positions(mentions, text=text)
    best = [_best(cands, row) for cands, row in zip(candidates, scores, strict=True)]
    areas = [
        j
        for j, entry in enumerate(best)
        if entry is not None
        and entry.kind in _STATED_KINDS
        and (j in bracketed or _stated(mentions[j], text=text))
    ]
    emptied: set[str] = set()
    for j in areas:
        holders = [c.entry for c in candidates[j] if c.entry.kind in _STATED_KINDS]
        for i in range(j - 1, -1, -1):
            between = text[mentions[i].end : mentions[j].start]
            if len(between) > MAX_RUN_CHARS or _SENTENCE_END.search(between):
                break
            if mentions[i].demonym or not candidates[i]:
                continue
            if not _run_inside(range(i + 1, j), best, holders):
                break
            kept = [
                a
                for a, c in enumerate(candidates[i])
                if not _minor(c) or any(contains(area, c.entry) for area in holders)
            ]
            if not kept:
                emptied.add(fold(mentions[i].key))
            candidates[i] = [candidates[i][a] for a in kept]
            scores[i] = [scores[i][a] for a in kept]
    for index, mention in enumerate(mentions):
        if fold(mention.key) in emptied:
            candidates[index], scores[index] = [], []


def _best(cands: list[Candidate], row: list[float]) -> Entry | None:
    if not cands:
        return None
    return cands[max(range(len(cands)), key=row.__getitem__)].entry


def _stated(mention: Mention, *, text: str) -> bool:
    """Whether the text calls the name an area: a unit word in or after it ("Mon State",
    "Kherson region"), the last of the areas in brackets ("(coded as Comilla, Chittagong)")
    or a direction before it ("in northern Jonglei")."""
    words = fold(mention.text).split()
    if len(words) > 1 and words[-1] in ADMIN_WORDS:
        return True
    after = _UNIT_AFTER.match(text, mention.end)
    if after is not None and after.group(1).lower() in ADMIN_WORDS:
        return True
    if (
        _LAST_IN_BRACKETS.search(text[max(0, mention.start - 3) : mention.start])
        and text[mention.end : mention.end + 1] == ")"
    ):
        return True
    return _DIRECTION.search(text[max(0, mention.start - 30) : mention.start]) is not None


def _run_inside(between: range, best: list[Entry | None], holders: list[Entry]) -> bool:
    """Whether every place named between the name and the area lies in the area (or holds it:
    "Mawlamyine District" before "Mon State" lies in it; names left unread do not count)."""
    for k in between:
        entry = best[k]
        if entry is None:
            continue
        if not any(area.id == entry.id or contains(area, entry) for area in holders):
            return False
    return True


def _minor(candidate: Candidate) -> bool:
    entry = candidate.entry
    if entry.kind == "city":
        return entry.population < MINOR_POPULATION or candidate.match > MATCH_LIGHT
    return entry.kind == "admin2" or candidate.match > MATCH_LIGHT
