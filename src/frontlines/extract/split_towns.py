"""One strike told against several towns is one event per town.

"Russian missiles hit Kharkiv and Odesa, killing five" tells two strikes: ACLED codes one event
per location. A strong strike telling (shelling, a missile or an air/drone strike, a bomb) whose
sentence names two or more different towns joined by "and", "or" or commas ("Kharkiv and the city
of Odesa" too) is told again once per town, each telling placed at its own town
(``EventMention.site``), so that merging keeps them apart. The sentence's toll is split as ACLED
splits a toll one report gives for several locations: evenly between the events, what does not
divide going one each to the first towns (five killed in three towns: 2, 2, 1), so the article's
total is kept and never counted twice. Each share is an estimate, marked vague, so a later
sentence that gives a town's own toll ("three died in Odesa") joins that town's event and wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from frontlines.extract.mentions import EventMention

# A town named in the text: its characters and the town it is taken for.
Town = tuple[int, int, str]
# What may stand between two coordinated towns: "Kharkiv and Odesa", "Kyiv, Lviv or Odesa",
# "Kharkiv and the city of Odesa", "Kharkiv as well as the port of Odesa".
JOINT = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*|,?\s*as\s+well\s+as\s+)"
    r"(?:the\s+(?:(?:nearby|neighbou?ring|southern|northern|eastern|western)\s+)?"
    r"(?:city|town|village|port|district|province|region|capital|suburb)\s+of\s+)?",
    re.IGNORECASE,
)
STRIKES = frozenset({"Explosions/Remote violence"})
# Towns a strike came from are not its targets ("shelled Sumy from Kursk and Belgorod").
ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)


def by_town(
    mentions: Sequence[EventMention], *, text: str, towns: Sequence[Town]
) -> list[EventMention]:
    """The mentions, each strike told against a coordination of towns split into one per town."""
    out: list[EventMention] = []
    for mention in mentions:
        run = _coordinated(mention, text=text, towns=towns)
        if (
            len(run) < 2
            or ORIGIN.search(text[mention.start : run[0][0]]) is not None
            or mention.status != "strong"
            or mention.event_type[0] not in STRIKES
        ):
            out.append(mention)
            continue
        shares = split_toll(mention.figures.fatalities, towns=len(run))
        for n, ((start, end, _), share) in enumerate(zip(run, shares, strict=True)):
            figures = replace(
                mention.figures,
                quantities=mention.figures.quantities if n == 0 else (),
                fatalities=share,
                vague=mention.figures.vague or bool(mention.figures.fatalities),
            )
            out.append(replace(mention, site=(start, end), figures=figures))
    return out


def split_toll(fatalities: int | None, *, towns: int) -> list[int | None]:
    """ACLED's split of one toll over ``towns`` events: even shares, what does not divide one
    each to the first (5 over 3: 2, 2, 1); no toll stays no toll, and nobody killed stays 0."""
    if fatalities is None:
        return [None] * towns
    share, left = divmod(fatalities, towns)
    return [share + (n < left) for n in range(towns)]


def _coordinated(mention: EventMention, *, text: str, towns: Sequence[Town]) -> list[Town]:
    """The longest run of different towns, joined by "and", "or" or commas, in the mention."""
    inside = [t for t in towns if mention.start <= t[0] and t[1] <= mention.end]
    best: list[Town] = []
    run: list[Town] = []
    for town in inside:
        joined = (
            run
            and JOINT.fullmatch(text[run[-1][1] : town[0]]) is not None
            and town[2] not in {t[2] for t in run}
        )
        run = [*run, town] if joined else [town]
        if len(run) > len(best):
            best = run
    return best
