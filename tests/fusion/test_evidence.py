"""Evidence beyond shared words: sites, names, tolls, times of day, credits."""

from __future__ import annotations

from datetime import date

from frontlines.fusion.evidence import (
    credits_each_other,
    evidence,
    site_affinity,
    time_affinity,
    toll_affinity,
)
from frontlines.fusion.report import Features, Report
from frontlines.fusion.score import FusionSettings
from frontlines.fusion.text import name_key, site_names, times_of_day
from tests.fusion.samples import KHARKIV, one_report

SETTINGS = FusionSettings()


def report(text: str, *, outlet: str, **event: object) -> Features:
    found: Report = one_report(text, text, outlet=outlet, **event)
    return Features.of(found, windows=SETTINGS.windows)


def test_evidence_sites_and_times_are_read_from_the_text() -> None:
    text = "Rioters set fire to a bus in Dhaka - Jatrabari (Jatrabari) on Tuesday evening."
    assert site_names([text]) == {name_key("Dhaka"), name_key("Jatrabari")}
    assert name_key("Saraqeb") == name_key("Saraqib") != name_key("Sarmada")
    assert name_key("Ukrainka") != name_key("Ukraine")
    assert times_of_day([text]) == {"evening"}
    assert times_of_day(["The shelling began at 4 am and lasted until noon."]) == {
        "night", "midday",
    }  # fmt: skip


def test_evidence_two_sites_of_one_city_count_against_one_event() -> None:
    first = report("Rioters set fire to a bus in Jatrabari.", outlet="A", where=KHARKIV)
    second = report("Rioters set fire to a bus in Khilgaon.", outlet="B", where=KHARKIV)
    same = report("A bus was torched in Jatrabari on Monday.", outlet="C", where=KHARKIV)
    assert site_affinity(first, second) == 0.0
    assert site_affinity(first, same) == 1.0
    assert evidence(first, same) > evidence(first, second)


def test_evidence_tolls_times_and_credits() -> None:
    four = report("A missile killed four people at dawn.", outlet="A", fatalities=4)
    also_four = report("Four died in a missile strike early on Thursday.", outlet="B", fatalities=4)
    nine = report("A missile killed nine people in the evening.", outlet="C", fatalities=9)
    assert toll_affinity(four, also_four) == 1.0
    assert toll_affinity(four, nine) == 0.3
    assert time_affinity(four, nine) == 0.0
    assert time_affinity(four, report("It struck at 6 am.", outlet="D")) == 0.5
    credited = report("The strike, AP reported, hit homes.", outlet="E", sources=("AP",))
    agency = report("A strike hit homes.", outlet="AP")
    assert credits_each_other(credited, agency)
    assert not credits_each_other(four, nine)
    assert evidence(four, also_four) > evidence(four, nine)


def test_evidence_does_not_depend_on_the_order_of_the_pair() -> None:
    first = report("Rioters set fire to a bus in Jatrabari at noon.", outlet="A", fatalities=2)
    second = report("A bus burned in Jatrabari, two dead.", outlet="B", when=date(2024, 11, 14))
    assert evidence(first, second) == evidence(second, first)
