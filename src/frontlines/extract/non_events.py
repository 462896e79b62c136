"""Event words that tell no ACLED event: deaths in accidents and illness, and generic statements.

- accidental: a killing whose cause is an accident, a disaster or an illness, told by the verb it
  hangs from ("crashed into the sea, killing 66"), its subject ("the flood killed 12") or its
  cause ("died of the disease", "were killed in a road accident");
- period tally: a killing told in a sentence that counts over a period ("so far", "to date",
  "in the last six days", "till March 12", "this year"): a toll of many happenings, not one;
- reference: an event noun that names the happening another one answers ("arrested in
  connection with Saturday's attack", "charged over the bombing"): that happening is told
  elsewhere, or is background;
- walkout: a protest told as a walkout of a legislature or a meeting ("walked out of the
  assembly protesting the ruling"): a move in a chamber, not a public demonstration;
- generic: an undated event verb in the simple present, which states what someone does in
  general ("Daesh kills Yazidis because they are Yazidi"), not what happened; reports tell
  happenings in the past tense (headlines, the exception, are masked before the parse).
"""

from __future__ import annotations

import re
from typing import Any

from frontlines.extract.lexicon import Lexicon
from frontlines.extract.syntax import lemma_of, path_to_root

# How a killing hangs from the verb that caused it: "crashed ..., killing 66".
CAUSED_BY = frozenset({"advcl", "xcomp", "conj"})
RELATIVES = frozenset({"that", "which", "who"})
CAUSE_PREPS = frozenset({"of", "from", "in", "after", "during"})
WALKOUT_PREPS = frozenset({"of", "from", "in"})
PERIOD = re.compile(
    r"\b(so far|to date|in total|a total of|till now|until now|this year"
    r"|till (?:date|\w+ \d+|\d+ \w+)|since the (?:start|beginning)"
    r"|(?:in|during|over|for) the (?:last|past) (?:\w+ )?(?:days|weeks|months|years))\b"
)


def accidental(token: Any, lexicon: Lexicon) -> str | None:
    """Why the trigger at ``token`` is a death by accident, disaster or illness, or None."""
    verbs, nouns = lexicon.cue("accident_verbs"), lexicon.cue("accident_nouns")
    if token.dep_ in CAUSED_BY and lemma_of(token.head) in verbs:
        return f"accident: {token.head.text}"
    for child in token.children:
        subject = child if child.dep_ in ("nsubj", "nsubjpass") else None
        if subject is not None and subject.lower_ in RELATIVES and token.dep_ == "relcl":
            subject = token.head  # "a bacteria that has killed 12": the noun the clause is on
        if subject is not None and lemma_of(subject) in nouns:
            return f"accident: {subject.text}"
        if child.dep_ == "prep" and child.lower_ in CAUSE_PREPS:
            for noun in child.children:
                if noun.dep_ == "pobj" and lemma_of(noun) in nouns:
                    return f"accident: {child.text} {noun.text}"
        if child.dep_ == "agent":
            for noun in child.children:
                if noun.dep_ == "pobj" and lemma_of(noun) in nouns:
                    return f"accident: by {noun.text}"
    return None


def period_tally(token: Any) -> str | None:
    """Why the trigger at ``token`` is counted over a period, or None."""
    found = PERIOD.search(token.sent.text.lower())
    return f"tally over a period: {found.group(0)}" if found else None


def reference(token: Any, lexicon: Lexicon) -> str | None:
    """Why the event noun at ``token`` only refers to a happening another one answers, or None."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.dep_ != "prep":
        return None
    heads = lexicon.cue_lists("reference_heads").get(preposition.lower_, frozenset())
    if lemma_of(preposition.head) in heads:
        return f"reference: {preposition.head.text} {preposition.text} {token.text}"
    return None


def generic(token: Any, *, dated: bool) -> str | None:
    """Why the trigger at ``token`` states a generality in the simple present, or None."""
    if dated or token.pos_ != "VERB" or token.tag_ not in ("VBZ", "VBP"):
        return None
    if any(child.dep_ in ("aux", "auxpass") for child in token.children):
        return None
    return f"generic present: {token.text}"


def walkout(token: Any, lexicon: Lexicon) -> str | None:
    """Why the protest trigger at ``token`` is a walkout of a chamber, or None: the trigger or
    a word it hangs from walks out ("walked out of the assembly", "staged a walkout from the
    house") of, from or in a chamber."""
    chambers = lexicon.cue("chambers")
    for word in (token, *path_to_root(token)):
        outs = [c for c in word.children if c.dep_ in ("prt", "prep") and c.lower_ == "out"]
        if lemma_of(word) == "walk" and outs:
            holders = [word, *outs]
        elif lemma_of(word) == "walkout":
            holders = [word, word.head]
        else:
            continue
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ not in WALKOUT_PREPS:
                    continue
                for noun in prep.children:
                    if noun.dep_ == "pobj" and lemma_of(noun) in chambers:
                        return f"walkout: {prep.text} {noun.text}"
    return None
