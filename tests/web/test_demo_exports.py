"""The demo store's ACLED CSV, as the API streams it, read with the column types ACLED documents."""

from __future__ import annotations

import urllib.request

import pytest

from frontlines.exports.events import ACLED_COLUMNS
from frontlines.model import EVENT_TYPES
from tests.acled.dtypes import read_typed

pytestmark = pytest.mark.slow


def test_the_demo_acled_csv_loads_with_acleds_types_and_only_acled_rows(demo_server: str) -> None:
    url = f"{demo_server}/api/events?format=csv&limit=10000"
    with urllib.request.urlopen(url, timeout=60) as response:
        text = response.read().decode("utf-8")
    rows = read_typed(text, columns=ACLED_COLUMNS)
    assert len(rows) >= 30
    assert all(row["actor1"] for row in rows)
    assert all(row["event_type"] in EVENT_TYPES for row in rows)
    assert all(row["interaction"] != 88 for row in rows)
    assert all(
        row["event_id_cnty"][:3].isalpha() and row["event_id_cnty"][3:].isdigit() for row in rows
    )
    assert all(row["civilian_targeting"] in ("", "Civilian targeting") for row in rows)
    protests = [row for row in rows if row["event_type"] == "Protests"]
    assert all(row["civilian_targeting"] == "" for row in protests)
