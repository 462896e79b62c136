"""Metonyms: a capital, a country or a seat of government standing for a state's government.

"Moscow said", "Russia's backing", "attempts by Moscow to contact Ankara", "Kremlin-backed",
"Tehran and Kremlin-backed" use the place as an actor. Such mentions get role "metonym" and are
never used as an event's location. Seats of government ("the Kremlin") are metonyms unless the
text puts something at them ("outside the White House").
"""

from __future__ import annotations

import re
from typing import Any

from frontlines.geo.detect import Mention
from frontlines.geo.entry import Entry

SPEECH_LEMMAS = frozenset(
    {"say", "tell", "claim", "deny", "accuse", "warn", "announce", "insist", "state", "argue"}
    | {"believe", "think", "want", "demand", "urge", "call", "condemn", "reject", "refuse"}
    | {"threaten", "vow", "respond", "reply", "agree", "decide", "blame", "welcome", "criticize"}
    | {"criticise", "protest", "summon", "expel", "recognize", "recognise", "pledge", "promise"}
    | {"insist", "confirm", "acknowledge", "admit", "hope", "fear", "seek", "plan", "intend"}
    | {"support", "back", "oppose", "sanction", "negotiate", "sign", "propose", "offer", "ask"}
    | {"view", "see", "consider", "regard", "suspect", "expect", "prefer", "dismiss", "hail"}
)
# Objects of these verbs are addressees: "to contact Ankara", "urged Tehran".
ADDRESS_LEMMAS = frozenset(
    {"contact", "urge", "warn", "tell", "accuse", "ask", "pressure", "press", "criticize"}
    | {"criticise", "condemn", "sanction", "persuade", "convince", "blame", "thank", "call"}
    | {"lobby", "petition", "inform", "notify", "reassure", "court", "snub", "rebuke"}
)
# "Russia's backing", "Ankara's position"
AGENT_NOUNS = frozenset(
    {"backing", "support", "decision", "position", "response", "stance", "policy", "government"}
    | {"leadership", "president", "minister", "ministry", "officials", "official", "spokesman"}
    | {"spokeswoman", "spokesperson", "ambassador", "envoy", "demand", "request", "proposal"}
    | {"offer", "claim", "refusal", "intervention", "involvement", "influence", "ally", "allies"}
    | {"diplomats", "diplomacy", "approval", "objection", "warning", "statement", "plan", "aim"}
)
# "attempts by Moscow", "backed by Tehran"
AGENT_HEADS = frozenset(
    {"attempt", "effort", "call", "demand", "statement", "proposal", "offer", "pressure"}
    | {"back", "support", "sponsor", "control", "fund", "arm", "recognize", "recognise", "broker"}
)
# "U.S. Congress", "Moscow officials"
INSTITUTIONS = frozenset(
    {"congress", "senate", "parliament", "government", "officials", "official", "president"}
    | {"administration", "leadership", "authorities", "diplomats", "embassy", "envoy", "regime"}
)
QUIET_STATES = frozenset({"unresponsive", "silent", "quiet", "opposed", "defiant", "firm"})
_BACKED = r"-\s*(?:backed|controlled|led|sponsored|funded|supported|aligned|allied|affiliated"
_BACKED += r"|friendly|installed|appointed|imposed|brokered|linked|armed|trained)\b"
_COMPOUND_AFTER = re.compile(r"^\s*" + _BACKED)
_COORDINATED_AFTER = re.compile(r"^\s*(?:and|or|,)\s+(?:the\s+)?[A-Z][\w'’.]*" + _BACKED)
_AT_BEFORE = re.compile(r"\b(?:in|at|outside|inside|near|into|to|from)\s+(?:the\s+)?$", re.I)


def is_metonym(mention: Mention, entry: Entry, *, text: str) -> bool:
    """Whether this mention of ``entry`` stands for a government rather than a place."""
    if entry.kind == "landmark":
        return not _AT_BEFORE.search(text[max(0, mention.start - 20) : mention.start])
    if not (entry.capital_of or entry.kind == "country"):
        return False
    after = text[mention.end : mention.end + 60]
    if _COMPOUND_AFTER.match(after) or _COORDINATED_AFTER.match(after):
        return True
    return mention.root is not None and _acts(mention.root)


def _acts(token: Any) -> bool:
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    dep, head = token.dep_, token.head
    lemma = head.lemma_.lower()
    if dep == "nsubj":
        return lemma in SPEECH_LEMMAS or (
            lemma in ("remain", "be", "stay")
            and any(
                child.dep_ == "acomp" and child.lower_ in QUIET_STATES for child in head.children
            )
        )
    if dep == "dobj":
        return lemma in ADDRESS_LEMMAS
    if dep == "compound":
        return head.lower_ in INSTITUTIONS
    if dep == "poss":
        return head.lemma_.lower() in AGENT_NOUNS or head.lower_ in AGENT_NOUNS
    if dep == "pobj" and head.lower_ == "by":
        return head.head.lemma_.lower() in AGENT_HEADS or head.head.lemma_.lower() in SPEECH_LEMMAS
    return False
