"""Who did it to whom: actor1 (agent), actor2 (target) and their associates, from the parse.

Actors come from a lookup over the article's resolved actors (``ActorLookup``: character offsets to
an ``Actor`` or None). Where no actor is named, the head noun still tells what kind of participant
it is ("four civilians", "gunmen"), which typing needs and generic ACLED actors are named from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from frontlines.extract.lexicon import Lexicon
from frontlines.extract.syntax import (
    children,
    governing_clause,
    inherited_subjects,
    is_passive,
    lemma_of,
    name_span,
    phrase_span,
    preps,
    subjects,
    with_conjuncts,
)
from frontlines.extract.triggers import Trigger, misparsed_verb
from frontlines.model import Actor

ActorLookup = Callable[[int, int], Actor | None]

TARGET_PREPS = ("on", "against", "at", "upon", "targeting", "into", "toward", "towards")
OPPONENT_FRAMES = frozenset({"clash"})
# Frames of things that go off where they hit: "explosions occurred at the police station".
BLASTS = frozenset({"explosion", "shelling", "airstrike"})
OF_FRAMES = frozenset({"kill", "abduct", "arrest", "injure", "sexual", "territory", "attack"})
ALLY_PREPS = ("alongside", "backed", "supported", "assisted", "aided")
INCLUDING = ("including", "include", "among")
# Phrases whose grammatical subject is the target: "came under fire", "came under attack".
TARGET_SUBJECT_PHRASES = frozenset({"come>fire", "come>attack", "come>under"})
COLLECTIVE_HEADS = frozenset({"group", "faction"})
MEMBER_HEADS = frozenset(
    {"member", "one", "some", "many", "most", "all", "group", "faction", "section", "band",
     "force", "fighter", "militant", "soldier", "troop", "unit", "element",
     "gang", "team", "contingent", "batch", "number", "dozen", "hundred", "score"}
)  # fmt: skip
# Measures of goods: "seized 460 tons of wheat" took wheat.
MEASURE_NOUNS = frozenset(
    {"ton", "tonne", "kilogram", "kilo", "kg", "sack", "bag", "truckload", "barrel", "litre",
     "liter", "gallon", "crate", "box", "load", "quantity", "amount", "stock", "consignment"}
)  # fmt: skip
# Participant classes that, before an event noun, did it ("police firing", "militia raid").
ARMED_CLASSES = frozenset({"state_forces", "armed_group"})
FIRING = frozenset({"fire", "shoot", "shell", "bomb", "raid"})
CLAIMING = frozenset({"claim", "admit", "acknowledge"})
SAYING = frozenset({"say", "claim", "announce", "report", "state", "tell", "add", "insist"})
DEFENDING_VERBS = frozenset({"repel", "repulse", "thwart", "foil", "resist"})
VICTIM_SUBJECT_VERBS = frozenset({"die", "perish", "succumb", "drown", "starve"})
TIME_ENTS = frozenset({"DATE", "TIME"})
PRONOUNS = frozenset({"he", "she", "it", "they", "them", "him", "her", "who", "which", "that"})


@dataclass(frozen=True, slots=True)
class Participant:
    """One side of an event: a resolved actor, or at least a kind of participant."""

    actor: Actor | None
    kind: str | None
    head: str
    start: int
    end: int
    country: str | None = None  # an unnamed side's country, where the text tells it

    @property
    def key(self) -> str:
        return self.actor.id if self.actor else f"{self.kind}:{self.head}"


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: Participant | None = None
    assoc1: tuple[Participant, ...] = ()
    actor2: Participant | None = None
    assoc2: tuple[Participant, ...] = ()
    objects: tuple[str, ...] = ()  # lemmas of the target heads: "village", "house", "weapon"


def find_roles(token: Any, trigger: Trigger, *, lookup: ActorLookup, lexicon: Lexicon) -> Roles:
    """The roles of the event that ``token`` (the trigger's word) reports."""
    if trigger.pos == "verb":
        agents, targets = _verb_arguments(token, trigger, lexicon)
    else:
        agents, targets = _noun_arguments(token, trigger, lexicon)
    if not _resolve_all(targets, lookup, lexicon):
        targets = _caused_losses(token, lexicon) or targets
    allies = [ally for agent in agents for ally in _allies(agent, lexicon)]
    allies += [ally for ally in _allies(token, lexicon) if trigger.frame not in OPPONENT_FRAMES]
    included = [extra for target in targets for extra in _included(target)]
    agent_people = _resolve_all(agents, lookup, lexicon) or _demonstrators(agents, trigger)
    target_people = _resolve_all(targets, lookup, lexicon)
    actor1 = agent_people[0] if agent_people else None
    actor2 = target_people[0] if target_people else None
    assoc1 = _distinct(agent_people[1:] + _resolve_all(allies, lookup, lexicon), actor1)
    assoc2 = _distinct(target_people[1:] + _resolve_all(included, lookup, lexicon), actor2)
    return Roles(
        actor1=actor1,
        assoc1=assoc1,
        actor2=actor2,
        assoc2=assoc2,
        objects=tuple(_measured(t) for t in targets if t.ent_type_ not in TIME_ENTS),
    )


def _measured(token: Any) -> str:
    """The lemma of what a target names: "460 tons of wheat" names wheat."""
    if lemma_of(token) in MEASURE_NOUNS:
        inner = list(preps(token, "of"))
        if inner:
            return lemma_of(inner[0])
    return lemma_of(token)


def _verb_arguments(token: Any, trigger: Trigger, lexicon: Lexicon) -> tuple[list[Any], list[Any]]:
    if trigger.lemma in TARGET_SUBJECT_PHRASES:
        return with_conjuncts(list(preps(token, "from"))), subjects(token)
    between = _between(token)
    if between:
        return between
    misparsed = _misparsed_arguments(token)
    if misparsed is not None:
        return misparsed
    if token.dep_ == "acl" and token.tag_ == "VBN":
        # "aid workers killed in ...", "civilians abducted by gunmen": the noun is the target.
        return with_conjuncts(list(preps(token, "by"))), with_conjuncts([token.head])
    if lemma_of(token) in VICTIM_SUBJECT_VERBS:
        # "four soldiers died in the fighting": the subject is who was hit.
        return with_conjuncts(list(preps(token, "by", "at"))), subjects(token)
    # "Police foiled the rally" is no defence: the police acted on the rally.
    if lemma_of(token) in DEFENDING_VERBS and trigger.frame != "intervene":
        # "the army repelled an attack": the subject was attacked, the object attacked.
        attackers = with_conjuncts(children(token, "dobj")) if not is_passive(token) else []
        return attackers, inherited_subjects(token)
    agents = [
        agent for subject in inherited_subjects(token) for agent in _fired_by(subject, lexicon)
    ]
    if is_passive(token):
        targets = with_conjuncts(children(token, "nsubjpass"))
        if not agents:
            agents = _agents_of_means(token, lexicon)
    else:
        consumed = set(trigger.consumed)
        targets = [
            t
            for t in children(token, "dobj")
            if t.i not in consumed or participant_class(t, lexicon) is not None
        ]
        targets = with_conjuncts(targets)
    if not targets:
        targets = with_conjuncts(list(preps(token, *TARGET_PREPS)))
    if trigger.frame in OPPONENT_FRAMES and not targets:
        targets = with_conjuncts(list(preps(token, "with")))
    if trigger.frame == "transfer" and not targets:
        targets = with_conjuncts(list(preps(token, "from", "to")))
    return agents, targets


def _agents_of_means(token: Any, lexicon: Lexicon) -> list[Any]:
    """Who did it, named before the event noun it was done in: "killed in police firing",
    "wounded in an Israeli strike"."""
    found: list[Any] = []
    for means in preps(token, "in"):
        if participant_class(means, lexicon) in ARMED_CLASSES and any(
            child.dep_ == "acl" and lemma_of(child) in FIRING for child in means.children
        ):
            found.append(means)  # "police firing", parsed as "police" with a clause "firing"
        elif lemma_of(means) in lexicon.noun_frames:
            found += [
                modifier
                for modifier in means.children
                if modifier.dep_ in ("compound", "amod", "poss")
                and (_names(modifier) or participant_class(modifier, lexicon) in ARMED_CLASSES)
            ]
    return found


def _misparsed_arguments(token: Any) -> tuple[list[Any], list[Any]] | None:
    """Who did what to whom where the parser lost the main verb: a past-tense verb hung on its
    object as an adjective (its subject is still its own), or a verb hung on a noun of a
    sentence whose root is a noun ("supporters of a candidate stabbed and killed a rival":
    the root noun acted, the verb's object was hit)."""
    if misparsed_verb(token):
        return with_conjuncts(subjects(token)), with_conjuncts([token.head])
    root = token.sent.root
    if token.dep_ != "acl" or root.pos_ not in ("NOUN", "PROPN") or not root.i < token.i:
        return None
    objects = children(token, "dobj") or [
        obj for verb in token.conjuncts for obj in children(verb, "dobj")
    ]
    if not objects or token.head.i == root.i:
        return None
    return with_conjuncts([root]), with_conjuncts(objects)


def _fired_by(subject: Any, lexicon: Lexicon) -> list[Any]:
    """Who acted through the subject: "shells fired by the RSF struck the camp" names the RSF;
    any other subject is the agent itself."""
    if lexicon.weapon_class((lemma_of(subject),)) is not None:
        for child in subject.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                users = with_conjuncts(list(preps(child, "by")))
                if users:
                    return users
    return [subject]


def _noun_arguments(token: Any, trigger: Trigger, lexicon: Lexicon) -> tuple[list[Any], list[Any]]:
    between = _between(token)
    if between:
        return between
    agents = children(token, "poss") + list(preps(token, "by"))
    agents += [
        m
        for m in token.children
        if m.dep_ in ("compound", "amod")
        and (_names(m) or participant_class(m, lexicon) in ARMED_CLASSES)
    ]  # "Israeli strike", "police firing", "army shelling"
    targets = list(preps(token, *TARGET_PREPS))
    if trigger.frame in OPPONENT_FRAMES:
        targets += list(preps(token, "with"))
    if trigger.frame in OF_FRAMES and not targets:
        targets += list(preps(token, "of"))
    claimant = _claimant(token)
    if claimant and not agents:
        agents = claimant
    verb = token.head
    if verb.pos_ == "VERB" and lemma_of(verb) in lexicon.realizing_verbs:
        if not agents and token.dep_ in ("dobj", "attr"):
            agents = inherited_subjects(verb)
        elif not agents and token.dep_ == "nsubjpass":
            agents = list(preps(verb, "by"))
        targets += list(preps(verb, *TARGET_PREPS))
    elif (
        trigger.frame in BLASTS
        and token.dep_ == "nsubj"
        and not targets
        and _occurred(verb, lexicon)
    ):
        # "two explosions occurred at the military checkpoint": where it went off, it hit.
        targets += list(preps(verb, *TARGET_PREPS))
    if not targets:
        targets = _victims_of_clause(token, lexicon)
    return with_conjuncts(agents), with_conjuncts(targets)


def _occurred(verb: Any, lexicon: Lexicon) -> bool:
    return verb.pos_ == "VERB" and lemma_of(verb) in lexicon.occurring_verbs


def _claimant(token: Any) -> list[Any]:
    """Who claims to have done it: "IS claimed the attack", "claimed responsibility for it"."""
    head = token.head
    if head.dep_ == "prep" and head.lower_ == "for" and lemma_of(head.head) == "responsibility":
        head = head.head.head
    if lemma_of(head) in CLAIMING and head.pos_ == "VERB":
        return subjects(head)
    return []


def _names(token: Any) -> bool:
    return token.ent_type_ in ("NORP", "ORG", "GPE", "PERSON") or token.pos_ == "PROPN"


def _between(token: Any) -> tuple[list[Any], list[Any]] | None:
    sides = with_conjuncts(list(preps(token, "between")))
    if len(sides) >= 2:
        return [sides[0]], sides[1:]
    return None


def _victims_of_clause(token: Any, lexicon: Lexicon) -> list[Any]:
    """Subjects that suffered: "X were caught off guard ... in the operation"."""
    clause = governing_clause(token)
    lemma = lemma_of(clause)
    if lemma not in lexicon.cue("victim_predicates"):
        return []
    if is_passive(clause) or lemma in lexicon.cue("victim_actives"):
        return subjects(clause)
    return []


def _caused_losses(token: Any, lexicon: Lexicon) -> list[Any]:
    """ "causing considerable losses to Russian aircraft", "inflicting casualties on the enemy"."""
    causes = lexicon.cue("cause_verbs")
    losses = lexicon.cue("loss_nouns")
    for clause in token.children:
        if lemma_of(clause) not in causes:
            continue
        for loss in children(clause, "dobj") + list(preps(clause, "in")):
            if lemma_of(loss) in losses:
                return list(preps(loss, "to", "on", "among", "for"))
    return []


def _allies(token: Any, lexicon: Lexicon) -> list[Any]:
    support = lexicon.cue("support_nouns")
    found = [
        pobj
        for pobj in preps(token, "with", "alongside")
        if lemma_of(pobj) in support or _names(pobj) or token.pos_ in ("NOUN", "PROPN")
    ]
    for child in token.children:
        if child.dep_ in ("acl", "amod") and child.lower_ in ALLY_PREPS:
            found += list(preps(child, "by"))
    found += [pobj for pobj in preps(token, "with") if lemma_of(pobj) in support]
    return list(dict.fromkeys(found))


def _included(token: Any) -> list[Any]:
    found: list[Any] = []
    for child in token.children:
        if child.lower_ in INCLUDING and child.dep_ in ("prep", "acl"):
            found += [c for c in child.children if c.dep_ in ("pobj", "dobj")]
    return with_conjuncts(found)


def _demonstrators(agents: list[Any], trigger: Trigger) -> list[Participant]:
    """ "rickshaw pullers staged a rally": whoever demonstrates is a protester, named or not."""
    if trigger.frame != "protest":
        return []
    return [
        Participant(actor=None, kind="protesters", head=lemma_of(agent), start=start, end=end)
        for agent in agents
        if agent.pos_ in ("NOUN", "PROPN") and agent.lower_ not in PRONOUNS
        for start, end in (phrase_span(agent),)
    ]


def _resolve_all(tokens: list[Any], lookup: ActorLookup, lexicon: Lexicon) -> list[Participant]:
    people = [t for t in tokens if t.ent_type_ not in TIME_ENTS]
    resolved = [participant(token, lookup=lookup, lexicon=lexicon) for token in people]
    return [p for p in resolved if p is not None]


def _distinct(people: list[Participant], main: Participant | None) -> tuple[Participant, ...]:
    seen = {main.key} if main else set()
    kept: list[Participant] = []
    for person in people:
        if person.actor is None or person.key in seen:
            continue
        seen.add(person.key)
        kept.append(person)
    return tuple(kept)


def participant(token: Any, *, lookup: ActorLookup, lexicon: Lexicon) -> Participant | None:
    """The actor a noun phrase names, or the kind of participant its head noun is."""
    if token.lower_ in PRONOUNS:
        return None
    head = _member_head(token)
    start, end = phrase_span(token)
    owner = lookup(*phrase_span(head)) if head.i != token.i else None
    # "members of the Wagner Group", "security forces of HTS": the group named after "of".
    actor = (
        owner
        or lookup(token.idx, token.idx + len(token.text))
        or lookup(*name_span(token))
        or lookup(start, end)
    )
    kind = participant_class(head, lexicon) or participant_class(token, lexicon)
    word = lemma_of(token)
    if actor is None and (kind is None or lemma_of(token) in lexicon.owner_nouns):
        for modifier in token.children:
            if modifier.dep_ in ("compound", "amod", "poss", "nmod"):
                actor = actor or lookup(modifier.idx, modifier.idx + len(modifier.text))
                if kind is None and participant_class(modifier, lexicon) is not None:
                    # "a police station" is the police's: named by who owns it.
                    kind, word = participant_class(modifier, lexicon), lemma_of(modifier)
    if actor is None and kind is None:
        return None
    country = _speakers_country(token, lookup) if actor is None else None
    return Participant(actor=actor, kind=kind, head=word, start=start, end=end, country=country)


def _speakers_country(token: Any, lookup: ActorLookup) -> str | None:
    """Whose "its forces" these are: the country of who said so ("Russia's Defence Ministry
    said its forces had taken the plant")."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
        return None
    for ancestor in token.ancestors:
        if lemma_of(ancestor) in SAYING:
            for subject in children(ancestor, "nsubj"):
                speaker = lookup(*phrase_span(subject))
                if speaker is not None:
                    return speaker.country
            return None
    return None


def _member_head(token: Any) -> Any:
    """ "a member of the Fulani community" is one of the community; "four of them" likewise."""
    if lemma_of(token) in MEMBER_HEADS or token.like_num:
        inner = list(preps(token, "of"))
        if inner:
            return inner[0]
    return token


def participant_class(token: Any, lexicon: Lexicon) -> str | None:
    lemma = lemma_of(token)
    modifiers = [child for child in token.children if child.dep_ in ("compound", "amod")]
    for child in modifiers:
        joined = f"{lemma_of(child)} {lemma}"
        if joined in lexicon.participants:
            return lexicon.participants[joined]
    found = lexicon.participants.get(lemma) or lexicon.participants.get(token.lower_)
    if found == "partisans" and lemma in COLLECTIVE_HEADS:
        # "the Urban Guerrilla Group", "a militia faction": the group is what its name says.
        for child in modifiers:
            inner = lexicon.participants.get(lemma_of(child))
            if inner in ("armed_group", "state_forces"):
                return inner
    return found
