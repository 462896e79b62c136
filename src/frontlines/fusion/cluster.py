"""Deterministic clustering of linked reports, with analysts' must-link and cannot-link pairs.

Items are numbers 0..n-1 in a fixed order (fusion numbers reports by sorted id). Must-links join
first (unless that would put a cannot-link pair together: a split is never undone by a merge made
through other reports). Then links are taken strongest first, ties by item number, and two
clusters merge only when every cross pair passes the gates, none is cannot-linked, and the mean
cross-pair score reaches the threshold: average linkage, so one strong link cannot chain two
different events together. The result depends on the items and links alone, never on the order
in which reports arrived.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

PairScore = Callable[[int, int], float | None]  # None: the pair is ruled out


class _Clusters:
    def __init__(self, items: Iterable[int]) -> None:
        self.parent = {item: item for item in items}
        self.members = {item: [item] for item in self.parent}

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def join(self, first: int, second: int) -> None:
        keep, drop = sorted((self.find(first), self.find(second)))
        self.parent[drop] = keep
        self.members[keep].extend(self.members.pop(drop))

    def groups(self) -> list[list[int]]:
        return sorted(sorted(members) for members in self.members.values())


def connected(items: Sequence[int], links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected components of ``items`` under ``links``, each sorted, in item order."""
    clusters = _Clusters(items)
    for first, second in links:
        if clusters.find(first) != clusters.find(second):
            clusters.join(first, second)
    return clusters.groups()


def cluster(
    items: Sequence[int],
    links: Sequence[tuple[float, int, int]],
    *,
    score: PairScore,
    threshold: float,
    must: Iterable[tuple[int, int]] = (),
    cannot: Iterable[tuple[int, int]] = (),
) -> list[list[int]]:
    """Groups of ``items``: each group one event. ``links`` are (score, i, j) above threshold."""
    clusters = _Clusters(items)
    forbidden = {frozenset(pair) for pair in cannot}

    def blocked(first: list[int], second: list[int]) -> bool:
        return any(frozenset((a, b)) in forbidden for a in first for b in second)

    for first, second in sorted(must):
        a, b = clusters.find(first), clusters.find(second)
        if a != b and not blocked(clusters.members[a], clusters.members[b]):
            clusters.join(a, b)
    for _, first, second in sorted(links, key=lambda link: (-link[0], link[1], link[2])):
        a, b = clusters.find(first), clusters.find(second)
        if a == b:
            continue
        left, right = clusters.members[a], clusters.members[b]
        if blocked(left, right):
            continue
        if _mean(left, right, score) >= threshold:
            clusters.join(a, b)
    return clusters.groups()


def _mean(left: list[int], right: list[int], score: PairScore) -> float:
    """The mean score of the cross pairs, or -1 as soon as one is ruled out."""
    total = 0.0
    for x in left:
        for y in right:
            value = score(x, y)
            if value is None:
                return -1.0
            total += value
    return total / (len(left) * len(right))
