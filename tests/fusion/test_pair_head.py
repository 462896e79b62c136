"""The learned pair head: two outlets' short reports of one strike, and what it never speaks for."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from frontlines.fusion.compat import namesake_abroad
from frontlines.fusion.pair_head import PAIR_FEATURES, load_head, on_scale, pair_row
from frontlines.fusion.report import Features, Report
from frontlines.fusion.score import FusionSettings, compatible, pair_score
from frontlines.model import Location
from tests.fusion.samples import ARMY, CIVILIANS, SARAQIB, one_report

SETTINGS = FusionSettings()
RULES = replace(SETTINGS, head=False)
DAY = date(2019, 5, 6)
BOMBED = "Regime warplanes bomb Saraqib city, killing 5 civilians"
RAIDS = "Civilians killed in air raids on Saraqib in Idlib countryside"
PRAIA = Location(
    name="Praia", country="Cabo Verde", admin1="Praia", latitude=14.93, longitude=-23.51,
    geo_precision=2,
)  # fmt: skip
ALEPPO = Location(
    name="Aleppo", country="Syria", admin1="Aleppo", latitude=36.2, longitude=37.16,
    geo_precision=1,
)  # fmt: skip


def features(report: Report) -> Features:
    return Features.of(report, windows=SETTINGS.windows)


def strike(text: str, *, outlet: str, phrase: str | None = None, **event: object) -> Features:
    options = {
        "when": DAY, "actor1": ARMY, "actor2": None, "where": SARAQIB, "fatalities": None,
        "sub_event_type": "Air/drone strike", **event,
    }  # fmt: skip
    return features(one_report(text, phrase or text, outlet=outlet, published=DAY, **options))


def test_pair_head_joins_two_outlets_short_reports_of_one_strike_the_rules_leave_apart() -> None:
    first = strike(BOMBED, outlet="Orient", fatalities=5, phrase=BOMBED.split(",", maxsplit=1)[0])
    second = strike(RAIDS, outlet="SOHR", actor1=None, actor2=CIVILIANS, phrase=RAIDS[:40])
    ruled = pair_score(first, second, settings=RULES)
    learned = pair_score(first, second, settings=SETTINGS)
    assert ruled is not None and ruled < RULES.threshold
    assert learned is not None and learned >= SETTINGS.threshold


def test_pair_head_a_day_apart_scores_lower_than_one_day() -> None:
    first = strike(BOMBED, outlet="Orient", fatalities=5)
    same_day = strike(RAIDS, outlet="SOHR", actor1=None, actor2=CIVILIANS)
    next_day = strike(RAIDS, outlet="SOHR", actor1=None, actor2=CIVILIANS, when=date(2019, 5, 7))
    head = load_head()
    row = pair_row(first, same_day, place=1.0, kind=1.0)
    later = pair_row(first, next_day, place=1.0, kind=1.0)
    assert len(row) == len(PAIR_FEATURES)
    assert head.probability(later) < head.probability(row)


def test_pair_head_never_speaks_for_one_outlet_or_for_protests() -> None:
    first = strike(BOMBED, outlet="SOHR", fatalities=5)
    second = strike(RAIDS, outlet="SOHR", actor1=None, actor2=CIVILIANS)
    assert pair_score(first, second, settings=SETTINGS) == pair_score(first, second, settings=RULES)
    rally = {"event_type": "Protests", "sub_event_type": "Peaceful protest", "actor1": None}
    one = strike("Residents protested in Saraqib against the regime", outlet="Orient", **rally)
    two = strike("A rally in Saraqib called for the release of detainees", outlet="SOHR", **rally)
    assert pair_score(one, two, settings=SETTINGS) == pair_score(one, two, settings=RULES)


def test_pair_head_on_scale_puts_its_threshold_on_the_settings_threshold() -> None:
    assert on_scale(0.3, head=0.3, threshold=0.6) == 0.6
    assert on_scale(0.0, head=0.3, threshold=0.6) == 0.0
    assert on_scale(1.0, head=0.3, threshold=0.6) == 1.0
    assert on_scale(0.2, head=0.3, threshold=0.6) < 0.6 < on_scale(0.4, head=0.3, threshold=0.6)


def clash(text: str, where: Location, *, outlet: str) -> Features:
    return strike(
        text, outlet=outlet, where=where, actor1=None, event_type="Battles",
        sub_event_type="Armed clash",
    )  # fmt: skip


def test_namesake_abroad_is_compared_by_country_not_ruled_out() -> None:
    abroad = clash(
        "Hit-and-run clash in the countryside of al-Rai in northern countryside Aleppo",
        PRAIA,
        outlet="SOHR",
    )
    home = clash("Clashes near al-Rai in Aleppo between rebels and IS", ALEPPO, outlet="Orient")
    assert namesake_abroad(abroad, home)
    assert compatible(abroad, home, settings=SETTINGS)


def test_two_countries_each_named_by_its_own_report_stay_two_places() -> None:
    cabo_verde = clash("Clashes in Praia, Cabo Verde, near the port", PRAIA, outlet="SOHR")
    aleppo = clash("Clashes near al-Rai in Aleppo between rebels and IS", ALEPPO, outlet="Orient")
    assert not namesake_abroad(cabo_verde, aleppo)
    assert not compatible(cabo_verde, aleppo, settings=SETTINGS)
