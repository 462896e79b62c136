from __future__ import annotations

import math

import pytest

from frontlines.bench.metrics import (
    MAX_ERROR_KM,
    PRF,
    accuracy,
    confusion,
    error_km,
    haversine_km,
    macro_f1,
    normalise,
    overlaps,
    resolution_scores,
    share,
    span_prf,
    spans_of,
)


def test_metrics_span_prf_counts_only_exact_spans() -> None:
    score = span_prf(gold=[(0, 6), (10, 15), (20, 25)], predicted=[(0, 6), (10, 14)])
    assert (score.true_positives, score.predicted, score.gold) == (1, 2, 3)
    assert score.precision == 0.5
    assert score.recall == pytest.approx(1 / 3)
    assert score.f1 == pytest.approx(0.4)


def test_metrics_prf_without_predictions_is_zero_not_an_error() -> None:
    score = PRF(true_positives=0, predicted=0, gold=4)
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)
    assert score + PRF(true_positives=1, predicted=1, gold=1) == PRF(1, 1, 5)


def test_metrics_accuracy_and_share_are_none_on_nothing() -> None:
    assert accuracy([]) is None
    assert share([]) is None
    assert accuracy([("a", "a"), ("b", None)]) == 0.5
    assert share([True, False, False, True]) == 0.5


def test_metrics_macro_f1_averages_labels_from_gold_and_predictions() -> None:
    pairs = [("Riots", "Riots"), ("Riots", "Protests"), ("Battles", None)]
    # Riots: P 1/1, R 1/2 -> F1 2/3; Protests: 0; Battles: 0 (a None prediction is not a label).
    assert macro_f1(pairs) == pytest.approx((2 / 3) / 3)
    assert macro_f1([]) is None


def test_metrics_confusion_names_missing_predictions() -> None:
    matrix = confusion([("Riots", "Riots"), ("Riots", None), ("Battles", "Riots")])
    assert matrix == {"Battles": {"Riots": 1}, "Riots": {"(none)": 1, "Riots": 1}}


def test_metrics_haversine_matches_a_known_distance() -> None:
    # Aleppo to Damascus is about 310 km.
    assert haversine_km(36.20, 37.16, 33.51, 36.29) == pytest.approx(310, abs=10)
    assert haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0


def test_metrics_error_km_gives_unresolved_the_maximum() -> None:
    assert error_km((1.0, 1.0), None) == MAX_ERROR_KM
    assert error_km((1.0, 1.0), (None, 2.0)) == MAX_ERROR_KM
    assert error_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.2, abs=0.5)


def test_metrics_resolution_scores_follow_gritta() -> None:
    perfect = resolution_scores([0.0, 0.0, 0.0])
    assert (perfect.accuracy_161, perfect.median_km, perfect.auc) == (1.0, 0.0, 0.0)
    worst = resolution_scores([MAX_ERROR_KM] * 4)
    assert worst.accuracy_161 == 0.0
    assert worst.auc == pytest.approx(math.log(MAX_ERROR_KM + 1) / math.log(MAX_ERROR_KM))
    mixed = resolution_scores([10.0, 200.0, 160.9])
    assert mixed.accuracy_161 == pytest.approx(2 / 3)
    assert mixed.median_km == 160.9
    assert 0.0 < (mixed.auc or 0.0) < 1.0
    assert resolution_scores([]).auc is None


def test_metrics_normalise_folds_case_accents_and_punctuation() -> None:
    assert normalise("Türkiye") == "turkiye"
    assert normalise("Assad’s forces") == normalise("assad forces")
    assert normalise("  Military Forces of Russia (2000-) ") == "military forces of russia 2000"
    assert normalise(None) == ""


def test_metrics_spans_of_finds_every_occurrence_ignoring_case() -> None:
    assert spans_of("Regime and regime", "regime") == [(0, 6), (11, 17)]
    assert spans_of("text", "") == []
    assert overlaps((0, 5), (4, 8))
    assert not overlaps((0, 5), (5, 8))
