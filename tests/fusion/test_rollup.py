from __future__ import annotations

from datetime import date
from typing import Any

from frontlines.fusion import Constraint, FusedEvent, Report, fuse
from frontlines.fusion.types import ContestedValue
from tests.fusion.samples import KHARKIV, SALTIVKA, SARAQIB, one_report

THURSDAY, FRIDAY = date(2024, 10, 17), date(2024, 10, 18)
LEDGER_TEXT = "Seven fighters were killed on Thursday when HTS militants attacked army posts."
WIRE_TEXT = "At least 12 people were killed on Friday in clashes near the town of Saraqib."


def fuse_together(reports: list[Report]) -> list[FusedEvent]:
    """Fused as an analyst's merge would: the roll-up, whatever the score of the pair."""
    first, *others = reports
    return fuse(reports, constraints=[Constraint("must", first.id, r.id) for r in others])


def saraqib_reports(**wire: Any) -> list[Report]:
    battle: dict[str, Any] = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "where": SARAQIB,
    }
    ledger = one_report(
        LEDGER_TEXT, "HTS militants attacked army posts", outlet="Levant Ledger",
        when=THURSDAY, fatalities=7, sources=("a military source",), **battle,
    )  # fmt: skip
    options: dict[str, Any] = {
        "when": FRIDAY,
        "fatalities": 12,
        "sources": ("a war monitor",),
        **battle,
        **wire,
    }
    frontline = one_report(WIRE_TEXT, "clashes near the town", outlet="Frontline Wire", **options)
    return [ledger, frontline]


def test_rollup_keeps_both_tolls_and_dates_with_their_sources_and_codes_acled_values() -> None:
    ledger, frontline = saraqib_reports()
    [fused] = fuse_together([frontline, ledger])
    assert fused.report_count == fused.article_count == fused.independent_source_count == 2
    assert fused.contested["fatalities"] == (
        ContestedValue(7, ("Levant Ledger",), (ledger.id,), ("a military source",)),
        ContestedValue(12, ("Frontline Wire",), (frontline.id,), ("a war monitor",)),
    )
    assert fused.contested["event_date"] == (
        ContestedValue("2024-10-17", ("Levant Ledger",), (ledger.id,), ("a military source",)),
        ContestedValue("2024-10-18", ("Frontline Wire",), (frontline.id,), ("a war monitor",)),
    )
    event = fused.event
    assert event.fatalities == 7  # ACLED: the lowest credible figure
    # no majority for either day: the earliest, with the precision widened to the week
    assert (event.event_date, event.date_precision) == (THURSDAY, "week")
    assert event.location == SARAQIB
    assert "Reports differ on the date (2024-10-17, 2024-10-18); the toll (7, 12)." in event.notes
    assert set(fused.contested) == {"event_date", "fatalities"}


def test_rollup_lowest_credible_figure_ignores_a_party_claim() -> None:
    ledger, frontline = saraqib_reports(fatalities=3, certainty="claimed")
    [fused] = fuse_together([ledger, frontline])
    assert fused.event.fatalities == 7
    assert [value.value for value in fused.contested["fatalities"]] == [7, 3]
    assert fused.event.certainty == "reported"
    assert [value.value for value in fused.contested["certainty"]] == ["reported", "claimed"]


def test_rollup_a_majority_of_origins_decides_the_date_and_keeps_its_precision() -> None:
    text = "Shelling killed four people on Thursday in Kharkiv, the governor said."
    reports = [
        one_report(text, "Shelling killed four", outlet=outlet, when=day)
        for outlet, day in (
            ("Frontline Wire", date(2024, 11, 14)),
            ("Eastern Front Herald", date(2024, 11, 14)),
            ("Levant Ledger", date(2024, 11, 15)),
        )
    ]
    [fused] = fuse(reports)
    assert (fused.event.event_date, fused.event.date_precision) == (date(2024, 11, 14), "day")
    assert len(fused.contested["event_date"]) == 2


def test_rollup_disagreeing_places_in_one_admin1_lower_the_geo_precision() -> None:
    text = "Shelling killed four people on Thursday in Kharkiv, the governor said."
    first = one_report(
        text, "Shelling killed four", outlet="Frontline Wire", where=KHARKIV,
        published=date(2024, 11, 14),
    )  # fmt: skip
    second = one_report(text, "Shelling killed four", outlet="Levant Ledger", where=SALTIVKA)
    [fused] = fuse([first, second])
    location = fused.event.location
    assert location is not None
    # no majority: the lead (earliest published) report's place, "near" rather than "in" it
    assert (location.name, location.geo_precision) == ("Kharkiv", 2)
    assert location.note == "reports place it at Kharkiv, Saltivka"
    assert [value.value for value in fused.contested["location"]] == ["Kharkiv", "Saltivka"]


def test_rollup_a_single_report_is_its_own_event_unchanged() -> None:
    ledger, _ = saraqib_reports()
    [fused] = fuse([ledger])
    assert fused.event == ledger.event
    assert fused.contested == {}
    assert [report.id for report in fused.reports] == [ledger.id]
