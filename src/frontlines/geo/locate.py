"""An event's location from the places the places stage found.

``locate`` looks first at the sentence (``start``..``end``), then at the article. It prefers the
most specific place the sentence names and reads the words around it ("20 km north of",
"near", "between X and Y"). ACLED's geo_precision: 1 the town itself, 2 near a town or part of
an area, 3 only a larger area (admin1, region, country) or a place taken from the article
context. When nothing better resolves it returns the best partial answer and says why in
``note``. Metonyms ("Moscow said"), demonyms ("Russian forces") and datelines (where the
reporter files from) are never locations.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from frontlines.geo.geometry import destination, midpoint
from frontlines.geo.place import SPECIFICITY, GeoPlace, kind_of
from frontlines.geo.relative import is_between, relation
from frontlines.model import Location, Place

WIDE = frozenset({"country", "continent"})
_WHERE = re.compile(
    r"\b(?:(?:in|at|near|outside|inside|into|on|around)\s+(?:the\s+)?"
    r"|(?:north|south|east|west|outskirts|edge|vicinity|countryside|town|city|village|area"
    r"|district)\s+of\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
# "Kieme (Djibasso, Kossi)", "Orlivka, Donetsk": an unknown name, then the areas that hold it.
_AREAS_BETWEEN = re.compile(r"^\s*(?:\((?:[^()]*,\s*)?|(?:[a-z]+\s*)?,\s*)$")
# "X village", "X town": a settlement named before its kind.
_SETTLEMENT_AFTER = ("village", "town", "hamlet", "settlement", "locality")
_AREAS = ("admin2", "region", "admin1")
# "shelled X", "captured X": a verb of striking or taking, then the place it struck.
_STRUCK = re.compile(
    r"\b(?:shelled|struck|hit|attacked|bombed|raided|stormed|captured|seized|took|retook"
    r"|recaptured|liberated|entered|besieged|targeted|overran)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "X, Y", "X near Y", "X in Y", "X village, Y", "X union (Y": a town right beside a place.
_BESIDE = re.compile(
    r"^\s*(?:[a-z]+\s*)?[,(]?\s*(?:(?:near|outside|close to|by|in)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
# "Dhaka-Mymensingh highway": a name glued by a hyphen to another names an end of a route.
_ROAD_END_AFTER = re.compile(r"-[A-Z]")
_ROAD_END_BEFORE = re.compile(r"[A-Za-z]-$")
# "(coded as Comilla, Chittagong)", "coded to Panchagarh": the writer says which place stands
# for the event; it comes before any other the sentence names.
_CODED = re.compile(r"\bcoded\s+(?:as|to|at)\s+(?:the\s+)?$", re.IGNORECASE)
# "the Ahmedabad-bound train", "a Paris-based group": the name describes something, it is not
# where the event is.
_DESCRIBES = re.compile(r"^-(?:bound|based|born|backed|led|made|owned|registered)\b", re.I)
_PRECISION = {"landmark": 1, "city": 1, "admin2": 2, "region": 3, "admin1": 3}
# "arrested near here", "a procession here", "left here for": the reporter's own town.
_HERE = re.compile(r"\b(near\s+|outside\s+)?here\b(?!\s*(?:is|are|was|were)\b)(?!['’])", re.I)
# "150 km from here", "some miles away from here": a distance away from the dateline's town.
_AWAY_FROM = re.compile(
    r"\b(?:km|kms|kilomet(?:re|er)s?|miles?)\s+(?:\w+\s+)?(?:away\s+)?from\s+here\b", re.I
)
# "in the city", "across this town", "parts of the city": the town the story is about.
_THE_CITY = re.compile(
    r"\b(?:in|of|across|around|at|inside|within)\s+(?:the|this)\s+(?:city|town)\b(?!\s*'s)",
    re.I,
)


def locate(text: str, places: Sequence[Place], *, start: int, end: int) -> Location | None:
    """Where the event told in ``text[start:end]`` happened, from the ``places`` found in the
    article's ``text``; None when the article names no place at all."""
    places = [p for p in places if p.role in ("place", "metonym", "dateline")]
    usable = [p for p in places if p.resolved and p.role == "place"]
    dateline = _dateline_town(places, usable)
    places = [p for p in places if p.role != "dateline"]
    in_sentence = [p for p in usable if start <= p.start and p.end <= end]
    missing_places = [p for p in places if not p.resolved and start <= p.start < end]
    missing = [p.text for p in missing_places]
    lost = f"'{missing[0]}' is not in the gazetteer; " if missing else ""
    best = min(in_sentence, key=lambda p: _rank(p, text), default=None)
    deixis = _deixis(text, usable, dateline, start=start, end=end, named=best)
    if deixis is not None:
        return deixis
    if best is not None and _kind(best) not in WIDE:
        found = _location_at_place(best, in_sentence, text=text, start=start, end=end)
        unknown = _unknown_inside(places, best, text=text)
        if unknown is not None and found.note is None:
            note = f"'{unknown.text}' is not in the gazetteer; located by the area it is in, "
            if _kind(best) in ("city", "landmark"):  # "Orlivka, Donetsk": near the town, not it
                found = replace(found, geo_precision=max(found.geo_precision or 1, 2))
                found = replace(found, geonameid=None)
            return replace(found, note=note + str(best.name))
        where = next((p for p in missing_places if _said_where(p, text)), None)
        if where is not None and found.note is None:
            return _stand_in(where, in_sentence, text=text, dateline=dateline) or found
        return found
    where = next((p for p in missing_places if _said_where(p, text)), None)
    if where is not None and dateline is not None and _holds(best, dateline):
        return _by_dateline(where, dateline)
    context = _context_place(
        usable, country=best.country if best else None, text=text, dateline=dateline
    )
    if context is not None:
        said = f"the sentence names only {best.name}" if best else "the sentence names no place"
        return _location(
            context,
            precision=3,
            note=f"{lost}{said}; {context.name} is the place the article is about",
        )
    fallback = best or _any_country(places)
    if fallback is None:
        return None
    return _country_level(fallback, note=f"{lost}only the country is known")


def _deixis(
    text: str,
    usable: Sequence[Place],
    dateline: Place | None,
    *,
    start: int,
    end: int,
    named: Place | None,
) -> Location | None:
    """The town a sentence points to without naming it. "Here" ("arrested near here", "a
    procession here") is the dateline's town, where the reporter files from, unless the
    sentence names a place as where ("in X"); a town it names otherwise ("leaving here for X")
    is somewhere else. "150 km from here" points away, so it does not count. "In the city" /
    "this town", in a sentence that names no town, is the last town named before it, else the
    dateline's."""
    sentence = text[start:end]
    where = named is not None and _kind(named) not in WIDE and _rank(named, text)[1] == 0
    match = _HERE.search(sentence)
    if dateline is not None and match is not None and not where:
        elsewhere = named is not None and _kind(named) in ("city", "landmark")
        if not _AWAY_FROM.search(sentence[: match.end()]) and (
            elsewhere or _holds(named, dateline)
        ):
            return _location(dateline, precision=2 if match.group(1) else 1)
    if named is not None and _kind(named) not in WIDE:
        return None
    if _THE_CITY.search(sentence) is None:
        return None
    before = [p for p in usable if p.end <= start and _kind(p) == "city"]
    if dateline is not None:
        before.append(dateline)
    town = max(before, key=lambda p: p.start, default=None)
    if town is None or not _holds(named, town):
        return None
    return _location(town, precision=1)


def _said_where(place: Place, text: str) -> bool:
    """Whether the text introduces the place as where something happened ("in X", "the village
    of X", "X village")."""
    before = text[max(0, place.start - 40) : place.start]
    after = text[place.end : place.end + 12].lower()
    if _WHERE.search(before) or _STRUCK.search(before):
        return True
    return after.lstrip().startswith(_SETTLEMENT_AFTER)


def _stand_in(
    missing: Place, in_sentence: list[Place], *, text: str, dateline: Place | None = None
) -> Location | None:
    """The event took place at ``missing``, a place the gazetteer lacks. A town written right
    beside it ("X near Y", "X in Y", "X, Y", "X union (Y, Z)") stands in for it at precision 2;
    else the town of the dateline when it lies in the areas the sentence names (a local paper's
    "in limbayat area" of its own town), at precision 2; else the most specific area the
    sentence names (admin2 at precision 2, larger areas at 3); else a town elsewhere in the
    sentence at precision 3. Never a town at precision 1."""
    towns = [p for p in in_sentence if _kind(p) in ("city", "landmark")]
    beside = [
        p
        for p in towns
        if p.start > missing.end and _BESIDE.match(text[missing.end : p.start]) is not None
    ]
    if beside:
        town = min(beside, key=lambda p: p.start)
        note = f"'{missing.text}' is not in the gazetteer; located by {town.name}"
        return _location(town, precision=2, keep_id=False, note=note)
    areas = [p for p in in_sentence if _kind(p) in _AREAS]
    if not towns and dateline is not None and all(_holds(area, dateline) for area in areas):
        return _by_dateline(missing, dateline)
    if areas:
        area = min(areas, key=lambda p: (_AREAS.index(_kind(p) or ""), abs(p.start - missing.end)))
        precision = 2 if _kind(area) == "admin2" else 3
        note = f"'{missing.text}' is not in the gazetteer; located by the area it is in, "
        return _location(area, precision=precision, note=note + str(area.name))
    if not towns:
        return None
    town = min(towns, key=lambda p: abs(p.start - missing.end))
    note = f"'{missing.text}' is not in the gazetteer; located by {town.name}"
    return _location(town, precision=3, keep_id=False, note=note)


def _dateline_town(places: Sequence[Place], usable: Sequence[Place]) -> Place | None:
    """The town the article's dateline names (where the reporter files from), if it lies in the
    country most of the article's places are in, or the article names no other place: a story
    filed from Seoul about a siege in Algeria is not placed in Seoul."""
    town = next(
        (p for p in places if p.role == "dateline" and p.resolved and _kind(p) == "city"), None
    )
    counts = Counter(p.country for p in usable if p.country)
    if town is None or not counts:
        return town
    top = max(counts.values())
    return town if town.country is not None and counts[town.country] == top else None


def _holds(area: Place | None, town: Place) -> bool:
    """Whether ``area`` (None: no area at all) may hold ``town``: the same country, and the
    same first-level area where the area is one or below one."""
    if area is None:
        return True
    if area.country != town.country:
        return False
    return _kind(area) in WIDE or area.admin1 is None or area.admin1 == town.admin1


def _by_dateline(missing: Place, dateline: Place) -> Location:
    """A local place the gazetteer lacks, placed by the town the report is filed from: a weak
    hint, so precision 2 (part of that town's area) and never its id."""
    note = f"'{missing.text}' is not in the gazetteer; located by the dateline's town"
    return _location(dateline, precision=2, keep_id=False, note=f"{note}, {dateline.name}")


def _kind(place: Place) -> str | None:
    """The place's kind, with regions that span countries ("Sahel") as wide as a continent."""
    kind = kind_of(place)
    return "continent" if kind == "region" and place.country is None else kind


def _unknown_inside(places: Sequence[Place], area: Place, *, text: str) -> Place | None:
    """The unresolved name that ``area`` is written after as its area: "Kieme (Djibasso, Kossi)"."""
    for place in places:
        if not place.resolved and place.end <= area.start:
            between = text[place.end : area.start]
            if _AREAS_BETWEEN.match(between):
                return place
    return None


def _rank(place: Place, text: str) -> tuple[int, int, int]:
    """Most specific first; among equals, a place introduced as where ("in", "near") before
    one named otherwise, then one named as an origin ("from") or as an end of a route ("the
    Dhaka-Mymensingh highway"), and last one that only describes something ("the
    Ahmedabad-bound train"). A place the text says the event is coded as comes before all ("a
    union, Comilla Adarsha Sadar (coded as Comilla, Chittagong)")."""
    kind = _kind(place) or "city"
    order = SPECIFICITY.index(kind) if kind in SPECIFICITY else len(SPECIFICITY)
    before = text[max(0, place.start - 40) : place.start]
    if _CODED.search(before):
        return -1, 0, place.start
    if _DESCRIBES.match(text[place.end : place.end + 12]):
        cue = 3
    elif _ROAD_END_AFTER.match(text, place.end) or _ROAD_END_BEFORE.search(before):
        cue = 2  # "the Dhaka-Mymensingh highway": the towns a road joins, not where it is
    elif _FROM.search(before):
        cue = 2
    elif _WHERE.search(before):
        cue = 0
    else:
        cue = 1
    return order, cue, place.start


def _location_at_place(
    place: Place, in_sentence: list[Place], *, text: str, start: int, end: int
) -> Location:
    """Where the event is when the text puts it at ``place``: the place itself, a midpoint
    between it and a partner, or an offset from it ("20 km north of ...")."""
    kind = _kind(place) or "city"
    before, after = text[start : place.start], text[place.end : end]
    partner = next((p for p in in_sentence if p.start > place.end), None)
    if partner is not None and is_between(before, text[place.end : partner.start]):
        lat, lon = midpoint(
            place.latitude or 0.0,
            place.longitude or 0.0,
            partner.latitude or 0.0,
            partner.longitude or 0.0,
        )
        return _location(
            place,
            precision=2,
            point=(lat, lon),
            keep_id=False,
            note=f"midpoint between {place.name} and {partner.name}",
        )
    rel = relation(before, after)
    precision = _PRECISION.get(kind, 3)
    if rel.kind == "offset" and rel.km is not None and rel.bearing is not None:
        lat, lon = destination(
            place.latitude or 0.0, place.longitude or 0.0, bearing=rel.bearing, km=rel.km
        )
        return _location(
            place,
            precision=2,
            point=(lat, lon),
            keep_id=False,
            note=f"{rel.km:g} km {rel.direction} of {place.name}",
        )
    if rel.kind in ("near", "part"):
        precision = max(precision, 2)
    return _location(place, precision=precision)


def _context_place(
    places: list[Place], *, country: str | None, text: str = "", dateline: Place | None = None
) -> Place | None:
    """The specific place the article mentions most, in ``country`` if given; on a tie, one in
    the country the article names most places of (not "Turi" of a list of clan names, in
    Estonia, among the districts of Bangladesh), then the earliest. A place named only as where
    someone comes from ("a woman from Guantanamo") is no candidate while another is; the
    dateline's town counts as one more mention of its name (a weak hint: it breaks ties)."""
    specific = [
        p for p in places if _kind(p) not in WIDE and (country is None or p.country == country)
    ]
    where = [p for p in specific if not _FROM.search(text[max(0, p.start - 40) : p.start])]
    specific = where or specific
    if not specific:
        return None
    counts = Counter(p.name for p in specific)
    if dateline is not None and dateline.name in counts:
        counts[dateline.name] += 1
    countries = Counter(p.country for p in specific)
    return min(specific, key=lambda p: (-counts[p.name], -countries[p.country], p.start))


def _any_country(places: Sequence[Place]) -> Place | None:
    """A country the article names (even as a metonym), else any resolved place's country."""
    resolved = [p for p in places if p.resolved and p.country]
    return min(resolved, key=lambda p: (_kind(p) != "country", p.start), default=None)


def _location(
    place: Place,
    *,
    precision: int,
    point: tuple[float, float] | None = None,
    keep_id: bool = True,
    note: str | None = None,
) -> Location:
    if _kind(place) in WIDE:
        return _country_level(place, note=note)
    lat, lon = point if point is not None else (place.latitude, place.longitude)
    return Location(
        name=place.name,
        country=place.country,
        admin1=place.admin1,
        admin2=place.admin2 if isinstance(place, GeoPlace) else None,
        latitude=lat,
        longitude=lon,
        geo_precision=precision,
        geonameid=place.geonameid if keep_id else None,
        note=note,
    )


def _country_level(place: Place, *, note: str | None) -> Location:
    """The country a place is in, at its country point when the place is the country itself."""
    own = _kind(place) == "country"
    return Location(
        name=place.country,
        country=place.country,
        latitude=place.latitude if own else None,
        longitude=place.longitude if own else None,
        geo_precision=3,
        geonameid=place.geonameid if own else None,
        note=note,
    )
