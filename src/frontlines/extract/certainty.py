"""How sure the article is of an event, and on whose word it reports it.

Certainty comes from hedges on the event's own clause ("reportedly killed"), from verbs that
govern it ("claimed to have", "denied carrying out", "is expected to", "will"), nearest first;
"reported" when nothing hedges. Sources are read straight from the sentence: the subject of a
reporting verb the event hangs from ("..., Associated Press reports") and "according to X".
"""

from __future__ import annotations

from typing import Any

from frontlines.extract.entities import entity_of
from frontlines.extract.lexicon import Lexicon
from frontlines.extract.roles import ActorLookup
from frontlines.extract.syntax import (
    VERBAL,
    children,
    is_passive,
    lemma_of,
    modal_scope,
    path_to_root,
)

DEFAULT = "reported"
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "this", "that"})
SOURCE_EDGES = frozenset({"ccomp", "parataxis", "xcomp", "dep", "advcl", "conj"})
# Sources named by these words are the outlet's own voice, not a credited source.
NOT_SOURCES = frozenset({"report", "reports", "media", "sources", "news"})


def certainty(token: Any, *, lexicon: Lexicon) -> str:
    """The certainty of the event whose trigger is ``token``."""
    hedges = lexicon.cue_map("hedges")
    verbs = lexicon.cue_map("certainty_verbs")
    hedged_passives = lexicon.cue("hedged_passives")
    futures = lexicon.cue("future_modals")
    previous = None
    for word in modal_scope(token):
        arrived_by = previous.dep_ if previous is not None else None
        previous = word
        for child in word.children:
            if child.dep_ in ("advmod", "amod") and child.lower_ in hedges:
                return hedges[child.lower_]
            if child.dep_ == "aux" and child.lower_ in futures and word.pos_ in VERBAL:
                return "expected"
        if word.i == token.i:
            continue
        lemma = lemma_of(word)
        if lemma in hedged_passives and is_passive(word) and children(word, "xcomp"):
            return "unconfirmed"
        # "denied shelling", "claimed the attack": not "denied X and said Y" (conj).
        if lemma in verbs and word.pos_ in ("VERB", "NOUN") and arrived_by != "conj":
            return verbs[lemma]
    return DEFAULT


def sources(
    token: Any, *, sentence: Any, lexicon: Lexicon, lookup: ActorLookup | None = None
) -> tuple[str, ...]:
    """Names the sentence credits for the event at ``token``, in text order: the actor's name
    when the source is a known actor ("the army said"), else the words that name it."""
    found: list[Any] = []
    reporting = lexicon.cue("reporting_verbs")
    child = token
    for ancestor in path_to_root(token):
        if lemma_of(ancestor) in reporting and child.dep_ in SOURCE_EDGES:
            found += children(ancestor, "nsubj")
        child = ancestor
    for word in sentence:
        if word.lower_ == "according":
            found += [p for to in word.children if to.lower_ == "to" for p in to.children]
        if word.lower_ == "citing":
            found += children(word, "dobj")
    names = [_source_name(word, lookup) for word in sorted(found, key=lambda t: t.i)]
    return tuple(dict.fromkeys(name for name in names if name))


def _source_name(token: Any, lookup: ActorLookup | None) -> str | None:
    if token.lower_ in PRONOUNS or token.lower_ in NOT_SOURCES:
        return None
    actor = lookup(token.idx, token.idx + len(token.text)) if lookup else None
    if actor is not None:
        return actor.name
    entity = entity_of(token)
    if entity is not None:
        return str(entity.text).strip()
    words = [
        t
        for t in token.subtree
        if (t.i <= token.i and t.dep_ not in ("det", "punct", "poss")) or t.i == token.i
    ]
    text = " ".join(t.text for t in words).strip()
    return text or None
