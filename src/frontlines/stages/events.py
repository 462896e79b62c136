"""Find the events an article reports: typed, dated, placed, counted, hedged and sourced.

Per sentence, triggers from the dependency parse become event mentions (``extract.mentions``);
background and unreal mentions are left out; mentions of one event are merged across the article
(``extract.merge``); each group becomes one ``Event`` (``extract.assemble``); events that tell one
happening again in words the merge could not tie back are joined (``extract.same_happening``). A
mention without a date of its own takes the last date the story gave, the way a reader does; one
told while the story is at a date well before the report (``extract.story_time``) is history, not
news.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from frontlines.document import Document, StageConfig
from frontlines.errors import ConfigError
from frontlines.extract.assemble import ForcesOf, Setting, build_event
from frontlines.extract.claimed import claimant
from frontlines.extract.dates import EventDate, resolved_spans
from frontlines.extract.detector import EventDetector
from frontlines.extract.event_filter import EventFilter
from frontlines.extract.happenings import left_out
from frontlines.extract.lexicon import Lexicon, load_lexicon
from frontlines.extract.mentions import EventMention, sentence_mentions
from frontlines.extract.merge import merge
from frontlines.extract.opponents import armed_forces
from frontlines.extract.roles import ActorLookup
from frontlines.extract.same_happening import Candidate, SameHappening, candidate
from frontlines.extract.split_towns import Town, by_town
from frontlines.extract.story_time import told_at
from frontlines.extract.subtypes import SubtypeClassifier
from frontlines.geo.geometry import distance_km
from frontlines.geo.locate import locate
from frontlines.geo.place import kind_of
from frontlines.kb import Countries
from frontlines.model import Actor, ActorRef, Event, Place
from frontlines.stages.actor_focus import focus_country
from frontlines.stages.actors import MentionIndex, actor_at
from frontlines.stages.resources import Resources

# Places this close are one town when telling happenings apart (a district and its city).
TOWN_KM = 25.0


@dataclass
class Events:
    lexicon: Lexicon = field(repr=False)
    classifier: SubtypeClassifier | None = field(default=None, repr=False)
    detector: EventDetector | None = field(default=None, repr=False)
    event_filter: EventFilter | None = field(default=None, repr=False)
    same_happening: SameHappening | None = field(default=None, repr=False)
    forces_of: ForcesOf | None = field(default=None, repr=False)
    countries: Countries | None = field(default=None, repr=False)
    name: str = "events"
    version: str = "2"
    requires: tuple[str, ...] = ("article", "parse")
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> Document:
        events = extract_events(
            doc,
            lexicon=self.lexicon,
            classifier=self.classifier,
            detector=self.detector,
            forces_of=self.forces_of,
            countries=self.countries,
            same_happening=self.same_happening,
        )
        if self.event_filter is not None:
            events = _filtered(doc, events, self.event_filter)
        doc.events = events
        return doc


def _filtered(doc: Document, events: list[Event], event_filter: EventFilter) -> list[Event]:
    """The events the learned filter lets stand; an event of no ACLED type is not its to judge."""
    judged = [event for event in events if event.event_type is not None]
    if not judged:
        return events
    kept = event_filter.keep(
        text=doc.text,
        sentences=[(s.start_char, s.end_char) for s in _sentences(doc)],
        events=judged,
        published=doc.article.published,
    )
    standing = {id(event) for event in kept}
    return [event for event in events if event.event_type is None or id(event) in standing]


def extract_events(
    doc: Document,
    *,
    lexicon: Lexicon,
    classifier: SubtypeClassifier | None = None,
    detector: EventDetector | None = None,
    forces_of: ForcesOf | None = None,
    countries: Countries | None = None,
    same_happening: SameHappening | None = None,
) -> list[Event]:
    """Every event the parsed article reports, in order of first mention; ``classifier``
    (None: the rules alone) refines sub-event types where it is confident; ``detector`` (None:
    the rules alone) drops the mentions of sentences it is confident tell no happening;
    ``forces_of`` names a country's forces where a state fights; ``countries`` finds the
    article's focus country, which names the unnamed sides of events placed nowhere;
    ``same_happening`` (None: the rules alone) joins candidates it takes for one happening told
    again."""
    found = event_candidates(
        doc,
        lexicon=lexicon,
        classifier=classifier,
        detector=detector,
        forces_of=forces_of,
        countries=countries,
    )
    events = found.candidates
    if same_happening is not None and len(events) > 1:
        groups = same_happening.groups(events, text=doc.text, sentences=found.bounds)
        events = joined(found, groups)
    return [c.event for c in events]


@dataclass(frozen=True)
class Candidates:
    """The rules' would-be events of an article, and what rebuilding a joined one needs."""

    candidates: list[Candidate]
    setting: Setting
    places: Callable[[EventMention], frozenset[str]]
    bounds: list[tuple[int, int]]


def event_candidates(
    doc: Document,
    *,
    lexicon: Lexicon,
    classifier: SubtypeClassifier | None = None,
    detector: EventDetector | None = None,
    forces_of: ForcesOf | None = None,
    countries: Countries | None = None,
) -> Candidates:
    """The events the rules build, each with its mentions (``extract_events`` without the
    learned joining of retellings)."""
    published = doc.article.published
    lookup = _lookup(doc)
    sentences = _sentences(doc)
    mentions: list[EventMention] = []
    references: list[EventDate | None] = []
    reference: EventDate | None = None
    story: EventDate | None = None
    for number, sentence in enumerate(sentences):
        found = sentence_mentions(
            sentence,
            number=number,
            published=published,
            lookup=lookup,
            lexicon=lexicon,
            story=story,
        )
        spans = resolved_spans(sentence, published=published, locales=lexicon.date_locales)
        story = told_at(sentence, spans, published=published) or story
        references.append(reference)
        for mention in found:
            dated = mention.date is not None and mention.date.precision in ("day", "week")
            if dated and mention.status != "anaphoric":
                reference = mention.date
        mentions.extend(_told(found, sentence, detector))
    setting = Setting(
        article=doc.article,
        locate=lambda start, end: locate(doc.text, doc.places, start=start, end=end),
        references=references,
        score=classifier.scores if classifier is not None else None,
        forces_of=forces_of,
        country=focus_country(doc, countries=countries) if countries is not None else None,
        claimant=claimant(_sentences(doc), lookup=lookup),
        forces=armed_forces(doc.actors),
    )
    places = _places_within(doc)
    mentions = by_town(mentions, text=doc.text, towns=_settlements(doc))
    clusters = merge(mentions, places=places)
    kept = [cluster for cluster in clusters if left_out(cluster, sentences=len(sentences)) is None]
    built = [(cluster, build_event(cluster, setting=setting)) for cluster in kept]
    return Candidates(
        candidates=[candidate(cluster, event, places=places) for cluster, event in built if event],
        setting=setting,
        places=places,
        bounds=[(s.start_char, s.end_char) for s in sentences],
    )


def joined(found: Candidates, groups: Sequence[Sequence[int]]) -> list[Candidate]:
    """The candidates with each group (indexes, told in order) joined into one event, rebuilt
    from all its mentions."""
    out: list[Candidate] = []
    for group in groups:
        members = [found.candidates[n] for n in group]
        if len(members) == 1:
            out.append(members[0])
            continue
        mentions = sorted(
            (m for member in members for m in member.cluster), key=lambda m: (m.sentence, m.start)
        )
        event = build_event(mentions, setting=found.setting)
        if event is None:  # mentions that built events apart build one: keep them apart if not
            out.extend(members)
            continue
        out.append(candidate(mentions, event, places=found.places))
    return out


def _told(found: list[EventMention], sentence: Any, detector: EventDetector | None) -> list[Any]:
    """The mentions the detector lets stand: it reads the line of each mention's first trigger,
    and only where the rules found something in it."""
    if detector is None or not found:
        return found
    scores = detector.line_scores(sentence)
    return [
        mention
        for mention in found
        if detector.tells(scores(mention.triggers[0].index), mention.event_type)
    ]


def _places_within(doc: Document) -> Callable[[EventMention], frozenset[str]]:
    """The resolved towns and areas (not countries) named within a mention's words. The places
    are sorted once and each mention's answer kept: merging asks about every mention of every
    event again, and a pass over all places per question grows with the square of the text."""
    towns = sorted(
        (place.start, place.end, place)
        for place in doc.places
        if place.resolved
        and place.role == "place"
        and place.name
        and kind_of(place) not in ("country", "continent")
    )
    named = [(start, end, _town(place, [p for _, _, p in towns])) for start, end, place in towns]
    starts = [start for start, _, _ in named]
    known: dict[tuple[int, int], frozenset[str]] = {}

    def places_in(mention: EventMention) -> frozenset[str]:
        key = mention.site or mention.phrase or (mention.start, mention.end)
        if key not in known:
            first, last = bisect_left(starts, key[0]), bisect_right(starts, key[1])
            known[key] = frozenset(name for _, end, name in named[first:last] if end <= key[1])
        return known[key]

    return places_in


def _settlements(doc: Document) -> list[Town]:
    """The resolved towns and villages (not areas) the article names, in text order."""
    return sorted(
        (place.start, place.end, str(place.name))
        for place in doc.places
        if place.resolved and place.role == "place" and place.name and kind_of(place) == "city"
    )


def _town(place: Place, towns: list[Place]) -> str:
    """The town a place is taken for: the first place the article names within TOWN_KM of it
    (the Saltivskyi district is Kharkiv, where the article named Kharkiv first)."""
    if place.latitude is None or place.longitude is None:
        return str(place.name)
    for other in towns:
        if other.latitude is None or other.longitude is None:
            continue
        if distance_km(place.latitude, place.longitude, other.latitude, other.longitude) <= TOWN_KM:
            return str(other.name)
    return str(place.name)


def _lookup(doc: Document) -> ActorLookup:
    """The actor named at an offset range: a mention there, else an actor whose name or alias the
    words are ("rebel positions": "rebel" is an alias of the opposition, though not a mention)."""
    by_alias: dict[str, Actor] = {}
    for actor in doc.actors:
        for alias in (actor.name, *actor.aliases):
            by_alias.setdefault(_alias_key(alias), actor)

    index = MentionIndex(doc.actors)

    def lookup(start: int, end: int) -> Actor | None:
        found = actor_at(doc, start, end, index=index)
        return found or by_alias.get(_alias_key(doc.text[start:end]))

    return lookup


def _alias_key(words: str) -> str:
    key = " ".join(words.lower().replace("’", "'").split())
    key = key.removeprefix("the ")
    return key.removesuffix("s") if len(key) > 3 else key


def _sentences(doc: Document) -> list[Any]:
    parse: Any = doc.parse
    if parse is None:
        return []
    return [sentence for sentence in parse.sents if sentence.text.strip()]


@dataclass(frozen=True, slots=True)
class EventsConfig(StageConfig):
    """Whether the learned sentence detector may drop rule events it is sure are none, which
    decisions of the learned MiniLM event filter apply (``FILTER_MODES``), and whether events
    taken for one happening told again are joined (``extract.same_happening``)."""

    event_detector: bool = field(default=False, metadata={"setting": "event_detector"})
    event_filter: str = field(default="article", metadata={"setting": "event_filter"})
    join_retellings: bool = field(default=True, metadata={"setting": "join_retellings"})
    retellings: str = field(default="rules", metadata={"setting": "retellings"})

    def __post_init__(self) -> None:
        if self.event_filter not in FILTER_MODES:
            modes = ", ".join(FILTER_MODES)
            raise ConfigError(f"unknown event_filter {self.event_filter!r} (one of: {modes})")
        if self.retellings not in RETELLING_MODES:
            modes = ", ".join(RETELLING_MODES)
            raise ConfigError(f"unknown retellings {self.retellings!r} (one of: {modes})")


# The learned filter's decisions: off; the event head; the article head; both.
FILTER_MODES = ("off", "events", "article", "both")
# How retellings are found: the ``retold`` rules; the learned pair head alone; the head with a
# pair the rules join scoring 1 (``extract.same_happening``).
RETELLING_MODES = ("rules", "model", "both")


DEFAULT_CONFIG = EventsConfig()


def make_stage(*, resources: Resources, config: EventsConfig = DEFAULT_CONFIG) -> Events:
    kb = resources.kb

    def forces_of(country: str, day: date | None) -> ActorRef | None:
        found = kb.of_country(country, kind="state forces", on=day)
        return ActorRef(id=found.id, name=found.name, kind=found.kind) if found else None

    language = resources.language
    lexicon = load_lexicon(folder=language.lexicon_folder, date_locales=language.date_locales)
    versions = ["2"]
    detector = resources.event_detector if config.event_detector else None
    if detector is not None:
        versions.append("detector")
    learned = resources.event_filter if config.event_filter != "off" else None
    if learned is not None:
        learned = replace(
            learned,
            use_events=config.event_filter in ("events", "both"),
            use_article=config.event_filter in ("article", "both"),
        )
        versions.append(f"filter-{config.event_filter}")
    same_happening = _same_happening(resources, config) if config.join_retellings else None
    if same_happening is not None:
        learned_mode = "model" if not same_happening.rules else "both"
        versions.append("retold" if same_happening.head is None else f"retold-{learned_mode}")
    return Events(
        lexicon=lexicon,
        classifier=resources.subtype_classifier,
        detector=detector,
        event_filter=learned,
        same_happening=same_happening,
        forces_of=forces_of,
        countries=kb.countries,
        version="+".join(versions),
    )


def _same_happening(resources: Resources, config: EventsConfig) -> SameHappening:
    """The joining of retellings ``config.retellings`` asks for: the rules alone, or the
    language's learned head (alone or with the rules) where it has one that loads."""
    if config.retellings == "rules":
        return SameHappening()
    shipped = resources.same_happening
    if shipped.head is None:
        return shipped
    return replace(shipped, rules=config.retellings == "both")
