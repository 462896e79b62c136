"""Document-level evidence for ranking: which countries the article is about, which admin
areas its places agree on ("Georgia" with "Athens" and "Clarke County" is the US state), and
which towns lie in a county the article names ("Paris" with "Henry County")."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from frontlines.geo.detect import PROPER_DESIGNATORS, Mention
from frontlines.geo.entry import (
    MATCH_FOLD,
    MATCH_LIGHT,
    MATCH_SKELETON,
    NAME_MAIN,
    Candidate,
    Entry,
)
from frontlines.geo.names import fold

HIERARCHY_WEIGHT = 1.5
AREA_KINDS = frozenset({"admin1"})
INSIDE_KINDS = frozenset({"city", "admin2"})
# A town and the county it lies in, both named in the article: stronger than a shared state,
# as a name and a county that holds a namesake of it seldom meet by chance.
COUNTY_WEIGHT = 3.0


def softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    weights = [math.exp(score - top) for score in scores]
    total = sum(weights)
    return [weight / total for weight in weights]


@dataclass(frozen=True, slots=True)
class FocusVotes:
    """Each distinct name's votes for countries, kept apart so that the focus of the article
    without one name ("the other names are about ...") is a subtraction, not a pass over every
    mention again for each name."""

    by_name: dict[str, dict[str, float]]
    totals: dict[str, float]
    voters: dict[str, int]  # how many names point at each country

    def share(self, *, without: str | None = None) -> dict[str, float]:
        """Share of the evidence that points at each country, leaving out the name ``without``
        (folded) where given."""
        own = self.by_name.get(without, {}) if without is not None else {}
        weights = {
            code: max(total - own.get(code, 0.0), 0.0)
            for code, total in self.totals.items()
            if code not in own or self.voters[code] > 1  # a country only this name points at
        }
        grand = sum(weights.values()) or 1.0
        return {code: weight / grand for code, weight in weights.items()}


def focus_votes(
    mentions: Sequence[Mention],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
    *,
    actors: frozenset[int] | set[int] = frozenset(),
) -> FocusVotes:
    """The votes behind ``country_focus``, by name, in one pass over the mentions."""
    votes: dict[tuple[str, bool], tuple[str, float]] = {}
    for index, (mention, cands, row) in enumerate(zip(mentions, candidates, scores, strict=True)):
        if not cands:
            continue
        probs = softmax(row)
        best = max(range(len(cands)), key=probs.__getitem__)
        entry = cands[best].entry
        if not entry.country_code or cands[best].match >= MATCH_SKELETON:
            continue
        # A demonym ("Russian forces") often names an actor, not where things happened.
        counts = entry.kind == "country" and not mention.demonym and index not in actors
        weight = probs[best] * (1.0 if counts else 0.5)
        votes[(fold(mention.key), mention.demonym)] = (entry.country_code, weight)
    by_name: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    totals: dict[str, float] = defaultdict(float)
    for (name, _), (code, weight) in votes.items():
        by_name[name][code] += weight
        totals[code] += weight
    voters = Counter(code for found in by_name.values() for code in found)
    return FocusVotes(
        by_name={name: dict(found) for name, found in by_name.items()},
        totals=dict(totals),
        voters=dict(voters),
    )


def country_focus(
    mentions: Sequence[Mention],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
    *,
    actors: frozenset[int] | set[int] = frozenset(),
) -> dict[str, float]:
    """Share of the article's place evidence that points at each country. Each distinct name
    votes once, with the probability of its best reading (countries named as such count
    double; not when ``actors`` holds the mention's index: "Russia said" names a government,
    not where things happened)."""
    return focus_votes(mentions, candidates, scores, actors=actors).share()


def apply_hierarchy(
    mentions: Sequence[Mention],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
) -> None:
    """Favour readings that share an admin1 area with the other places the article names
    ("Georgia" the US state beside "Atlanta"), then places inside admin1 areas the article
    names; each distinct name lends support once. A town named after a state it
    lies outside of (California, Pennsylvania) neither lends nor borrows: beside
    "Pennsylvania", "California" is still the state."""
    names = [fold(mention.key) for mention in mentions]
    left_out = area_namesakes(candidates)
    kept = [
        [c for a, c in enumerate(cands) if a not in out]
        for cands, out in zip(candidates, left_out, strict=True)
    ]
    kept_scores = [
        [x for a, x in enumerate(row) if a not in out]
        for row, out in zip(scores, left_out, strict=True)
    ]
    towns = _support(names, kept, kept_scores, kinds=INSIDE_KINDS, key=_admin1_key)
    areas = _support(names, kept, kept_scores, kinds=AREA_KINDS, key=_own_key)
    _lend(names, candidates, scores, towns, kinds=AREA_KINDS | INSIDE_KINDS, cap=2.0, skip=left_out)
    _lend(names, candidates, scores, areas, kinds=INSIDE_KINDS, cap=1.0, skip=left_out)


def area_namesakes(candidates: list[list[Candidate]]) -> list[set[int]]:
    """For each mention, its readings that are a town or county where the name also reads as a
    first-level area, lying outside it ("California", Pennsylvania, beside the state of
    California; not Idlib the city, in Idlib province, nor a capital: Washington, D.C.), and
    the areas and towns of a country named like it ("Mexico" the state, in Mexico: the country
    holds whatever its state would be lent)."""
    found: list[set[int]] = []
    for cands in candidates:
        exact = [c for c in cands if c.match == MATCH_FOLD and c.name_kind == NAME_MAIN]
        areas = {fold(c.entry.name) for c in exact if c.entry.kind == "admin1"}
        countries = {c.entry.country_code for c in exact if c.entry.kind == "country"}
        found.append(
            {
                a
                for a, c in enumerate(cands)
                if (
                    areas
                    and c.entry.kind in INSIDE_KINDS
                    and not c.entry.capital_of
                    and fold(c.entry.admin1 or "") not in areas
                )
                or (c.entry.kind in AREA_KINDS | INSIDE_KINDS and c.entry.country_code in countries)
            }
        )
    return found


def _lend(
    names: list[str],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
    support: dict[str, dict[tuple[str | None, str], float]],
    *,
    kinds: frozenset[str],
    cap: float,
    skip: list[set[int]],
) -> None:
    # Support from every name, less the name's own: one pass, not one over the names per reading.
    totals: dict[tuple[str | None, str], float] = defaultdict(float)
    for found in support.values():
        for key, prob in found.items():
            totals[key] += prob
    for i, cands in enumerate(candidates):
        own = support.get(names[i], {})
        for a, candidate in enumerate(cands):
            if candidate.entry.kind not in kinds or a in skip[i]:
                continue
            key = (
                _own_key(candidate)
                if candidate.entry.kind in AREA_KINDS
                else _admin1_key(candidate)
            )
            lent = max(totals.get(key, 0.0) - own.get(key, 0.0), 0.0)
            scores[i][a] += HIERARCHY_WEIGHT * min(lent, cap)


def _admin1_key(candidate: Candidate) -> tuple[str | None, str]:
    return candidate.entry.country_code, fold(candidate.entry.admin1 or "")


def _own_key(candidate: Candidate) -> tuple[str | None, str]:
    return candidate.entry.country_code, fold(candidate.entry.name)


def _support(
    names: list[str],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
    *,
    kinds: frozenset[str],
    key: Callable[[Candidate], tuple[str | None, str]],
) -> dict[str, dict[tuple[str | None, str], float]]:
    """For each distinct name: admin1 key → the best probability of a reading of that kind."""
    found: dict[str, dict[tuple[str | None, str], float]] = defaultdict(dict)
    for name, cands, row in zip(names, candidates, scores, strict=True):
        if not cands:
            continue
        for candidate, prob in zip(cands, softmax(row), strict=True):
            if candidate.entry.kind in kinds:
                area = key(candidate)
                found[name][area] = max(found[name].get(area, 0.0), prob)
    return found


CountyKey = tuple[str | None, str, str]


def apply_counties(
    mentions: Sequence[Mention],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
) -> None:
    """Lift a town's reading inside a county the article names as one ("Paris" beside "Henry
    County": Paris, Tennessee, the seat of Henry County, Tennessee, not Paris, France), and that
    county's reading with it. A county counts only where the text calls it one ("Henry County",
    "Lamar Parish"), not a bare name that happens to read as one; where a pair of names meets in
    several counties, each meeting lends its share. A name beside its own county ("DeKalb" and
    "DeKalb County") is left to ``follow_counties``: it often stands for the county itself."""
    names = [fold(mention.key) for mention in mentions]
    counties: dict[CountyKey, set[str]] = defaultdict(set)
    towns: dict[CountyKey, set[str]] = defaultdict(set)
    for mention, name, cands in zip(mentions, names, candidates, strict=True):
        stated = _called_a_county(mention)
        for candidate in cands:
            entry = candidate.entry
            if candidate.match > MATCH_LIGHT:
                continue
            if entry.kind == "admin2" and stated:
                counties[_county_of(entry, own=True)].add(name)
            elif entry.kind == "city" and entry.admin2:
                towns[_county_of(entry, own=False)].add(name)
    # How many counties each (town name, county name) pair meets in.
    meetings: dict[tuple[str, str], int] = defaultdict(int)
    for key, by in counties.items():
        for town in towns.get(key, set()):
            for county in by - {town, _base(town)}:
                meetings[(town, county)] += 1
    for i, cands in enumerate(candidates):
        for a, candidate in enumerate(cands):
            entry = candidate.entry
            if candidate.match > MATCH_LIGHT:
                continue
            if entry.kind == "city" and entry.admin2:
                pairs = [(names[i], c) for c in counties.get(_county_of(entry, own=False), ())]
            elif entry.kind == "admin2" and _called_a_county(mentions[i]):
                pairs = [(t, names[i]) for t in towns.get(_county_of(entry, own=True), ())]
            else:
                continue
            lift = sum(1.0 / meetings[pair] for pair in pairs if pair in meetings)
            scores[i][a] += COUNTY_WEIGHT * min(lift, 1.0)


def follow_counties(
    mentions: Sequence[Mention],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
) -> None:
    """A bare name beside its own county ("north DeKalb" and "DeKalb County") lies in the
    county the article means: the county's best reading lifts the name's readings that are that
    county, or a town in it (DeKalb, Illinois, in DeKalb County, Illinois)."""
    chosen: dict[str, set[CountyKey]] = defaultdict(set)
    for mention, cands, row in zip(mentions, candidates, scores, strict=True):
        if not cands or not _called_a_county(mention):
            continue
        best = cands[max(range(len(cands)), key=row.__getitem__)].entry
        if best.kind == "admin2":
            chosen[_base(fold(mention.text))].add(_county_of(best, own=True))
    if not chosen:
        return
    for mention, cands, row in zip(mentions, candidates, scores, strict=True):
        keys = chosen.get(fold(mention.key))
        if keys is None or _called_a_county(mention):
            continue
        for a, candidate in enumerate(cands):
            entry = candidate.entry
            if entry.kind not in INSIDE_KINDS:
                continue
            if _county_of(entry, own=entry.kind == "admin2") in keys:
                row[a] += COUNTY_WEIGHT


def _base(name: str) -> str:
    """A folded name without its unit word ("dekalb county" → "dekalb")."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in PROPER_DESIGNATORS else name


def _called_a_county(mention: Mention) -> bool:
    words = fold(mention.text).split()
    return bool(words) and words[-1] in PROPER_DESIGNATORS


def _county_of(entry: Entry, *, own: bool) -> CountyKey:
    county = entry.name if own else entry.admin2 or ""
    return entry.country_code, fold(entry.admin1 or ""), fold(county)
