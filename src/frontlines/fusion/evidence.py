"""Evidence that two reports tell one happening, beyond being of one kind, place and day.

Two protests in one city on one day are compatible, yet usually two events: fusion links them
only on evidence that they are one. Each signal compares what the two texts state:

- sites: the places one text puts things at or acts on ("in Jatrabari", "shelled Pryvillya"),
  named by the other too, or not: two neighbourhoods of one city are two happenings;
- names: the proper names they share (a named target, unit, site or group), of those they give;
- toll: the same number of dead (positive), or tolls too far apart to be one count;
- time of day: the same part of the day, or different ones;
- actors: the actors both name, of those the shorter list gives;
- credit: one report credits the other's outlet, or both credit one news organisation.

``evidence`` weighs them into 0..1; a contradiction (two tolls, two times of day) lowers it.
"""

from __future__ import annotations

from frontlines.fusion.origins import is_news_organisation
from frontlines.fusion.report import Features
from frontlines.fusion.report_words import NEAR_TIMES, cosine


def name_affinity(first: Features, second: Features) -> float | None:
    """Shared names of all those either gives (Jaccard), beyond the regions' and actors' own:
    two reports naming different villages, units or sites tell two happenings."""
    skip = first.common | second.common
    a, b = first.names - skip, second.names - skip
    if not a or not b:
        return None
    return len(a & b) / len(a | b)


def site_affinity(first: Features, second: Features) -> float | None:
    """How far one report's sites are named anywhere by the other (its names, sites or place):
    the larger share of the two directions, beyond the regions' names. Two notes of one city
    placing things in two neighbourhoods score 0; "in Kharkiv" against "in Kharkiv's
    Saltivskyi district", 1."""
    skip = first.common | second.common
    shares = []
    for one, other in ((first, second), (second, first)):
        sites = one.sites - skip
        named = (other.names | other.sites | other.place_words) - skip
        if sites and named:
            shares.append(len(sites & named) / len(sites))
    return max(shares) if shares else None


def toll_affinity(first: Features, second: Features) -> float | None:
    """1 for one positive toll, 0.6 for tolls within a factor of two, 0.3 for tolls further
    apart (tolls grow as bodies are found); None when either gives no deaths."""
    one, other = first.report.event.fatalities, second.report.event.fatalities
    if not one or not other:
        return None
    low, high = min(one, other), max(one, other)
    if low == high:
        return 1.0
    return 0.6 if low / high >= 0.5 else 0.3  # early and later tolls differ: a weak sign


def time_affinity(first: Features, second: Features) -> float | None:
    """1 for one part of the day, 0.5 for neighbouring parts, 0 for others; None when either
    gives none."""
    if not first.times or not second.times:
        return None
    if first.times & second.times:
        return 1.0
    near = any(frozenset({a, b}) in NEAR_TIMES for a in first.times for b in second.times)
    return 0.5 if near else 0.0


def actor_affinity(first: Features, second: Features) -> float | None:
    """Share of the shorter actor list also named by the other report (by id or by name)."""
    if not first.actors or not second.actors:
        return None
    fewer, more = sorted((first.actors, second.actors), key=len)
    ids, names = {actor_id for actor_id, _ in more}, {name for _, name in more}
    shared = sum(1 for actor_id, name in fewer if actor_id in ids or name in names)
    return shared / len(fewer)


def credits_each_other(first: Features, second: Features) -> bool:
    """One report credits the other's outlet, or both credit one news organisation."""
    if first.outlet and first.outlet in second.credits:
        return True
    if second.outlet and second.outlet in first.credits:
        return True
    shared = first.credits & second.credits
    return any(is_news_organisation(name, outlets=frozenset()) for name in shared)


def wording_affinity(first: Features, second: Features) -> float | None:
    """How alike two outlets' texts are (twice the cosine of their content words, at most 1);
    None for one outlet's two reports or an unknown outlet: one outlet or analyst writes its
    reports of many happenings from one template, two outlets write one story each their way."""
    if one_source(first, second) is not False:
        return None
    return min(1.0, 2 * cosine(first.terms, second.terms))


PRIOR = (0.5, 0.3)  # (value, weight): what a pair with no other evidence is worth
SIGNALS = (
    ("sites", 0.6), ("names", 0.15), ("actors", 0.2), ("toll", 0.2), ("time", 0.15),
    ("wording", 0.3),
)  # fmt: skip
CREDIT = 0.25


def evidence(first: Features, second: Features) -> float:
    """How strongly the texts say they tell one happening (0..1).

    The weighted mean of a neutral prior and of the signals the pair has (sites, names, actors,
    toll, time of day): a signal neither report gives neither helps nor hurts, and different
    sites, actors, tolls or times of day pull the mean down. A credit between the two adds
    ``CREDIT``. Shared wording counts only between two outlets (``wording_affinity``): notes
    one analyst writes from one template share as much as two outlets' stories of one
    happening, and copies are told apart by ``syndication``.
    """
    found = {
        "sites": site_affinity(first, second),
        "names": name_affinity(first, second),
        "actors": actor_affinity(first, second),
        "toll": toll_affinity(first, second),
        "time": time_affinity(first, second),
        "wording": wording_affinity(first, second),
    }
    total, weights = PRIOR[0] * PRIOR[1], PRIOR[1]
    for name, weight in SIGNALS:
        signal = found[name]
        if signal is not None:
            total += weight * signal
            weights += weight
    value = total / weights + (CREDIT if credits_each_other(first, second) else 0.0)
    return min(1.0, value)


def shared_site(first: Features, second: Features) -> bool:
    """The specific sites of one report (beyond a region's, an actor's or either place's name:
    a neighbourhood, a village of a township, a named building) are all named by the other as
    sites, and there are some. Two reports that each name a site the other does not ("in
    Dyamondi (Bartiebougou)" and "in Kanmpandi (Bartiebougou)", North and South Okkalapa) tell
    two places, whatever else they share."""
    skip = (
        first.common | second.common | first.coarse | second.coarse
        | first.place_words | second.place_words
    )  # fmt: skip
    for one, other in ((first, second), (second, first)):
        sites = one.sites - skip
        if sites and sites <= other.sites:
            return True
    return False


def same_fine_place(first: Features, second: Features) -> bool:
    """Both placed at one town, village or site found as such (not a stand-in or an area)."""
    if not (first.fine and second.fine):
        return False
    if first.geonameid is not None and first.geonameid == second.geonameid:
        return True
    return bool(first.place) and first.place == second.place


def same_town_name(first: Features, second: Features) -> bool:
    """Both placed under one name at town precision or near it (1 or 2), not as a district or
    region (precision 3, or a region's name given as a place only "near" it): a weak sign that
    needs another beside it."""
    if not first.place or first.place != second.place:
        return False
    precisions = (first.geo_precision or 3, second.geo_precision or 3)
    if max(precisions) > 2:
        return False
    return min(precisions) == 1 or first.place not in (first.admin1, first.admin2)


def same_actor_pair(first: Features, second: Features) -> bool:
    """Both name two or more actors, and every actor of the shorter list is named by the other."""
    if len(first.actors) < 2 or len(second.actors) < 2:
        return False
    return actor_affinity(first, second) == 1.0


def agreements(first: Features, second: Features) -> frozenset[str]:
    """The kinds of positive evidence the pair gives: a credit (or one reprints the other, or
    both one original), a specific site both name, one fine place, one positive toll, one actor
    pair, one part of the day."""
    a, b = first.report, second.report
    found = {
        "credit": credits_each_other(first, second)
        or a.original_id == b.article_id
        or b.original_id == a.article_id
        or (a.original_id is not None and a.original_id == b.original_id),
        "site": shared_site(first, second),
        "place": same_fine_place(first, second),
        "named": same_town_name(first, second),
        "toll": (toll_affinity(first, second) or 0.0) >= 0.6,
        "actors": same_actor_pair(first, second),
        "time": time_affinity(first, second) == 1.0,
    }
    return frozenset(name for name, agrees in found.items() if agrees)


def specific_names(features: Features) -> frozenset[str]:
    """The names a report gives beyond its region's, its actors', its outlet's, its areas' and
    its place's own: a named target, unit, site, official or group."""
    return features.names - features.common - features.coarse - features.place_words


SHARED_NAMES = 2  # specific names two reports must share to corroborate one another
WORDING = 0.5  # two outlets' texts this alike (``wording_affinity``) corroborate one another


def corroborated(first: Features, second: Features) -> bool:
    """Whether the pair gives any positive sign, however weak, that it tells one happening: one
    kind of agreement beyond the place (``agreements``: a site, a toll, an actor pair, a time
    of day, a credit), two outlets' wording alike (``WORDING``), or ``SHARED_NAMES`` specific
    names both give ("Defence Ministry", "Abu Shouk"). What two outlets' reports of one
    happening give at the least; one city and day is none."""
    if agreements(first, second) - {"place", "named"}:
        return True
    if one_small_place(first, second):
        return True
    if (wording_affinity(first, second) or 0.0) >= WORDING:
        return True
    return len(specific_names(first) & specific_names(second)) >= SHARED_NAMES


def one_small_place(first: Features, second: Features) -> bool:
    """Two outlets place the happening at one town or village found as such (``same_fine_place``:
    no region's capital, no stand-in, no area) on one day, and nothing sets the two apart: no
    sites apart, no two lead sites, no tolls too far apart to be one count, no two times of
    day. What two short headlines of one happening give ("10 airstrikes kill 14 civilians in
    Duma", "Regime forces keep targeting Duma after a massacre"); never enough for one outlet's
    or an unknown outlet's two reports (``firmly_anchored``), and a capital of many happenings
    a day (Dhaka, Aleppo) is no small place."""
    if one_source(first, second) is not False or not same_fine_place(first, second):
        return False
    if first.day is None or first.day != second.day or distinct_sites(first, second):
        return False
    if first.lead and second.lead and not first.lead & second.lead:
        return False
    toll = toll_affinity(first, second)
    return (toll is None or toll >= 0.6) and time_affinity(first, second) != 0.0


def distinct_sites(first: Features, second: Features) -> bool:
    """Each report names a specific site the other names nowhere (Keraniganj and Uttara of
    Dhaka): two places, whatever else the pair shares. A report's own town or village found as
    such counts among its sites ("shelled DPR positions in Yasynuvata" against "in Donetsk -
    Kirovskyi": neither names the other's place), so two towns a district's name ties together
    stay two places, even when one town names the district (Horlivka); the other report's
    place does not (it may name a site inside it)."""
    common = first.common | second.common
    skip = common | first.coarse | second.coarse
    for one, other in ((first, second), (second, first)):
        own = one.place_words if one.fine else frozenset()
        sites = (one.sites - skip - other.place_words - one.place_words) | (own - common)
        if not sites or sites <= other.names | other.sites | other.place_words:
            return False
    return True


def firmly_anchored(first: Features, second: Features) -> bool:
    """What two reports of one outlet (or of an unknown one) need: a credit or reprint, or an
    anchor (``anchored``) on one day with two agreements beyond the place (a toll counting
    only when it is the same), and nothing apart: no sites apart (``distinct_sites``), no two
    lead sites, no toll told by one alone, no two times of day. One outlet, or one analyst,
    writes a second report of a place for a second happening: ACLED's notes of one
    neighbourhood are distinct events however alike, and so are its notes of one fight day
    after day."""
    kinds = agreements(first, second)
    if "credit" in kinds:
        return True
    if first.day is None or first.day != second.day or distinct_sites(first, second):
        return False
    if first.lead and second.lead and not first.lead & second.lead:
        return False  # each placed first at a site of its own (near Kalynove, near Maiorsk)
    if bool(first.report.event.fatalities) != bool(second.report.event.fatalities):
        return False  # one outlet tells its toll again when it tells the happening again
    if time_affinity(first, second) == 0.0:
        return False
    if toll_affinity(first, second) != 1.0:
        kinds -= {"toll"}
    return anchored(first, second) and len(kinds - {"place", "named"}) >= 2


def one_source(first: Features, second: Features) -> bool | None:
    """True when both reports come from one outlet, False when from two, None when either
    outlet is unknown."""
    if not first.outlet or not second.outlet:
        return None
    return first.outlet == second.outlet


def anchored(first: Features, second: Features) -> bool:
    """Whether the pair gives positive evidence that it tells one happening.

    One credits or reprints the other; or a specific site both name; or one town (at precision
    1 or 2) with tolls within a factor of two or one part of the day; or one fine place with
    one actor pair. Reports a day or more apart need two agreements beyond the place: one site
    sees events day after day. One kind, place and day is no evidence: a busy day has many
    events of one kind in one city, and a city fallback, district or region tells none apart.
    """
    kinds = agreements(first, second)
    if "credit" in kinds:
        return True
    placed = (
        "site" in kinds
        or (bool(kinds & {"place", "named"}) and bool(kinds & {"toll", "time"}))
        or {"place", "actors"} <= kinds
    )
    if not placed:
        return False
    same_day = first.day is not None and first.day == second.day
    return same_day or len(kinds - {"place", "named"}) >= 2
