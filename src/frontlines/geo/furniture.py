"""Places in the page furniture that the clean-up masks from the narrative: the dateline and the
headline.

A dateline ("KHARKIV, Ukraine (Reuters) -", "ahmedabad: ") names where the reporter files from:
its place is listed with role "dateline", a weak hint for the ranking (its country counts among
the article's), never an event's location. A headline in title case ("Car Bomb Kills 12 in
Kandahar Market") is masked and never parsed, so its place names are found here without a
parse: a run of capitalised words the gazetteer knows, kept when a locative word stands before
it ("in", "near"), when it names a country, a first-level area or a capital, or when the body
names it too. Weapons, units and stop-listed words are left out as in the narrative.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from frontlines.document import Mask
from frontlines.geo.detect import LOCATIVE, Mention
from frontlines.geo.entry import MATCH_FOLD, MATCH_LIGHT, NAME_DEMONYM
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.names import fold
from frontlines.geo.not_places import names_a_weapon_or_unit

MAX_WORDS = 4
# The words of a masked stretch: capitalised or not, with inner dots, hyphens and apostrophes.
_WORD = re.compile(r"[^\W\d_][\w'’.-]*[\w.]|[^\W\d_]")
# The name a dateline opens with (after a leading dash, "-SEOUL —"): up to a comma, a bracket,
# a dash or a colon.
_DATELINE_NAME = re.compile(r"[\s-]*([^\W\d_][^,(:\n—–-]*?)\s*(?:,|\(|:|[—–-])")
# The state or country after a dateline's town ("COLUMBIA, Ky. (WBKO) -", "KHARKIV, Ukraine -"):
# up to two capitalised words, then a bracket or a dash.
_DATELINE_AREA = re.compile(r",\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s*(?:\(|[—–-])")
STRONG_KINDS = frozenset({"country", "admin1"})


def furniture_mentions(
    text: str, masks: Sequence[Mask], *, gazetteer: Gazetteer, body_names: frozenset[str]
) -> list[Mention]:
    """Place mentions in the masked dateline and headline of ``text``; ``body_names`` are the
    folded names the narrative's places were found under."""
    found: list[Mention] = []
    for mask in masks:
        if mask.reason == "dateline":
            found.extend(_dateline(text, mask, gazetteer=gazetteer))
        elif mask.reason == "headline":
            found.extend(_headline(text, mask, gazetteer=gazetteer, body_names=body_names))
    return found


def _dateline(text: str, mask: Mask, *, gazetteer: Gazetteer) -> Iterator[Mention]:
    """The dateline's town, and the state or country written after it ("COLUMBIA, Ky.") where
    the gazetteer holds that as a country or a first-level area: both say where the reporter
    is."""
    match = _DATELINE_NAME.match(text, mask.start, mask.end)
    if match is None:
        return
    start, end = match.span(1)
    name = text[start:end]
    if not _known(name, gazetteer):
        return
    yield Mention(start, end, name, "", "city", dateline=True)
    area = _DATELINE_AREA.match(text, end, mask.end)
    if area is None:
        return
    start, end = area.span(1)
    name = text[start:end]
    if not gazetteer.is_stopword(name) and any(
        c.match <= MATCH_LIGHT and c.entry.kind in STRONG_KINDS for c in gazetteer.lookup(name)
    ):
        yield Mention(start, end, name, "", "admin", dateline=True)


def _headline(
    text: str, mask: Mask, *, gazetteer: Gazetteer, body_names: frozenset[str]
) -> Iterator[Mention]:
    words = list(_WORD.finditer(text, mask.start, mask.end))
    taken = -1
    for first in range(len(words)):
        if words[first].start() < taken or not words[first].group()[0].isupper():
            continue
        for size in range(min(MAX_WORDS, len(words) - first), 0, -1):
            run = words[first : first + size]
            if not all(word.group()[0].isupper() for word in run):
                continue
            start, end = run[0].start(), run[-1].end()
            if text[end - 1] == "." and not _known(text[start:end], gazetteer):
                end -= 1  # a headline's final stop
            name = text[start:end]
            before = words[first - 1].group().lower() if first > 0 else ""
            if _headline_place(name, before, gazetteer=gazetteer, body_names=body_names) and (
                not names_a_weapon_or_unit(text, start, end)
            ):
                taken = end
                yield Mention(start, end, name, "")
                break


def _headline_place(
    name: str, before: str, *, gazetteer: Gazetteer, body_names: frozenset[str]
) -> bool:
    if gazetteer.is_stopword(name):
        return False
    candidates = [
        c for c in gazetteer.lookup(name) if c.match <= MATCH_LIGHT and c.name_kind != NAME_DEMONYM
    ]
    if not candidates:
        return False
    if before in LOCATIVE or fold(name) in body_names:
        return True
    if len(name) <= 4 and not name.isupper():
        return False  # "Car" is not "CAR", the Central African Republic
    return any(
        c.match == MATCH_FOLD and (c.entry.kind in STRONG_KINDS or c.entry.capital_of)
        for c in candidates
    )


def _known(name: str, gazetteer: Gazetteer) -> bool:
    return not gazetteer.is_stopword(name) and any(
        c.match <= MATCH_LIGHT and c.name_kind != NAME_DEMONYM for c in gazetteer.lookup(name)
    )
