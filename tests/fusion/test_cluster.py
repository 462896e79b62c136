from __future__ import annotations

from frontlines.fusion.cluster import cluster, connected

SCORES = {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.3, (2, 3): 0.7}


def score(first: int, second: int) -> float | None:
    key = (min(first, second), max(first, second))
    return SCORES.get(key, 0.0) if key != (0, 3) else None


LINKS = [(value, a, b) for (a, b), value in SCORES.items() if value >= 0.6]


def test_cluster_connected_components() -> None:
    assert connected(range(5), [(0, 1), (3, 2)]) == [[0, 1], [2, 3], [4]]


def test_cluster_average_linkage_stops_a_chain() -> None:
    # 0-1 and 1-2 are strong but 0-2 is weak: 2 joins 1 only if the mean reaches the threshold
    assert cluster(range(4), LINKS, score=score, threshold=0.6) == [[0, 1], [2, 3]]
    assert cluster(range(4), LINKS, score=score, threshold=0.5) == [[0, 1, 2], [3]]


def test_cluster_must_link_joins_and_cannot_link_separates() -> None:
    assert cluster(range(4), LINKS, score=score, threshold=0.6, cannot=[(0, 1)]) == [
        [0],
        [1, 2],
        [3],
    ]
    assert cluster(range(4), LINKS, score=score, threshold=0.6, must=[(0, 3)]) == [
        [0, 3],
        [1, 2],
    ]


def test_cluster_cannot_link_wins_over_a_must_link_chain() -> None:
    groups = cluster(
        range(4), [], score=score, threshold=0.6, must=[(0, 1), (1, 2)], cannot=[(0, 2)]
    )
    assert groups == [[0, 1], [2], [3]]


def test_cluster_result_does_not_depend_on_link_order() -> None:
    forward = cluster(range(4), LINKS, score=score, threshold=0.5)
    assert cluster(range(4), LINKS[::-1], score=score, threshold=0.5) == forward
