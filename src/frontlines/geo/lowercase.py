"""Place names in a text written all in lower case ("police fired at a mob in limbayat area of
surat"), where spaCy's entities and the capitalised runs of ``detect`` find next to nothing.

A lower-case word is taken as a place only where the words around it say "place": a locative
word before it ("in godhra", "to surat") or a settlement or area word after it ("godhra
municipality", "limbayat area"). It must name, exactly and by its main name, a town or area of
the article's home country: the country its other places (the dateline among them) point to,
so that an English word that is also a village abroad ("front", "charge") is never read as one.
A name the gazetteer lacks, set between a locative word and an area word ("in limbayat area"),
is listed unresolved, as where the event happened, for ``locate`` to place by what holds it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from frontlines.geo.detect import ADMIN_WORDS, SETTLEMENT_WORDS, Mention
from frontlines.geo.entry import MATCH_FOLD, NAME_MAIN, Candidate
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.intervals import Intervals

MIN_WORDS = 40
_SENTENCE_START = re.compile(r"[.!?]\s+([^\W\d_])")
MAX_CAPITALISED = 0.05  # lower-case text: at most this share of its words capitalised (prose: 0.1+)
BEFORE = frozenset({"in", "at", "near", "to", "from", "outside", "into", "towards", "around"})
AFTER = ADMIN_WORDS | SETTLEMENT_WORDS | {"area", "areas", "taluka", "police"}
# Parts of speech a place name never takes, whatever the tagger makes of a lower-case text.
NOT_NAMES = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "NUM", "ADV", "CCONJ", "SCONJ", "PART"})
LOCAL_KINDS = frozenset({"city", "admin2", "admin1"})
MIN_POPULATION = 5_000  # after "in"/"to" alone, a place this large: not a hamlet's namesake


def is_lower_case(text: str) -> bool:
    """Whether ``text`` is written in lower case (a police record, a stripped feed): few of its
    words capitalised (page furniture aside), and its sentences open in lower case."""
    words = [word for word in text.split() if word[:1].isalpha()]
    if len(words) < MIN_WORDS:
        return False
    starts = [match.group(1) for match in _SENTENCE_START.finditer(text)]
    lower_starts = sum(start.islower() for start in starts)
    return sum(word[0].isupper() for word in words) <= MAX_CAPITALISED * len(
        words
    ) and lower_starts * 2 > len(starts)


def home_country(codes: Iterable[str | None]) -> str | None:
    """The country code most of the article's resolved places (dateline included) are in."""
    counts = Counter(code for code in codes if code)
    return counts.most_common(1)[0][0] if counts else None


def lower_case_mentions(
    parse: Any, *, gazetteer: Gazetteer, home: str, taken: Iterable[tuple[int, int]]
) -> list[Mention]:
    """Lower-case place names of the ``home`` country (ISO code) that the words around them
    call places, outside the ``taken`` spans."""
    accepted = Intervals(taken)
    found: list[Mention] = []
    for span, before, after in _spans(parse):
        start, end = span.start_char, span.end_char
        if accepted.overlaps(start, end) or not _could_be_a_name(span, gazetteer):
            continue
        hint = "admin" if after in ADMIN_WORDS else "city" if after in AFTER else None
        home_readings = [c for c in gazetteer.lookup(span.text) if _local(c, home)]
        if home_readings and (
            hint is not None or any(c.entry.population >= MIN_POPULATION for c in home_readings)
        ):
            found.append(Mention(start, end, span.text, "", hint, root=span.root))
            accepted.append((start, end))
        elif before is not None and after in AFTER and len(span) == 1:
            # "in limbayat area": a local place the gazetteer lacks, said to be where.
            found.append(Mention(start, end, span.text, "", "city", root=span.root))
            accepted.append((start, end))
    return found


def _spans(parse: Any) -> Iterator[tuple[Any, str | None, str]]:
    """One- and two-word spans with a cue: (span, the locative word before or None, the word
    after); two-word spans first, so that "new delhi" is tried before "delhi"."""
    for size in (2, 1):
        for i in range(len(parse) - size + 1):
            span = parse[i : i + size]
            j = i - 2 if i > 1 and parse[i - 1].lower_ == "the" else i - 1  # "in the X area"
            before = parse[j].lower_ if j >= 0 else ""
            after = parse[i + size].lower_ if i + size < len(parse) else ""
            if before in BEFORE or after in AFTER:
                yield span, (before if before in BEFORE else None), after


def _could_be_a_name(span: Any, gazetteer: Gazetteer) -> bool:
    return (
        all(token.is_alpha and token.is_lower and len(token) > 2 for token in span)
        and not any(token.is_stop or token.pos_ in NOT_NAMES for token in span)
        and span[-1].lower_ not in AFTER
        and not gazetteer.is_stopword(span.text)
    )


def _local(candidate: Candidate, home: str) -> bool:
    return (
        candidate.match == MATCH_FOLD
        and candidate.name_kind == NAME_MAIN
        and candidate.entry.country_code == home
        and candidate.entry.kind in LOCAL_KINDS
    )
