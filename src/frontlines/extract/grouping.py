"""Which triggers of one sentence report one event, and which words belong to each.

Triggers the parse joins report one event: one under the other ("attacked the village, killing
five"), or sharing a subject ("staged a demonstration and clashed with police"), or a back-reference
through "during", "in" or "amid" ("assaulted them during the protest"). Different hedges keep
triggers apart ("took prisoners and reportedly killed").
"""

from __future__ import annotations

from typing import Any

from frontlines.extract.certainty import certainty
from frontlines.extract.lexicon import Lexicon
from frontlines.extract.syntax import children, dominates, path_to_root
from frontlines.extract.triggers import Trigger

BLOCKING_EDGES = frozenset({"relcl", "ccomp", "parataxis"})
SITUATION_PREPS = frozenset({"during", "in", "amid", "at", "throughout"})


def share_tokens(sentence: Any, groups: list[list[Trigger]]) -> list[list[Any]]:
    """Each group's part of the sentence: tokens under its triggers; the rest go to the first."""
    doc = sentence.doc
    shares: list[list[Any]] = [[] for _ in groups]
    for token in sentence:
        owners = [
            n
            for n, group in enumerate(groups)
            if any(t.index == token.i or dominates(doc[t.index], token) for t in group)
        ]
        if owners:
            # The group whose trigger is nearest above the token owns it.
            owner = max(owners, key=lambda n: max(depth(doc[t.index]) for t in groups[n]))
            shares[owner].append(token)
        elif shares:
            shares[0].append(token)
    return shares


def group_triggers(triggers: list[Trigger], doc: Any, lexicon: Lexicon) -> list[list[Trigger]]:
    """Triggers the parse joins, with the same certainty, report one event."""
    groups: list[list[Trigger]] = []
    for trigger in triggers:
        hedge = certainty(doc[trigger.index], lexicon=lexicon)
        for group in groups:
            first = group[0]
            same_hedge = certainty(doc[first.index], lexicon=lexicon) == hedge
            if same_hedge and any(linked(member, trigger, doc) for member in group):
                group.append(trigger)
                group.sort(key=lambda t: (t.status != "realized", depth(doc[t.index])))
                break
        else:
            groups.append([trigger])
    return groups


def depth(token: Any) -> int:
    return sum(1 for _ in path_to_root(token))


def linked(first: Trigger, second: Trigger, doc: Any) -> bool:
    """Whether two triggers of a sentence report one event.

    "attacked the village, killing five" (one under the other); "staged a demonstration and
    clashed with police" (clashed shares the subject of staged); "assaulted them during the
    protest" (a back-reference only through during/in/amid).
    """
    one, two = doc[first.index], doc[second.index]
    for trigger, token, other in ((first, one, two), (second, two, one)):
        if trigger.pos == "noun" and trigger.status != "realized":
            head = token.head
            anchor = head.head
            return head.lower_ in SITUATION_PREPS and (
                anchor.i == other.i or dominates(other, anchor)
            )
    ancestors_one = [one, *path_to_root(one)]
    ancestors_two = [two, *path_to_root(two)]
    shared = {t.i for t in ancestors_one} & {t.i for t in ancestors_two}
    lowest = next(t for t in ancestors_one if t.i in shared)
    for token in (one, two):
        current = token
        while current.i != lowest.i:
            if current.dep_ in BLOCKING_EDGES:
                return False
            if current.dep_ == "conj" and children(current, "nsubj", "nsubjpass"):
                return False  # "rebels attacked X, and the army shelled Y": two events
            current = current.head
    if lowest.i in (one.i, two.i):
        return True
    later = two if two.i > one.i else one
    shares_subject = later.dep_ in ("conj", "advcl", "xcomp") and later.head.pos_ == "VERB"
    return shares_subject and later.pos_ == "VERB" and not children(later, "nsubj", "nsubjpass")
