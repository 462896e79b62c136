"""One strike told against several towns is one event per town.

"Russian missiles hit Kharkiv and Odesa, killing five" tells two strikes: ACLED codes one event
per location. A strong strike telling (shelling, a missile or an air/drone strike, a bomb) whose
sentence names two or more different towns joined by "and", "or" or commas is told again once per
town, each telling placed at its own town (``EventMention.site``), so that merging keeps them
apart. The toll is not split: it is the sentence's, and which town it belongs to is not said, so
it stays with the first town's telling and the others say nothing of it (never counted twice; a
later sentence that gives a town's own toll still joins that town's event).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from frontlines.extract.mentions import EventMention
from frontlines.extract.quantities import Figures

# A town named in the text: its characters and the town it is taken for.
Town = tuple[int, int, str]
# What may stand between two coordinated towns: "Kharkiv and Odesa", "Kyiv, Lviv or Odesa".
JOINT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)", re.IGNORECASE)
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
        for n, (start, end, _) in enumerate(run):
            figures = mention.figures if n == 0 else Figures()
            out.append(replace(mention, site=(start, end), figures=figures))
    return out


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
