from __future__ import annotations

import random
from datetime import date, timedelta

from frontlines.fusion.blocking import candidate_pairs
from frontlines.fusion.report import Features
from frontlines.fusion.score import FusionSettings, compatible
from frontlines.model import Location
from tests.fusion.samples import as_report, make_article, make_event

SETTINGS = FusionSettings()


def random_features(count: int, *, seed: int) -> list[Features]:
    """Reports scattered over two countries and a month, some located only roughly."""
    chance = random.Random(seed)
    found = []
    for number in range(count):
        text = f"Report {number}: shelling hit the town."
        article = make_article(text, outlet=f"Outlet {number % 7}")
        kind = chance.choice(["point", "point", "point", "admin1", "country", "nothing"])
        country = chance.choice(["Ukraine", "Syria"])
        admin1 = chance.choice(["North", "South"])
        where = None
        if kind == "point":
            where = Location(
                name="Somewhere", country=country, admin1=admin1,
                latitude=48 + chance.uniform(-1.5, 1.5), longitude=36 + chance.uniform(-2, 2),
                geo_precision=chance.choice([1, 2, 3]),
            )  # fmt: skip
        elif kind == "admin1":
            where = Location(name=admin1, country=country, admin1=admin1)
        elif kind == "country":
            where = Location(name=country, country=country)
        precision = chance.choice(["day", "day", "day", "week", "month"])
        when = date(2024, 11, 1) + timedelta(days=chance.randrange(30))
        event = make_event(article, "shelling hit", when=when, precision=precision, where=where)
        found.append(Features.of(as_report(article, event), windows=SETTINGS.windows))
    return found


def test_blocking_finds_every_compatible_pair() -> None:
    items = random_features(300, seed=1)
    pairs = candidate_pairs(items)
    compatible_pairs = {
        (i, j)
        for i in range(len(items))
        for j in range(i + 1, len(items))
        if compatible(items[i], items[j], settings=SETTINGS)
    }
    assert compatible_pairs
    assert compatible_pairs <= pairs
    assert len(pairs) < len(items) * (len(items) - 1) // 2 / 2  # it does block


def test_blocking_focus_gives_the_pairs_of_the_focused_reports() -> None:
    items = random_features(200, seed=2)
    focus = {3, 50, 51, 120}
    every = candidate_pairs(items)
    assert candidate_pairs(items, focus=focus) == {
        pair for pair in every if pair[0] in focus or pair[1] in focus
    }


def test_blocking_leaves_undated_reports_alone() -> None:
    items = random_features(20, seed=3)
    article = make_article("An undated clash.", outlet="Somewhere News")
    undated = make_event(article, "undated clash", when=None, precision="approximate")
    items.append(Features.of(as_report(article, undated), windows=SETTINGS.windows))
    assert all(len(items) - 1 not in pair for pair in candidate_pairs(items))
