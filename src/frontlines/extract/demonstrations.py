"""What happens to a demonstration, told across sentences: who intervened and how.

A demonstration's later mentions often tell what was done to it ("police charged with batons and
dispersed the demonstrators", "security forces opened fire, killing three"). Their harm belongs
to the intervention, not to the crowd: it types the event as a protest with intervention or
excessive force, and the one who acted becomes the event's second side.
"""

from __future__ import annotations

from collections.abc import Sequence

from frontlines.extract.classify import HARM_FRAMES, ONE_SIDED, is_lethal
from frontlines.extract.mentions import INTERVENTIONS, EventMention
from frontlines.extract.roles import Participant

# Unnamed participants a demonstration makes protesters or rioters.
CROWDS = frozenset({"civilians", "partisans", "protesters", "rioters", "mob"})


def response_frames(mention: EventMention, main: EventMention) -> frozenset[str]:
    """A mention's frames; what the authorities did at a demonstration counts as their
    intervention in it ("police beat and dispersed them"), lethal force as such."""
    frames = mention.context.frames
    sub = mention.event_type[1]
    if sub in INTERVENTIONS:
        lethal = sub == "Excessive force against protesters"
    elif mention is not main and main.family == "protest" and acts_on_crowd(mention, main):
        lethal = is_lethal(mention.context)
    elif mention is not main and main.family == "protest" and mention.status == "consequence":
        if "kill" in frames and mention.context.victims & {"protesters"}:
            return (frames - HARM_FRAMES) | {"lethal_force"}  # "one protester was killed"
        return frames - HARM_FRAMES  # "several were injured" says nothing of who did it
    else:
        return frames
    return (frames - HARM_FRAMES) | {"lethal_force" if lethal else "intervene"}


def acts_on_crowd(mention: EventMention, main: EventMention | None = None) -> bool:
    """The authorities, an armed group, or anyone else who is not the crowd, acting at a
    demonstration or on its people ("unidentified men attacked the protesters", "ruling-party
    activists assaulted the marchers")."""
    context = mention.context
    if context.agent in ("state", "armed"):
        return True
    on_crowd = context.target in CROWDS or bool(context.victims & CROWDS)
    if on_crowd and context.agent is not None and context.agent not in CROWDS:
        return True
    # One side's assault on a demonstration by partisans who are not its own people (a clash,
    # where both sides fight, is the demonstration turning violent).
    one_sided = bool(context.frames & HARM_FRAMES) and (
        "clash" not in context.frames or bool(ONE_SIDED & context.lemmas)
    )
    if context.agent != "partisans" or not one_sided or not on_crowd:
        return False
    if context.target == "protesters" or "protesters" in context.victims:
        return True
    attacker, crowd = mention.roles.actor1, main.roles.actor1 if main else None
    return attacker is not None and crowd is not None and attacker.key != crowd.key


def intervener(
    mentions: Sequence[EventMention], *, crowd: Participant | None
) -> Participant | None:
    """Who acted on a demonstration in the mentions that tell its end ("police dispersed
    them"): a side that is neither its crowd nor its organisers."""
    for mention in mentions:
        for person in (mention.roles.actor1, mention.roles.actor2):
            if person is None or in_crowd(person):
                continue
            if crowd is None or person.key != crowd.key:
                return person
    return None


def in_crowd(person: Participant) -> bool:
    """Unnamed people, or "demonstrators" and "residents" as the generic actors that name any
    crowd: at a demonstration they are all its crowd."""
    if person.kind not in CROWDS:
        return False
    return person.actor is None or person.actor.kind in ("protesters", "civilians")
