"""Who said what: reporting verbs, "according to X", quotes, and unattributed hedges
("reportedly", "is estimated to"), each with its source resolved to an actor's name."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from frontlines.document import NO_OPTIONS, Document, StageConfig
from frontlines.lexicons import load_lexicon, words
from frontlines.model import Claim
from frontlines.stages.claim_spans import (
    adjacent_quote,
    quoted,
    source_name,
    subtree_range,
    trimmed,
)
from frontlines.stages.resources import Resources

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
NON_SOURCES = frozenset({"it", "this", "that", "there", "which", "what", "who"})
RELATIVE = frozenset({"who", "which", "that"})


@dataclass(frozen=True, slots=True)
class Cues:
    reporting: frozenset[str]
    object_content: frozenset[str]
    clause_only: frozenset[str]
    prepositional: frozenset[str]
    hedge_adverbs: Mapping[str, str]
    hedge_passives: Mapping[str, str]
    pronouns: frozenset[str]
    prep_content: frozenset[str]
    prep_words: frozenset[str]

    @classmethod
    def from_lexicon(cls, data: Mapping[str, Any]) -> Cues:
        return cls(
            reporting=words(data, "reporting_verbs"),
            object_content=words(data, "object_content_verbs"),
            clause_only=words(data, "clause_only_verbs"),
            prepositional=words(data, "prepositional"),
            hedge_adverbs={str(k): str(v) for k, v in data["hedge_adverbs"].items()},
            hedge_passives={str(k): str(v) for k, v in data["hedge_passives"].items()},
            pronouns=words(data, "person_pronouns"),
            prep_content=words(data, "prep_content_verbs"),
            prep_words=words(data, "prep_content_preps"),
        )


@dataclass
class Claims:
    cues: Cues = field(repr=False)
    name: str = "claims"
    version: str = "1"
    requires: tuple[str, ...] = ("article", "parse", "actors")
    assigns: tuple[str, ...] = ("claims",)

    def __call__(self, doc: Document) -> Document:
        found: dict[tuple[int, int, str | None], Claim] = {}
        for claim in (*self._attributed(doc), *self._hedged(doc)):
            found.setdefault((claim.start, claim.end, claim.hedge), claim)
        claims = sorted(found.values(), key=lambda claim: (claim.start, claim.end))
        doc.claims = claims
        return doc

    def _attributed(self, doc: Document) -> Iterator[Claim]:
        parse = doc.parse
        for token in parse:
            if token.lower_ in self.cues.prepositional or _prepositional(token, self.cues):
                claim = self._prepositional(doc, token)
            elif token.lemma_.lower() in self.cues.reporting and token.pos_ == "VERB":
                claim = self._reported(doc, token)
            else:
                continue
            if claim is not None:
                yield claim

    def _reported(self, doc: Document, verb: Any) -> Claim | None:
        """ "X said (that) ...", "..., X reports", "“...,” notes X", "X denied the reports",
        "..., saying ...", and a quote standing next to "X said"."""
        sources = [c for c in verb.children if c.dep_ == "nsubj"]
        sources = sources or [g for c in verb.children if c.dep_ == "agent" for g in c.children]
        if (not sources and verb.dep_ in ("advcl", "conj")) or (
            sources and sources[0].lower_ in RELATIVE and verb.dep_ == "relcl"
        ):
            sources = _speaker(verb)
        if not sources or sources[0].lower_ in NON_SOURCES:
            return None
        source = _source_range(sources[0])
        content = self._content_of(verb)
        span = trimmed(doc.parse, *subtree_range(content)) if content is not None else None
        if span is not None:
            return self._make(doc, cue=verb.text, source=source, content=_chars(doc.parse, span))
        around = (min(source[0], verb.i), max(source[1], verb.i + 1))
        edges = _chars(doc.parse, around)
        quote = adjacent_quote(doc.text, *edges)
        if quote is None:
            return None
        return self._make(doc, cue=verb.text, source=source, content=quote)

    def _content_of(self, verb: Any) -> Any:
        lemma = verb.lemma_.lower()
        children = list(verb.children)
        content = [c for c in children if c.dep_ in ("ccomp", "parataxis")]
        if not content and lemma not in self.cues.clause_only:
            content = [c for c in children if c.dep_ == "xcomp"]
        if not content and lemma in self.cues.object_content:
            content = [c for c in children if c.dep_ == "dobj"]
        if not content and lemma in self.cues.prep_content:
            content = [c for c in children if c.dep_ == "prep" and c.lower_ in self.cues.prep_words]
        return content[0] if content else None

    def _prepositional(self, doc: Document, cue: Any) -> Claim | None:
        """ "..., according to X." / "According to X, ..." / "..., citing X"."""
        parse = doc.parse
        objects = [
            grandchild
            for child in cue.children
            if child.dep_ == "prep"
            for grandchild in child.children
            if grandchild.dep_ == "pobj"
        ]
        objects = objects or [c for c in cue.children if c.dep_ in ("pobj", "dobj")]
        if not objects:
            return None
        phrase = subtree_range(cue)
        sentence = cue.sent
        before = trimmed(parse, sentence.start, phrase[0])
        after = trimmed(parse, phrase[1], sentence.end)
        # The content is the longer side: "X, according to Y." or "According to Y, X."
        sides = [side for side in (before, after) if side is not None]
        if not sides:
            return None
        content = max(sides, key=lambda side: side[1] - side[0])
        preps = [c for c in cue.children if c.dep_ == "prep"]
        cue_text = parse[cue.i : preps[0].i + 1].text if preps else cue.text
        source = _source_range(objects[0])
        return self._make(doc, cue=cue_text, source=source, content=_chars(parse, content))

    def _make(
        self,
        doc: Document,
        *,
        cue: str,
        source: tuple[int, int] | None,
        content: tuple[int, int],
        hedge: str | None = None,
    ) -> Claim:
        """A claim; ``source`` is a token range, ``content`` a character range."""
        parse = doc.parse
        char_start, char_end = content
        inside = quoted(doc.text, char_start, char_end)
        if inside is not None:
            char_start, char_end = inside
        name = None
        if source is not None:
            name = source_name(parse, *source, actors=doc.actors, pronouns=self.cues.pronouns)
        return Claim(
            source=name,
            cue=cue,
            text=doc.text[char_start:char_end],
            start=char_start,
            end=char_end,
            direct=inside is not None,
            hedge=hedge,
        )

    def _hedged(self, doc: Document) -> Iterator[Claim]:
        """Unattributed hedges: "reportedly killed ...", "is estimated to be ...", "is expected"."""
        parse = doc.parse
        for token in parse:
            hedge = self.cues.hedge_adverbs.get(token.lower_)
            if hedge is not None and token.dep_ == "advmod":
                span = _verb_phrase(parse, token, token.head)
                if span is not None:
                    content = _chars(parse, span)
                    yield self._make(doc, cue=token.text, source=None, content=content, hedge=hedge)
                continue
            hedge = self.cues.hedge_passives.get(token.lemma_.lower())
            if hedge is None or token.tag_ != "VBN":
                continue
            if not any(c.dep_ == "auxpass" for c in token.children):
                continue
            if any(c.dep_ == "agent" for c in token.children):
                continue
            span = _passive_clause(parse, token)
            if span is not None:
                aux = next(c for c in token.children if c.dep_ == "auxpass")
                cue = parse[aux.i : token.i + 1].text
                content = _chars(parse, span)
                yield self._make(doc, cue=cue, source=None, content=content, hedge=hedge)


def _speaker(verb: Any) -> list[Any]:
    """The subject of "..., saying ..." or "and added ...": the nearest clause above with one;
    "residents, who said ..." gives "residents"."""
    if verb.dep_ == "relcl":
        return [verb.head]
    for ancestor in verb.ancestors:
        subjects = [c for c in ancestor.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects if subjects[0].lower_ not in RELATIVE else []
        if ancestor.dep_ not in ("advcl", "conj"):
            return []
    return []


def _source_range(token: Any) -> tuple[int, int]:
    """A source's words without relative clauses or appositions: "one resident, who asked
    ..." gives "one resident"."""
    extra = [t for t in token.subtree if t.dep_ in ("relcl", "appos", "acl") and t.i != token.i]
    return subtree_range(token, without=[*extra, *(c for c in token.children if c.is_punct)])


def _chars(parse: Any, tokens: tuple[int, int]) -> tuple[int, int]:
    last = parse[tokens[1] - 1]
    return parse[tokens[0]].idx, last.idx + len(last)


def _prepositional(token: Any, cues: Cues) -> bool:
    """ "according" followed by "to" (the lexicon lists the two words as one phrase)."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and f"{token.lower_} {nxt.lower_}" in cues.prepositional


def _verb_phrase(parse: Any, hedge: Any, verb: Any) -> tuple[int, int] | None:
    """From the hedge (or its verb) to the end of the verb's object, stopping at a comma."""
    start = min(hedge.i, verb.i)
    end = verb.i + 1
    for token in parse[verb.i + 1 : verb.sent.end]:
        if token.text in (",", ";", ":") or token.dep_ in ("cc", "relcl") or token.is_sent_end:
            break
        end = token.i + 1
    return trimmed(parse, start, end)


def _passive_clause(parse: Any, verb: Any) -> tuple[int, int] | None:
    """ "The depth ... is estimated to be ..." with its subject when nothing stands between;
    from the auxiliary otherwise ("Türkiye, while ..., is expected to ...")."""
    aux = min(c.i for c in verb.children if c.dep_ == "auxpass")
    start = aux
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < aux]
    if subjects and not any(t.is_punct for t in parse[subjects[0].i + 1 : aux]):
        start = subtree_range(subjects[0])[0]
    end = max(t.i for t in verb.subtree) + 1
    return trimmed(parse, start, end)


def make_stage(*, resources: Resources, config: StageConfig = NO_OPTIONS) -> Claims:
    return Claims(
        cues=Cues.from_lexicon(
            load_lexicon("attribution", folder=resources.language.lexicon_folder)
        )
    )
