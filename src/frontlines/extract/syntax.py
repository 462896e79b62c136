"""Small questions about a dependency parse that every extraction module asks.

Tokens are spaCy ``Token`` objects (typed ``Any``: spaCy ships no type information).
"""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType
from typing import Any

# The small English model's lemmatiser turns "staged" into "stag" and "raped" into "rap".
LEMMA_FIXES = MappingProxyType(
    {"stag": "stage", "rap": "rape", "wag": "wage", "boycotts": "boycott",
     "imprisoning": "imprison"}
)  # fmt: skip
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
# Pre-modifiers that belong to a noun phrase's name ("the Syrian army", "rebel positions").
NAME_DEPS = frozenset({"compound", "amod", "nmod", "det", "poss", "nummod", "quantmod", "case"})
VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Clause edges that a participle or infinitive takes its subject across.
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
SUBJECT_SHARING = frozenset({"conj", "advcl", "xcomp", "acl", "pcomp", "relcl", "dep"})


def lemma_of(token: Any) -> str:
    """The token's lower-case lemma, with the model's known lemmatisation errors fixed."""
    found = str(token.lemma_).lower()
    return LEMMA_FIXES.get(found, found)


def is_passive(verb: Any) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass", "csubjpass") for child in verb.children)


def children(token: Any, *deps: str) -> list[Any]:
    return [child for child in token.children if child.dep_ in deps]


def with_conjuncts(tokens: list[Any]) -> list[Any]:
    """The tokens and their coordinated siblings ("X and Y"), in text order, no repeats."""
    seen: dict[int, Any] = {}
    for token in tokens:
        seen.setdefault(token.i, token)
        for conj in token.conjuncts:
            seen.setdefault(conj.i, conj)
    return [seen[i] for i in sorted(seen)]


def preps(token: Any, *words: str) -> Iterator[Any]:
    """Objects of the prepositions under ``token`` whose word is one of ``words``."""
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in words:
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    yield pobj


def subjects(verb: Any) -> list[Any]:
    """The verb's own subjects, with their conjuncts."""
    return with_conjuncts(children(verb, *SUBJECT_DEPS))


def agents(verb: Any) -> list[Any]:
    """Who does what the verb says: the active subject, or the passive's "by" phrase."""
    if is_passive(verb):
        return with_conjuncts(list(preps(verb, "by")))
    return subjects(verb)


def inherited_subjects(verb: Any, *, depth: int = 4) -> list[Any]:
    """Who does what the verb says: its own subject, or that of the clause it hangs from.

    "killed four, wounding two" (wounding takes killed's subject); "attempts by Moscow to contact"
    (contact takes the "by" agent of attempts); "militants who attacked" (attacked takes
    militants). A passive verb's subject suffered the act, so only its "by" phrase counts.
    """
    if is_passive(verb):
        return agents(verb)
    token = verb
    for _ in range(depth):
        own = subjects(token)
        if own and own[0].lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
            return with_conjuncts([token.head])
        if own:
            return own
        if token.dep_ == "relcl":
            return with_conjuncts([token.head])
        if token.dep_ not in SUBJECT_SHARING or token.head.i == token.i:
            return []
        head = token.head
        if head.pos_ in NOMINAL and token.dep_ == "acl":
            return with_conjuncts(list(preps(head, "by")) or children(head, "poss"))
        if head.pos_ in VERBAL and is_passive(head):
            return []  # "were ambushed and fought back" is not the ambushers fighting
        token = head
    return []


def clause_head(token: Any) -> Any:
    """The nearest verb at or above ``token`` (the sentence root when there is none)."""
    current = token
    while current.pos_ not in VERBAL and current.head.i != current.i:
        current = current.head
    return current


def governing_clause(token: Any) -> Any:
    """The nearest verb above ``token`` that has a subject of its own, else the root."""
    current = clause_head(token)
    while not children(current, *SUBJECT_DEPS) and current.head.i != current.i:
        current = clause_head(current.head)
    return current


def path_to_root(token: Any) -> Iterator[Any]:
    """The token's ancestors, nearest first."""
    current = token
    while current.head.i != current.i:
        current = current.head
        yield current


def dominates(upper: Any, lower: Any) -> bool:
    return any(ancestor.i == upper.i for ancestor in path_to_root(lower))


def name_span(token: Any) -> tuple[int, int]:
    """Character offsets of the token with its name-forming pre-modifiers."""
    start = token.idx
    for child in token.lefts:
        if child.dep_ in NAME_DEPS or (child.dep_ == "punct" and child.text in "-‐"):
            start = min(start, child.left_edge.idx)
    return start, token.idx + len(token.text)


def phrase_span(token: Any) -> tuple[int, int]:
    """Character offsets of the token's noun phrase, without relative clauses or commas after."""
    start, end = name_span(token)
    for child in token.rights:
        if child.dep_ in ("relcl", "acl", "punct", "cc", "conj", "appos", "prep", "advcl"):
            break
        end = max(end, child.right_edge.idx + len(child.right_edge.text))
    return start, end


def has_negation(token: Any) -> bool:
    return any(child.dep_ == "neg" for child in token.children)


def is_definite(token: Any) -> bool:
    """Whether a noun refers back: "the offensive", "their advance", "this attack"."""
    for child in token.children:
        if child.dep_ == "poss":
            return True
        if child.dep_ == "det" and child.lower_ in ("the", "this", "that", "these", "those"):
            return True
    return False


# Edges by which a clause hangs from another clause whose mood it shares.
CLAUSAL_EDGES = frozenset(
    {"xcomp", "ccomp", "advcl", "conj", "csubj", "csubjpass", "pcomp", "acl", "dep", "ROOT"}
)


def modal_scope(token: Any) -> Iterator[Any]:
    """The token and the words above it whose mood or hedges govern it, nearest first.

    Climbs from a noun to its verb, and from a clause to the clause it complements ("expected to
    provide", "denied carrying out the attack"), but not out of a relative clause.
    """
    current = token
    yield current
    while current.head.i != current.i:
        if current.dep_ == "relcl":
            return
        if current.pos_ in VERBAL and current.dep_ not in CLAUSAL_EDGES:
            return
        current = current.head
        yield current
