"""The other side of a battle the text tells with one side only.

ACLED codes every battle between two armed sides. "Heavy fighting resumed in Aleppo" or "the
peshmerga overran three villages" name one side or none; the reader takes the other from the
story: the state's forces fight the article's armed group, and the armed group the state's
forces. ``armed_forces`` ranks the article's fighting forces by how often it names them, and
``opponent`` picks, for one side, the most-named force of the other kind.
"""

from __future__ import annotations

from collections.abc import Sequence

from frontlines.model import Actor, ActorRef

STATE = frozenset({"state forces"})
NON_STATE = frozenset({"rebel group", "political militia", "militia", "identity militia"})


def armed_forces(actors: Sequence[Actor]) -> tuple[Actor, ...]:
    """The article's state forces and armed groups, the most-named first (earliest on a tie)."""
    armed = [actor for actor in actors if actor.kind in STATE | NON_STATE and actor.mentions]
    return tuple(sorted(armed, key=lambda a: (-len(a.mentions), min(m.start for m in a.mentions))))


def opponent(side: ActorRef, forces: Sequence[Actor]) -> ActorRef | None:
    """The most-named force of the kind that fights ``side``: an armed group for state forces,
    state forces for an armed group; None for any other side or where the article names none."""
    if side.kind in STATE:
        wanted = NON_STATE
    elif side.kind in NON_STATE:
        wanted = STATE
    else:
        return None
    return next((f.ref() for f in forces if f.kind in wanted and f.id != side.id), None)


def both_sides(forces: Sequence[Actor]) -> tuple[ActorRef, ActorRef] | None:
    """A battle with no side named: the article's most-named state forces against its
    most-named armed group, where it names both."""
    state = next((f for f in forces if f.kind in STATE), None)
    if state is None:
        return None
    other = opponent(state.ref(), forces)
    return (state.ref(), other) if other is not None else None
