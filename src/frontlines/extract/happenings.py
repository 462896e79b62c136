"""Is a group of mentions a new happening of this report, or only words about one?

``merge`` groups an article's mentions into would-be events; here each group is weighed as a
whole before it becomes an ``Event``. A group is left out when, taken together, its mentions:

- only foresee it: every mention is expected ("will attack", "are to march"): a plan or a
  threat, not a happening;
- only tell consequences or refer back, in a report longer than a note: "five people were
  killed", "the attack", with no act they follow, are a toll or a reminder of something told
  elsewhere (background, an aggregate), not a happening of their own; in a note or snippet of a
  few sentences they are the news, and so are arrests told in the lede with a day of their own
  ("five activists were arrested on Friday") and dated killings told by their manner ("three
  people were stabbed to death on Sunday");
- name nobody, count nobody and date nothing, past the headline and lede: an event word with no
  side, no toll and no day of its own ("the fighting", "a clash of views") is too thin to be a
  happening an analyst could code; a strike told by its means ("destroyed by airstrikes", "a
  bomb exploded") is one even unnamed.
"""

from __future__ import annotations

from collections.abc import Sequence

from frontlines.extract.mentions import EventMention
from frontlines.extract.merge import MEANS

# What a mention must be for a group to report an act, not only what followed one.
ACTS = frozenset({"strong", "weak"})
FORESEEN = frozenset({"expected"})
ARRESTS = frozenset({"arrest"})
# Killings told by how they were done: the act, not only its toll.
MANNERS = frozenset(
    {"stab>death", "shoot>dead", "hack>death", "beat>death", "burn>death", "gun>down", "lynch"}
)
# The headline and lede tell the report's happening even in few words.
LEDE = 2
# A text this short (a note, a snippet) tells nothing but its news.
SHORT = 6


def left_out(cluster: Sequence[EventMention], *, sentences: int) -> str | None:
    """Why the group of mentions is no happening of a report of ``sentences`` sentences, or
    None when it is one."""
    if all(mention.certainty in FORESEEN for mention in cluster):
        return "foreseen: " + cluster[0].certainty
    acts = any(mention.status in ACTS for mention in cluster)
    arrests_told = all(m.context.frames == ARRESTS for m in cluster)
    news = any(map(_manner_told, cluster)) or (arrests_told and any(map(_news_arrest, cluster)))
    if sentences > SHORT and not acts and not news:
        return "consequences only"
    if cluster[0].sentence >= LEDE and _thin(cluster):
        return "no side, toll or date"
    return None


def _news_arrest(mention: EventMention) -> bool:
    """ "Five activists were arrested on Friday": arrests told in the headline or lede with a
    day of their own, in the sentence's main clause, are the report's news, an event ACLED
    codes, not the aftermath of another happening ("identified him when he was arrested on
    October 2" frames other news; "6,000 have been detained since" is a tally)."""
    dated = mention.date is not None and not mention.refers
    return dated and mention.sentence < LEDE and not mention.aside


def _manner_told(mention: EventMention) -> bool:
    """ "Three people were stabbed to death on Sunday": a killing told by how it was done and
    dated, in the sentence's main clause, is an act of its own, not only a toll."""
    dated = mention.date is not None and not mention.refers and not mention.aside
    return dated and bool(mention.lemmas & MANNERS)


def _thin(cluster: Sequence[EventMention]) -> bool:
    for mention in cluster:
        if mention.status == "strong" and mention.event_type[1] in MEANS:
            return False  # "two cars were destroyed by airstrikes": a strike, told as one
        roles = mention.roles
        if roles.actor1 is not None or roles.actor2 is not None:
            return False
        if mention.figures.fatalities is not None or mention.date is not None:
            return False
    return True
