"""Evidence beyond shared words: sites, names, tolls, times of day, credits."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from frontlines.fusion.evidence import (
    agreements,
    anchored,
    corroborated,
    credits_each_other,
    distinct_sites,
    evidence,
    firmly_anchored,
    one_small_place,
    one_source,
    shared_site,
    site_affinity,
    time_affinity,
    toll_affinity,
    wording_affinity,
)
from frontlines.fusion.report import Features, Report
from frontlines.fusion.report_words import (
    area_names,
    lead_site,
    name_key,
    site_names,
    times_of_day,
)
from frontlines.fusion.score import FusionSettings, needed_proof, pair_score
from frontlines.model import Location
from tests.fusion.samples import KHARKIV, SARAQIB, one_report

SETTINGS = FusionSettings()


def report(text: str, *, outlet: str, **event: Any) -> Features:
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


DHAKA = Location(
    name="Dhaka",
    country="Bangladesh",
    admin1="Dhaka",
    latitude=23.71,
    longitude=90.41,
    geo_precision=1,
    geonameid=1185241,
)
BARTIEBOUGOU = Location(
    name="Bartiebougou",
    country="Burkina Faso",
    admin1="Est",
    admin2="Komondjari",
    latitude=12.66,
    longitude=0.93,
    geo_precision=2,
    geonameid=None,
)
PROTEST = {"event_type": "Protests", "sub_event_type": "Peaceful protest", "fatalities": None}
NO_ACTORS = {"actor1": None, "actor2": None}


def test_evidence_one_kind_city_and_day_is_no_positive_evidence() -> None:
    first = report(
        "Students staged a protest in Dhaka.", outlet="A", where=DHAKA, **PROTEST, **NO_ACTORS
    )
    second = report(
        "Teachers held a rally in Dhaka.", outlet="B", where=DHAKA, **PROTEST, **NO_ACTORS
    )
    assert not anchored(first, second)
    assert not corroborated(first, second)
    for level in ("strict", "normal"):
        settings = FusionSettings.of(level)
        assert (pair_score(first, second, settings=settings) or 0.0) < settings.threshold
    assert needed_proof(first, second, settings=SETTINGS) == "corroborated"
    assert needed_proof(first, second, settings=FusionSettings.of("loose")) == "none"


def test_evidence_a_site_counts_only_when_the_other_names_no_other() -> None:
    one = "Fighters clashed in Dyamondi (Bartiebougou, Komondjari) over a mining site."
    other = "Fighters clashed in Kanmpandi (Bartiebougou, Komondjari) over a mining site."
    first = report(one, outlet="A", where=BARTIEBOUGOU, fatalities=None)
    second = report(other, outlet="B", where=BARTIEBOUGOU, fatalities=None)
    again = report(
        "A clash in Dyamondi left many wounded.", outlet="C", where=BARTIEBOUGOU, fatalities=None
    )
    assert not shared_site(first, second)
    assert not anchored(first, second)
    assert shared_site(first, again)
    assert anchored(first, again) == anchored(again, first) is True


def test_evidence_a_town_needs_a_toll_or_time_and_a_region_never_does() -> None:
    seven = report(
        "Seven fighters were killed near Saraqib.",
        outlet="A",
        where=SARAQIB,
        fatalities=7,
        **NO_ACTORS,
    )
    twelve = report(
        "At least 12 died in clashes near Saraqeb.",
        outlet="B",
        where=SARAQIB,
        fatalities=12,
        **NO_ACTORS,
    )
    untold = report("A raid near Saraqib.", outlet="C", where=SARAQIB, fatalities=None, **NO_ACTORS)
    assert {"named", "toll"} <= agreements(seven, twelve)
    assert anchored(seven, twelve)
    assert not anchored(seven, untold)
    region = replace(SARAQIB, name="Idlib", geo_precision=3, geonameid=None)
    first = report(
        "Seven fighters were killed in Idlib.", outlet="A", where=region, fatalities=7, **NO_ACTORS
    )
    second = report("Seven died in Idlib.", outlet="B", where=region, fatalities=7, **NO_ACTORS)
    assert not anchored(first, second)


def test_evidence_a_day_apart_needs_two_agreements() -> None:
    text = "Rioters set fire to a bus in Jatrabari."
    first = report(text, outlet="A", where=DHAKA, fatalities=None, **NO_ACTORS)
    next_day = report(
        text, outlet="B", where=DHAKA, fatalities=None, when=date(2024, 11, 15), **NO_ACTORS
    )
    assert anchored(first, report(text, outlet="C", where=DHAKA, fatalities=None, **NO_ACTORS))
    assert not anchored(first, next_day)
    dead = report(text, outlet="A", where=DHAKA, fatalities=2, **NO_ACTORS)
    dead_next_day = report(
        text, outlet="B", where=DHAKA, fatalities=2, when=date(2024, 11, 15), **NO_ACTORS
    )
    assert anchored(dead, dead_next_day)


def test_evidence_a_reprint_is_positive_evidence() -> None:
    first = report("A strike hit homes.", outlet="A", where=DHAKA)
    copy = one_report(
        "Homes were hit by a strike.", "Homes were hit by a strike.", outlet="B", where=DHAKA
    )
    copy = replace(copy, original_id=first.report.article_id)
    assert anchored(first, Features.of(copy, windows=SETTINGS.windows))


def test_evidence_areas_a_text_names_are_read_as_areas() -> None:
    text = "In Myo Thit village in Momauk Township (Bhamo District, Kachin State), shells fell."
    assert area_names([text]) == {name_key(w) for w in ("Momauk", "Bhamo", "Kachin")}


def test_evidence_two_outlets_corroborate_with_one_toll_alike_wording_or_shared_names() -> None:
    base = "Shells hit a camp for displaced people"
    first = report(f"{base} near the town.", outlet="A", where=DHAKA, fatalities=9, **NO_ACTORS)
    toll = report("Nine died as a camp burned.", outlet="B", where=DHAKA, fatalities=9, **NO_ACTORS)
    alike = report(f"{base} on Tuesday.", outlet="C", where=DHAKA, fatalities=None, **NO_ACTORS)
    named = report(
        "The Defence Ministry said Abu Shouk was hit.", outlet="D", where=DHAKA, **NO_ACTORS
    )
    also_named = report(
        "Abu Shouk burned, the Defence Ministry said.", outlet="E", where=DHAKA, **NO_ACTORS
    )
    unrelated = report(
        "Traders closed shops.", outlet="F", where=DHAKA, fatalities=None, **NO_ACTORS
    )
    assert corroborated(first, toll)
    assert (wording_affinity(first, alike) or 0.0) >= 0.5
    assert corroborated(first, alike)
    assert corroborated(named, also_named)
    assert not corroborated(first, unrelated)


def test_evidence_wording_counts_only_between_two_known_outlets() -> None:
    text = "Students staged a sit-in demanding the release of detainees."
    first = report(text, outlet="ACLED", where=DHAKA, **PROTEST)
    same_outlet = report(text, outlet="ACLED", where=DHAKA, **PROTEST)
    other_outlet = report(text, outlet="Daily Star", where=DHAKA, **PROTEST)
    unknown = report(text, outlet="", where=DHAKA, **PROTEST)
    assert one_source(first, same_outlet) is True
    assert one_source(first, other_outlet) is False
    assert one_source(first, unknown) is None
    assert wording_affinity(first, same_outlet) is None
    assert wording_affinity(first, unknown) is None
    assert wording_affinity(first, other_outlet) == 1.0


def test_evidence_one_outlet_needs_a_firm_anchor() -> None:
    note = "Students clashed with police in Dhaka - Badda (Badda) in the evening."
    first = report(note, outlet="ACLED", where=DHAKA, fatalities=2, **NO_ACTORS)
    same = report(note, outlet="ACLED", where=DHAKA, fatalities=2, **NO_ACTORS)
    assert firmly_anchored(first, same)  # one site, one toll, one time of day
    untold = report(note, outlet="ACLED", where=DHAKA, fatalities=None, **NO_ACTORS)
    assert anchored(first, untold)
    assert not firmly_anchored(first, untold)  # a toll told by one note alone
    next_day = report(
        note, outlet="ACLED", where=DHAKA, fatalities=2, when=date(2024, 11, 15), **NO_ACTORS
    )
    assert not firmly_anchored(first, next_day)
    other_time = report(
        note.replace("evening", "morning"), outlet="ACLED", where=DHAKA, fatalities=2, **NO_ACTORS
    )
    assert not firmly_anchored(first, other_time)


def test_evidence_one_outlets_two_sites_or_lead_sites_are_two_happenings() -> None:
    badda = "Protesters rallied in Dhaka - Badda, then marched."
    uttara = "Protesters rallied in Dhaka - Uttara, then marched."
    first = report(badda, outlet="ACLED", where=DHAKA, fatalities=1, **NO_ACTORS)
    second = report(uttara, outlet="ACLED", where=DHAKA, fatalities=1, **NO_ACTORS)
    assert distinct_sites(first, second)
    assert not firmly_anchored(first, second)
    one = "Forces advanced near Kalynove; clashes were reported near Kalynove and Maiorsk."
    other = "Forces advanced near Maiorsk; clashes were reported near Kalynove and Maiorsk."
    assert lead_site([one], skip=frozenset()) == {name_key("Kalynove")}
    near_one = report(one, outlet="ACLED", where=DHAKA, fatalities=3, **NO_ACTORS)
    near_other = report(other, outlet="ACLED", where=DHAKA, fatalities=3, **NO_ACTORS)
    assert not distinct_sites(near_one, near_other)
    assert not firmly_anchored(near_one, near_other)


def test_evidence_one_outlets_unproven_pair_is_ruled_out() -> None:
    first = report("Students staged a protest in Dhaka.", outlet="ACLED", where=DHAKA, **PROTEST)
    second = report("Teachers held a rally in Dhaka.", outlet="ACLED", where=DHAKA, **PROTEST)
    for level in ("strict", "normal", "loose"):
        assert pair_score(first, second, settings=FusionSettings.of(level)) is None


def test_evidence_a_village_of_a_name_is_a_site() -> None:
    text = "The Koglweogo killed 13 people in the village of Boundoussi in Barsalogho."
    assert name_key("Boundoussi") in site_names([text])


DUMA = Location(
    name="Duma", country="Syria", admin1="Rif Dimashq", latitude=33.57, longitude=36.40,
    geo_precision=1, geonameid=170904,
)  # fmt: skip
STRIKE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}


def test_evidence_two_outlets_at_one_small_place_and_day_corroborate() -> None:
    first = report(
        "Ten airstrikes kill and wound 14 civilians in Duma.", outlet="A", where=DUMA,
        fatalities=None, **STRIKE, **NO_ACTORS,
    )  # fmt: skip
    second = report(
        "Regime forces keep targeting Duma after a massacre.", outlet="B", where=DUMA,
        fatalities=None, **STRIKE, **NO_ACTORS,
    )  # fmt: skip
    assert not agreements(first, second) - {"place", "named"}
    assert one_small_place(first, second) and one_small_place(second, first)
    assert corroborated(first, second)
    settings = FusionSettings()
    assert (pair_score(first, second, settings=settings) or 0.0) >= settings.threshold
    # one outlet's or an unknown outlet's two reports of a town are two happenings
    same_outlet = replace(second, outlet=first.outlet)
    unknown = replace(second, outlet="")
    assert not one_small_place(first, same_outlet)
    assert not one_small_place(first, unknown)
    assert not firmly_anchored(first, same_outlet)


def test_evidence_one_small_place_needs_one_day_and_nothing_apart() -> None:
    base = {"where": DUMA, **STRIKE, **NO_ACTORS}
    first = report("Warplanes struck Duma in the morning.", outlet="A", fatalities=3, **base)
    next_day = report(
        "Warplanes struck Duma.", outlet="B", fatalities=None, when=date(2024, 11, 15), **base
    )
    night = report("Warplanes struck Duma at night.", outlet="B", fatalities=None, **base)
    far_toll = report("Warplanes struck Duma, killing 40.", outlet="B", fatalities=40, **base)
    near_toll = report("Warplanes struck Duma, four dead.", outlet="B", fatalities=4, **base)
    assert not one_small_place(first, next_day)
    assert not one_small_place(first, night)
    assert not one_small_place(first, far_toll)
    assert one_small_place(first, near_toll)
    two_sites = (
        report("Warplanes struck in Misraba of Duma.", outlet="A", fatalities=None, **base),
        report("Warplanes struck in Harasta of Duma.", outlet="B", fatalities=None, **base),
    )
    assert not one_small_place(*two_sites)


def test_evidence_a_capital_of_its_region_is_no_small_place() -> None:
    first = report("Students staged a protest in Dhaka.", outlet="A", where=DHAKA, **PROTEST)
    second = report("Teachers held a rally in Dhaka.", outlet="B", where=DHAKA, **PROTEST)
    area = replace(DUMA, geo_precision=2)
    third = report("Warplanes struck near Duma.", outlet="A", where=area, **STRIKE)
    fourth = report("Airstrikes hit Duma.", outlet="B", where=area, **STRIKE)
    assert not one_small_place(first, second)
    assert not one_small_place(third, fourth)


HORLIVKA = Location(
    name="Horlivka", country="Ukraine", admin1="Donetsk", admin2="Horlivka", latitude=48.30,
    longitude=38.05, geo_precision=1, geonameid=707308,
)  # fmt: skip
PANTELEYMONIVKA = Location(
    name="Panteleymonivka", country="Ukraine", admin1="Donetsk", admin2="Horlivka",
    latitude=48.21, longitude=38.13, geo_precision=1, geonameid=698465,
)  # fmt: skip
SHELLING = {
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Shelling/artillery/missile attack",
}


def test_evidence_one_outlets_notes_of_two_towns_are_two_happenings() -> None:
    """Each note's own town counts as its site: a note of Horlivka and a note of a village of
    the Horlivka district, neither naming the other's place, are two happenings even though
    both name the DPR positions shelled."""
    town = report(
        "On 15 March, Ukrainian forces shelled DPR positions in Horlivka, Donetsk region.",
        outlet="ACLED", where=HORLIVKA, fatalities=None, **SHELLING, **NO_ACTORS,
    )  # fmt: skip
    village = report(
        "On 15 March, Ukrainian forces shelled DPR positions in Panteleimonivka, Donetsk region.",
        outlet="ACLED", where=PANTELEYMONIVKA, fatalities=None, **SHELLING, **NO_ACTORS,
    )  # fmt: skip
    assert distinct_sites(town, village) and distinct_sites(village, town)
    assert not firmly_anchored(town, village)
    assert pair_score(town, village, settings=SETTINGS) is None
    # a note of the town itself and one of a site the other names there stay one place
    inside = report(
        "On 15 March, Ukrainian forces shelled DPR positions in Horlivka's Mykytivka area.",
        outlet="ACLED", where=HORLIVKA, fatalities=None, **SHELLING, **NO_ACTORS,
    )  # fmt: skip
    assert not distinct_sites(town, inside)
