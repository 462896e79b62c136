"""Constraints before similarity: places, types and dates at their precision, and no chains."""

from __future__ import annotations

from datetime import date

from frontlines.fusion import fuse
from frontlines.fusion.report import Features, Report
from frontlines.fusion.score import FusionSettings, compatible
from frontlines.model import ActorRef, Location
from tests.fusion.samples import one_report

SETTINGS = FusionSettings()
DAY = date(2024, 7, 18)
STUDENTS = ActorRef(id="students-bd", name="Students (Bangladesh)", kind="protesters")


def dhaka_place(name: str, lat: float, lon: float, *, admin2: str | None = "Dhaka") -> Location:
    return Location(
        name=name, country="Bangladesh", admin1="Dhaka", admin2=admin2,
        latitude=lat, longitude=lon, geo_precision=1,
    )  # fmt: skip


DHAKA = dhaka_place("Dhaka", 23.7104, 90.4074, admin2="Dhaka")
PALTAN = dhaka_place("Paltan", 23.7340, 90.4120)
MOTIJHEEL = dhaka_place("Motijheel", 23.7330, 90.4180)
DHANMONDI = dhaka_place("Dhanmondi", 23.7461, 90.3742)
SAVAR = dhaka_place("Savar", 23.8583, 90.2667, admin2="Savar")


def protest(text: str, where: Location | None, *, outlet: str, **event: object) -> Report:
    options = {
        "when": DAY, "event_type": "Protests", "sub_event_type": "Peaceful protest",
        "actor1": STUDENTS, "actor2": None, "fatalities": None, "where": where, **event,
    }  # fmt: skip
    return one_report(text, text[:30], outlet=outlet, published=DAY, **options)


def features(report: Report) -> Features:
    return Features.of(report, windows=SETTINGS.windows)


def can_fuse(first: Report, second: Report) -> bool:
    return compatible(features(first), features(second), settings=SETTINGS)


RALLY = "Students held a sit-in demanding an end to the quota system"


def test_compat_two_neighbourhoods_of_one_city_are_two_places() -> None:
    paltan = protest(f"{RALLY} in Paltan.", PALTAN, outlet="A")
    motijheel = protest(f"{RALLY} in Motijheel.", MOTIJHEEL, outlet="B")
    dhanmondi = protest(f"{RALLY} in Dhanmondi.", DHANMONDI, outlet="C")
    assert not can_fuse(paltan, motijheel)  # a kilometre apart, yet two places
    assert not can_fuse(paltan, dhanmondi)
    assert len(fuse([paltan, motijheel, dhanmondi])) == 3


def test_compat_two_towns_are_two_places_a_city_and_its_neighbourhood_can_be_one() -> None:
    dhaka = protest(f"{RALLY} in Dhaka.", DHAKA, outlet="A")
    paltan = protest(f"{RALLY} in Paltan, Dhaka.", PALTAN, outlet="B")
    savar = protest(f"{RALLY} in Savar.", SAVAR, outlet="C")
    assert can_fuse(dhaka, paltan)  # Paltan lies in Dhaka (its admin2)
    assert not can_fuse(dhaka, savar)  # a town 25 km away
    assert not can_fuse(paltan, savar)


def test_compat_a_district_holds_its_towns_and_a_region_its_admin1() -> None:
    district = Location(
        name="Dhaka District", country="Bangladesh", admin1="Dhaka",
        latitude=23.8, longitude=90.3, geo_precision=2,
    )  # fmt: skip
    region = Location(name="Chittagong", country="Bangladesh", admin1="Chittagong", geo_precision=3)
    paltan = protest(f"{RALLY} in Paltan.", PALTAN, outlet="A")
    assert can_fuse(paltan, protest(f"{RALLY} in Dhaka District.", district, outlet="B"))
    assert not can_fuse(paltan, protest(f"{RALLY} in Chittagong.", region, outlet="C"))


def test_compat_a_region_without_admin1_holds_what_is_near_and_a_country_what_is_in_it() -> None:
    ghouta = Location(
        name="Eastern Ghouta", country="Syria", latitude=33.55, longitude=36.4, geo_precision=3
    )
    douma = Location(
        name="Douma", country="Syria", admin1="Rif Dimashq", latitude=33.57, longitude=36.40,
        geo_precision=1,
    )  # fmt: skip
    afrin = Location(
        name="Afrin", country="Syria", admin1="Aleppo", latitude=36.51, longitude=36.87,
        geo_precision=1,
    )  # fmt: skip
    syria = Location(name="Syria", country="Syria", latitude=35.0, longitude=38.0, geo_precision=3)
    kind = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    one = protest("Shelling on the Eastern Ghouta.", ghouta, outlet="A", **kind)
    two = protest("Shelling goes on in the Eastern Ghouta.", ghouta, outlet="B", **kind)
    assert can_fuse(one, two)  # one region by name, though the geocoder gives it no admin1
    assert can_fuse(one, protest("Shelling on Douma.", douma, outlet="C", **kind))
    assert not can_fuse(one, protest("Shelling on Afrin.", afrin, outlet="C", **kind))
    country = protest("Two soldiers killed in Syria.", syria, outlet="D", **kind)
    assert can_fuse(country, protest("Two soldiers killed in Afrin.", afrin, outlet="E", **kind))
    assert can_fuse(country, one)


def test_compat_sub_types_follow_the_table() -> None:
    peaceful = protest(f"{RALLY} in Paltan.", PALTAN, outlet="A")
    broken_up = protest(
        f"{RALLY} in Paltan; police fired tear gas.", PALTAN, outlet="B",
        sub_event_type="Protest with intervention",
    )  # fmt: skip
    riot = protest(
        f"{RALLY} in Paltan and set cars on fire.", PALTAN, outlet="C",
        event_type="Riots", sub_event_type="Violent demonstration",
    )  # fmt: skip
    arrests = protest(
        f"{RALLY} in Paltan; ten were arrested.", PALTAN, outlet="D",
        event_type="Strategic developments", sub_event_type="Arrests",
    )  # fmt: skip
    assert can_fuse(peaceful, broken_up)  # the escalation of one protest
    assert can_fuse(peaceful, riot)
    assert not can_fuse(peaceful, arrests)


def test_compat_dates_at_their_precision() -> None:
    today = protest(f"{RALLY} in Paltan.", PALTAN, outlet="A")
    two_days_later = protest(f"{RALLY} in Paltan.", PALTAN, outlet="B", when=date(2024, 7, 20))
    this_month = protest(
        f"{RALLY} in Paltan.", PALTAN, outlet="C", when=date(2024, 7, 1), precision="month"
    )
    assert not can_fuse(today, two_days_later)
    assert can_fuse(today, this_month)
    assert can_fuse(two_days_later, this_month)


def test_compat_clustering_never_chains_two_incompatible_reports() -> None:
    # B (the month) is compatible with A and with C, which are two days apart: A-B-C
    # would be one event by single linkage; A and C must stay apart.
    a = protest(f"{RALLY} in Paltan at noon.", PALTAN, outlet="A")
    b = protest(f"{RALLY} in Paltan at noon.", PALTAN, outlet="B", when=date(2024, 7, 19))
    c = protest(f"{RALLY} in Paltan at noon.", PALTAN, outlet="C", when=date(2024, 7, 20))
    assert can_fuse(a, b) and can_fuse(b, c) and not can_fuse(a, c)
    for fused in fuse([a, b, c]):
        outlets = {report.outlet for report in fused.reports}
        assert not {"A", "C"} <= outlets


def test_compat_the_countryside_of_a_regions_namesake_holds_that_region() -> None:
    """ "The countryside of Aleppo", found as Aleppo city at precision 2 (near it), is the
    region around the city: a village of that region fits it; a place of another region, or a
    town given at precision 1, does not."""
    kind = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    countryside = Location(
        name="Aleppo", country="Syria", admin1="Aleppo", latitude=36.20, longitude=37.16,
        geo_precision=2,
    )  # fmt: skip
    village = Location(
        name="Mare'", country="Syria", admin1="Aleppo", latitude=36.58, longitude=37.05,
        geo_precision=1,
    )  # fmt: skip
    idlib_village = Location(
        name="Abu al-Duhur", country="Syria", admin1="Idlib", latitude=35.73, longitude=37.05,
        geo_precision=1,
    )  # fmt: skip
    around = protest("70 fighters killed in clashes in the Aleppo countryside.", countryside,
                     outlet="A", **kind)  # fmt: skip
    there = protest("12 fighters killed in a counter-attack on Mare'.", village, outlet="B", **kind)
    elsewhere = protest("Clashes near Abu al-Duhur.", idlib_village, outlet="C", **kind)
    assert can_fuse(around, there)
    assert not can_fuse(around, elsewhere)
    city = Location(
        name="Aleppo", country="Syria", admin1="Aleppo", latitude=36.20, longitude=37.16,
        geo_precision=1,
    )  # fmt: skip
    assert not can_fuse(protest("Clashes in Aleppo city.", city, outlet="D", **kind), there)


def test_compat_a_blast_and_a_fight_can_be_one_attack() -> None:
    """A complex attack told as a bombing by one outlet and as clashes by another."""
    town = Location(
        name="Qamishli", country="Syria", admin1="Al-Hasakah", latitude=37.05, longitude=41.22,
        geo_precision=1,
    )  # fmt: skip
    clash = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    blast = protest(
        "A suicide attack targeted Qamishli.", town, outlet="A",
        event_type="Explosions/Remote violence", sub_event_type="Suicide bomb",
    )  # fmt: skip
    device = protest(
        "A car bomb hit Qamishli.", town, outlet="B",
        event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
    )  # fmt: skip
    fight = protest("Gunmen attacked a checkpoint in Qamishli.", town, outlet="C", **clash)
    assert can_fuse(blast, fight) and can_fuse(device, fight)
    arrests = protest(
        "Police arrested a suspect in Qamishli.", town, outlet="D",
        event_type="Strategic developments", sub_event_type="Arrests",
    )  # fmt: skip
    assert not can_fuse(arrests, fight)
