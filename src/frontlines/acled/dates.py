"""The date forms ACLED's files use, besides ISO: "14/07/2023 00:00:00", "03 December 2020",
"5-Aug-24", "2023-07-14 00:00:00"; ACLED writes days before months."""

from __future__ import annotations

from datetime import date, datetime

FORMATS = (
    "%Y-%m-%d",
    "%Y-%m-%d %H:%M:%S",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d-%b-%y",
    "%d-%b-%Y",
    "%d-%B-%Y",
)


def parse_acled_date(text: str) -> date | None:
    """The day ``text`` names in one of ACLED's forms; None when it is none of them."""
    cleaned = " ".join(text.split())
    for form in FORMATS:
        try:
            return datetime.strptime(cleaned, form).date()
        except ValueError:
            continue
    return None
