"""Find the words of a sentence that report an event, and how firmly they do.

A verb trigger reports an event by itself ("rebels attacked"). A noun trigger does when a verb
realises it ("launched an offensive", "clashes erupted", "killed in an airstrike"); otherwise a
definite noun ("the offensive", "their advance") only refers back to an event already reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from frontlines.extract.lexicon import Lexicon
from frontlines.extract.syntax import children, is_definite, lemma_of

Status = Literal["realized", "anaphoric", "bare"]

# Dependents that complete a phrasal trigger: "open fire", "shot dead", "took into custody".
PHRASE_DEPS = frozenset(
    {"prt", "dobj", "acomp", "oprd", "advmod", "attr", "npadvmod", "xcomp", "nsubjpass"}
)
# Object complements the parser may hang inside the object ("took 20 workers hostage").
COMPLEMENTS = frozenset({"hostage", "captive", "prisoner"})
PHRASE_PREP_DEPS = frozenset({"prep", "dative"})
DESCRIPTIVE_FRAMES = frozenset({"change_group", "base", "transfer", "agreement"})
EFFECT_PREPS = frozenset({"in", "during", "by", "from", "amid", "after", "following", "with"})
COUNTING_HEADS = frozenset(
    {"incident", "case", "report", "wave", "series", "spate", "round", "episode", "act", "day"}
)
# Gatherings a "protest" modifier makes a demonstration ("a protest meeting").
PROTEST_FORMS = frozenset(
    {"meeting", "movement", "gathering", "action", "program", "programme", "walk", "assembly"}
)
TAKING_PART = frozenset(
    {("in", "participate"), ("in", "engage"), ("in", "take"), ("on", "go"), ("in", "join")}
)
LABOUR_STRIKE = frozenset({"hunger", "general", "labour", "labor", "worker", "transport", "sit"})
WEAPON_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """One word (or verb phrase) that reports an event."""

    index: int
    lemma: str
    frame: str
    pos: Literal["verb", "noun"]
    weak: bool
    status: Status
    consumed: tuple[int, ...] = ()


def find_triggers(sentence: Any, lexicon: Lexicon) -> list[Trigger]:
    """Every trigger of the sentence, in text order; phrase objects are not triggers again."""
    found: list[Trigger] = []
    consumed: set[int] = set()
    for token in sentence:
        if token.i in consumed:
            continue
        trigger = None
        if _hyphenated(token) in lexicon.noun_frames:
            trigger = _noun_trigger(token, lexicon)
        elif token.pos_ == "VERB" and _nominal_gerund(token):
            trigger = _noun_trigger(token, lexicon, gerund=True)
        elif token.pos_ == "VERB":
            trigger = _verb_trigger(token, lexicon)
            if trigger is not None and _describes(token, trigger):
                trigger = None
        elif token.pos_ == "NOUN":
            trigger = _noun_trigger(token, lexicon)
        if trigger is not None:
            consumed.update(trigger.consumed)
            found.append(trigger)
    return [t for t in found if t.index not in consumed]


def _describes(token: Any, trigger: Trigger) -> bool:
    """A participle that says what a noun is ("fighters recruited in Iraq", "a base set up in
    2019") describes it; for violence ("civilians killed in the raid") it still tells the event."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and trigger.frame in DESCRIPTIVE_FRAMES


def _verb_trigger(token: Any, lexicon: Lexicon) -> Trigger | None:
    lemma = lemma_of(token)
    has_object = any(child.dep_ == "dobj" for child in token.children)
    for child, key in _phrase_keys(token, lemma):
        frame = lexicon.phrase_frames.get(key)
        if frame == "territory" and has_object and child.dep_ == "pobj":
            # "took out a march in the city" is no "take>city": what was taken is the object.
            continue
        if frame is not None:
            return Trigger(
                index=token.i,
                lemma=key,
                frame=frame,
                pos="verb",
                weak=key in lexicon.weak_verbs,
                status="realized",
                consumed=(child.i,),
            )
    if lemma in lexicon.weapon_verbs:
        weapon_objects = [
            obj
            for obj in children(token, "dobj", "nsubjpass")
            if _weapon_in_phrase(obj, lexicon) is not None
            and lemma_of(obj) not in lexicon.noun_frames  # "launched airstrikes": the noun reports
        ]
        if weapon_objects and lemma not in lexicon.verb_frames:
            # The weapon is the instrument, not the target: "used MANPADS".
            return Trigger(
                token.i,
                lemma,
                "attack",
                "verb",
                weak=False,
                status="realized",
                consumed=tuple(obj.i for obj in weapon_objects),
            )
    if lemma in lexicon.weapon_subject_verbs and any(
        _weapon_in_phrase(subject, lexicon) not in (None, "crowd_control", "firearm", "melee")
        for subject in children(token, "nsubj")
    ):
        return Trigger(token.i, lemma, "attack", "verb", weak=False, status="realized")
    frame = lexicon.verb_frames.get(lemma)
    if frame is None:
        return None
    if token.dep_ == "amod":
        # "repeated attempts", "Kremlin-controlled": participles used as adjectives, unless
        # they and their noun make a phrase ("by burning tyres").
        key = f"{lemma}>{lemma_of(token.head)}"
        phrase_frame = lexicon.phrase_frames.get(key)
        if phrase_frame is not None and token.tag_ == "VBG":
            return Trigger(token.i, key, phrase_frame, "verb", weak=False, status="realized")
        if not misparsed_verb(token):
            return None
    if frame == "diplomacy" and token.dep_ == "acl" and token.tag_ == "VBN":
        return None  # "a ceasefire negotiated by ...": what the thing is, not what happened
    return Trigger(
        index=token.i,
        lemma=lemma,
        frame=frame,
        pos="verb",
        weak=lemma in lexicon.weak_verbs,
        status="realized",
    )


def misparsed_verb(token: Any) -> bool:
    """A past-tense verb the parser hung on a noun as an adjective ("members of X (Y) assaulted
    and injured members of Z", parsed with the second "members" as the root): a verb still."""
    return bool(token.dep_ == "amod" and token.tag_ == "VBD" and token.i < token.head.i)


def _phrase_keys(token: Any, lemma: str) -> list[tuple[Any, str]]:
    keys: list[tuple[Any, str]] = []
    # "took place over a dispute" is no "take over": with an object of its own, the verb's
    # preposition is no particle.
    has_object = any(child.dep_ == "dobj" for child in token.children)
    for child in token.children:
        if child.dep_ in PHRASE_DEPS:
            keys.append((child, f"{lemma}>{lemma_of(child)}"))
            # "launched Operation Barkhane": the name's common noun completes the phrase.
            keys.extend(
                (child, f"{lemma}>{word.lower_}")
                for word in children(child, "compound")
                if child.pos_ == "PROPN" and word.pos_ == "PROPN"
            )
            # "took dozens of workers hostage", parsed with "hostage" inside the object.
            last = child.doc[child.right_edge.i]
            if child.dep_ == "dobj" and last.i != child.i and lemma_of(last) in COMPLEMENTS:
                keys.append((last, f"{lemma}>{lemma_of(last)}"))
        elif child.dep_ in PHRASE_PREP_DEPS and child.i > token.i:
            # "At the village, police fired in the air": a phrase placed before the verb sets
            # the scene; the preposition of a phrasal verb follows it ("fired at the crowd").
            if not has_object:
                keys.append((child, f"{lemma}>{child.lower_}"))
            keys.extend(
                (pobj, f"{lemma}>{lemma_of(pobj)}")
                for pobj in child.children
                if pobj.dep_ == "pobj"
            )
    return keys


def _nominal_gerund(token: Any) -> bool:
    """ "raids and shelling have increased": a gerund in a noun's place is a noun."""
    if token.tag_ != "VBG" or children(token, "dobj", "nsubj"):
        return False
    return token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr") or (
        token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN")
    )


def _noun_trigger(token: Any, lexicon: Lexicon, *, gerund: bool = False) -> Trigger | None:
    lemma = _hyphenated(token) or lemma_of(token)
    frame = lexicon.noun_frames.get(lemma) or (lexicon.verb_frames.get(lemma) if gerund else None)
    if lemma == "chain" and any(child.lower_ == "human" for child in token.children):
        frame = "protest"  # "formed a human chain"
    if lemma in PROTEST_FORMS and any(_compound_protest(c, lexicon) for c in token.children):
        frame = "protest"  # "a protest meeting", "a protest movement"
    if frame is None:
        return None
    if lemma == "march" and any(child.lower_ == "flag" for child in token.children):
        return None  # "a flag march": security forces parading to reassure, no demonstration
    if token.dep_ == "compound" and lemma_of(token.head) not in lexicon.noun_frames:
        return None  # "war crimes", "attack helicopter"
    if lemma == "strike" and _is_labour_strike(token):
        frame = "protest"
    if lemma == "attack" and any(c.lower_ == "ground" for c in token.children):
        frame = "clash"
    if frame == "agreement" and any(c.lower_ == "unilateral" for c in token.children):
        frame = "change_group"  # ACLED: a truce one side declares changes its activity
    status = noun_status(token, lexicon)
    return Trigger(
        index=token.i,
        lemma=lemma,
        frame=frame,
        pos="noun",
        weak=(
            lemma in lexicon.weak_nouns
            and not _weapon_modified(token, lexicon)
            and not _taken_out(token, token.head, lexicon)  # "took out a march": one was held
        ),
        status=status,
    )


def _taken_out(token: Any, verb: Any, lexicon: Lexicon) -> bool:
    """ "took out a procession", "rallies were taken out": South Asian English for holding a
    march; the particle makes it one ("took a march" alone says little)."""
    return (
        lemma_of(verb) == "take"
        and token.dep_ in ("dobj", "nsubjpass")
        and _names_protest(token, lexicon)
        and any(child.dep_ == "prt" and child.lower_ == "out" for child in verb.children)
    )


def _names_protest(token: Any, lexicon: Lexicon) -> bool:
    return lexicon.noun_frames.get(lemma_of(token)) == "protest"


def _compound_protest(token: Any, lexicon: Lexicon) -> bool:
    return token.dep_ == "compound" and lexicon.noun_frames.get(lemma_of(token)) == "protest"


def _habitual(token: Any, verb: Any) -> bool:
    """ "arbitrary arrests continue": a bare plural with a present-tense verb is what keeps
    happening, not an event."""
    bare = token.tag_ == "NNS" and not children(token, "det", "nummod", "poss")
    return bare and verb.tag_ in ("VBP", "VBZ")


def _hyphenated(token: Any) -> str | None:
    """ "sit-in", "cease-fire": words split at the hyphen, read from their last (head) part."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text not in ("-", "‐"):
        return None
    return f"{doc[token.i - 2].lower_}-{lemma_of(token)}"


def _is_labour_strike(token: Any) -> bool:
    modifiers = {lemma_of(child) for child in token.children}
    if modifiers & LABOUR_STRIKE:
        return True
    head = token.head
    return head.dep_ == "prep" and head.lower_ == "on" and lemma_of(head.head) == "go"


def _weapon_modified(token: Any, lexicon: Lexicon) -> bool:
    return any(
        child.dep_ in WEAPON_MODIFIER_DEPS and _weapon_in_phrase(child, lexicon) is not None
        for child in token.children
    )


def _weapon_in_phrase(token: Any, lexicon: Lexicon) -> str | None:
    found = lexicon.find_weapons([lemma_of(t) for t in token.subtree if not t.is_punct])
    return next((w for w in found if w != "crowd_control"), found[0] if found else None)


def noun_status(token: Any, lexicon: Lexicon) -> Status:
    """Whether a noun trigger reports its event, refers back to one, or neither."""
    if _realized(token, lexicon):
        return "realized"
    if token.dep_ == "conj" and _realized(token.head, lexicon):
        return "realized"
    if is_definite(token):
        return "anaphoric"
    return "bare"


def _realized(token: Any, lexicon: Lexicon) -> bool:
    head = token.head
    head_lemma = lemma_of(head)
    dep = token.dep_
    if head.i == token.i or dep == "ROOT":
        return True
    if head.pos_ in ("VERB", "AUX"):
        if head_lemma in lexicon.realizing_verbs and dep in ("dobj", "nsubjpass", "attr", "oprd"):
            return True
        if head_lemma in lexicon.occurring_verbs and dep == "nsubj" and not _habitual(token, head):
            return True
        if head_lemma == "be" and any(c.dep_ == "expl" for c in head.children):
            return True
        if _taken_out(token, head, lexicon):
            return True
        acted_on = lexicon.verb_frames.get(head_lemma) == "intervene"
        if acted_on and dep in ("dobj", "nsubjpass") and _names_protest(token, lexicon):
            return True  # "the march was dispersed": what was done to it tells it happened
    if dep == "pobj" and head.dep_ in ("prep", "agent"):
        governor = head.head
        governor_lemma = lemma_of(governor)
        if head.lower_ in EFFECT_PREPS and governor_lemma in lexicon.effect_verbs:
            return True
        if head.lower_ == "of" and governor_lemma in COUNTING_HEADS:
            return True
        if (head.lower_, governor_lemma) in TAKING_PART:
            return True  # "took part in a sit-in", "went on a hunger strike"
    return any(
        t.ent_type_ in ("DATE", "TIME")
        for child in token.children
        if child.dep_ in ("prep", "npadvmod", "poss", "compound", "nmod", "amod")
        for t in child.subtree
    )
