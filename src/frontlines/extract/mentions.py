"""One sentence's event mentions: triggers grouped, typed, placed in time, hedged and sourced.

Triggers joined by the parse ("captured ... territory, liberating villages"; "attacked the village,
killing five") are one mention, unless the article hedges them differently ("took prisoners and
reportedly killed"). A mention is ``strong`` when it reports an event by itself, ``weak`` when it
needs an actor or an earlier event to count ("advanced"), ``anaphoric`` when it only refers back
("the offensive"), and a ``consequence`` when it only adds casualties ("five people were killed").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from frontlines.extract.background import background_reason, stale
from frontlines.extract.certainty import certainty, sources
from frontlines.extract.classify import Context, classify
from frontlines.extract.dates import RECENT, EventDate, resolved_spans
from frontlines.extract.grouping import group_triggers, share_tokens
from frontlines.extract.lexicon import Lexicon
from frontlines.extract.quantities import Figures, read_figures
from frontlines.extract.roles import ActorLookup, Participant, Roles, find_roles
from frontlines.extract.story_time import in_history
from frontlines.extract.syntax import children, is_definite, lemma_of, path_to_root
from frontlines.extract.triggers import Trigger, find_triggers
from frontlines.extract.typing_context import CONSEQUENCE_FRAMES, build_context

INTERVENTIONS = frozenset({"Protest with intervention", "Excessive force against protesters"})
FAMILIES = {
    "protest": "protest", "riot": "protest", "mob": "protest", "intervene": "protest",
    "diplomacy": "diplomacy",
    "arrest": "arrest", "loot": "loot", "disrupted": "disrupted", "agreement": "agreement",
    "base": "base", "change_group": "change_group", "transfer": "transfer", "other": "other",
    "intimidate": "other",
}  # fmt: skip

SUBORDINATE_DEPS = frozenset({"advcl", "relcl"})
# Verbs of saying: a date on them is when it was said ("officials said Tuesday").
SAYING_VERBS = frozenset({"say", "tell", "announce", "report", "state", "add", "confirm"})


@dataclass(frozen=True, slots=True)
class EventMention:
    """What one sentence says about one event."""

    sentence: int
    start: int
    end: int
    head: int
    triggers: tuple[Trigger, ...]
    status: str
    family: str
    context: Context
    roles: Roles
    event_type: tuple[str | None, str | None]
    date: EventDate | None
    iterative: bool
    figures: Figures
    certainty: str
    sources: tuple[str, ...]
    # Named by a definite noun ("Saturday's attack", "the bombing", "the explosion targeted a
    # bakery"): a name for a happening, which may have been told already.
    refers: bool = False
    # "the second bombing", "another attack": the word that counts the happening among others
    # of its kind, which makes it a happening of its own, not a retelling of the one before.
    ordinal: str | None = None
    # The words that place this telling, where narrower than its sentence (characters): the
    # naming phrase of a definite reference ("the shelling of Kharkiv"), or the one town of a
    # telling split from a sentence that strikes several ("hit Kharkiv and Odesa").
    phrase: tuple[int, int] | None = None
    site: tuple[int, int] | None = None
    # Told in an adverbial or relative clause ("identified him when he was arrested on October
    # 2") or in the present perfect ("6,000 have been detained"): a happening that frames what
    # the sentence tells, or a tally so far, not the sentence's own news.
    aside: bool = False

    @property
    def lemmas(self) -> frozenset[str]:
        return frozenset(trigger.lemma for trigger in self.triggers)


def sentence_mentions(
    sentence: Any,
    *,
    number: int,
    published: date | None,
    lookup: ActorLookup,
    lexicon: Lexicon,
    story: EventDate | None = None,
) -> list[EventMention]:
    """The event mentions of one sentence, background and unreal ones left out. ``story`` is
    the last date the story told before this sentence: an undated trigger is read at that time,
    so one told just after a date well before the report ("was killed on March 19 ... video
    showed people beating her") is history too."""
    triggers = find_triggers(sentence, lexicon)
    indices = frozenset(trigger.index for trigger in triggers)
    protests = frozenset(t.index for t in triggers if t.frame == "protest")
    doc = sentence.doc
    spans = (
        resolved_spans(sentence, published=published, locales=lexicon.date_locales)
        if triggers
        else []
    )
    dates = {t.index: _own_date(spans, doc[t.index], indices) for t in triggers}
    news = [
        trigger
        for trigger in triggers
        if not _background(
            doc[trigger.index],
            found_date=dates[trigger.index],
            story=story,
            published=published,
            triggers=indices,
            protests=protests,
            lexicon=lexicon,
        )
    ]
    groups = group_triggers(news, doc, lexicon)
    owned = share_tokens(sentence, groups)
    mentions: list[EventMention] = []
    for group, tokens in zip(groups, owned, strict=True):
        mention = _mention(
            sentence,
            group,
            tokens,
            number=number,
            date=dates[group[0].index],
            lookup=lookup,
            lexicon=lexicon,
        )
        if mention is not None:
            mentions.append(mention)
    return mentions


def _own_date(
    spans: list[tuple[int, EventDate]], token: Any, triggers: frozenset[int]
) -> EventDate | None:
    """The nearest date that is not beyond another event: in "the raid was a response to shelling
    last month", "last month" dates the shelling, not the raid. A trigger above or below this one
    ("an air strike killed five on Monday", "attacked and captured the town on Monday") tells the
    same event and does not stand in the way."""
    doc = token.doc
    for position, found in sorted(spans, key=lambda pair: abs(pair[0] - token.i)):
        if _dates_another(doc[position], token, triggers):
            continue  # "over the 1998 murder", "who was killed in 1998": another event's date
        if _dates_saying(doc[position], token):
            continue  # "officials said Tuesday the Kurds had advanced": when it was said
        low, high = sorted((position, token.i))
        if not any(low < other < high and _unrelated(doc[other], token) for other in triggers):
            return found
    return None


def _dates_another(date_token: Any, token: Any, triggers: frozenset[int]) -> bool:
    """Whether the date belongs to another event told inside this one's clause: it names that
    event ("over the 1998 murder") or sits in a relative or participle clause ("who was killed
    in 1998", "executed one of the aid workers abducted in July"). "Killed when a bomb struck
    late Saturday" is one event, and so is "attacked and captured the town on Monday"."""
    owner = next((t for t in path_to_root(date_token) if t.i in triggers), None)
    if owner is None or owner.i == token.i or not token.is_ancestor(owner):
        return False
    names_it = date_token.head.i == owner.i and owner.pos_ == "NOUN"
    between = [owner, *(t for t in path_to_root(owner) if token.is_ancestor(t))]
    return names_it or any(t.dep_ in ("relcl", "acl") for t in between)


def _dates_saying(date_token: Any, token: Any) -> bool:
    """Whether the date is when someone said something that the event's own clause carries
    ("the Kurds advanced quickly, with officials saying Tuesday they met no fire"). A date on
    the saying that carries the event ("the ministry said on Sunday its forces had taken the
    town") is the best date the text gives, and stays."""
    head = date_token.head
    if head.dep_ == "prep" and head.lower_ == "on":
        head = head.head
    if head.i == token.i or lemma_of(head) not in SAYING_VERBS or head.pos_ != "VERB":
        return False
    return date_token.dep_ in ("npadvmod", "pobj") and token.is_ancestor(head)


def _unrelated(other: Any, token: Any) -> bool:
    return not (other.is_ancestor(token) or token.is_ancestor(other))


def _background(
    token: Any,
    *,
    found_date: EventDate | None,
    story: EventDate | None,
    published: date | None,
    triggers: frozenset[int],
    protests: frozenset[int],
    lexicon: Lexicon,
) -> bool:
    reason = background_reason(
        token, lexicon=lexicon, triggers=triggers, protests=protests, dated=found_date is not None
    )
    if reason is not None:
        return True
    if found_date is not None and RECENT.search(found_date.text.lower()):
        return True  # "raids in recent weeks": a tally of many events, not one
    if found_date is None and in_history(story, published):
        return True  # told just after a date well before the report, and of no date of its own
    return found_date is not None and stale(
        found_date.value, published, precision=found_date.precision
    )


def _mention(
    sentence: Any,
    group: list[Trigger],
    tokens: list[Any],
    *,
    number: int,
    date: EventDate | None,
    lookup: ActorLookup,
    lexicon: Lexicon,
) -> EventMention | None:
    doc = sentence.doc
    head = doc[group[0].index]
    found = [find_roles(doc[t.index], t, lookup=lookup, lexicon=lexicon) for t in group]
    roles = _roles(found)
    context = build_context(group, found, roles, doc, lexicon)
    typed = classify(context)
    if typed is None:
        return None
    if typed[1] in INTERVENTIONS and context.agent in ("state", "armed", "partisans"):
        # ACLED puts the demonstrators first and who intervened second.
        roles = replace(roles, actor1=roles.actor2, actor2=roles.actor1)
        context = replace(context, agent=context.target, target=context.agent)
    text = sentence.text
    subject = _refers_back(group, doc, lexicon)
    refers_back = subject is not None
    named = all(t.pos == "noun" for t in group) and is_definite(head)
    return EventMention(
        sentence=number,
        start=sentence.start_char + (len(text) - len(text.lstrip())),
        end=sentence.start_char + len(text.rstrip()),
        head=head.i,
        triggers=tuple(group),
        status=_status(group, roles, context, refers_back=refers_back),
        family=_family(context),
        context=context,
        roles=roles,
        event_type=typed,
        date=date,
        iterative=_iterative(sentence, lexicon),
        figures=read_figures(tokens, lexicon=lexicon, killings=_killings(group)),
        certainty=certainty(head, lexicon=lexicon),
        sources=sources(head, sentence=sentence, lexicon=lexicon, lookup=lookup),
        refers=refers_back or named,
        ordinal=_ordinal(group, doc),
        phrase=_phrase(subject) if refers_back else _phrase(head) if named else None,
        aside=_aside(head),
    )


def _aside(token: Any) -> bool:
    """Whether the trigger sits in an adverbial or relative clause of its sentence, or is a
    verb in the present perfect."""
    if any(t.dep_ in SUBORDINATE_DEPS for t in (token, *path_to_root(token))):
        return True
    return any(
        child.dep_ == "aux" and lemma_of(child) == "have" and child.tag_ in ("VBP", "VBZ")
        for child in token.children
    )


def _phrase(head: Any) -> tuple[int, int]:
    """The characters of the noun phrase a definite reference is ("the shelling of Kharkiv")."""
    last = head.right_edge
    return (head.left_edge.idx, last.idx + len(last.text))


# Words that count a happening among others of its kind ("the second bombing", "another
# attack"): a happening of its own, whatever is said of the one before.
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "another", "separate"})


def _ordinal(group: list[Trigger], doc: Any) -> str | None:
    """The counting word a trigger noun carries ("the second bombing": "second"), or None."""
    for trigger in group:
        token = doc[trigger.index]
        if trigger.pos != "noun":
            continue
        for child in token.children:
            if child.dep_ in ("amod", "det") and child.lower_ in ORDINALS:
                return str(child.lower_)
    return None


def _killings(group: list[Trigger]) -> frozenset[int]:
    return frozenset(trigger.index for trigger in group if trigger.frame == "kill")


def _roles(found: list[Roles]) -> Roles:
    """The group's roles: from the trigger that names the most sides, the others filling gaps."""
    main = max(
        found, key=lambda r: (r.actor1 is not None and r.actor2 is not None, r.actor1 is not None)
    )
    return Roles(
        actor1=main.actor1 or next((r.actor1 for r in found if r.actor1), None),
        assoc1=_unique(a for r in found for a in r.assoc1),
        actor2=main.actor2 or next((r.actor2 for r in found if r.actor2), None),
        assoc2=_unique(a for r in found for a in r.assoc2),
        objects=tuple(o for r in found for o in r.objects),
    )


def _unique(people: Any) -> tuple[Participant, ...]:
    return tuple({p.key: p for p in people}.values())


def _status(group: list[Trigger], roles: Roles, context: Context, *, refers_back: bool) -> str:
    head = group[0]
    if all(t.pos == "noun" and t.status == "anaphoric" for t in group):
        return "anaphoric"
    if refers_back and context.frames <= CONSEQUENCE_FRAMES | {"attack", "clash"}:
        return "consequence"
    if all(t.pos == "noun" and t.status == "bare" for t in group):
        return "bare"
    if context.frames <= CONSEQUENCE_FRAMES and roles.actor1 is None:
        return "consequence"
    if (all(t.weak for t in group) or head.status == "anaphoric") and not context.weapons:
        return "weak"
    return "strong"


def _refers_back(group: list[Trigger], doc: Any, lexicon: Lexicon) -> Any:
    """ "the raid had killed ten": the subject is an event already told, so this adds to it.
    That subject, or None."""
    for trigger in group:
        for subject in children(doc[trigger.index], "nsubj"):
            if lemma_of(subject) in lexicon.noun_frames and is_definite(subject):
                return subject
    return None


def _family(context: Context) -> str:
    if "protesters" in (context.agent, context.target) or "crowd_control" in context.weapons:
        return "protest"
    # Arson by soldiers or an armed group is destruction of property, not a riot.
    armed = context.agent in ("armed", "state")
    families = {
        "loot" if armed and frame == "riot" else FAMILIES.get(frame, "violence")
        for frame in context.frames
    }
    if "protest" in families:
        return "protest"
    if "violence" in families:
        return "violence"
    return sorted(families)[0]


def _iterative(sentence: Any, lexicon: Lexicon) -> bool:
    text = sentence.text.lower()
    return any(cue in text for cue in lexicon.cue("iterative"))
