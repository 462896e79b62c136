"""Who claimed an attack: "the Taliban claimed responsibility for the attacks" names the attacker
of the article's attacks that the telling itself leaves unnamed (ACLED codes the claimant)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from frontlines.extract.roles import ActorLookup
from frontlines.extract.syntax import lemma_of, phrase_span, subjects
from frontlines.model import Actor, ActorRef

CLAIM_VERBS = frozenset({"claim", "accept", "admit", "take", "acknowledge"})
# Who claims an attack is a group that fights, never a state, a government, an outlet or a person.
NOT_CLAIMANTS = frozenset({"state", "government", "person", "media outlet", "news agency"})
CLAIMED_TYPES = frozenset({"Explosions/Remote violence", "Violence against civilians"})
UNNAMED_PREFIX = "generic-unidentified-armed-group"


def claimants(sentences: Iterable[Any], *, lookup: ActorLookup) -> list[Actor]:
    """The fighting groups that claim responsibility for something, in order of the text."""
    found: dict[str, Actor] = {}
    for sentence in sentences:
        for token in sentence:
            if lemma_of(token) not in CLAIM_VERBS or not _of_responsibility(token):
                continue
            for subject in subjects(token):
                actor = lookup(*phrase_span(subject))
                if actor is not None and actor.kind not in NOT_CLAIMANTS:
                    found.setdefault(actor.id, actor)
    return list(found.values())


def _of_responsibility(verb: Any) -> bool:
    return any(
        lemma_of(child) in ("responsibility", "credit") and child.dep_ == "dobj"
        for child in verb.children
    )


def claimant(sentences: Iterable[Any], *, lookup: ActorLookup) -> ActorRef | None:
    """The one group that claims responsibility in the article, or None (none, or several)."""
    found = claimants(sentences, lookup=lookup)
    return found[0].ref() if len(found) == 1 else None


def takes_claimant(event_type: str | None, actor1: ActorRef | None) -> bool:
    """Whether an attack's attacker is the claimant's to take: none is named, or only ACLED's
    "Unidentified Armed Group"."""
    if event_type not in CLAIMED_TYPES:
        return False
    return actor1 is None or actor1.id.startswith(UNNAMED_PREFIX)
