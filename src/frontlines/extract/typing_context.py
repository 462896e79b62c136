"""What typing looks at for one mention: frames, weapons, participants, targets."""

from __future__ import annotations

from typing import Any

from frontlines.extract.classify import Context, kind_class
from frontlines.extract.lexicon import Lexicon
from frontlines.extract.roles import Participant, Roles
from frontlines.extract.syntax import children, lemma_of
from frontlines.extract.triggers import Trigger

# Frames that, with no one named as doing them, only add to an event: "six were arrested".
CONSEQUENCE_FRAMES = frozenset({"kill", "injure", "arrest"})
INSTRUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "compound", "amod", "nmod"})
INSTRUMENT_PREPS = frozenset({"with", "using", "by", "from"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
TAKING_CONTROL = frozenset({"take>control", "take>over", "gain>control", "seize>control"})
PROTEST_PREPS = frozenset({"during", "at", "on", "in"})
TERROR_WORDS = frozenset({"terror", "terrorist"})
# Fighting between communities ("communal clashes", "a clash between two communities").
COMMUNAL_WORDS = frozenset({"communal", "community"})
AMID_PREPS = frozenset({"during", "amid", "amidst"})


def build_context(
    group: list[Trigger], found: list[Roles], roles: Roles, doc: Any, lexicon: Lexicon
) -> Context:
    weapons: set[str] = set()
    for trigger in group:
        weapons.update(_weapons(doc[trigger.index], lexicon))
    victims = {
        class_of(r.actor2)
        for trigger, r in zip(group, found, strict=True)
        if trigger.frame in CONSEQUENCE_FRAMES
    }
    taken = {
        obj
        for trigger, r in zip(group, found, strict=True)
        if trigger.frame in ("territory", "transfer")
        for obj in r.objects
    }
    agent = roles.actor1
    return Context(
        frames=frozenset(t.frame for t in group),
        weapons=frozenset(weapons),
        agent=class_of(agent),
        target=class_of(roles.actor2),
        victims=frozenset(v for v in victims if v),
        objects=frozenset(roles.objects),
        territory=bool(taken & lexicon.territory_nouns) or _place_object(group, doc),
        property=bool(set(roles.objects) & lexicon.property_nouns),
        materiel=bool(set(roles.objects) & lexicon.materiel_nouns),
        lemmas=frozenset(t.lemma for t in group) | _terror(group, doc) | _communal(group, doc),
        named_agent=agent is not None and agent.actor is not None,
        at_protest=_at_protest(group, doc, lexicon),
    )


def _terror(group: list[Trigger], doc: Any) -> frozenset[str]:
    """ "terror" where a trigger is called terrorism ("a terror attack", "terrorist attack")."""
    for trigger in group:
        for child in doc[trigger.index].children:
            if child.dep_ in ("compound", "amod") and lemma_of(child) in TERROR_WORDS:
                return frozenset({"terror"})
    return frozenset()


def _communal(group: list[Trigger], doc: Any) -> frozenset[str]:
    """ "communal" where a clash is told as one between communities: "communal clashes", "a
    clash between two communities"."""
    for trigger in group:
        if trigger.frame != "clash":
            continue
        for child in doc[trigger.index].children:
            if child.dep_ in ("compound", "amod") and lemma_of(child) in COMMUNAL_WORDS:
                return frozenset({"communal"})
            if child.dep_ == "prep" and child.lower_ == "between":
                sides = [t for t in child.subtree if lemma_of(t) in COMMUNAL_WORDS]
                if sides:
                    return frozenset({"communal"})
    return frozenset()


def _at_protest(group: list[Trigger], doc: Any, lexicon: Lexicon) -> bool:
    """Whether the act was done at someone's demonstration ("assaulted BNP members during
    their rally"): a protest noun in a time or place phrase beside another frame."""
    if all(trigger.frame == "protest" for trigger in group):
        return False
    for trigger in group:
        token = doc[trigger.index]
        noun = trigger.frame == "protest" and trigger.pos == "noun"
        if noun and token.dep_ == "pobj" and token.head.lower_ in PROTEST_PREPS:
            return True
    # "clashed with police during their demonstration", "torched buses amid the protests"
    return any(
        token.dep_ == "pobj"
        and token.head.lower_ in AMID_PREPS
        and lexicon.noun_frames.get(lemma_of(token)) == "protest"
        for token in doc[group[0].index].sent
    )


def class_of(person: Participant | None) -> str | None:
    if person is None:
        return None
    if person.actor is not None and person.actor.kind not in ("other", None):
        return kind_class(person.actor.kind) or kind_class(person.kind)
    return kind_class(person.kind)


def _place_object(group: list[Trigger], doc: Any) -> bool:
    for trigger in group:
        if trigger.frame not in ("territory", "transfer"):
            continue
        if trigger.lemma in TAKING_CONTROL:
            return True
        token = doc[trigger.index]
        taken = children(token, "dobj", "nsubjpass") + [
            pobj
            for prep in children(token, "prep")
            if prep.lower_ == "of"
            for pobj in prep.children
        ]
        if any(t.ent_type_ in PLACE_ENTS for t in taken):
            return True
    return False


def _weapons(token: Any, lexicon: Lexicon) -> set[str]:
    """Weapon classes the event was carried out with: the trigger's own words ("drone strike"),
    its instrument and subject ("fired artillery", "with machetes", "a shell exploded")."""
    anchors = [token]
    if token.pos_ != "VERB" and token.head.pos_ == "VERB":
        anchors.append(token.head)
    spans = [token]
    for anchor in anchors:
        for child in anchor.children:
            if child.dep_ in INSTRUMENT_DEPS:
                spans.append(child)
            elif child.dep_ in ("prep", "agent") and child.lower_ in INSTRUMENT_PREPS:
                spans.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
            elif child.dep_ in ("advcl", "xcomp") and lemma_of(child) in lexicon.weapon_verbs:
                spans.extend(children(child, "dobj"))
    found: set[str] = set()
    for span in spans:
        lemmas = [lemma_of(t) for t in span.subtree if not t.is_punct]
        found.update(lexicon.find_weapons(lemmas))
    return found
