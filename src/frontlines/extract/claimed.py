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
# Who speaks for a group: "the spokesperson for the Taliban" claims in its name.
SPEAKERS = frozenset({"spokesman", "spokesperson", "spokeswoman", "spokesmen", "representative"})
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
                for speaker in (subject, *_spoken_for(subject)):
                    actor = lookup(*phrase_span(speaker))
                    if actor is not None and actor.kind not in NOT_CLAIMANTS:
                        found.setdefault(actor.id, actor)
                        break
    return list(found.values())


def _of_responsibility(verb: Any) -> bool:
    """ "claimed responsibility for", "took credit for", "claimed they were responsible"."""
    for child in verb.children:
        if lemma_of(child) in ("responsibility", "credit") and child.dep_ == "dobj":
            return True
        if child.dep_ in ("ccomp", "xcomp") and any(
            lemma_of(part) == "responsible" for part in (child, *child.children)
        ):
            return True
    return False


def _spoken_for(subject: Any) -> list[Any]:
    """Whose spokesman the subject is: "Zabiullah Mujahid, the spokesperson for the Taliban,
    claimed ..." claims for the Taliban."""
    found: list[Any] = []
    for role in (subject, *(c for c in subject.children if c.dep_ == "appos")):
        if lemma_of(role) in SPEAKERS:
            found += [
                pobj
                for prep in role.children
                if prep.dep_ == "prep" and prep.lower_ in ("for", "of")
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ]
    return found


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
