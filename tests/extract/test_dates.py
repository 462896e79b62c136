from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from frontlines.extract.dates import resolve, sentence_date

WEDNESDAY = date(2024, 11, 27)


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Nov. 27", date(2024, 11, 27), "day"),
        ("on 27 November 2024", date(2024, 11, 27), "day"),
        ("Wednesday", date(2024, 11, 27), "day"),  # the paper's own weekday is that day
        ("Thursday", date(2024, 11, 21), "day"),
        ("last Sunday", date(2024, 11, 24), "day"),
        ("late Sunday night", date(2024, 11, 24), "day"),
        ("yesterday", date(2024, 11, 26), "day"),
        ("earlier this week", date(2024, 11, 25), "week"),
        ("last week", date(2024, 11, 18), "week"),
        ("last month", date(2024, 10, 1), "month"),
        ("mid-November", date(2024, 11, 1), "month"),
        ("three days ago", date(2024, 11, 24), "day"),
        ("in 2017", date(2017, 1, 1), "approximate"),
    ],
)
def test_dates_resolve_against_publication(text: str, expected: date, precision: str) -> None:
    found = resolve(text, published=WEDNESDAY)
    assert found is not None
    assert (found.value, found.precision) == (expected, precision)


@pytest.mark.parametrize("text", ["four years", "13-year", "the 1990s", "decades", "a week"])
def test_dates_durations_are_not_points_in_time(text: str) -> None:
    assert resolve(text, published=WEDNESDAY) is None


def test_dates_never_later_than_publication() -> None:
    found = resolve("December 5", published=WEDNESDAY)
    assert found is not None
    assert found.value is not None and found.value <= WEDNESDAY


def test_dates_without_publication_only_years_resolve() -> None:
    full = resolve("6 August 2022", published=None)
    assert full is not None and (full.value, full.precision) == (date(2022, 8, 6), "day")
    assert resolve("Thursday", published=None) is None
    assert resolve("February 20", published=None) is None


@pytest.mark.slow
def test_dates_sentence_date_takes_the_span_nearest_the_trigger(
    sentence: Callable[[str], Any],
) -> None:
    parsed = sentence("Rebels attacked the base on Monday, a week after the truce of 3 November.")
    attacked = next(t for t in parsed if t.lower_ == "attacked")
    found = sentence_date(parsed, near=attacked, published=WEDNESDAY)
    assert found is not None and found.value == date(2024, 11, 25)
