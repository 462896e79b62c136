"""Which reports of one event are independent: reprints and shared credits count once.

Two reports share an origin when their articles are syndicated copies of one another (the
``article_links`` the ingester records), when they come from the same outlet, or when they credit
the same news organisation ("according to AP", "state media said"). A credited source counts as a
news organisation when it is a known agency, names an outlet of the event's own reports, or has a
newsroom word in its name; "officials" or "a military source" never merge two outlets' reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from frontlines.fusion.report import Report, normalise
from frontlines.fusion.types import Origin

AGENCIES = frozenset(
    {
        "ap", "associated press", "reuters", "afp", "agence france presse", "xinhua", "tass",
        "ria novosti", "interfax", "anadolu", "anadolu agency", "dpa", "efe", "ansa", "upi",
        "bbc", "al jazeera", "cnn", "sana", "irna", "ukrinform", "unian", "kyodo", "yonhap",
        "pti", "bernama", "antara", "wafa", "kuna", "qna", "mena", "apa",
    }
)  # fmt: skip
AGENCY_WORDS = frozenset({"wire", "agency", "press", "service"})
NEWSROOM_WORDS = frozenset(
    {
        "news", "press", "wire", "agency", "times", "post", "herald", "gazette", "tribune",
        "journal", "bulletin", "dispatch", "courier", "observer", "radio", "tv", "television",
        "media", "ledger", "newspaper", "channel", "broadcaster", "telegraph", "daily",
    }
)  # fmt: skip


def is_news_organisation(
    name: str, *, outlets: frozenset[str], agencies_only: bool = False
) -> bool:
    """A known agency (or, unless ``agencies_only``, an outlet or a name with a newsroom word)."""
    key = normalise(name)
    words = set(key.split())
    if key in AGENCIES or words & AGENCY_WORDS:
        return True
    return not agencies_only and (key in outlets or bool(NEWSROOM_WORDS & words))


class _Groups:
    def __init__(self, count: int) -> None:
        self.parent = list(range(count))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, first: int, second: int) -> None:
        a, b = sorted((self.find(first), self.find(second)))
        self.parent[b] = a


def origins(reports: Sequence[Report]) -> tuple[Origin, ...]:
    """The independent origins among ``reports`` (given in lead order), each named."""
    outlets = frozenset(normalise(report.outlet) for report in reports if report.outlet)
    groups = _Groups(len(reports))
    seen: dict[tuple[str, str], int] = {}
    credits: dict[int, list[str]] = {}
    for number, report in enumerate(reports):
        keys = [("article", report.original_id or report.article_id)]
        if report.outlet:
            keys.append(("outlet", normalise(report.outlet)))
        credited = [
            name for name in report.event.sources if is_news_organisation(name, outlets=outlets)
        ]
        credits[number] = credited
        keys.extend(("outlet", normalise(name)) for name in credited)
        for key in keys:
            if key in seen:
                groups.join(seen[key], number)
            else:
                seen[key] = number
    members: dict[int, list[int]] = {}
    for number in range(len(reports)):
        members.setdefault(groups.find(number), []).append(number)
    found = [
        Origin(
            name=_name([reports[n] for n in group], [c for n in group for c in credits[n]]),
            reports=tuple(sorted(reports[n].id for n in group)),
            articles=tuple(sorted({reports[n].article_id for n in group})),
        )
        for group in members.values()
    ]
    return tuple(sorted(found, key=lambda origin: (origin.name.lower(), origin.reports)))


def _name(group: Sequence[Report], credited: Sequence[str]) -> str:
    """A credited news organisation, else the earliest outlet (a news agency first on a tie).

    Never the syndication link's direction: which copy counts as the original depends on the
    order the articles came in when they were published the same day.
    """
    if credited:
        return min(credited, key=lambda name: (normalise(name), name))
    first = min(
        group,
        key=lambda report: (
            report.published or date.max,
            not is_news_organisation(report.outlet or "", outlets=frozenset(), agencies_only=True),
            normalise(report.outlet) or report.article_id,
        ),
    )
    return first.outlet or first.article_id
