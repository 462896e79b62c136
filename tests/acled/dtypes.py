"""ACLED's documented column types (its codebook and API documentation), to read an export with."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from typing import Any

INTEGER = ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
           "fatalities", "timestamp")  # fmt: skip
FLOAT = ("latitude", "longitude")
DATE = ("event_date",)


def typed(column: str) -> Callable[[str], Any]:
    if column in INTEGER:
        return int
    if column in FLOAT:
        return float
    if column in DATE:
        return date.fromisoformat
    return str


def read_typed(text: str, *, columns: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every row with every ACLED column converted as ACLED types it; ValueError if one is not."""
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        rows.append({column: typed(column)(row[column]) for column in columns})
    return rows
