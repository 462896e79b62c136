from __future__ import annotations

from frontlines.fusion.report import Features
from frontlines.fusion.roundup import is_roundup
from frontlines.fusion.score import FusionSettings, pair_score
from frontlines.model import Location
from tests.fusion.samples import SARAQIB, one_report

SETTINGS = FusionSettings()
SYRIA = Location(name="Syria", country="Syria", latitude=35.0, longitude=38.0, geo_precision=3)
TOLL = (
    "96 people were killed yesterday, including 20 members of the regime forces and 30 civilians."
)
LOCAL = "Shelling killed 4 people in Saraqib yesterday."


def test_a_days_toll_broken_down_by_who_died_is_a_roundup() -> None:
    assert is_roundup([TOLL], placed=False)


def test_dead_in_many_places_at_once_is_a_roundup() -> None:
    assert is_roundup(["About 50 killed by aerial bombardment on several areas"], placed=False)


def test_a_placed_report_is_never_a_roundup_whatever_its_words() -> None:
    assert not is_roundup([TOLL], placed=True)


def test_one_happenings_toll_without_a_place_is_no_roundup() -> None:
    assert not is_roundup(["Shelling killed 4 people, including 2 children."], placed=False)


def test_fusion_keeps_a_roundup_apart_from_a_local_event_of_its_day() -> None:
    toll = one_report(TOLL, TOLL, outlet="Monitor", where=SYRIA, fatalities=96)
    local = one_report(LOCAL, LOCAL, outlet="Daily Wire", where=SARAQIB, fatalities=4)
    first, second = (Features.of(r, windows=SETTINGS.windows) for r in (toll, local))
    assert first.roundup and not second.roundup
    assert pair_score(first, second, settings=SETTINGS) is None


def test_two_outlets_relaying_one_days_toll_may_still_fuse() -> None:
    first = one_report(TOLL, TOLL, outlet="Monitor", where=SYRIA, fatalities=96)
    second = one_report(TOLL, TOLL, outlet="Relay", where=SYRIA, fatalities=96)
    value = pair_score(
        *(Features.of(r, windows=SETTINGS.windows) for r in (first, second)), settings=SETTINGS
    )
    assert value is not None and value >= SETTINGS.threshold
