from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from frontlines.errors import InputError
from frontlines.fusion.report import Features, Report
from frontlines.fusion.score import (
    FusionSettings,
    actor_affinity,
    compatible,
    date_affinity,
    pair_score,
    place_affinity,
    type_affinity,
)
from frontlines.model import ActorRef, Location
from tests.fusion.samples import CIVILIANS, KHARKIV, KHARKIV_TEXTS, SARAQIB, one_report

SETTINGS = FusionSettings()
WIRE, HERALD = KHARKIV_TEXTS["Frontline Wire"], KHARKIV_TEXTS["Eastern Front Herald"]


def features(report: Report) -> Features:
    return Features.of(report, windows=SETTINGS.windows)


def pair(**second: Any) -> tuple[Features, Features]:
    first = one_report(WIRE, "Russian ballistic missile struck", outlet="Frontline Wire")
    other = one_report(HERALD, "Russian missile hit", outlet="Eastern Front Herald", **second)
    return features(first), features(other)


def test_score_two_outlets_reporting_one_strike_score_above_the_threshold() -> None:
    value = pair_score(*pair(), settings=SETTINGS)
    assert value is not None
    assert value >= SETTINGS.threshold


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"when": date(2024, 11, 17)}, "three days apart at day precision"),
        ({"where": SARAQIB}, "over 50 km apart"),
        ({"event_type": "Protests", "sub_event_type": "Peaceful protest"}, "unrelated types"),
        ({"when": None, "precision": "approximate"}, "undated"),
    ],
)
def test_score_gates_rule_pairs_out(change: dict[str, object], why: str) -> None:
    first, second = pair(**change)
    assert not compatible(first, second, settings=SETTINGS), why
    assert pair_score(first, second, settings=SETTINGS) is None


def test_score_same_article_and_fictional_mismatch_never_fuse() -> None:
    first, second = pair()
    same_article = replace(
        second, report=replace(second.report, article_id=first.report.article_id)
    )
    assert not compatible(first, same_article, settings=SETTINGS)
    real = replace(second, report=replace(second.report, fictional=False))
    assert not compatible(first, real, settings=SETTINGS)


def test_score_month_precision_widens_the_window() -> None:
    first, second = pair(when=date(2024, 11, 1), precision="month")
    assert date_affinity(first, second, settings=SETTINGS) == 0.3
    assert compatible(first, second, settings=SETTINGS)


def test_score_place_without_coordinates_needs_the_same_admin1() -> None:
    vague = Location(name="Kharkiv Oblast", country="Ukraine", admin1="Kharkiv")
    elsewhere = Location(name="Donetsk Oblast", country="Ukraine", admin1="Donetsk")
    assert place_affinity(*pair(where=vague), settings=SETTINGS) == 0.6
    assert place_affinity(*pair(where=elsewhere), settings=SETTINGS) is None
    assert place_affinity(*pair(where=None), settings=SETTINGS) == 0.3
    assert place_affinity(*pair(where=KHARKIV), settings=SETTINGS) == 1.0


def test_score_type_affinity_follows_the_table_of_compatible_sub_types() -> None:
    assert type_affinity(*pair()) == 1.0
    assert type_affinity(*pair(sub_event_type="Air/drone strike")) == 0.7
    attack = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    assert type_affinity(*pair(**attack)) == 0.7
    grenade = {"sub_event_type": "Grenade"}  # one event type, but not a pair of the table
    assert type_affinity(*pair(**grenade)) is None


def test_score_actors_match_by_id_or_by_name() -> None:
    renamed = ActorRef(id="generic-civilians-ukraine", name="Civilians (Ukraine)", kind="civilians")
    assert actor_affinity(*pair(actor1=None, actor2=renamed)) == 1.0
    assert actor_affinity(*pair(actor1=None, actor2=CIVILIANS)) == 1.0
    other = ActorRef(id="ua-army", name="Military Forces of Ukraine", kind="state forces")
    assert actor_affinity(*pair(actor1=other, actor2=None)) == 0.0
    assert actor_affinity(*pair(actor1=None, actor2=None)) is None


def test_score_strictness_off_links_nothing_and_strict_links_less() -> None:
    first, second = pair()
    off = FusionSettings.of("off")
    assert pair_score(first, second, settings=off) is None
    assert FusionSettings.of("strict").threshold > SETTINGS.threshold
    assert FusionSettings.of("loose").threshold < SETTINGS.threshold
    with pytest.raises(InputError):
        FusionSettings.of("sometimes")
