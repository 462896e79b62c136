"""Scoring functions shared by the benchmarks: span P/R/F1, labels, distances, Gritta's measures."""

from __future__ import annotations

import itertools
import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088
# Half the earth's circumference: the error Gritta et al. give a toponym left unresolved.
MAX_ERROR_KM = 20039.0
ACC_KM = 161.0


def harmonic_mean(precision: float, recall: float) -> float:
    """F1 from precision and recall (0 when both are 0)."""
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 of a set of predictions against a gold set."""

    true_positives: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)

    def __add__(self, other: PRF) -> PRF:
        return PRF(
            true_positives=self.true_positives + other.true_positives,
            predicted=self.predicted + other.predicted,
            gold=self.gold + other.gold,
        )


def span_prf(gold: Collection[tuple[int, int]], predicted: Collection[tuple[int, int]]) -> PRF:
    """Exact-match span scoring: a predicted (start, end) counts only if gold has the same span."""
    gold_set, predicted_set = set(gold), set(predicted)
    return PRF(
        true_positives=len(gold_set & predicted_set),
        predicted=len(predicted_set),
        gold=len(gold_set),
    )


def accuracy(pairs: Sequence[tuple[object, object]]) -> float | None:
    """Share of (gold, predicted) pairs that are equal; None when there are none."""
    if not pairs:
        return None
    return sum(1 for gold, predicted in pairs if gold == predicted) / len(pairs)


def share(flags: Sequence[bool]) -> float | None:
    return sum(flags) / len(flags) if flags else None


def macro_f1(pairs: Sequence[tuple[str, str | None]]) -> float | None:
    """Mean per-label F1 over every label in gold or predicted; a None prediction is just wrong."""
    if not pairs:
        return None
    labels = {gold for gold, _ in pairs} | {pred for _, pred in pairs if pred is not None}
    scores = []
    for label in sorted(labels):
        tp = sum(1 for gold, pred in pairs if gold == label and pred == label)
        predicted = sum(1 for _, pred in pairs if pred == label)
        gold_count = sum(1 for gold, _ in pairs if gold == label)
        scores.append(PRF(true_positives=tp, predicted=predicted, gold=gold_count).f1)
    return sum(scores) / len(scores)


def confusion(pairs: Iterable[tuple[str, str | None]]) -> dict[str, dict[str, int]]:
    """gold label -> predicted label ("(none)" when nothing was predicted) -> count."""
    counts: dict[str, Counter[str]] = {}
    for gold, pred in pairs:
        counts.setdefault(gold, Counter())[pred if pred is not None else "(none)"] += 1
    return {gold: dict(sorted(row.items())) for gold, row in sorted(counts.items())}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def error_km(
    gold: tuple[float, float], predicted: tuple[float | None, float | None] | None
) -> float:
    """Distance from the gold point; MAX_ERROR_KM when nothing was resolved."""
    if predicted is None or predicted[0] is None or predicted[1] is None:
        return MAX_ERROR_KM
    return min(MAX_ERROR_KM, haversine_km(gold[0], gold[1], predicted[0], predicted[1]))


@dataclass(frozen=True, slots=True)
class Resolution:
    """Gritta et al.'s resolution measures over a list of errors in km."""

    accuracy_161: float | None
    median_km: float | None
    auc: float | None
    size: int


def resolution_scores(errors: Sequence[float]) -> Resolution:
    """acc@161 km, median error and the AUC of the sorted log-error curve (lower is better).

    AUC follows Gritta et al. (2018): the trapezoidal area under ln(error + 1), sorted, divided by
    ln(20039) times (n - 1), so 0 is perfect and 1 is every toponym on the far side of the earth.
    """
    if not errors:
        return Resolution(accuracy_161=None, median_km=None, auc=None, size=0)
    logs = sorted(math.log(error + 1) for error in errors)
    if len(logs) > 1:
        area = sum((a + b) / 2 for a, b in itertools.pairwise(logs))
        auc = area / (math.log(MAX_ERROR_KM) * (len(logs) - 1))
    else:
        auc = logs[0] / math.log(MAX_ERROR_KM)
    return Resolution(
        accuracy_161=sum(1 for error in errors if error < ACC_KM) / len(errors),
        median_km=statistics.median(errors),
        auc=auc,
        size=len(errors),
    )


def normalise(text: str | None) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: for name comparisons."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKD", text.replace("’", "'"))
    folded = "".join(char for char in folded if not unicodedata.combining(char)).lower()
    folded = re.sub(r"'s\b", "", folded)
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


def spans_of(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (start, end) where ``needle`` occurs in ``text``, ignoring case."""
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    return [(match.start(), match.end()) for match in pattern.finditer(text)]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


Ranges = tuple[tuple[int, int], ...]  # one span, possibly in pieces


@dataclass(frozen=True, slots=True)
class SpanOverlap:
    """Overlap precision and recall: hits are counted on each side separately."""

    predicted_hit: int = 0
    predicted: int = 0
    gold_hit: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_hit / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_hit / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return harmonic_mean(self.precision, self.recall)

    def __add__(self, other: SpanOverlap) -> SpanOverlap:
        return SpanOverlap(
            predicted_hit=self.predicted_hit + other.predicted_hit,
            predicted=self.predicted + other.predicted,
            gold_hit=self.gold_hit + other.gold_hit,
            gold=self.gold + other.gold,
        )


def span_overlap(gold: Sequence[Ranges], predicted: Sequence[tuple[int, int]]) -> SpanOverlap:
    """A prediction hits when it overlaps any piece of a gold span, and a gold span likewise."""
    return SpanOverlap(
        predicted_hit=sum(any(overlaps_any(span, ranges) for ranges in gold) for span in predicted),
        predicted=len(predicted),
        gold_hit=sum(any(overlaps_any(span, ranges) for span in predicted) for ranges in gold),
        gold=len(gold),
    )


def overlaps_any(span: tuple[int, int], ranges: Ranges) -> bool:
    """Whether a span overlaps any piece of a span in pieces."""
    return any(overlaps(span, piece) for piece in ranges)
