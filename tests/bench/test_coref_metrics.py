from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

from frontlines.bench.coref_metrics import assignment, coref_scores

KEY = [{1, 2, 3}, {4, 5, 6, 7}]
RESPONSE = [{1, 2}, {3, 4}, {5, 6, 7}]


def test_coref_metrics_by_hand() -> None:
    scores = coref_scores(KEY, RESPONSE)
    assert (scores.muc.recall, scores.muc.precision) == pytest.approx((3 / 5, 3 / 4))
    assert scores.b_cubed.recall == pytest.approx((5 / 3 + 10 / 4) / 7)
    assert scores.b_cubed.precision == pytest.approx(6 / 7)
    aligned = 2 * 2 / 5 + 2 * 3 / 7  # {1,2,3}~{1,2} and {4,5,6,7}~{5,6,7}
    assert scores.ceaf_e.recall == pytest.approx(aligned / 2)
    assert scores.ceaf_e.precision == pytest.approx(aligned / 3)
    mean = (scores.muc.f1 + scores.b_cubed.f1 + scores.ceaf_e.f1) / 3
    assert scores.conll_f1 == pytest.approx(mean)


def test_coref_metrics_perfect_and_all_singletons() -> None:
    perfect = coref_scores(KEY, KEY)
    assert perfect.conll_f1 == pytest.approx(1.0)
    alone = coref_scores(KEY, [])  # every mention its own cluster
    assert alone.muc.f1 == 0.0
    assert alone.b_cubed.precision == 1.0
    assert alone.b_cubed.recall == pytest.approx((3 * 1 / 3 + 4 * 1 / 4) / 7)


def brute_force(cost: np.ndarray[Any, Any]) -> float:
    rows, columns = cost.shape
    if rows > columns:
        return brute_force(cost.T)
    return min(
        float(sum(cost[row, column] for row, column in enumerate(chosen)))
        for chosen in itertools.permutations(range(columns), rows)
    )


def test_coref_metrics_assignment_is_optimal() -> None:
    rng = np.random.default_rng(7)
    for rows, columns in [(3, 3), (2, 5), (5, 2), (4, 4), (1, 3)]:
        cost = rng.random((rows, columns))
        found = assignment(cost)
        assert len(found) == min(rows, columns)
        assert len({r for r, _ in found}) == len({c for _, c in found}) == len(found)
        assert sum(cost[r, c] for r, c in found) == pytest.approx(brute_force(cost))
