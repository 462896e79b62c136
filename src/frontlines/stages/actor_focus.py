"""The article's focus country: the one its places and demonyms point to most.

The dateline's town counts as a demonym does (a weak hint: where the reporter files from). In a
text written all in lower case ("police fired at a mob in surat"), demonyms count in lower case
too ("indian"), except the ones that are also common words ("us").
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from frontlines.document import Document
from frontlines.geo.lowercase import is_lower_case
from frontlines.kb import Countries, fold

PLACE_LABELS = frozenset({"GPE", "LOC"})
# A place in a country counts more than an adjective: "Russian forces in Syria" is about Syria.
PLACE_WEIGHT = 2
DATELINE_WEIGHT = 1
# Demonyms that are common words when written in lower case.
LOWER_CASE_WORDS = frozenset({"us", "french", "china", "turkey", "swiss", "dutch"})


def focus_country(doc: Document, *, countries: Countries) -> str | None:
    """The country most mentioned as a place (x2) or by demonym (x1); earliest on a tie."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for start, country, weight in _country_mentions(doc, countries=countries):
        counts[country] += weight
        first.setdefault(country, start)
    if not counts:
        return None
    return max(counts, key=lambda name: (counts[name], -first[name]))


def _country_mentions(doc: Document, *, countries: Countries) -> list[tuple[int, str, int]]:
    found: list[tuple[int, str, int]] = []
    place_starts = set()
    places = [place for place in doc.places if place.role not in ("demonym", "dateline")]
    for place in doc.places:
        country = countries.canonical(place.country) if place.country else None
        if place.role == "dateline" and country:
            found.append((place.start, country, DATELINE_WEIGHT))
    for place in places:
        if place.role == "metonym":
            continue
        country = countries.canonical(place.country) if place.country else None
        if country is None:
            known = countries.get(place.text)
            country = known.name if known else None
        if country:
            found.append((place.start, country, PLACE_WEIGHT))
            place_starts.add(place.start)
    parse: Any = doc.parse
    if parse is None:
        return found
    if not places:
        for ent in parse.ents:
            known = countries.get(ent.text) if ent.label_ in PLACE_LABELS else None
            if known:
                found.append((ent.start_char, known.name, PLACE_WEIGHT))
                place_starts.add(ent.start_char)
    lower_case = is_lower_case(doc.text)
    for token in parse:
        if token.idx in place_starts or _links(token):
            continue
        # Demonyms are compared with their case: "US" is a demonym, "us" a pronoun; in a
        # lower-case text "indian" is one too.
        if not token.text[:1].isupper() and not (
            lower_case and token.is_lower and token.text not in LOWER_CASE_WORDS
        ):
            continue
        by_demonym = countries.by_demonym(token.text)
        if by_demonym is None:
            continue
        written = {fold(d).lower() if lower_case else fold(d) for d in by_demonym.demonyms}
        if fold(token.text) in written:
            found.append((token.idx, by_demonym.name, 1))
    return found


def _links(token: Any) -> bool:
    """ "Turkish-backed": a demonym naming an outside backer, not where the story is."""
    doc = token.doc
    return bool(
        token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and doc[token.i + 2].lower_.endswith("ed")
    )
