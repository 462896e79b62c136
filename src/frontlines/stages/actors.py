"""Find actors: knowledge-base names and metonyms, descriptors resolved against the article's
focus country, "<demonym> forces" phrases, and named entities the knowledge base lacks (kept,
with a kind guessed from context)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from frontlines.document import NO_OPTIONS, Document, StageConfig
from frontlines.kb import ActorKB, normalise
from frontlines.lexicons import load_lexicon
from frontlines.model import Actor, Mention, Place
from frontlines.stages.actor_focus import focus_country
from frontlines.stages.actor_match import ActorMatcher, Candidate
from frontlines.stages.actor_resolve import Resolver, Target, kind_cues, slug, trim
from frontlines.stages.resources import Resources

__all__ = ["Actors", "MentionIndex", "actor_at", "make_stage", "mention_index", "slug"]

ENTITY_LABELS = frozenset({"ORG", "NORP", "PERSON"})
# spaCy's small model tags some outlets as places ("according to Militarnyi, a Ukrainian media
# outlet"); such a name becomes an actor only when an appositive says what it is.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
Hit = tuple[int, int, Target]

PLACE_BEFORE = re.compile(
    r"\b(?:in|near|at|outside|around|from|towards|of)\s+(?:the\s+)?$", re.IGNORECASE
)
PLACE_AFTER = re.compile(r"\s+(?:camp|village|town|district|area|hills?|region)\b", re.IGNORECASE)
# "Iran-backed militia", "Russia-aligned forces": the name before these words is a backer.
BACKER = re.compile(
    r"[-\u2010\u2011\u2013 ]+(?:backed|aligned|allied|sponsored|supported|affiliated)\b",
    re.IGNORECASE,
)


@dataclass
class Actors:
    kb: ActorKB = field(repr=False)
    matcher: ActorMatcher = field(repr=False)
    cues: tuple[tuple[str, tuple[str, ...]], ...] = field(repr=False, default=())
    name: str = "actors"
    version: str = "1"
    requires: tuple[str, ...] = ("article", "parse")
    assigns: tuple[str, ...] = ("actors",)

    def __call__(self, doc: Document) -> Document:
        parse = doc.parse
        candidates = self.matcher(parse)
        resolver = Resolver(
            kb=self.kb,
            words=self.matcher.words,
            kind_cues=self.cues,
            focus=focus_country(doc, countries=self.kb.countries),
            day=doc.article.published,
            places=[place for place in doc.places if place.role not in ("demonym", "dateline")],
        )
        resolver.known_ids = {
            actor.id: None
            for c in candidates
            if c.how == "kb" and (actor := self.kb.lookup(c.key)) is not None
        }
        resolver.case_fits = self.matcher.case_fits
        hits, taken = self._named(parse, candidates, resolver)
        places = PlaceIndex(
            [place for place in doc.places if place.role not in ("demonym", "dateline")]
        )
        for ent in parse.ents:
            span = trim(ent) if ent.label_ in ENTITY_LABELS | PLACE_LABELS else None
            if span is None or any(i in taken for i in range(span.start_char, span.end_char)):
                continue
            if _abbreviation(span) or places.resolved_at(span):
                continue
            if ent.label_ == "PERSON" and places.named_as_place(span, doc):
                continue
            target = resolver.unknown(span, label=ent.label_)
            if target is not None:
                hits.append((span.start_char, span.end_char, target))
        actors = assemble(doc, hits)
        doc.actors = actors
        return doc

    def _named(
        self, parse: Any, candidates: Sequence[Candidate], resolver: Resolver
    ) -> tuple[list[Hit], set[int]]:
        """Hits for the candidates, and the characters they cover (place names included, so
        that the entity pass does not take "in Moscow" for Russia after all)."""
        orgs = [ent for ent in parse.ents if ent.label_ == "ORG" and len(ent) > 1]
        org_starts = [ent.start for ent in orgs]
        longest = max((len(ent) for ent in orgs), default=0)
        hits: list[Hit] = []
        taken: set[int] = set()
        for candidate in candidates:
            # only the organisations that start close enough before it can hold the candidate
            low = bisect_left(org_starts, candidate.start - longest)
            high = bisect_right(org_starts, candidate.start)
            if self._inside_name(candidate, orgs[low:high]):
                continue
            span = parse[candidate.start : candidate.end]
            target = resolver.resolve(parse, candidate)
            if target is not None:
                hits.append((span.start_char, span.end_char, target))
            if target is not None or not self.kb.is_ambiguous(candidate.key):
                taken.update(range(span.start_char, span.end_char))
        return hits, taken

    def _inside_name(self, candidate: Candidate, orgs: Iterable[Any]) -> bool:
        """A place name inside a longer organisation name ("The Moscow Times") is part of it."""
        if candidate.how == "kb":
            states = [a for a in self.kb.candidates(candidate.key) if a.kind == "state"]
            if not (states or self.kb.is_metonym(candidate.key)):
                return False
        elif candidate.how != "state":
            return False
        return any(
            ent.start <= candidate.start
            and candidate.end <= ent.end
            and len(ent) > candidate.end - candidate.start
            and self.kb.lookup(ent.text) is None
            for ent in orgs
        )


class PlaceIndex:
    """The article's places by normalised name, and its resolved places by offset: what the
    entity pass asks of every entity, answered without a pass over every place."""

    def __init__(self, places: Sequence[Place]) -> None:
        self.by_name: dict[str, list[Place]] = {}
        for place in places:
            self.by_name.setdefault(normalise(place.text), []).append(place)
        resolved = [place for place in places if place.resolved and place.role == "place"]
        # A street ("the Cavehill Road") is a place the gazetteer never holds, never an actor.
        streets = {normalise(place.text) for place in places if place.role == "street"}
        self.resolved_names = {normalise(place.text) for place in resolved} | streets
        self.resolved = sorted(resolved, key=lambda place: place.start)
        self._starts = [place.start for place in self.resolved]
        self._longest = max((place.end - place.start for place in resolved), default=0)

    def named_as_place(self, span: Any, doc: Document) -> bool:
        """A name the places stage found written where a place goes ("in Abu Shouk", "the
        Minova camp") is a place the gazetteer lacks, not a person, wherever else it stands."""
        for place in self.by_name.get(normalise(span.text), ()):
            before = doc.text[max(0, place.start - 20) : place.start]
            after = doc.text[place.end : place.end + 12]
            if PLACE_BEFORE.search(before) or PLACE_AFTER.match(after):
                return True
        return False

    def resolved_at(self, span: Any) -> bool:
        """spaCy's small model takes some towns for people ("Kharkiv"); the gazetteer knows
        better, and a name it placed once (or a street's name) is a place wherever else it
        stands."""
        if normalise(span.text) in self.resolved_names:
            return True
        low = bisect_left(self._starts, span.start_char - self._longest)
        high = bisect_right(self._starts, span.start_char)
        return any(span.end_char <= place.end for place in self.resolved[low:high])


def _abbreviation(span: Any) -> bool:
    """ "man-portable air-defense systems (MANPADS)": the short form of a common noun phrase."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "(":
        return False
    before = doc[span.start - 2]
    return bool(before.is_lower and before.pos_ == "NOUN")


def assemble(doc: Document, hits: Iterable[Hit]) -> list[Actor]:
    """One actor per target, with every mention; unknown people merge by surname."""
    targets: dict[str, Target] = {}
    mentions: dict[str, list[Mention]] = {}
    for start, end, found in sorted(hits, key=lambda hit: hit[0]):
        target = _same_person(found, targets.values())
        targets.setdefault(target.id, target)
        mentions.setdefault(target.id, []).append(doc.article.mention(start, end))
    actors = []
    for actor_id, target in targets.items():
        seen = mentions[actor_id]
        aliases = tuple(dict.fromkeys(mention.text for mention in seen))
        actors.append(
            Actor(
                id=target.id,
                name=target.name,
                kind=target.kind,
                country=target.country,
                aliases=aliases,
                mentions=tuple(seen),
            )
        )
    return actors


def _same_person(target: Target, earlier: Iterable[Target]) -> Target:
    if target.kind != "person" or not target.id.startswith("unk-") or " " in target.name:
        return target
    for other in earlier:
        if other.kind == "person" and other.name.split()[-1] == target.name and other != target:
            return other
    return target


def mention_index(actors: Iterable[Actor]) -> list[tuple[Mention, Actor]]:
    """Every mention with its actor, in text order."""
    pairs = [(mention, actor) for actor in actors for mention in actor.mentions]
    return sorted(pairs, key=lambda pair: (pair[0].start, pair[0].end))


class MentionIndex:
    """The article's actor mentions in text order, searchable by offset in logarithmic time: what
    keeps lookups per event, token or claim from costing a pass over every mention."""

    def __init__(self, actors: Iterable[Actor]) -> None:
        self.pairs = mention_index(actors)
        self._starts = [mention.start for mention, _ in self.pairs]
        self._longest = max((m.end - m.start for m, _ in self.pairs), default=0)
        # the positions of the persons' mentions (for "he" and "him")
        self._persons = [i for i, (_, actor) in enumerate(self.pairs) if actor.kind == "person"]

    def overlapping(self, start: int, end: int) -> list[tuple[Mention, Actor]]:
        """The mentions that overlap ``start:end``, in text order."""
        low = bisect_left(self._starts, start - self._longest)
        high = bisect_left(self._starts, end)
        return [
            (mention, actor)
            for mention, actor in self.pairs[low:high]
            if mention.start < end and start < mention.end
        ]

    def covering(self, offset: int) -> tuple[Mention, Actor] | None:
        """The first mention, in text order, that covers the character at ``offset``."""
        for mention, actor in self.overlapping(offset, offset + 1):
            if mention.start <= offset < mention.end:
                return mention, actor
        return None

    def last_person_before(self, offset: int) -> tuple[Mention, Actor] | None:
        """The last mention of a person that ends at or before ``offset``, in text order."""
        high = bisect_left(self._starts, offset)
        position = bisect_left(self._persons, high)
        for index in reversed(self._persons[:position]):
            mention, actor = self.pairs[index]
            if mention.end <= offset:
                return mention, actor
        return None


def actor_at(
    doc: Document, start: int, end: int, *, index: MentionIndex | None = None
) -> Actor | None:
    """The actor whose mention overlaps ``start:end`` most (the tighter mention on a tie).
    A backer named inside the words is not the actor: "Iran-backed militia" is the militia.
    Pass the ``index`` of ``doc.actors`` when looking up more than once."""
    best: Actor | None = None
    best_key = (0, 0)
    found = (index or MentionIndex(doc.actors)).overlapping(start, end)
    for mention, actor in found:
        if BACKER.match(doc.text, mention.end) and mention.end < end:
            continue
        overlap = min(end, mention.end) - max(start, mention.start)
        key = (overlap, mention.start - mention.end)
        if overlap > 0 and (best is None or key > best_key):
            best, best_key = actor, key
    return best


def make_stage(*, resources: Resources, config: StageConfig = NO_OPTIONS) -> Actors:
    lexicon = load_lexicon("actors", folder=resources.language.lexicon_folder)
    matcher = ActorMatcher(nlp=resources.nlp, kb=resources.kb, lexicon=lexicon)
    return Actors(kb=resources.kb, matcher=matcher, cues=kind_cues(lexicon))
