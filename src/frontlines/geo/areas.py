"""The admin hierarchy the text writes out: "Saraqib, Idlib", "Saraqib in southern Idlib",
and ACLED's "Sampelga (Sampelga, Seno)": a place, then the areas that hold it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontlines.geo.detect import Mention
from frontlines.geo.entry import Candidate, Entry
from frontlines.geo.names import fold

CONTAINER_BONUS = 4.0
CONTAINERS = frozenset({"country", "admin1", "admin2", "region"})
# "X (Y" or "X upazila (Y": the text between a place and the areas written after it.
_OPENS = re.compile(
    r"^\s*(?:(?:upazila|union|municipality|town|city|village|district|locality|area|sadar"
    r"|township|commune|department|province|region|county|circle|cercle)\s+)?\(\s*$",
    re.IGNORECASE,
)
# The text between a place and the area that holds it.
_CONTAINED_BY = re.compile(
    r"^(?:\s*[,(]\s*|\s+in\s+(?:the\s+)?"
    r"(?:(?:north|south)?-?(?:east|west)?(?:ern)?\s+|central\s+)?)$",
    re.IGNORECASE,
)


def contains(outer: Entry, inner: Entry) -> bool:
    """Whether ``outer`` holds ``inner`` (a town named like an admin1 area stands for it)."""
    if outer.id == inner.id or outer.country_code != inner.country_code:
        return False
    if outer.kind == "country":
        return True
    if outer.kind == "admin1" or (outer.kind == "city" and inner.kind == "city"):
        return inner.admin1 is not None and fold(inner.admin1) == fold(outer.name)
    if outer.kind == "admin2":
        return inner.admin2 is not None and fold(inner.admin2) == fold(outer.name)
    return False


def chains(mentions: Sequence[Mention], *, text: str) -> list[list[int]]:
    """Runs "X (Y, Z)": a mention, then the mentions inside the parenthesis right after it."""
    found: list[list[int]] = []
    for i in range(len(mentions) - 1):
        if not _OPENS.match(text[mentions[i].end : mentions[i + 1].start]):
            continue
        chain = [i, i + 1]
        closing = text.find(")", mentions[i + 1].end)
        limit = closing if closing >= 0 else len(text)
        while chain[-1] + 1 < len(mentions) and mentions[chain[-1] + 1].end <= limit:
            if text[mentions[chain[-1]].end : mentions[chain[-1] + 1].start].strip() != ",":
                break
            chain.append(chain[-1] + 1)
        found.append(chain)
    return found


def area_positions(mentions: Sequence[Mention], *, text: str) -> set[int]:
    """Mentions written as the areas of another ("Seno" in "Sampelga (Sampelga, Seno)")."""
    return {index for chain in chains(mentions, text=text) for index in chain[1:]}


def restrict_to_stated_areas(
    mentions: Sequence[Mention],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
    *,
    text: str,
) -> None:
    """In "X (Y, Z)" keep only readings of X inside Y (and of Y inside Z): the text says where
    X lies, so a same-named place elsewhere is wrong, and X unknown is the honest answer. Other
    mentions of a name left without readings lose theirs too (one place per name)."""
    emptied: set[str] = set()
    for chain in chains(mentions, text=text):
        outer: int | None = None
        for index in reversed(chain):
            if outer is not None:
                kept = [
                    a
                    for a, inner in enumerate(candidates[index])
                    if any(contains(o.entry, inner.entry) for o in candidates[outer])
                ]
                candidates[index] = [candidates[index][a] for a in kept]
                scores[index] = [scores[index][a] for a in kept]
                if not kept:
                    emptied.add(fold(mentions[index].text))
            if any(c.entry.kind in CONTAINERS for c in candidates[index]):
                outer = index
    for index, mention in enumerate(mentions):
        if fold(mention.text) in emptied:
            candidates[index], scores[index] = [], []


def apply_containers(
    mentions: Sequence[Mention],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
    *,
    text: str,
) -> None:
    """ "X, Y": favour the X inside a Y, and read Y as the area that holds it."""
    for i in range(len(mentions) - 1):
        j = i + 1
        if not _CONTAINED_BY.match(text[mentions[i].end : mentions[j].start]):
            continue
        inner_hits: set[int] = set()
        outer_hits: set[int] = set()
        for a, inner in enumerate(candidates[i]):
            for b, outer in enumerate(candidates[j]):
                if contains(outer.entry, inner.entry):
                    inner_hits.add(a)
                    outer_hits.add(b)
        for a in inner_hits:
            scores[i][a] += CONTAINER_BONUS
        for b in outer_hits:
            if candidates[j][b].entry.kind in CONTAINERS:
                scores[j][b] += CONTAINER_BONUS
