"""Which mentions of an article are one event.

A mention joins an earlier event when nothing contradicts it (same kind of event, no different
actor on either side, the same certainty, no different date, no other town, no other means of
striking, no count that makes it another: "the second bombing") and something ties it there: an
actor both name, or a reference back ("the offensive", "their advance"), or casualties that follow
a violent event ("five people were killed"). What was done to a demonstration ("police dispersed
them") joins it, and what a group did at the checkpoint it set up joins the checkpoint. Otherwise a
strong mention starts a new event (one that names nobody, or joins an event that names nobody,
joins it only within REACH sentences: in a long report, "a suicide bomber struck" ten paragraphs on
is another strike); a weak one starts one only when it names who acted; a bare or anaphoric one
with nothing to refer to is dropped, and so is a claim or denial beside events already told (it
speaks of them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from frontlines.extract.classify import kind_class
from frontlines.extract.demonstrations import CROWDS, in_crowd
from frontlines.extract.mentions import INTERVENTIONS, EventMention
from frontlines.extract.roles import Participant
from frontlines.extract.typing_context import class_of

# The specific places (towns, not countries) a mention names: within its ``site`` or ``phrase``
# where it has one, else within its sentence.
PlacesOf = Callable[[EventMention], frozenset[str]]
# Unnamed people in a crowd are one side whatever the article calls them.
CROWD = dict.fromkeys(CROWDS, "crowd")
DISPUTED = frozenset({"denied", "claimed"})
# What can be done to a demonstration, and the words that name one as a target ("foiled the
# rally").
RESPONSE_FAMILIES = frozenset({"protest", "violence", "arrest"})
PROTEST_WORDS = frozenset({"protest", "demonstration", "rally", "march", "procession", "sit-in"})
WARNING_SHOTS = frozenset({"fire>air"})
# How a strike from afar or a bomb was delivered: tellings of different means are different
# strikes ("two cars were destroyed by airstrikes, but another was detonated").
MEANS = {
    "Air/drone strike": "air",
    "Shelling/artillery/missile attack": "artillery",
    "Suicide bomb": "bomb",
    "Remote explosive/landmine/IED": "bomb",
    "Grenade": "grenade",
}
# Counting words that make a happening new whatever came before ("another attack").
FRESH = frozenset({"another", "separate"})
# How far back (in sentences) casualties or a back-reference may reach.
REACH = 6


def merge(
    mentions: Sequence[EventMention], *, places: PlacesOf | None = None
) -> list[list[EventMention]]:
    """Mentions grouped into events, each group in text order, groups by first mention.

    ``places`` gives the specific places a mention names; happenings told in different towns are
    different happenings ("in London ... In Tokyo, hundreds marched")."""
    clusters: list[list[EventMention]] = []
    for mention in mentions:
        if mention.status == "bare":
            continue
        candidates = clusters
        if places is not None and _placed(mention):
            # Happenings in different towns are different happenings ("in London ... In Tokyo,
            # hundreds marched"; "six were burnt alive in Navaseshan village"), whatever their kind;
            # "Saturday's attack" names the event wherever it is spoken of, but "the shelling of
            # Kharkiv" only an event in Kharkiv (or one told with no town).
            candidates = [c for c in clusters if not _elsewhere(c, mention, places)]
        if mention.ordinal is not None:
            candidates = [c for c in candidates if _counted_with(c, mention.ordinal)]
        target = _antecedent(candidates, mention, places=places)
        if target is not None:
            target.append(mention)
        elif mention.certainty in DISPUTED and _told_nearby(clusters, mention):
            continue  # a claim or denial beside events already told speaks of those events
        elif mention.status != "anaphoric" and (
            mention.status != "weak" or mention.roles.actor1 is not None
        ):
            clusters.append([mention])
    return clusters


def _placed(mention: EventMention) -> bool:
    """Whether the towns a mention names are where it happened: not so for a reference back
    spoken of anywhere ("frustration in Downing Street about Saturday's attack"), unless the
    naming phrase itself holds them ("the shelling of Kharkiv")."""
    return not mention.refers or mention.phrase is not None


def _elsewhere(cluster: list[EventMention], mention: EventMention, places: PlacesOf) -> bool:
    """Both name specific places, and none in common."""
    ours = places(mention)
    theirs = frozenset[str]().union(*(places(m) for m in cluster))
    return bool(ours and theirs and not ours & theirs)


def _counted_with(cluster: list[EventMention], ordinal: str) -> bool:
    """Whether a happening counted by ``ordinal`` may be the cluster's: "the second bombing"
    only the one told as the second; "the first attack" also one told with no count; "another
    attack" none."""
    counts = {m.ordinal for m in cluster} - {None}
    if ordinal in FRESH:
        return False
    return ordinal in counts or (ordinal == "first" and not counts)


def _told_nearby(clusters: list[list[EventMention]], mention: EventMention) -> bool:
    return any(0 <= mention.sentence - c[-1].sentence <= REACH for c in clusters)


def anchor(cluster: Sequence[EventMention]) -> EventMention:
    """The mention that reports the event most directly: the first strong one, the
    demonstration itself when the others tell what was done to it, or what was done at a new
    checkpoint."""
    if cluster[0].family == "protest":
        return cluster[0]
    if cluster[0].family == "base":
        # The act at a new checkpoint, if one is told, is the event ("robbed two trucks there").
        return next((m for m in cluster if m.family in ("loot", "violence")), cluster[0])
    for status in ("strong", "weak", "consequence"):
        for mention in cluster:
            if mention.status == status:
                return mention
    return cluster[0]


def _antecedent(
    clusters: list[list[EventMention]], mention: EventMention, *, places: PlacesOf | None = None
) -> list[EventMention] | None:
    candidates = [c for c in clusters if _compatible(c, mention)]
    if not candidates:
        return None
    if mention.status in ("anaphoric", "weak"):
        near = [c for c in candidates if mention.sentence - c[-1].sentence <= REACH]
        same_words = [c for c in near if _lemmas(c) & mention.lemmas]
        pool = same_words or near
        if not pool:
            return None
        return max(pool, key=lambda c: (len(c), c[-1].sentence))
    if mention.status == "consequence" or mention.certainty in DISPUTED:
        near = [c for c in candidates if mention.sentence - c[-1].sentence <= REACH]
        return max(near, key=lambda c: c[-1].sentence) if near else None
    tied = [c for c in candidates if _tied(c, mention) or _retold(c, mention, places)]
    return max(tied, key=lambda c: c[-1].sentence) if tied else None


def _retold(cluster: list[EventMention], mention: EventMention, places: PlacesOf | None) -> bool:
    """ "Saturday's attack" paragraphs after the attack of Saturday was told: a mention of the
    same day as the event, naming nobody the event does not, or only a side the event left
    unnamed (and none that conflicts: ``_compatible`` saw to that), in no other town, tells that
    event again."""
    day = _day(mention)
    if day is None or day not in {_day(m) for m in cluster}:
        return False
    if places is not None and _placed(mention) and _elsewhere(cluster, mention, places):
        return False  # "frustration in Downing Street about Saturday's attack": not its place
    ours = _ids(mention)
    if not ours or ours & set().union(*(_ids(m) for m in cluster)):
        return True
    # "five officers were killed in Dallas on Thursday" after "the shooting on Thursday was
    # carried out by a lone gunman": it names only a side the event left unnamed.
    return all(
        _side(cluster, side) is None
        for side, person in ((1, mention.roles.actor1), (2, mention.roles.actor2))
        if person is not None
    )


def _day(mention: EventMention) -> object:
    found = mention.date
    return found.value if found is not None and found.precision == "day" else None


def _lemmas(cluster: list[EventMention]) -> frozenset[str]:
    return frozenset().union(*(m.lemmas for m in cluster))


def _compatible(cluster: list[EventMention], mention: EventMention) -> bool:
    first = anchor(cluster)
    # A denial or a claim speaks of an event already told; "reportedly" may tell another one.
    # "Saturday's attack" names a happening: the hedges and sides of its clause are not its own.
    loose = (
        mention.status in ("anaphoric", "consequence")
        or mention.certainty in DISPUTED
        or mention.refers
    )
    joins = mention.status == "consequence" or (
        mention.status == "weak" and mention.family == "loot"
    )
    responds = _responds(cluster, mention)
    # What a group did at the checkpoint or base it set up is what the base was for.
    at_base = first.family == "base" and mention.family in ("loot", "violence")
    joins = joins or responds or at_base
    # "those arrested were later found dead": deaths that follow an arrest make it an attack.
    custody = first.family == "arrest" and mention.status == "consequence"
    if mention.family != first.family and not (
        (joins and first.family in ("violence", "protest", "base")) or custody
    ):
        return False
    if not loose and mention.certainty != first.certainty:
        return False
    both_strong = mention.status == "strong" and first.status == "strong"
    # A demonstration that turns violent stays one event (Protests or Riots).
    other_type = mention.event_type[0] != first.event_type[0] and mention.family != "protest"
    if not loose and both_strong and other_type and not responds:
        return False
    if not loose and both_strong and _other_means(first, mention):
        return False  # "destroyed by airstrikes, but another was detonated": two strikes
    unnamed = mention.roles.actor1 is None or mention.roles.actor1.actor is None
    if not (responds or (at_base and unnamed)) and _conflict(
        _side(cluster, 1), mention.roles.actor1
    ):
        return False
    if not (loose or responds) and _conflict(_side(cluster, 2), mention.roles.actor2):
        return False
    dated = [m.date for m in cluster if m.date is not None]
    # "one of the wounded died overnight": a later death still belongs to the event.
    later_death = mention.status == "consequence" and "kill" in mention.context.frames
    return later_death or not (
        mention.date is not None
        and dated
        and mention.date.precision == "day"
        and dated[0].precision == "day"
        and mention.date.value != dated[0].value
    )


def _other_means(first: EventMention, mention: EventMention) -> bool:
    """Whether two tellings strike by different means (an air strike, shelling, a bomb): two
    happenings, whatever else they share."""
    ours, theirs = MEANS.get(mention.event_type[1] or ""), MEANS.get(first.event_type[1] or "")
    return ours is not None and theirs is not None and ours != theirs


def _responds(cluster: list[EventMention], mention: EventMention) -> bool:
    """Whether the mention tells what was done to a demonstration ("police dispersed the
    protesting workers", "arrested 16 of them"): part of it, not an event of its own."""
    if anchor(cluster).family != "protest":
        return False
    if WARNING_SHOTS & mention.lemmas:
        return True  # "fired into the air" at a demonstration is part of breaking it up
    if mention.family not in RESPONSE_FAMILIES:
        return False
    if mention.event_type[1] in INTERVENTIONS or "intervene" in mention.context.frames:
        return True
    actor1, actor2 = mention.roles.actor1, mention.roles.actor2
    if mention.family == "arrest" and (actor1 is None or class_of(actor1) == "state"):
        return True  # "37 people were arrested", "police arrested some of them"
    if actor1 is None or _is_crowd(actor1) or _same(actor1, _side(cluster, 1)):
        return False
    return _is_crowd(actor2) or _same(actor2, _side(cluster, 1)) or _names_protest(mention)


def _same(person: Participant | None, other: Participant | None) -> bool:
    return person is not None and other is not None and person.key == other.key


def _names_protest(mention: EventMention) -> bool:
    return bool(set(mention.roles.objects) & PROTEST_WORDS)


def _is_crowd(person: Participant | None) -> bool:
    return person is not None and in_crowd(person)


def _side(cluster: list[EventMention], side: int) -> Participant | None:
    for mention in cluster:
        person = mention.roles.actor1 if side == 1 else mention.roles.actor2
        if person is not None:
            return person
    return None


def _conflict(known: Participant | None, new: Participant | None) -> bool:
    if known is None or new is None:
        return False
    if known.actor is not None and new.actor is not None:
        return known.actor.id != new.actor.id
    if known.kind is None or new.kind is None:
        return False
    return CROWD.get(known.kind, known.kind) != CROWD.get(new.kind, new.kind)


def _tied(cluster: list[EventMention], mention: EventMention) -> bool:
    if any(m.sentence == mention.sentence for m in cluster):
        return True
    near = mention.sentence - cluster[-1].sentence <= REACH
    if near and (_responds(cluster, mention) or anchor(cluster).family == "base"):
        return True
    for side in (1, 2):
        known, new = _side(cluster, side), _side([mention], side)
        if _same_kind(known, new):
            return True
    ours = _ids(mention)
    theirs = set().union(*(_ids(m) for m in cluster))
    if ours & theirs:
        return True
    # Nobody named on one side: only a nearby mention can be taken for the same happening.
    return near and (not ours or not theirs)


def _same_kind(known: Participant | None, new: Participant | None) -> bool:
    """ "its units" and "the Syrian army": an unnamed participant of the named one's kind."""
    if known is None or new is None or new.actor is not None or known.actor is None:
        return False
    return kind_class(known.actor.kind) is not None and kind_class(known.actor.kind) == kind_class(
        new.kind
    )


def _ids(mention: EventMention) -> set[str]:
    """Who a mention names; at a demonstration, unnamed people are all one crowd."""
    crowd = mention.family == "protest"
    return {
        "crowd" if crowd and in_crowd(person) else person.key
        for person in (mention.roles.actor1, mention.roles.actor2)
        if person is not None
    }
