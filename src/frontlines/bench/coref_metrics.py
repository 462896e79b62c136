"""Coreference scores over clusters of mentions: MUC, B³, CEAF-e and their mean, CoNLL F1.

Clusters are sets of mention ids; a mention missing from a side counts as a singleton there.
MUC (Vilain et al. 1995) counts links, B³ (Bagga and Baldwin 1998) averages per mention, CEAF-e
(Luo 2005) aligns clusters one to one under the φ4 similarity 2|K∩R|/(|K|+|R|), the alignment
found with the Hungarian algorithm. CoNLL F1 is the mean of the three F1s (Pradhan et al. 2014).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from frontlines.bench.metrics import harmonic_mean

Cluster = frozenset[Hashable]


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)


@dataclass(frozen=True, slots=True)
class CorefScores:
    muc: Score
    b_cubed: Score
    ceaf_e: Score

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3


def _complete(clusters: Collection[Collection[Hashable]], mentions: set[Hashable]) -> list[Cluster]:
    found = [frozenset(cluster) for cluster in clusters if cluster]
    covered = set().union(*found) if found else set()
    return found + [frozenset({mention}) for mention in mentions - covered]


def _muc_recall(keys: Sequence[Cluster], responses: Sequence[Cluster]) -> float:
    where = {mention: number for number, cluster in enumerate(responses) for mention in cluster}
    links = sum(len(key) - 1 for key in keys)
    found = sum(len(key) - len({where[mention] for mention in key}) for key in keys)
    return found / links if links else 0.0


def _b_cubed_recall(keys: Sequence[Cluster], responses: Sequence[Cluster]) -> float:
    where = {mention: cluster for cluster in responses for mention in cluster}
    total = sum(len(key & where[mention]) / len(key) for key in keys for mention in key)
    return total / sum(len(key) for key in keys)


def assignment(cost: npt.NDArray[np.float64]) -> list[tuple[int, int]]:
    """Rows matched to columns at the least total cost (Hungarian algorithm, rectangular)."""
    rows, columns = cost.shape
    if rows > columns:
        return [(r, c) for c, r in assignment(cost.T)]
    # Jonker-Volgenant style potentials over a 1-based padded matrix (rows <= columns)
    u, v = np.zeros(rows + 1), np.zeros(columns + 1)
    match = np.zeros(columns + 1, dtype=int)  # column -> row (1-based), 0 for none
    for row in range(1, rows + 1):
        match[0], column = row, 0
        least = np.full(columns + 1, np.inf)
        used = np.zeros(columns + 1, dtype=bool)
        way = np.zeros(columns + 1, dtype=int)
        while match[column] != 0:
            used[column] = True
            here = match[column]
            reduced = cost[here - 1] - u[here] - v[1:]
            better = (~used[1:]) & (reduced < least[1:])
            least[1:][better] = reduced[better]
            way[1:][better] = column
            free = np.where(~used[1:], least[1:], np.inf)
            nearest = int(np.argmin(free)) + 1
            delta = free[nearest - 1]
            u[match[used]] += delta
            v[used] -= delta
            least[~used] -= delta
            column = nearest
        while column:
            previous = way[column]
            match[column] = match[previous]
            column = previous
    return [(int(match[c]) - 1, c - 1) for c in range(1, columns + 1) if match[c]]


def _ceaf_e(keys: Sequence[Cluster], responses: Sequence[Cluster]) -> Score:
    similarity = np.array(
        [[2 * len(k & r) / (len(k) + len(r)) for r in responses] for k in keys], dtype=float
    )
    matched = assignment(-similarity)
    total = float(sum(similarity[k, r] for k, r in matched))
    return Score(precision=total / len(responses), recall=total / len(keys))


def coref_scores(
    gold: Collection[Collection[Hashable]], predicted: Collection[Collection[Hashable]]
) -> CorefScores:
    """MUC, B³ and CEAF-e of ``predicted`` clusters against ``gold`` ones (singletons count)."""
    mentions = {m for cluster in gold for m in cluster} | {m for c in predicted for m in c}
    keys, responses = _complete(gold, mentions), _complete(predicted, mentions)
    return CorefScores(
        muc=Score(_muc_recall(responses, keys), _muc_recall(keys, responses)),
        b_cubed=Score(_b_cubed_recall(responses, keys), _b_cubed_recall(keys, responses)),
        ceaf_e=_ceaf_e(keys, responses),
    )
