"""Relations between actors from the parse and patterns: "X-backed Y", "backed by X",
"offensive against Y", "accuse Y", "under X sanctions", "losing X fighters", each with the words
that support it. Knowledge-base backers are added only where the text says a backer exists."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from frontlines.document import NO_OPTIONS, Document, StageConfig
from frontlines.kb import ActorKB
from frontlines.lexicons import load_lexicon, words
from frontlines.model import Relation
from frontlines.stages.actor_match import HYPHENS
from frontlines.stages.relation_rules import (
    MODIFIER_DEPS,
    ActorIndex,
    Found,
    objects_of,
    subject_of,
)
from frontlines.stages.resources import Resources

SYMMETRIC = frozenset({"fights", "allied_with", "negotiates_with"})


@dataclass(frozen=True, slots=True)
class Edge:
    source: Found
    type: str
    target: Found
    start: int  # evidence, in characters
    end: int


@dataclass
class Relations:
    lexicon: Mapping[str, Any] = field(repr=False)
    kb: ActorKB | None = field(default=None, repr=False)
    name: str = "relations"
    version: str = "1"
    requires: tuple[str, ...] = ("article", "parse", "actors")
    assigns: tuple[str, ...] = ("relations",)

    def __call__(self, doc: Document) -> Document:
        index = ActorIndex(doc)
        rules = Rules(lexicon=self.lexicon, index=index, kb=self.kb, day=doc.article.published)
        relations: dict[tuple[str, str, str], Relation] = {}
        for token in doc.parse:
            for edge in rules.at(token):
                relation = _relation(doc, edge)
                if relation is not None:
                    relations.setdefault(_key(relation), relation)
        doc.relations = list(relations.values())
        return doc


def _key(relation: Relation) -> tuple[str, str, str]:
    if relation.type in SYMMETRIC:
        first, second = sorted((relation.source, relation.target))
        return first, relation.type, second
    return relation.source, relation.type, relation.target


def _relation(doc: Document, edge: Edge) -> Relation | None:
    if edge.source.actor.id == edge.target.actor.id:
        return None
    return Relation(
        source=edge.source.actor.id,
        type=edge.type,
        target=edge.target.actor.id,
        evidence=doc.article.mention(edge.start, edge.end),
        source_name=edge.source.actor.name,
        target_name=edge.target.actor.name,
    )


@dataclass
class Rules:
    """Each rule looks at one trigger token and yields the edges it supports."""

    lexicon: Mapping[str, Any]
    index: ActorIndex
    kb: ActorKB | None = None
    day: Any = None

    def at(self, token: Any) -> Iterator[Edge]:
        word, lemma = token.lower_, token.lemma_.lower()
        lex = self.lexicon
        if word in lex["link_suffixes"] and token.i > 0 and token.nbor(-1).text in HYPHENS:
            yield from self._linked(token, lex["link_suffixes"][word])
        if word in lex["participles"] and token.tag_ == "VBN":
            yield from self._passive(token, lex["participles"][word])
        passive = any(child.dep_ == "auxpass" for child in token.children)
        if lemma in lex["verbs"] and token.pos_ == "VERB" and not passive:
            yield from self._verb(token, lex["verbs"][lemma])
        if word in lex["nouns"] and token.pos_ in ("NOUN", "PROPN"):
            yield from self._noun(token, lex["nouns"][word])
        if lemma in words(lex, "loss_verbs"):
            yield from self._losing(token)
        if lemma in words(lex, "deploy_verbs"):
            yield from self._deployed(token)
        if word in words(lex, "alliance_preps") and token.dep_ == "prep":
            yield from self._alongside(token)
        if word in words(lex, "membership_nouns"):
            yield from self._membership(token)

    def _denied(self, verb: Any) -> bool:
        """ "did not attack", "denies supporting": the text states no relation."""
        for token in (verb, *verb.ancestors):
            if any(child.dep_ == "neg" for child in token.children):
                return True
            if token.i != verb.i and token.lemma_.lower() in words(self.lexicon, "denials"):
                return True
            if token.dep_ not in ("xcomp", "ccomp", "conj"):
                return False
        return False

    def _linked(self, suffix: Any, kind: str) -> Iterator[Edge]:
        """ "Turkish-backed Syrian opposition forces", "Tehran and Kremlin-backed government"."""
        target = self.index.first_after(suffix, within=5)
        if target is None:
            return
        modifier = self.index.at(suffix.nbor(-2)) if suffix.i >= 2 else None
        if modifier is None:
            if suffix.i >= 2 and suffix.nbor(-2).lower_ in words(self.lexicon, "unnamed_backers"):
                yield from self._kb_backers(suffix.nbor(-2), target)
            return
        sources = [modifier, *self.index.coordinated_before(modifier)]
        start = min(source.mention.start for source in sources)
        for source in sources:
            if kind == "controlled_by":
                yield self._edge(target, kind, source, start=start, end=target.mention.end)
            else:
                yield self._edge(source, kind, target, start=start, end=target.mention.end)

    def _kb_backers(self, word: Any, target: Found) -> Iterator[Edge]:
        """ "foreign-backed rebels": the knowledge base's backers of the target on the day, if the
        article names them."""
        if self.kb is None or target.actor.id not in self.kb:
            return
        named = {f.actor.id: f for f in (self.index.at(t) for t in word.doc) if f is not None}
        for backer in self.kb.backers_on(target.actor.id, self.day):
            if backer.id in named:
                yield Edge(named[backer.id], "supports", target, word.idx, target.mention.end)

    def _passive(self, participle: Any, entry: Mapping[str, str]) -> Iterator[Edge]:
        """ "the Assad regime, which is heavily supported by Russia and Iran"."""
        agents = [g for c in participle.children if c.dep_ == "agent" for g in c.children]
        if not agents or self._denied(participle):
            return
        patients = [t for s in subject_of(participle) for t in self.index.in_phrase(s)]
        for patient in patients:
            for agent in self.index.in_phrase(agents[0]):
                end = max(agent.mention.end, participle.idx + len(participle))
                if entry.get("agent") == "target":
                    yield self._edge(patient, entry["type"], agent, start=participle.idx, end=end)
                else:
                    yield self._edge(agent, entry["type"], patient, start=participle.idx, end=end)

    def _verb(self, verb: Any, kind: str) -> Iterator[Edge]:
        """ "opposition forces attacked the regime", "groups and Congress to accuse him"."""
        if self._denied(verb):
            return
        preps = words(self.lexicon, "verb_preps")
        sources = [f for s in subject_of(verb) for f in self.index.in_phrase(s)]
        for obj in objects_of(verb, preps=preps):
            for target in self.index.in_phrase(obj):
                # An accusation's evidence runs to its charge: "accuse him of war crimes".
                end = _end_of(verb) if kind == "accuses" else max(target.mention.end, _end_of(obj))
                for source in sources:
                    if kind == "controls":
                        yield self._edge(target, "controlled_by", source, start=verb.idx, end=end)
                    else:
                        yield self._edge(source, kind, target, start=verb.idx, end=end)

    def _noun(self, noun: Any, entry: Mapping[str, Any]) -> Iterator[Edge]:
        """ "offensive against the regime", "losses to Russian aircraft", "Russia's backing of
        Assad", "under Western imposed sanctions"."""
        preps = frozenset(str(p) for p in entry["preps"])
        targets = [
            f for o in objects_of(noun, preps=preps, direct=False) for f in self.index.in_phrase(o)
        ]
        source, modifier = self._noun_source(noun)
        if not targets and noun.dep_ == "pobj" and noun.head.lower_ == "under":
            # "He is under Western sanctions": the subject is the target.
            clause = noun.head.head
            targets = [f for s in subject_of(clause) for f in self.index.in_phrase(s)]
            if source is not None:
                for target in targets:
                    yield self._edge(
                        source, entry["type"], target, start=noun.head.idx, end=_end_of(noun)
                    )
            return
        if source is None:
            return
        start = min(noun.idx, source.mention.start) if modifier else noun.idx
        for target in targets:
            yield self._edge(source, entry["type"], target, start=start, end=target.mention.end)

    def _noun_source(self, noun: Any) -> tuple[Found | None, bool]:
        """Who the noun's action is by, and whether it modifies the noun: a modifier ("Western
        sanctions"), an actor just before it ("Hezbollah fighters in clashes"), or the subject
        of its clause."""
        for child in noun.children:
            if child.dep_ in MODIFIER_DEPS and (found := self.index.at(child)):
                return found, True
        near = self.index.nearest_before(noun, within=4)
        if near is not None:
            return near, False
        clause = noun.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        for subject in subject_of(clause):
            found_list = self.index.in_phrase(subject)
            if found_list:
                return found_list[0], False
        return None, False

    def _losing(self, verb: Any) -> Iterator[Edge]:
        """ "losing a substantial number of Hezbollah fighters": Hezbollah fought on their side."""
        members = words(self.lexicon, "member_nouns")
        sides = [f for s in subject_of(verb) for f in self.index.in_phrase(s)]
        for obj in objects_of(verb, preps=frozenset()):
            nouns = [t for t in obj.subtree if t.lower_ in members]
            for noun in nouns:
                for ally in self.index.in_phrase(noun):
                    for side in sides:
                        yield self._edge(
                            ally, "allied_with", side, start=verb.idx, end=_end_of(noun)
                        )

    def _deployed(self, verb: Any) -> Iterator[Edge]:
        """ "deployed in Syria under Assad's agreement": the deployed support whom agreed."""
        consent = words(self.lexicon, "consent_nouns")
        deployed = [f for s in subject_of(verb) for f in self.index.in_phrase(s)]
        for obj in objects_of(verb, preps=frozenset({"under", "at", "upon"}), direct=False):
            if obj.lower_ not in consent:
                continue
            for named in self.index.in_phrase(obj):
                host = self._government_of(named)
                for force in deployed:
                    yield self._edge(force, "supports", host, start=verb.idx, end=_end_of(obj))

    def _government_of(self, found: Found) -> Found:
        """A leader's agreement is their government's: the article's state forces or government
        of the leader's country, when it names them."""
        if found.actor.kind != "person" or found.actor.country is None:
            return found
        for mention, actor in ((m, a) for a in self.index.doc.actors for m in a.mentions):
            if actor.country == found.actor.country and actor.kind in (
                "state forces",
                "government",
            ):
                return Found(actor, mention)
        return found

    def _alongside(self, prep: Any) -> Iterator[Edge]:
        """ "fought alongside Hezbollah": allied with the subject."""
        sides = [f for s in subject_of(prep.head) for f in self.index.in_phrase(s)]
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for ally in self.index.in_phrase(obj):
                for side in sides:
                    yield self._edge(
                        side, "allied_with", ally, start=prep.idx, end=ally.mention.end
                    )

    def _membership(self, noun: Any) -> Iterator[Edge]:
        """ "X, part of Y" / "X is a member of Y"."""
        whole = [
            f
            for o in objects_of(noun, preps=frozenset({"of"}), direct=False)
            for f in self.index.in_phrase(o)
        ]
        if not whole:
            return
        if noun.dep_ == "appos":
            parts = self.index.in_phrase(noun.head)
        elif noun.dep_ == "attr":
            parts = [f for s in subject_of(noun.head) for f in self.index.in_phrase(s)]
        else:
            return
        for part in parts:
            for group in whole:
                yield self._edge(part, "part_of", group, start=noun.idx, end=group.mention.end)

    def _edge(self, source: Found, kind: str, target: Found, *, start: int, end: int) -> Edge:
        return Edge(source=source, type=kind, target=target, start=start, end=max(start, end))


def _end_of(token: Any) -> int:
    last = max(token.subtree, key=lambda t: t.i)
    return int(last.idx + len(last))


def make_stage(*, resources: Resources, config: StageConfig = NO_OPTIONS) -> Relations:
    return Relations(
        lexicon=load_lexicon("relations", folder=resources.language.lexicon_folder), kb=resources.kb
    )
