"""Finding the actors around a relation's trigger word: who a token names, a verb's subject,
the actors of a noun phrase and of its conjuncts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from frontlines.document import Document
from frontlines.model import Actor, Mention
from frontlines.stages.actors import MentionIndex

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Dependents that belong to the same noun phrase as their head ("Russian aircraft", "Assad's").
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
# A clausal complement (ccomp) has a subject of its own, so its subject is never climbed to.
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "acl", "relcl"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})


@dataclass(frozen=True, slots=True)
class Found:
    """An actor and the mention that named it."""

    actor: Actor
    mention: Mention


class ActorIndex:
    """Which actor each token names; "he"/"him" stand for the last person named before them."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._index = MentionIndex(doc.actors)
        self._by_token: dict[int, Found] = {}
        for token in doc.parse:
            covering = self._index.covering(token.idx)
            if covering is not None:
                self._by_token[token.i] = Found(covering[1], covering[0])

    def at(self, token: Any) -> Found | None:
        found = self._by_token.get(token.i)
        if found is not None or token.lower_ not in PERSON_PRONOUNS:
            return found
        earlier = self._index.last_person_before(token.idx)
        if earlier is None:
            return None
        pronoun = self.doc.article.mention(token.idx, token.idx + len(token))
        return Found(earlier[1], pronoun)

    def in_phrase(self, token: Any) -> list[Found]:
        """The actors a noun phrase names: its head's, else its modifiers'; with its conjuncts."""
        found: list[Found] = []
        for head in (token, *token.conjuncts):
            here = self.at(head)
            if here is None:
                here = next(
                    (f for c in head.children if c.dep_ in MODIFIER_DEPS and (f := self.at(c))),
                    None,
                )
            if here is not None and all(here.actor.id != f.actor.id for f in found):
                found.append(here)
        return found

    def nearest_before(self, token: Any, *, within: int) -> Found | None:
        for other in reversed(token.doc[max(token.sent.start, token.i - within) : token.i]):
            found = self.at(other)
            if found is not None:
                return found
        return None

    def first_after(self, token: Any, *, within: int) -> Found | None:
        for other in token.doc[token.i + 1 : min(token.sent.end, token.i + 1 + within)]:
            found = self._by_token.get(other.i)
            if found is not None:
                return found
            if other.is_punct or other.pos_ == "VERB":
                return None
        return None

    def coordinated_before(self, found: Found) -> Iterator[Found]:
        """ "Tehran and Kremlin-backed": actors joined by "and", "or" or commas before a mention."""
        doc = self.doc.parse
        first = next(t for t in doc if t.idx >= found.mention.start)
        i = first.i - 1
        while i >= 1 and doc[i].lower_ in ("and", "or", ","):
            previous = self._by_token.get(i - 1)
            if previous is None:
                return
            yield previous
            i = next(t.i for t in doc if t.idx >= previous.mention.start) - 1


def subject_of(verb: Any) -> list[Any]:
    """The tokens that act in a verb's clause, climbing through conjoined and subordinate verbs;
    "prompted X to accuse" gives X; "who had been deployed" gives the noun "who" stands for."""
    for _ in range(5):
        subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
        if subjects:
            if subjects[0].lower_ in RELATIVE_PRONOUNS:
                return _antecedent(verb)
            return subjects
        if verb.dep_ == "ccomp" and any(
            child.lower_ in RELATIVE_PRONOUNS and child.dep_ == "dobj"
            for child in verb.head.children
        ):
            # "M23, which the UN says is backed by Rwanda": "which" stands in the saying clause.
            return _antecedent(verb.head)
        if verb.dep_ == "xcomp":
            objects = [child for child in verb.head.children if child.dep_ == "dobj"]
            if objects:
                return objects
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return [verb.head]
        if (
            verb.dep_ not in CLIMB_DEPS and verb.dep_ not in ("dobj", "pobj")
        ) or verb.head.i == verb.i:
            return []
        verb = verb.head
    return []


def objects_of(token: Any, *, preps: frozenset[str], direct: bool = True) -> list[Any]:
    """A trigger's object: its direct object, or the object of one of ``preps``."""
    found = [c for c in token.children if direct and c.dep_ in ("dobj", "attr")]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            found.extend(g for g in child.children if g.dep_ == "pobj")
    return found


def _antecedent(verb: Any) -> list[Any]:
    """What "which" or "who" stands for: the noun the relative clause around ``verb`` modifies
    ("M23, which the UN says is backed by Rwanda")."""
    for ancestor in (verb, *verb.ancestors):
        if ancestor.dep_ == "relcl":
            return [ancestor.head]
    return []
