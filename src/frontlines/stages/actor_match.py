"""Where actors are named: knowledge-base names, descriptors, and demonym phrases.

The matcher only finds spans and says how each names an actor; ``actor_resolve`` decides which
actor that is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.matcher import PhraseMatcher

from frontlines.kb import ActorKB, fold, normalise
from frontlines.lexicons import words

HYPHENS = frozenset({"-", "‐", "‑"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """Tokens ``start:end`` name an actor ``how``: kb, descriptor, forces, government, rebels,
    state (the country itself), person_forces, person_government or collective; ``key`` is the
    country, person id or collective word the rule found."""

    start: int
    end: int
    how: str
    key: str = ""

    @property
    def priority(self) -> int:
        return {"kb": 0, "descriptor": 1}.get(self.how, 2)


@dataclass(frozen=True, slots=True)
class ActorWords:
    force_modifiers: frozenset[str]
    force_nouns: frozenset[str]
    support_nouns: frozenset[str]
    support_modifiers: frozenset[str]
    government_nouns: frozenset[str]
    rebel_nouns: frozenset[str]
    link_suffixes: frozenset[str]
    locative_words: frozenset[str]
    geo_nouns: frozenset[str]
    address_verbs: frozenset[str]
    place_suffixes: frozenset[str]
    collectives: Mapping[str, Mapping[str, Any]]

    @classmethod
    def from_lexicon(cls, data: Mapping[str, Any]) -> ActorWords:
        names = [name for name in cls.__dataclass_fields__ if name != "collectives"]
        collectives = {str(c["word"]).lower(): c for c in data.get("collectives") or ()}
        return cls(**{name: words(data, name) for name in names}, collectives=collectives)


class ActorMatcher:
    """Finds candidate actor spans in a parsed document."""

    def __init__(self, *, nlp: Any, kb: ActorKB, lexicon: Mapping[str, Any]) -> None:
        self.kb = kb
        self.words = ActorWords.from_lexicon(lexicon)
        self._names = PhraseMatcher(nlp.vocab, attr="LOWER")
        surfaces = [surface for surface, _ in kb.surfaces()]
        self._names.add("kb", list(nlp.tokenizer.pipe(_variants(surfaces))))
        phrases = [descriptor.phrase for descriptor in kb.descriptors]
        self._names.add("descriptor", list(nlp.tokenizer.pipe(_variants(phrases))))
        self._demonyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        adjectives = {adj for country in kb.countries for adj in country.adjectives}
        self._demonyms.add("demonym", list(nlp.tokenizer.pipe(_variants(adjectives))))
        # Acronyms match only in capitals ("IS" is not "is"), capitalised names only capitalised.
        self._upper = {normalise(s) for s in surfaces if s.isupper()}
        self._capital = {normalise(s) for s in surfaces if s[:1].isupper()}
        self._capital -= {normalise(s) for s in surfaces if not s[:1].isupper()}

    def __call__(self, parse: Any) -> list[Candidate]:
        found: list[Candidate] = []
        for match_id, start, end in self._names(parse):
            label = parse.vocab.strings[match_id]
            span = parse[start:end]
            if label == "kb" and not self.case_fits(span.text):
                continue
            # "military escalation": a one-word descriptor used as an adjective names no one.
            if label == "descriptor" and (
                (len(span) == 1 and _adjectival(span[0])) or _in_name(span)
            ):
                continue
            found.append(Candidate(start, end, label, span.text))
            if label == "kb":
                found.extend(self._person_forces(parse, start, end))
        for _, start, end in self._demonyms(parse):
            country = self.kb.countries.by_demonym(parse[start:end].text)
            if country is not None:
                found.extend(self._after_demonym(parse, start, end, country.name))
        found.extend(self._collectives(parse))
        found.extend(_absorbed(found))
        return select(found)

    def case_fits(self, text: str) -> bool:
        key = normalise(text)
        if key in self._upper and not text.isupper():
            return False
        return not (key in self._capital and not text[:1].isupper())

    def _after_demonym(self, parse: Any, start: int, end: int, country: str) -> Iterator[Candidate]:
        """ "Russian special forces", "Syrian government", "Syrian rebels", "Turkish-backed"."""
        w = self.words
        n = len(parse)
        if end + 1 < n and parse[end].text in HYPHENS and parse[end + 1].lower_ in w.link_suffixes:
            yield Candidate(start, end, "state", country)
            return
        if (
            start >= 2
            and parse[start - 1].text in HYPHENS
            and parse[start - 2].lower_ in {"pro", "anti"}
        ):
            return
        last = self._force_end(parse, end)
        if last:
            yield Candidate(start, last, "forces", country)
        elif end < n and parse[end].lower_ in w.government_nouns:
            yield Candidate(start, end + 1, "government", country)
        elif end < n and parse[end].lower_ in w.rebel_nouns:
            stop = end + 1
            while (
                stop < n
                and stop < end + 3
                and parse[stop].lower_ in w.force_nouns | {"fighters", "groups"}
            ):
                stop += 1
            yield Candidate(start, stop, "rebels", country)

    def _force_end(self, parse: Any, end: int) -> int:
        """The end of "[modifiers] force-noun" starting at ``end``; 0 when there is none."""
        w = self.words
        last = 0
        for j in range(end, min(end + 4, len(parse))):
            word = parse[j].lower_
            supported = j > end and parse[j - 1].lower_ in w.support_modifiers
            if word in w.force_nouns or (word in w.support_nouns and supported):
                last = j + 1
            if word not in w.force_modifiers and word not in w.force_nouns:
                break
        return last

    def _person_forces(self, parse: Any, start: int, end: int) -> Iterator[Candidate]:
        """ "Assad's forces", "the Assad regime": a leader's forces or government."""
        actor = self.kb.lookup(parse[start:end].text)
        if actor is None or actor.kind != "person":
            return
        j = end + 1 if end < len(parse) and parse[end].text in POSSESSIVES else end
        while (
            j < len(parse)
            and j < end + 4
            and parse[j].lower_ in self.words.force_modifiers - self.words.force_nouns
        ):
            j += 1
        if j >= len(parse):
            return
        word = parse[j].lower_
        if word in self.words.force_nouns:
            yield Candidate(start, j + 1, "person_forces", actor.id)
        elif word in self.words.government_nouns:
            yield Candidate(start, j + 1, "person_government", actor.id)

    def _collectives(self, parse: Any) -> Iterator[Candidate]:
        """ "under Western imposed sanctions": a set of governments named by an adjective."""
        for token in parse[:-1]:
            entry = self.words.collectives.get(token.lower_)
            if entry is None or not token.text[:1].isupper():
                continue
            following = {str(word).lower() for word in entry.get("only_before") or ()}
            if not following or parse[token.i + 1].lower_ in following:
                yield Candidate(token.i, token.i + 1, "collective", token.lower_)


def _in_name(span: Any) -> bool:
    """ "Rakhine State", "Free Syrian Army": a capitalised descriptor next to a proper noun."""
    if not span[0].is_title or span[0].is_sent_start:
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return any(t is not None and t.pos_ == "PROPN" and t.is_title for t in (before, after))


def _adjectival(token: Any) -> bool:
    return bool(token.pos_ == "ADJ" or token.dep_ == "amod")


def _absorbed(found: list[Candidate]) -> list[Candidate]:
    """ "Hezbollah fighters", "Hamas officials": a descriptor right after a name belongs to it."""
    names = {c.end: c for c in found if c.how == "kb"}
    return [
        Candidate(names[c.start].start, c.end, "kb", names[c.start].key)
        for c in found
        if c.how == "descriptor" and c.start in names
    ]


def select(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longest first, knowledge base before rules, then earliest."""
    taken: set[int] = set()
    chosen: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        tokens = set(range(candidate.start, candidate.end))
        if tokens & taken:
            continue
        taken |= tokens
        chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def _variants(surfaces: Iterable[str]) -> list[str]:
    """Each surface as written, without a leading "the", folded, and with a curly apostrophe."""
    out: set[str] = set()
    for surface in surfaces:
        base = surface[4:] if surface.lower().startswith("the ") else surface
        for form in (base, fold(base)):
            out.update({form, form.replace("'", "’")})
    return sorted(out)
