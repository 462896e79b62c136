from __future__ import annotations

from datetime import date

import pytest

from frontlines.errors import InputError
from frontlines.store.base import EventQuery


def test_base_event_query_rejects_values_no_backend_could_answer() -> None:
    for filters in (
        {"limit": -1}, {"offset": -5}, {"event_type": "Skirmish"},
        {"sub_event_type": "Brawl"}, {"certainty": "sure"}, {"bbox": (10.0, 0.0, 5.0, 1.0)},
        {"sort": "fatalities"},
    ):  # fmt: skip
        with pytest.raises(InputError, match="event query"):
            EventQuery(**filters)


def test_base_event_query_accepts_the_contract_vocabulary() -> None:
    query = EventQuery(
        event_type="Riots", sub_event_type="Mob violence", certainty="denied",
        bbox=(35.0, 30.0, 42.0, 37.5), date_from=date(2024, 1, 1), sort="date", limit=0,
    )  # fmt: skip
    assert (query.sub_event_type, query.limit, query.offset) == ("Mob violence", 0, 0)
