from __future__ import annotations

from datetime import date

import pytest

from frontlines.readers.datelines import is_future, text_date

TODAY = date(2024, 12, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KYIV, March 14, 2024 (Reuters) - Russia fired missiles.", date(2024, 3, 14)),
        ("GAZA CITY, Gaza Strip, 14 March 2024 (AP) — Strikes hit.", date(2024, 3, 14)),
        ("Title\nPublished: 14 March 2024\n\nBody text.", date(2024, 3, 14)),
        ("Thursday, March 14, 2024 10:32 GMT\nBody.", date(2024, 3, 14)),
        ("2024-03-14\nBody.", date(2024, 3, 14)),
        ("Posted on Mar. 3rd, 2023\nBody.", date(2023, 3, 3)),
        # a dateline without its year fixes no day: the year would be a guess
        ("KYIV, March 14 (Reuters) - Russia fired missiles.", None),
        # a date inside the prose is an event's date, not the publication's
        ("Troops entered the town on March 14, 2024, residents said.", None),
        ("WASHINGTON, Feb. 30, 2024 (AP) - No such day.", None),
        ("2999-12-31\nA date in the future is no publication date.", None),
    ],
)
def test_datelines_read_the_date_the_text_states(text: str, expected: date | None) -> None:
    assert text_date(text, today=TODAY) == expected


def test_datelines_only_the_top_of_the_story_counts() -> None:
    body = "\n".join(f"Paragraph {n}." for n in range(10))
    assert text_date(body + "\nKYIV, March 14, 2024 (Reuters) - x", today=TODAY) is None


def test_datelines_a_day_of_slack_for_time_zones() -> None:
    assert not is_future(date(2024, 12, 2), today=TODAY)
    assert is_future(date(2024, 12, 3), today=TODAY)
