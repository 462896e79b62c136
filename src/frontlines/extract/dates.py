"""When an event happened: spaCy DATE spans resolved against the publication date.

dateparser reads the absolute and simple relative expressions ("Nov. 27", "27 November 2024",
"three days ago"); the rules here cover what it gets wrong or cannot read ("on Wednesday" in a
Wednesday paper is that day, "late Sunday night", "earlier this week", "last month", "mid-November")
and what is not a point in time at all ("the 13-year war", "four years", "the 1990s"). Nothing
resolves later than the publication date; without one, only expressions that carry a year resolve.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from dateparser.date import DateDataParser

from frontlines.extract.entities import sentence_ents

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
UNIT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
PRECISION_BY_PERIOD = {"day": "day", "time": "day", "week": "week", "month": "month"}

TODAY = re.compile(r"\b(today|this (morning|afternoon|evening)|tonight|earlier today)\b")
YESTERDAY = re.compile(r"\b(yesterday|last night|overnight)\b")
WEEKDAY = re.compile(r"\b(last |this past |past )?(" + "|".join(WEEKDAYS) + r")\b")
THIS_WEEK = re.compile(r"\b(earlier |later )?this week\b")
LAST_WEEK = re.compile(r"\b(last|past|previous) week\b")
WEEKEND = re.compile(r"\b(the|this|last|past) weekend\b")
THIS_MONTH = re.compile(r"\b(earlier |later )?this month\b")
LAST_MONTH = re.compile(r"\b(last|past|previous) month\b")
AGO = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|few|several) (day|week|month|year)s? ago\b"
)
RECENT = re.compile(r"\b(recent|past few|last few|coming) (days|weeks|months)\b|\brecently\b")
PART_OF_MONTH = re.compile(r"\b(early|mid|late|end of|beginning of)[ -]?(" + "|".join(MONTHS) + ")")
YEAR_ONLY = re.compile(r"^(in |since |by |the year |early |mid-|mid |late |the end of )?(\d{4})$")
COUNT = (
    r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
    r"|thirty|several|few|many|some)"
)
DURATION = re.compile(
    r"^(the |over |for |past |last |nearly |almost |about |more than |at least )*"
    + COUNT
    + r"[- ](year|month|week|day|decade|hour)s?( long| old)?$"
    + r"|^\d+-(year|month|week|day)|decades?|^(the )?(\d{2})?\d0s$|^(years|months|weeks)$"
)
YEAR = re.compile(r"\b(19|20)\d{2}\b")
MONTH_WORDS = {name[:3]: n + 1 for n, name in enumerate(MONTHS)} | {"sept": 9}
MONTH_NAME = r"(jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)[a-z]*\.?"
DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? (?:of )?" + MONTH_NAME + r"(?:,? (\d{4}))?$")
MONTH_DAY = re.compile(r"^" + MONTH_NAME + r" (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$")

ENGLISH_DATES: tuple[str, ...] = ("en",)  # the date parser's languages for English


@dataclass(frozen=True, slots=True)
class EventDate:
    """A resolved date, how precise it is, and the words it came from."""

    value: date | None
    precision: str
    text: str = ""


def resolve(
    text: str, *, published: date | None, locales: tuple[str, ...] = ENGLISH_DATES
) -> EventDate | None:
    """The date ``text`` (a DATE span) names, or None when it names no point in time;
    ``locales``: the date parser's languages (the language's, ``Lexicon.date_locales``)."""
    words = " ".join(text.lower().replace("’", "'").split()).strip(" ,.")
    words = re.sub(r"^(on|in|at|during|from|by) (the )?", "", words)
    if not words or (DURATION.search(words) and "ago" not in words):
        return None
    plain = _plain_date(words, published)
    if plain is not None:
        return None if published and plain > published else EventDate(plain, "day", text)
    if published is None:
        return _without_publication(text, words, locales)
    found = _by_rule(words, published)
    if found is None:
        found = _by_dateparser(words, published, locales)
    if found is None or found[0] > published:
        return None
    return EventDate(value=found[0], precision=found[1], text=text)


def _plain_date(words: str, published: date | None) -> date | None:
    """ "27 November 2024", "Nov. 27", "August 6th, 2022": read without dateparser (it is slow)."""
    day_first = DAY_MONTH.match(words)
    month_first = MONTH_DAY.match(words)
    if day_first:
        day, month, year = day_first.group(1), day_first.group(2), day_first.group(3)
    elif month_first:
        month, day, year = month_first.group(1), month_first.group(2), month_first.group(3)
    else:
        return None
    if year is None and published is None:
        return None
    number = MONTH_WORDS[month[:3]] if month[:4] != "sept" else 9
    candidate_year = int(year) if year else published.year if published else 0
    if not 1 <= int(day) <= _days_in(candidate_year, number):
        return None
    found = date(candidate_year, number, int(day))
    if year is None and published is not None and found > published:
        # A date without a year is the most recent one: "December 5" in a November paper.
        found = _days_back(found)
    return found


def _days_in(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def _days_back(found: date) -> date:
    if found.month == 2 and found.day == 29:
        return date(found.year - 1, 2, 28)
    return found.replace(year=found.year - 1)


def _without_publication(text: str, words: str, locales: tuple[str, ...]) -> EventDate | None:
    if not YEAR.search(words):
        return None
    year_only = YEAR_ONLY.match(words)
    if year_only:
        return EventDate(value=date(int(year_only.group(2)), 1, 1), precision="approximate")
    parsed = _parser(locales=locales).get_date_data(words)
    if parsed.date_obj is None:
        return None
    precision = PRECISION_BY_PERIOD.get(parsed.period or "", "approximate")
    return EventDate(value=parsed.date_obj.date(), precision=precision, text=text)


Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[date, str]]]


def _by_rule(words: str, published: date) -> tuple[date, str] | None:
    rules: tuple[Rule, ...] = (
        (TODAY, lambda m: (published, "day")),
        (YESTERDAY, lambda m: (published - timedelta(days=1), "day")),
        (THIS_WEEK, lambda m: (_monday(published), "week")),
        (LAST_WEEK, lambda m: (_monday(published) - timedelta(days=7), "week")),
        (WEEKEND, lambda m: (_last_weekday(published, 5, strict=True), "week")),
        (THIS_MONTH, lambda m: (published.replace(day=1), "month")),
        (LAST_MONTH, lambda m: (_month_before(published), "month")),
        (AGO, lambda m: _ago(m, published)),
        (RECENT, lambda m: (published, "approximate")),
        (PART_OF_MONTH, lambda m: _part_of_month(m, words, published)),
        (WEEKDAY, lambda m: (_weekday(m, published), "day")),
    )
    for pattern, build in rules:
        match = pattern.search(words)
        if match:
            return build(match)
    year_only = YEAR_ONLY.match(words)
    if year_only:
        year = int(year_only.group(2))
        return (date(year, 1, 1) if year < published.year else published, "approximate")
    return None


def _by_dateparser(
    words: str, published: date, locales: tuple[str, ...]
) -> tuple[date, str] | None:
    base = datetime(published.year, published.month, published.day)
    parser = _parser(base=base, locales=locales)
    parsed = parser.get_date_data(words)
    if parsed.date_obj is None:
        return None
    precision = PRECISION_BY_PERIOD.get(parsed.period or "", "approximate")
    return parsed.date_obj.date(), precision


def _parser(*, base: datetime | None = None, locales: tuple[str, ...]) -> DateDataParser:
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=list(locales), settings=settings)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_before(day: date) -> date:
    first = day.replace(day=1)
    return (first - timedelta(days=1)).replace(day=1)


def _last_weekday(published: date, weekday: int, *, strict: bool) -> date:
    back = (published.weekday() - weekday) % 7
    if back == 0 and strict:
        back = 7
    return published - timedelta(days=back)


def _weekday(match: re.Match[str], published: date) -> date:
    weekday = WEEKDAYS.index(match.group(2))
    return _last_weekday(published, weekday, strict=bool(match.group(1)))


def _ago(match: re.Match[str], published: date) -> tuple[date, str]:
    count_word, unit = match.group(1), match.group(2)
    vague = count_word in ("few", "several")
    count = 3 if vague else int(count_word) if count_word.isdigit() else UNIT_WORDS[count_word]
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * count
    precision = {"day": "day", "week": "week", "month": "month", "year": "approximate"}[unit]
    return published - timedelta(days=days), "approximate" if vague else precision


def _part_of_month(match: re.Match[str], words: str, published: date) -> tuple[date, str]:
    month = MONTHS.index(match.group(2)) + 1
    year_match = YEAR.search(words)
    year = int(year_match.group(0)) if year_match else published.year
    if not year_match and month > published.month:
        year -= 1
    return date(year, month, 1), "month"


def date_spans(sentence: Any) -> list[Any]:
    """The DATE (and day-naming TIME) entities of a sentence."""
    return [
        ent
        for ent in sentence_ents(sentence)
        if ent.label_ == "DATE"
        or (
            ent.label_ == "TIME" and re.search(r"night|morning|evening|afternoon", ent.text.lower())
        )
    ]


def resolved_spans(
    sentence: Any, *, published: date | None, locales: tuple[str, ...] = ENGLISH_DATES
) -> list[tuple[int, EventDate]]:
    """Every resolvable date of a sentence, with the index of its span's root token."""
    found = []
    for span in date_spans(sentence):
        resolved = resolve(span.text, published=published, locales=locales)
        if resolved is not None:
            found.append((span.root.i, resolved))
    return found


def nearest_date(spans: list[tuple[int, EventDate]], *, near: Any) -> EventDate | None:
    """The date whose span is closest to the trigger ``near``."""
    if not spans:
        return None
    return min(spans, key=lambda pair: abs(pair[0] - near.i))[1]


def sentence_date(
    sentence: Any,
    *,
    near: Any,
    published: date | None,
    locales: tuple[str, ...] = ENGLISH_DATES,
) -> EventDate | None:
    """The date of the event whose trigger is ``near``: the resolvable span closest to it."""
    spans = resolved_spans(sentence, published=published, locales=locales)
    return nearest_date(spans, near=near)
