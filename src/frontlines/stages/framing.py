"""Loaded, euphemistic and dehumanising wording, flagged with offsets (lexicon:
lexicons/en/framing.yaml). Misspelt loaded words ("atrocitus") match at one edit; adjacent
flags merge ("atrocitus bloody", "Kremlin-controlled mercenary")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from spacy.matcher import PhraseMatcher

from frontlines.document import NO_OPTIONS, Document, StageConfig
from frontlines.lexicons import load_lexicon
from frontlines.model import Framing
from frontlines.stages.resources import Resources

KINDS = ("loaded", "euphemism", "dehumanising")
# Misspellings are looked for only in long words, where one edit rarely makes another word.
FUZZY_MIN_LENGTH = 8
NEAR = 3


@dataclass(frozen=True, slots=True)
class Term:
    term: str
    kind: str
    only_near: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()


@dataclass
class FramingStage:
    nlp: Any = field(repr=False)
    lexicon: Mapping[str, Any] = field(repr=False)
    name: str = "framing"
    version: str = "1"
    requires: tuple[str, ...] = ("article", "parse")
    assigns: tuple[str, ...] = ("framing",)

    def __post_init__(self) -> None:
        self.terms = read_terms(self.lexicon)
        self._words = {
            t.term.lower(): t for t in self.terms if " " not in t.term and "-" not in t.term
        }
        self._phrases = {t.term.lower(): t for t in self.terms if t.term.lower() not in self._words}
        self._matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for key in self._phrases:
            self._matcher.add(key, [self.nlp.make_doc(key)])
        self._fuzzy = [w for w in self._words if len(w) >= FUZZY_MIN_LENGTH]

    def __call__(self, doc: Document) -> Document:
        parse = doc.parse
        hits = sorted(set(self._hits(parse)))
        framing = [
            Framing(text=doc.text[start:end], start=start, end=end, kind=kind)
            for start, end, kind in _merge(parse, hits)
        ]
        doc.framing = framing
        return doc

    def _hits(self, parse: Any) -> Iterator[tuple[int, int, str]]:
        """(first token, end token, kind) of every flagged word or phrase."""
        for match_id, start, end in self._matcher(parse):
            term = self._phrases[parse.vocab.strings[match_id]]
            if self._fits(parse, start, end, term):
                yield start, end, term.kind
        for token in parse:
            word = self._word_term(token)
            if word is not None and self._fits(parse, token.i, token.i + 1, word):
                yield token.i, token.i + 1, word.kind

    def _word_term(self, token: Any) -> Term | None:
        term = self._words.get(token.lower_) or self._words.get(token.lemma_.lower())
        if term is None and len(token) >= FUZZY_MIN_LENGTH and token.is_alpha:
            fuzzy = (w for w in self._fuzzy if _one_edit(token.lower_, w))
            term = self._words.get(next(fuzzy, ""))
        return term

    def _fits(self, parse: Any, start: int, end: int, term: Term) -> bool:
        tokens = parse[start:end]
        # "Liberation Army", "Martyrs Brigade": part of a name, not the writer's word.
        in_name = all(t.is_title for t in tokens if t.is_alpha) and not tokens[0].is_sent_start
        if in_name and term.term[:1].islower():
            return False
        if term.not_after and start > 0 and parse[start - 1].lower_ in term.not_after:
            return False
        if term.only_near:
            window = parse[max(0, start - NEAR) : min(len(parse), end + NEAR)]
            return any(t.lower_ in term.only_near for t in window)
        return True


def read_terms(lexicon: Mapping[str, Any]) -> tuple[Term, ...]:
    terms = []
    for kind in KINDS:
        for entry in lexicon.get(kind) or ():
            if isinstance(entry, str):
                terms.append(Term(term=entry, kind=kind))
                continue
            terms.append(
                Term(
                    term=str(entry["term"]),
                    kind=kind,
                    only_near=frozenset(str(w).lower() for w in entry.get("only_near") or ()),
                    not_after=frozenset(str(w).lower() for w in entry.get("not_after") or ()),
                )
            )
    return tuple(terms)


def _merge(parse: Any, hits: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, str]]:
    """Character spans of the hits, adjacent or overlapping ones of one kind joined."""
    current: list[int | str] | None = None
    for start, end, kind in hits:
        if current is not None and current[2] == kind and start <= int(current[1]):
            current[1] = max(int(current[1]), end)
            continue
        if current is not None:
            yield _chars(parse, int(current[0]), int(current[1]), str(current[2]))
        current = [start, end, kind]
    if current is not None:
        yield _chars(parse, int(current[0]), int(current[1]), str(current[2]))


def _chars(parse: Any, start: int, end: int, kind: str) -> tuple[int, int, str]:
    last = parse[end - 1]
    return parse[start].idx, last.idx + len(last), kind


def _one_edit(word: str, term: str) -> bool:
    """True when ``word`` is ``term`` with one letter changed, added or dropped, away from the
    last two letters (where an edit is an inflection: "terrorism", "crusades")."""
    if word == term or abs(len(word) - len(term)) > 1 or word[:3] != term[:3]:
        return False
    if word[-2:] != term[-2:]:
        return False
    if len(word) == len(term):
        return sum(a != b for a, b in zip(word, term, strict=True)) == 1
    shorter, longer = sorted((word, term), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def make_stage(*, resources: Resources, config: StageConfig = NO_OPTIONS) -> FramingStage:
    return FramingStage(
        nlp=resources.nlp, lexicon=load_lexicon("framing", folder=resources.language.lexicon_folder)
    )
