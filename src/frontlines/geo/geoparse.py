"""Geoparsing: place mentions found in a parse (or given as spans), resolved in context."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from frontlines.document import Mask
from frontlines.geo.detect import Mention, find_mentions, proper_name, said_to_be_a_place
from frontlines.geo.furniture import furniture_mentions
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.lowercase import home_country, is_lower_case, lower_case_mentions
from frontlines.geo.metonym import is_metonym
from frontlines.geo.names import fold
from frontlines.geo.place import GeoPlace
from frontlines.geo.rank import Resolution, resolve

_COMPASS = frozenset({"north", "south", "east", "west"})
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")


def find_places(
    parse: Any,
    *,
    text: str,
    gazetteer: Gazetteer,
    demonyms: bool = False,
    masks: Sequence[Mask] = (),
) -> list[GeoPlace]:
    """The places a parsed text names, in text order. Demonyms ("Syrian") inform the ranking
    and are listed (role "demonym") only when ``demonyms`` is true; unresolved names are listed
    unresolved. The masked dateline and headline (``masks``) are searched too
    (``furniture``)."""
    mentions = find_mentions(parse, gazetteer=gazetteer)
    if masks:
        body = frozenset(fold(m.key) for m in mentions if not m.demonym)
        mentions += furniture_mentions(text, masks, gazetteer=gazetteer, body_names=body)
        mentions.sort(key=lambda m: m.start)
    mentions = [m for m in mentions if not part_suffix(text, m.start, m.end)]
    if is_lower_case(text):
        mentions += _lower_case(parse, mentions, text=text, gazetteer=gazetteer)
        mentions.sort(key=lambda m: m.start)
    resolutions = resolve(mentions, text=text, gazetteer=gazetteer)
    return [
        to_place(resolution, text=text)
        for resolution in resolutions
        if _keep(resolution, demonyms=demonyms, text=text)
    ]


def part_suffix(text: str, start: int, end: int) -> bool:
    """Whether a name is the compass word of an area's part ("East" of "Yangon-East district"):
    no place of its own."""
    if text[start:end].lower() not in _COMPASS or not text[:start].endswith("-"):
        return False
    before = _WORD_BEFORE.search(text, 0, start - 1)
    return before is not None and before.group(0).lower() not in _COMPASS


def _lower_case(
    parse: Any, mentions: list[Mention], *, text: str, gazetteer: Gazetteer
) -> list[Mention]:
    """In a lower-case text, the names of the home country's places that the words around them
    call places (``lowercase``); the home country is where the places found so far are."""
    found = resolve(mentions, text=text, gazetteer=gazetteer)
    home = home_country(r.entry.country_code for r in found if r.entry and not r.mention.demonym)
    if home is None:
        return []
    taken = [(m.start, m.end) for m in mentions]
    return lower_case_mentions(parse, gazetteer=gazetteer, home=home, taken=taken)


def _keep(resolution: Resolution, *, demonyms: bool, text: str) -> bool:
    """Demonyms only when asked for; unresolved names only where the text called it a place
    ("X province", "the village of X"), or spaCy saw a place-name (GPE) and the words around it
    say place ("in X", "X (Y, Z)"): not LOC/FAC guesses ("the Arab Spring"), nor a name spaCy
    misread as a place where nothing says so ("lease with Titan", "Pawlenty's proposal")."""
    mention = resolution.mention
    if mention.demonym:
        return demonyms and resolution.entry is not None
    if resolution.entry is not None or mention.hint is not None or mention.street:
        return True
    return mention.label == "GPE" and said_to_be_a_place(text, mention.start, mention.end)


def resolve_spans(
    spans: Iterable[tuple[int, int]], *, text: str, gazetteer: Gazetteer
) -> list[GeoPlace]:
    """Resolve given spans of ``text`` (gold toponyms, say) without a parse; no metonym roles.
    The places come in text order, whatever order the spans came in: the rules that read a
    name beside the next ("Lewisburg, West Virginia") need their neighbours in order."""
    mentions = [
        Mention(start, end, text[start:end], "GPE", name=proper_name(text[start:end], gazetteer))
        for start, end in sorted(spans)
    ]
    return [to_place(r, text=text) for r in resolve(mentions, text=text, gazetteer=gazetteer)]


def to_place(resolution: Resolution, *, text: str) -> GeoPlace:
    mention, entry = resolution.mention, resolution.entry
    if entry is None:
        role = "street" if mention.street else "place"
        return GeoPlace(text=mention.text, start=mention.start, end=mention.end, role=role)
    if mention.demonym:
        role = "demonym"
    elif mention.dateline:
        role = "dateline"
    elif is_metonym(mention, entry, text=text):
        role = "metonym"
    else:
        role = "place"
    return GeoPlace(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        name=entry.name,
        country=entry.country,
        admin1=entry.admin1,
        latitude=entry.latitude,
        longitude=entry.longitude,
        geonameid=entry.geonameid,
        role=role,
        kind=entry.kind,
        admin2=entry.admin2,
        country_code=entry.country_code,
    )
