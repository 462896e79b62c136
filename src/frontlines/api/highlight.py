"""Evidence sentences and what to highlight in them, as offsets into the article text.

Actors, places, evidence, claims and framing come with offsets from the analysis. The contract
gives dates and quantities no offsets, so in an evidence sentence they are found by pattern:
day and month names, ISO dates and relative days; numbers in digits or words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from frontlines.api.payloads import HighlightOut, SentenceOut
from frontlines.model import Analysis, Mention

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)|\n\s*\n")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
DATE_PATTERN = re.compile(
    rf"\b(?:(?:early |late |last |this |on )?(?:{_WEEKDAYS})"
    r"(?: (?:morning|afternoon|evening|night))?"
    rf"|\d{{1,2}} (?:{_MONTHS})(?: \d{{4}})?|(?:{_MONTHS}) \d{{1,2}}(?:, \d{{4}})?"
    rf"|(?:early |mid-|late )?(?:{_MONTHS})(?: \d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}"
    r"|yesterday|today|last night|overnight|this morning|earlier this week|last week)\b"
)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    "|hundred|a dozen|dozens|scores|hundreds|thousands"
)
QUANTITY_PATTERN = re.compile(
    r"\b(?:(?:at least|more than|over|about|around|nearly|almost|some|up to) )?"
    rf"(?:\d[\d,.]*|(?:{_NUMBER_WORDS})(?:[- ](?:{_NUMBER_WORDS}))*)\b",
    re.IGNORECASE,
)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or sentences) around ``text[start:end]``, without the space around it."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    after = _SENTENCE_END.search(text, max(end - 1, begin))
    finish = after.end() if after else len(text)
    while finish > end and text[finish - 1].isspace():
        finish -= 1
    while begin < start and text[begin].isspace():
        begin += 1
    return begin, finish


def evidence_sentences(analysis: Analysis, evidence: Iterable[Mention]) -> list[SentenceOut]:
    """Each evidence sentence once, in text order, with every highlight inside it."""
    text = analysis.article.text
    bounds = sorted({sentence_bounds(text, m.start, m.end) for m in evidence})
    spans = [*article_highlights(analysis, with_events=False), *(_evidence(m) for m in evidence)]
    sentences = []
    for start, end in bounds:
        inside = [h for h in spans if h.start >= start and h.end <= end]
        inside.extend(_patterns(text, start, end))
        inside.sort(key=lambda h: (h.start, -h.end, h.kind))
        sentences.append(SentenceOut(start=start, end=end, text=text[start:end], highlights=inside))
    return sentences


def article_highlights(analysis: Analysis, *, with_events: bool = True) -> list[HighlightOut]:
    """Every span the analysis found in the article, sorted by position."""
    found: list[HighlightOut] = []
    for actor in analysis.actors:
        found.extend(
            _span("actor", m.text, m.start, m.end, label=actor.name, ref=actor.id)
            for m in actor.mentions
        )
    for place in analysis.places:
        label = ", ".join(part for part in (place.name, place.country) if part) or None
        found.append(_span("place", place.text, place.start, place.end, label=label))
    for claim in analysis.claims:
        found.append(_span("claim", claim.text, claim.start, claim.end, label=claim.source))
    for framing in analysis.framing:
        found.append(_span("framing", framing.text, framing.start, framing.end, label=framing.kind))
    if with_events:
        for event in analysis.events:
            label = event.sub_event_type or event.event_type or "event"
            found.extend(
                _span("evidence", m.text, m.start, m.end, label=label, ref=event.id)
                for m in event.evidence
            )
    return sorted(found, key=lambda h: (h.start, -h.end, h.kind))


def _evidence(mention: Mention) -> HighlightOut:
    return _span("evidence", mention.text, mention.start, mention.end)


def _patterns(text: str, start: int, end: int) -> Iterator[HighlightOut]:
    for kind, pattern in (("date", DATE_PATTERN), ("quantity", QUANTITY_PATTERN)):
        for match in pattern.finditer(text, start, end):
            yield _span(kind, match.group(), match.start(), match.end())


def _span(
    kind: str, text: str, start: int, end: int, *, label: str | None = None, ref: str | None = None
) -> HighlightOut:
    return HighlightOut.model_validate(
        {"kind": kind, "text": text, "start": start, "end": end, "label": label, "ref": ref}
    )
