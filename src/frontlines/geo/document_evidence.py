"""Document-level evidence for ranking: which countries the article is about, and which admin
areas its places agree on ("Georgia" with "Athens" and "Clarke County" is the US state)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from frontlines.geo.detect import Mention
from frontlines.geo.entry import MATCH_SKELETON, Candidate
from frontlines.geo.names import fold

HIERARCHY_WEIGHT = 1.5
AREA_KINDS = frozenset({"admin1"})
INSIDE_KINDS = frozenset({"city", "admin2"})


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
    names; each distinct name lends support once."""
    names = [fold(mention.key) for mention in mentions]
    towns = _support(names, candidates, scores, kinds=INSIDE_KINDS, key=_admin1_key)
    _lend(names, candidates, scores, towns, kinds=AREA_KINDS | INSIDE_KINDS, cap=2.0)
    areas = _support(names, candidates, scores, kinds=AREA_KINDS, key=_own_key)
    _lend(names, candidates, scores, areas, kinds=INSIDE_KINDS, cap=1.0)


def _lend(
    names: list[str],
    candidates: list[list[Candidate]],
    scores: list[list[float]],
    support: dict[str, dict[tuple[str | None, str], float]],
    *,
    kinds: frozenset[str],
    cap: float,
) -> None:
    # Support from every name, less the name's own: one pass, not one over the names per reading.
    totals: dict[tuple[str | None, str], float] = defaultdict(float)
    for found in support.values():
        for key, prob in found.items():
            totals[key] += prob
    for i, cands in enumerate(candidates):
        own = support.get(names[i], {})
        for a, candidate in enumerate(cands):
            if candidate.entry.kind not in kinds:
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
