from __future__ import annotations

from datetime import date

import pytest

from frontlines.acled.dates import parse_acled_date


@pytest.mark.parametrize(
    "text",
    [
        "14/07/2023 00:00:00",
        "14/07/2023",
        "14 July 2023",
        "14-Jul-23",
        "2023-07-14",
        "2023-07-14 00:00:00",
    ],
)
def test_acled_date_forms_name_the_same_day(text: str) -> None:
    assert parse_acled_date(text) == date(2023, 7, 14)


def test_acled_writes_days_before_months() -> None:
    assert parse_acled_date("03/04/2021") == date(2021, 4, 3)


@pytest.mark.parametrize("text", ["", "yesterday", "31/02/2023", "2023-13-01"])
def test_what_is_not_an_acled_date_is_none(text: str) -> None:
    assert parse_acled_date(text) is None
