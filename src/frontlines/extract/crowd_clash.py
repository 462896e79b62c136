"""A clash whose only other side is a crowd is a riot or a demonstration met by the police.

"Police fired in the air and lobbed tear gas to ward off a stone-throwing mob"; "the motorcade
came under attack from stone-pelting mobs": the rules read a fight (Battles / Armed clash) but
find no armed group on the other side, because the crowd is named outside the verb's arguments
("to ward off a mob", "from mobs"). ACLED's battles are between organised armed groups; a mob or
a demonstration that fights the police is a riot (rioters first, the police second). A clash
told with no armed group on either side, whose own sentences name a crowd and no armed men
(gunmen, militants, rebels, fighters), is a demonstration
event: where the crowd is one of demonstrators or protesters, a violent demonstration when they
rioted (threw stones, burned) and otherwise a protest the police intervened in ("protesters tried
to force their way through the police line ... police pushed them back"); mob violence where it
is a mob.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from frontlines.extract.classify import Context, EventType, typed
from frontlines.extract.mentions import EventMention

CLASH = ("Battles", "Armed clash")
# What the rules read as the police acting on a demonstration; where the crowd is a mob, a riot.
POLICE_ON_CROWD = frozenset(
    {
        ("Protests", "Excessive force against protesters"),
        ("Protests", "Protest with intervention"),
    }
)
PROTEST_WORDS = re.compile(
    r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march\w*|procession|dharna|slogans?)\b",
    re.IGNORECASE,
)
# A side the rules read as armed: no crowd clash where one is named.
ARMED_SIDES = frozenset({"armed"})
MOB = re.compile(r"\b(?:mobs?|rioters|stone[- ](?:pelting|throwing|pelters))\b", re.IGNORECASE)
DEMONSTRATORS = re.compile(r"\b(?:protesters|protestors|demonstrators)\b", re.IGNORECASE)
# Words for an armed side: where the sentences name one, the clash may be with it.
FIGHTERS = re.compile(
    r"\b(?:gunm[ae]n|militants?|fighters?|rebels?|insurgents?|jihadists?|terrorists?|"
    r"militias?|militiam[ae]n|guerrill?as?)\b",
    re.IGNORECASE,
)


def crowd_clash(
    found: EventType, context: Context, cluster: Sequence[EventMention], *, text: str
) -> EventType | None:
    """The riot a clash with a crowd is, or None where ``found`` stands."""
    told = " ".join(text[m.start : m.end] for m in cluster)
    if found in POLICE_ON_CROWD and context.agent == "state" and _mob_only(told):
        # "Police fired at a riotous mob": force against a mob, not against a demonstration,
        # is ACLED's riot (the mob first, the police second).
        return typed("Mob violence")
    if found != CLASH or {context.agent, context.target} & ARMED_SIDES:
        return None
    if FIGHTERS.search(told):
        return None
    if DEMONSTRATORS.search(told):
        violent = "riot" in context.frames or MOB.search(told) is not None
        return typed("Violent demonstration" if violent else "Protest with intervention")
    if MOB.search(told):
        return typed("Mob violence")
    return None


def _mob_only(told: str) -> bool:
    """The crowd told of is a mob, with no demonstrators and no armed men among it."""
    return (
        MOB.search(told) is not None
        and DEMONSTRATORS.search(told) is None
        and FIGHTERS.search(told) is None
        and PROTEST_WORDS.search(told) is None
    )
