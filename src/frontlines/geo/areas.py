"""The admin hierarchy the text writes out: "Saraqib, Idlib", "Saraqib in southern Idlib",
and ACLED's "Sampelga (Sampelga, Seno)": a place, then the areas that hold it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from frontlines.geo.detect import DESIGNATORS, Mention
from frontlines.geo.entry import MATCH_LIGHT, Candidate, Entry
from frontlines.geo.names import fold, keys

CONTAINER_BONUS = 4.0
CONTAINERS = frozenset({"country", "admin1", "admin2", "region"})
# A town this small is rarely what a writer means when the area written after it is elsewhere.
MINOR_POPULATION = 100_000
_UNIT = "|".join(sorted(DESIGNATORS | {"area"}))
# "X (Y", "X upazila (Y", "X (X2) upazila (Y": the text between a place and its areas.
_OPENS = re.compile(rf"^\s*\)?\s*(?:(?:{_UNIT})\s+)?\(\s*$", re.IGNORECASE)
# "Y, Z" or "Y district, Z": the text between two areas in the brackets.
_NEXT_AREA = re.compile(rf"^\s*(?:(?:{_UNIT})\s*)?,\s*$", re.IGNORECASE)
_LEVEL = {"admin2": 1, "admin1": 2, "region": 2, "country": 3}
# "X village, Y": a place, its unit word, then the larger unit that holds it.
_UNIT_THEN_COMMA = re.compile(rf"^\s+(?:{_UNIT})\s*,\s*$", re.IGNORECASE)
_SAID_IN = re.compile(r"\bin\b", re.IGNORECASE)
# The text between two items of a list.
_LISTED = re.compile(r"^\s*(?:,|(?:,\s*)?(?:and|or|&))\s*$", re.IGNORECASE)
# The text between a place and the area that holds it ("X, Y", "X in Y", "X area in Y").
_CONTAINED_BY = re.compile(
    rf"^(?:\s*[,(]\s*|\s+(?:(?:{_UNIT})\s+)?in\s+(?:the\s+)?"
    r"(?:(?:north|south)?-?(?:east|west)?(?:ern)?\s+|central\s+)?)$",
    re.IGNORECASE,
)


def contains(outer: Entry, inner: Entry) -> bool:
    """Whether ``outer`` holds ``inner`` (a town named like its admin1 area stands for it:
    "Zaporizhia" the city holds the towns of Zaporizhzhia oblast; a district holds the towns
    of its own province only)."""
    if outer.id == inner.id or outer.country_code != inner.country_code:
        return False
    if outer.kind == "country":
        return True
    if outer.kind == "admin1" or (outer.kind == "city" and inner.kind == "city"):
        return inner.admin1 is not None and (
            fold(inner.admin1) == fold(outer.name)
            or (stands_for_admin1(outer) and inner.admin1 == outer.admin1)
        )
    if outer.kind == "admin2":
        return (
            inner.admin2 is not None
            and fold(inner.admin2) == fold(outer.name)
            and _same_admin1(outer, inner)
        )
    return False


def _same_admin1(outer: Entry, inner: Entry) -> bool:
    """Whether two entries lie in the same admin1 area, spelling aside; unknown counts as
    the same (a district named like one in another province does not hold its towns)."""
    if outer.admin1 is None or inner.admin1 is None:
        return True
    return keys(outer.admin1)[2] == keys(inner.admin1)[2]


def stands_for_admin1(entry: Entry) -> bool:
    """A town named like the admin1 area it lies in, spelling aside ("Zaporizhzhya")."""
    return (
        entry.kind == "city"
        and entry.admin1 is not None
        and keys(entry.name)[2] == keys(entry.admin1)[2]
    )


def chains(mentions: Sequence[Mention], *, text: str) -> list[list[int]]:
    """Runs "X (Y, Z)": a mention, then the mentions inside the parenthesis right after it
    (and "W village, X upazila (Y, Z)": the place written with its unit before X)."""
    found: list[list[int]] = []
    for i in range(len(mentions) - 1):
        if not _OPENS.match(text[mentions[i].end : mentions[i + 1].start]):
            continue
        chain = [i, i + 1]
        closing = text.find(")", mentions[i + 1].end)
        limit = closing if closing >= 0 else len(text)
        while chain[-1] + 1 < len(mentions) and mentions[chain[-1] + 1].end <= limit:
            if not _NEXT_AREA.match(text[mentions[chain[-1]].end : mentions[chain[-1] + 1].start]):
                break
            chain.append(chain[-1] + 1)
        if i > 0 and _UNIT_THEN_COMMA.match(text[mentions[i - 1].end : mentions[i].start]):
            chain.insert(0, i - 1)  # "Durgapur village, Ashuganj upazila (Brahmanbaria, ..."
        found.append(chain)
    # "Shajahanpur (Sahajanpur) upazila (Bogra, Rajshahi)": the name in brackets is another
    # spelling of the one before it, and the areas after both hold the first name too.
    aliases = {chain[1]: chain[0] for chain in found if len(chain) == 2}
    found += [[aliases[chain[0]], *chain[1:]] for chain in found if chain[0] in aliases]
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
    mentions of a name left without readings lose theirs too (one place per name). Where no
    reading is inside, one that is the area itself stays: in "Kurigram city, Kurigram Sadar
    (Rangpur)", where the gazetteer holds only the district, the town reads as its district."""
    emptied: set[str] = set()
    for chain in chains(mentions, text=text):
        outer: int | None = None
        for index in reversed(chain):
            if outer is not None:
                kept = _inside(candidates[index], candidates[outer], holds=contains)
                if not kept:  # no reading inside: the area itself, if the name reads as it
                    kept = _inside(candidates[index], candidates[outer], holds=_same)
                candidates[index] = [candidates[index][a] for a in kept]
                scores[index] = [scores[index][a] for a in kept]
                if not kept:
                    emptied.add(fold(mentions[index].key))
            if any(c.entry.kind in CONTAINERS for c in candidates[index]):
                outer = index
    for index, mention in enumerate(mentions):
        if fold(mention.key) in emptied:
            candidates[index], scores[index] = [], []


def _inside(
    inner: list[Candidate], outer: list[Candidate], *, holds: Callable[[Entry, Entry], bool]
) -> list[int]:
    """The indexes of ``inner``'s readings that some reading of ``outer`` holds."""
    return [a for a, c in enumerate(inner) if any(holds(o.entry, c.entry) for o in outer)]


def _same(outer: Entry, inner: Entry) -> bool:
    return outer.id == inner.id


def apply_containers(
    mentions: Sequence[Mention],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
    *,
    text: str,
) -> None:
    """ "X, Y": favour the X inside a Y, and read Y as the area that holds it. Where Y reads as
    an admin area ("Orlivka, Donetsk"), small places named X outside it are dropped: X unknown
    (and the event placed in Y) beats a namesake in another province or country."""
    emptied: set[str] = set()
    for i in range(len(mentions) - 1):
        j = i + 1
        if mentions[i].demonym or not _CONTAINED_BY.match(
            text[mentions[i].end : mentions[j].start]
        ):
            continue
        level = _area_level(mentions[j], candidates[j], scores[j])
        # "Jatrabari and Badda area in Dhaka city": a list, but each of it said to lie in Y.
        said_in = _SAID_IN.search(text[mentions[i].end : mentions[j].start]) is not None
        stated = level is not None and (said_in or not _in_a_list(mentions, i, j, text=text))
        inner_hits: set[int] = set()
        outer_hits: set[int] = set()
        if stated and _drop_finer_outside(i, j, candidates, scores, level=level or 0):
            emptied.add(fold(mentions[i].key))
            outer_hits = set(range(len(candidates[j])))  # X unknown: Y is still its area
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
    for index, mention in enumerate(mentions):
        if fold(mention.key) in emptied:
            candidates[index], scores[index] = [], []


def _area_level(mention: Mention, cands: list[Candidate], row: list[float]) -> int | None:
    """How large an area a name reads as (its best reading, or what the text calls it), None
    when it reads as a town: "Donetsk" the oblast or its seat, "Donetsk oblast", "Kenya"."""
    if not cands:
        return None
    best = cands[max(range(len(cands)), key=row.__getitem__)].entry
    if best.kind in _LEVEL:
        return _LEVEL[best.kind]
    if stands_for_admin1(best) or mention.hint == "admin":
        return _LEVEL["admin1"]
    return None


def _in_a_list(mentions: Sequence[Mention], i: int, j: int, *, text: str) -> bool:
    """Whether "X, Y" is part of a list ("Suba, Migori, Rongo and Siaya") rather than a place
    and its area."""
    before = text[mentions[i - 1].end : mentions[i].start] if i > 0 else ""
    after = text[mentions[j].end : mentions[j + 1].start] if j + 1 < len(mentions) else ""
    return bool(_LISTED.match(before)) or bool(_LISTED.match(after))


def _drop_finer_outside(
    i: int, j: int, candidates: list[list[Candidate]], scores: list[list[float]], *, level: int
) -> bool:
    """Drop X's small readings finer than Y that Y does not hold; whether none is left."""
    areas = [
        c.entry for c in candidates[j] if c.entry.kind in CONTAINERS or stands_for_admin1(c.entry)
    ]
    kept = [
        a
        for a, c in enumerate(candidates[i])
        if not (_minor(c) and _LEVEL.get(c.entry.kind, 0) < level)
        or any(contains(area, c.entry) for area in areas)
    ]
    dropped_all = bool(candidates[i]) and not kept
    candidates[i] = [candidates[i][a] for a in kept]
    scores[i] = [scores[i][a] for a in kept]
    return dropped_all


def _minor(candidate: Candidate) -> bool:
    entry = candidate.entry
    if entry.kind == "city":
        return entry.population < MINOR_POPULATION or candidate.match > MATCH_LIGHT
    return entry.kind == "admin2" or candidate.match > MATCH_LIGHT
