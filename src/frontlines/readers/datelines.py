"""The publication date a text states itself: a date line near its top ("Published: 14 March
2024", "March 14, 2024", "2024-03-14") or a wire dateline ("KYIV, March 14, 2024 (Reuters) -").

Only a full date counts: a dateline without its year ("KYIV, March 14 (Reuters) -") fixes no day
(the year would be a guess), and a date after today is no publication date.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
MONTH = r"(?P<month{n}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
DAY = r"(?P<day{n}>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year{n}>(?:19|20)\d\d)"
WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
SPELLED = (
    WEEKDAY
    + rf"(?:{MONTH.format(n=1)}\s+{DAY.format(n=1)},?\s+{YEAR.format(n=1)}"
    + rf"|{DAY.format(n=2)}\s+{MONTH.format(n=2)},?\s+{YEAR.format(n=2)})"
    + r"|(?P<year3>(?:19|20)\d\d)-(?P<month3>[01]\d)-(?P<day3>[0-3]\d)"
)
LABEL = r"(?:(?:published|posted|updated|date|dated|first published)(?:\s+on)?\s*:?\s*)?"
# A line that is only a date, perhaps labelled and followed by a time ("14:02 GMT").
DATE_LINE = re.compile(
    rf"^\s*{LABEL}(?:{SPELLED})(?:[\sT,|·-]+\d\d?[:.]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?"
    rf"(?:\s*[A-Z]{{2,4}}|[+-]\d\d:?\d\d|Z)?)?\s*\.?\s*$",
    re.IGNORECASE,
)
# "KYIV, March 14, 2024 (Reuters) -", "GAZA CITY, Gaza Strip, 14 March 2024 (AP) —".
DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z'’. -]{{1,40}}(?:,\s*[A-Z][A-Za-z'’. -]{{1,40}})?,?\s+(?i:{SPELLED})"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?[-—–:]",
)
TOP_LINES = 6  # date lines and datelines stand at the top of a story
TODAY_SLACK_DAYS = 1  # a story dated tomorrow is a time zone ahead, not the future


def text_date(text: str, *, today: date | None = None) -> date | None:
    """The publication date the text's first lines state, or None."""
    lines = [line for line in text.splitlines()[: TOP_LINES * 2] if line.strip()][:TOP_LINES]
    for line in lines:
        match = DATE_LINE.match(line) or DATELINE.match(line)
        if match is None:
            continue
        found = _date_of(match)
        if found is not None and not is_future(found, today=today):
            return found
    return None


def is_future(day: date, *, today: date | None = None) -> bool:
    """Whether ``day`` is after today (UTC), a day of slack for time zones allowed."""
    now = today or datetime.now(tz=UTC).date()
    return (day - now).days > TODAY_SLACK_DAYS


def _date_of(match: re.Match[str]) -> date | None:
    parts = match.groupdict()
    for n in ("1", "2", "3"):
        if parts.get(f"year{n}"):
            month = parts[f"month{n}"]
            number = int(month) if month.isdigit() else _month(month)
            try:
                return date(int(parts[f"year{n}"]), number, int(parts[f"day{n}"]))
            except ValueError:
                return None
    return None


def _month(word: str) -> int:
    prefix = word.lower().rstrip(".")[:3]
    return next(number for number, name in enumerate(MONTHS, start=1) if name.startswith(prefix))
