"""Whether two reports *can* be one event, before asking how alike they are.

Three constraints, each at the precision the reports give:

- what happened: the same sub-event type, or a pair of the small table below (one protest told
  as peaceful by one outlet and as broken up by another; one battle told as shelling by a side);
- where: the same place, or a place and the area that holds it (a town and its district or
  neighbourhood); two distinct towns, or two distinct neighbourhoods of one city, are two events;
  a place given only as a district or region is compatible with what lies inside it;
- when: day-precise dates at most the day window apart, a week or month that holds the other.

Each function returns an affinity in 0..1, or None when the pair is ruled out. Clustering checks
these for every pair of a group (see ``cluster``), so no chain of links puts two incompatible
reports in one event.
"""

from __future__ import annotations

from frontlines.fusion.report import Features, distance_km
from frontlines.fusion.report_words import name_key

# Sub-event types that can be one happening told two ways. Anything else across sub-types never
# fuses; reports of one sub-type (or without one, within one event type) are always compatible.
COMPATIBLE_SUB_TYPES: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in (
        # one protest, and how it ended
        ("Peaceful protest", "Protest with intervention"),
        ("Peaceful protest", "Excessive force against protesters"),
        ("Protest with intervention", "Excessive force against protesters"),
        ("Peaceful protest", "Violent demonstration"),
        ("Protest with intervention", "Violent demonstration"),
        ("Excessive force against protesters", "Violent demonstration"),
        ("Violent demonstration", "Mob violence"),
        # one battle, told by either side or by how it was fought
        ("Armed clash", "Government regains territory"),
        ("Armed clash", "Non-state actor overtakes territory"),
        ("Government regains territory", "Non-state actor overtakes territory"),
        ("Non-violent transfer of territory", "Government regains territory"),
        ("Non-violent transfer of territory", "Non-state actor overtakes territory"),
        ("Armed clash", "Shelling/artillery/missile attack"),
        ("Armed clash", "Air/drone strike"),
        ("Armed clash", "Attack"),
        # an attack opened by a blast, then fought (a complex attack, an ambush), or a blast an
        # outlet calls an attack on a position
        ("Armed clash", "Remote explosive/landmine/IED"),
        ("Armed clash", "Suicide bomb"),
        # one blast or strike, its weapon told differently, or its victims named as the target
        ("Shelling/artillery/missile attack", "Air/drone strike"),
        ("Shelling/artillery/missile attack", "Remote explosive/landmine/IED"),
        ("Air/drone strike", "Remote explosive/landmine/IED"),
        ("Grenade", "Remote explosive/landmine/IED"),
        ("Suicide bomb", "Remote explosive/landmine/IED"),
        ("Shelling/artillery/missile attack", "Attack"),
        ("Air/drone strike", "Attack"),
        ("Remote explosive/landmine/IED", "Attack"),
        ("Suicide bomb", "Attack"),
        # one assault on people or property
        ("Attack", "Sexual violence"),
        ("Attack", "Mob violence"),
        ("Attack", "Looting/property destruction"),
        ("Mob violence", "Looting/property destruction"),
        ("Violent demonstration", "Looting/property destruction"),
        ("Abduction/forced disappearance", "Arrests"),
    )
)


def type_affinity(first: Features, second: Features) -> float | None:
    """1 for one sub-event type, 0.7 for a compatible pair or one event type without
    sub-types, 0.5 when neither has a type; None otherwise."""
    a, b = first.report.event, second.report.event
    if a.event_type is None or b.event_type is None:
        return 0.5 if a.event_type == b.event_type else None
    if a.sub_event_type and b.sub_event_type:
        if a.sub_event_type == b.sub_event_type:
            return 1.0
        return (
            0.7 if frozenset({a.sub_event_type, b.sub_event_type}) in COMPATIBLE_SUB_TYPES else None
        )
    return 0.7 if a.event_type == b.event_type else None


def _contains(area: Features, place: Features) -> bool:
    """Whether ``area`` names one of the areas ``place`` lies in (Kharkiv for Saltivka)."""
    return bool(area.place) and area.place in (place.admin1, place.admin2, place.admin3)


REGION_AROUND = 0.4  # a place in the region around a town bearing the region's name


def place_affinity(
    first: Features, second: Features, *, town_km: float, max_km: float
) -> float | None:
    """``_place_affinity``, and a place given only near a town that bears its region's name
    ("the countryside of Aleppo", "Idlib province" found as the city at precision 2): the
    region around it, holding what lies in that region ("Maratah in the countryside of
    Aleppo") at ``REGION_AROUND``."""
    found = _place_affinity(first, second, town_km=town_km, max_km=max_km)
    if found is not None:
        return found
    if namesake_abroad(first, second):
        return NAMESAKE
    if not (first.located and second.located):
        return None
    if (_region_named(first) or _region_named(second)) and _same_admin1(first, second):
        return REGION_AROUND
    return None


NAMESAKE = 0.3  # a place the geocoder found abroad, read as known by its country alone


def namesake_abroad(first: Features, second: Features) -> bool:
    """The two are placed in two countries, and one of them at a namesake abroad: its own words
    never name its place's country or region, yet name the other's country, region or town
    ("Hit-and-run clash in the countryside of al-Rai, northeastern countryside Aleppo" found as
    Praia, Cabo Verde, against a report placed in Aleppo). Such a place is the geocoder's guess
    for a bare town name; the pair is compared as two reports of unknown place, not ruled out."""
    if not (first.country and second.country) or first.country == second.country:
        return False
    return _abroad(first, second) or _abroad(second, first)


def _keys(*names: str) -> frozenset[str]:
    return frozenset(name_key(word) for name in names for word in name.split() if len(word) >= 3)


def _abroad(odd: Features, other: Features) -> bool:
    said = odd.names | odd.sites
    if said & _keys(odd.country, odd.admin1):
        return False  # it names its own country or region: no namesake
    theirs = _keys(other.country, other.admin1) | (other.place_words if other.fine else frozenset())
    return bool(said & theirs)


def _region_named(features: Features) -> bool:
    """A place given only near (precision 2 or coarser) a town that bears its admin1's name."""
    precision = features.geo_precision or 1
    return precision >= 2 and bool(features.place) and features.place == features.admin1


def _place_affinity(
    first: Features, second: Features, *, town_km: float, max_km: float
) -> float | None:
    """How close the two places are (0..1) at their precision; None when they are two places.

    The same place (geonameid, or one name within ``max_km``), or two named places of which
    one holds the other (a town and its neighbourhood, within ``town_km``); a district (named
    so, at precision 2) holds what lies within ``max_km`` in its admin1; two other named places,
    in or near a town (geo_precision 1 or 2), are two places. A region (precision 3) holds its
    admin1, or, given without one, what lies within ``max_km``; an unnamed point holds what lies
    within a kilometre (``max_km`` at precision 2). A place that is a whole country has no point
    (``Features.of``): it holds whatever lies in that country.
    """
    if first.located and second.located:
        coarse = max(first.geo_precision or 1, second.geo_precision or 1)
        same = first.geonameid is not None and first.geonameid == second.geonameid
        if coarse >= 3:  # a region holds its admin1, however precise the other place
            one_name = same or (bool(first.place) and first.place == second.place)
            if first.admin1 and second.admin1:
                if not _same_admin1(first, second):
                    return None
                return 0.6 if one_name else 0.4
            # a region the geocoder gives no admin1 (Eastern Ghouta, Ghab Plain): one name, or
            # what lies within ``max_km`` of it
            if one_name:
                return 0.6
            return 0.4 if distance_km(first, second) <= max_km else None
        if same:
            return 1.0
        km = distance_km(first, second)
        if first.place and first.place == second.place and km <= max_km:
            return 1.0  # one name: one place, unless two places share it far apart
        if not (first.place and second.place):
            near = km <= (max_km if coarse == 2 else 1.0) and _admin1_agrees(first, second)
            return 0.6 if near else None
        if coarse == 2 and (_is_area(first) or _is_area(second)):
            return 0.6 if km <= max_km and _admin1_agrees(first, second) else None
        holds = _contains(first, second) or _contains(second, first)
        if km <= town_km and holds:
            return 0.8 if coarse == 1 else 0.6
        return None
    if first.admin1 and second.admin1:
        if not _same_admin1(first, second):
            return None
        if first.place and second.place and first.place != second.place:
            precise = (first.geo_precision or 1) == 1 and (second.geo_precision or 1) == 1
            if precise and not (_contains(first, second) or _contains(second, first)):
                return None
            return 0.6
        return 0.9 if first.place and first.place == second.place else 0.6
    if first.country and second.country:
        return 0.3 if first.country == second.country else None
    return 0.3


AREA_WORDS = frozenset(
    {
        "district", "province", "region", "oblast", "governorate", "township", "upazila",
        "county", "raion", "rayon", "department", "prefecture", "municipality", "division",
    }
)  # fmt: skip


def _is_area(features: Features) -> bool:
    """A district or region by its name ("Dhaka District") or as its own admin2, at precision 2
    or coarser; a town "near" which something happened is not one."""
    words = features.place.split()
    coarse = (features.geo_precision or 1) >= 2
    return coarse and (bool(words and words[-1] in AREA_WORDS) or features.place == features.admin2)


def _admin1_agrees(first: Features, second: Features) -> bool:
    return not (first.admin1 and second.admin1) or _same_admin1(first, second)


def _same_admin1(first: Features, second: Features) -> bool:
    countries_agree = not (first.country and second.country) or first.country == second.country
    return bool(first.admin1) and first.admin1 == second.admin1 and countries_agree


DAY_SCORES = (1.0, 0.4)  # the same day, a day apart (day precision)


def date_affinity(first: Features, second: Features) -> float | None:
    """How well the dates agree at their precision; None when one is undated or they are
    further apart than the coarser precision allows."""
    if first.day is None or second.day is None:
        return None
    apart = abs(first.day - second.day)
    if apart > max(first.window, second.window):
        return None
    precise = (first.report.event.date_precision, second.report.event.date_precision)
    if precise == ("day", "day"):
        return DAY_SCORES[apart] if apart < len(DAY_SCORES) else 0.2
    return 0.3
