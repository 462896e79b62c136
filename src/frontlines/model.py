"""The analysis contract as frozen dataclasses.

No I/O and nothing of ours is imported here. Offsets (``start``, ``end``) count Unicode code points
in ``Article.text`` as stored, end exclusive. ``Analysis.to_dict()`` gives exactly the JSON of
docs/contract.md; ``Analysis.from_dict()`` reads it back. The JSON Schema and the API models
are checked against these classes field by field (tests/test_contract.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal, get_args

ActorKind = Literal[
    "state forces",
    "rebel group",
    "militia",
    "political militia",
    "identity militia",
    "mercenary",
    "state",
    "government",
    "international organisation",
    "media outlet",
    "news agency",
    "civilians",
    "protesters",
    "person",
    "other",
]
DatePrecision = Literal["day", "week", "month", "approximate"]
Certainty = Literal["reported", "unconfirmed", "estimated", "claimed", "denied", "expected"]
RelationType = Literal[
    "supports",
    "allied_with",
    "fights",
    "controlled_by",
    "part_of",
    "accuses",
    "sanctions",
    "negotiates_with",
]
PlaceRole = Literal["place", "metonym", "demonym", "dateline", "street"]
GeoPrecision = Literal[1, 2, 3]

ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
DATE_PRECISIONS: tuple[str, ...] = get_args(DatePrecision)
CERTAINTIES: tuple[str, ...] = get_args(Certainty)
RELATION_TYPES: tuple[str, ...] = get_args(RelationType)

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_EVENT_TYPES: dict[str, str] = {
    sub: event_type for event_type, subs in EVENT_TYPES.items() for sub in subs
}

# ACLED's actor categories (inter codes) for each actor kind; foreign state forces are 8.
INTER_CODES: dict[str, int] = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "militia": 3,
    "mercenary": 8,
    "identity militia": 4,
    "protesters": 6,
    "civilians": 7,
    "state": 8,
    "government": 8,
    "international organisation": 8,
    "media outlet": 8,
    "news agency": 8,
    "person": 8,
    "other": 8,
}


def _fields_of(cls: type, data: Mapping[str, Any]) -> dict[str, Any]:
    """The keys of ``data`` that are fields of the dataclass ``cls`` (missing ones as None)."""
    return {key: data.get(key) for key in cls.__dataclass_fields__}  # type: ignore[attr-defined]


def _digest(*parts: str | None, length: int = 16) -> str:
    joined = "\x1f".join(part or "" for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def _check_offsets(start: int, end: int) -> None:
    if start < 0 or end < start:
        raise ValueError(f"invalid offsets {start}..{end}")


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    def __post_init__(self) -> None:
        _check_offsets(self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mention:
        return cls(text=data["text"], start=int(data["start"]), end=int(data["end"]))


@dataclass(frozen=True, slots=True)
class Article:
    """One stored text and what is known about where it came from."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    language: str | None = "en"
    fictional: bool = False
    published_source: str | None = None  # where the date came from: input, page, file...

    @staticmethod
    def make_id(*, text: str, outlet: str | None = None, url: str | None = None) -> str:
        """Stable id from outlet, url and text: the same wire text from two outlets stays two."""
        return "art_" + _digest((outlet or "").strip().lower(), (url or "").strip(), text)

    @classmethod
    def create(
        cls,
        text: str,
        *,
        title: str | None = None,
        outlet: str | None = None,
        url: str | None = None,
        published: date | None = None,
        language: str | None = "en",
        fictional: bool = False,
        published_source: str | None = None,
    ) -> Article:
        return cls(
            id=cls.make_id(text=text, outlet=outlet, url=url),
            text=text,
            title=title,
            outlet=outlet,
            url=url,
            published=published,
            language=language,
            fictional=fictional,
            published_source=published_source if published else None,
        )

    def mention(self, start: int, end: int) -> Mention:
        """The mention of ``text[start:end]``; raises ValueError when the offsets do not fit."""
        if end > len(self.text):
            raise ValueError(f"offsets {start}..{end} run past the text ({len(self.text)})")
        return Mention(text=self.text[start:end], start=start, end=end)

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "fictional": self.fictional,
            "published_source": self.published_source,
        }
        if include_text:
            data["text"] = self.text
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, text: str | None = None) -> Article:
        published = data.get("published")
        return cls(
            id=data["id"],
            text=text if text is not None else data.get("text", ""),
            title=data.get("title"),
            outlet=data.get("outlet"),
            url=data.get("url"),
            published=date.fromisoformat(published) if published else None,
            language=data.get("language"),
            fictional=bool(data.get("fictional", False)),
            published_source=data.get("published_source"),
        )


@dataclass(frozen=True, slots=True)
class ActorRef:
    """How an event names an actor."""

    id: str
    name: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ActorRef:
        return cls(id=data["id"], name=data["name"], kind=data["kind"])


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor the article mentions, resolved against the knowledge base where possible."""

    id: str
    name: str
    kind: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()

    def ref(self) -> ActorRef:
        return ActorRef(id=self.id, name=self.name, kind=self.kind)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "aliases": list(self.aliases),
            "mentions": [mention.to_dict() for mention in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Actor:
        return cls(
            id=data["id"],
            name=data["name"],
            kind=data["kind"],
            country=data.get("country"),
            aliases=tuple(data.get("aliases", ())),
            mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
        )


@dataclass(frozen=True, slots=True)
class Place:
    """A place name in the text and what it resolved to (``role`` metonym: stands for a state;
    demonym: an adjectival reference, "Russian", resolved to what it names; dateline: where the
    report was filed, "MANSFIELD --"; street: a street or road the gazetteer does not hold,
    "Taylor Street"; none of these is ever an event's location)."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    role: str = "place"

    def __post_init__(self) -> None:
        _check_offsets(self.start, self.end)

    @property
    def resolved(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geonameid": self.geonameid,
            "role": self.role,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Place:
        return cls(
            text=data["text"],
            start=int(data["start"]),
            end=int(data["end"]),
            name=data.get("name"),
            country=data.get("country"),
            admin1=data.get("admin1"),
            latitude=data.get("latitude"),
            longitude=data.get("longitude"),
            geonameid=data.get("geonameid"),
            role=data.get("role", "place"),
        )


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, with ACLED's geo_precision and why it is partial, if it is."""

    name: str | None
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "admin3": self.admin3,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
            "geonameid": self.geonameid,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Location:
        return cls(**_fields_of(cls, data))


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number the text gives: a value, or a range low..high, with its unit and qualifier."""

    what: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"what": self.what}
        if self.low is not None or self.high is not None:
            data["low"] = _number(self.low)
            data["high"] = _number(self.high)
        else:
            data["value"] = _number(self.value)
        data["unit"] = self.unit
        data["qualifier"] = self.qualifier
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quantity:
        return cls(**_fields_of(cls, data))


def _number(value: float | None) -> float | int | None:
    if value is not None and float(value).is_integer():
        return int(value)
    return value


@dataclass(frozen=True, slots=True)
class Event:
    """One event as the article reports it, every field traceable to its evidence."""

    id: str
    event_date: date | None
    date_precision: str
    event_type: str | None
    sub_event_type: str | None
    actor1: ActorRef | None = None
    assoc_actor_1: tuple[ActorRef, ...] = ()
    actor2: ActorRef | None = None
    assoc_actor_2: tuple[ActorRef, ...] = ()
    location: Location | None = None
    fatalities: int | None = None
    quantities: tuple[Quantity, ...] = ()
    certainty: str = "reported"
    sources: tuple[str, ...] = ()
    evidence: tuple[Mention, ...] = ()
    notes: str = ""

    def __post_init__(self) -> None:
        if self.event_type is not None and self.event_type not in EVENT_TYPES:
            raise ValueError(f"unknown event_type {self.event_type!r}")
        if self.sub_event_type is not None and (
            SUB_EVENT_TYPES.get(self.sub_event_type) != self.event_type
        ):
            raise ValueError(
                f"sub_event_type {self.sub_event_type!r} does not belong to {self.event_type!r}"
            )
        if self.date_precision not in DATE_PRECISIONS:
            raise ValueError(f"unknown date_precision {self.date_precision!r}")
        if self.certainty not in CERTAINTIES:
            raise ValueError(f"unknown certainty {self.certainty!r}")

    @staticmethod
    def make_id(article_id: str, evidence: Sequence[Mention], *, ordinal: int = 0) -> str:
        """The id of the article's event anchored on its first evidence; ``ordinal`` tells apart
        events that share that anchor (0, the first of them, keeps the plain id)."""
        first = evidence[0] if evidence else None
        anchor = f"{first.start}:{first.end}" if first else ""
        if ordinal:
            return "evt_" + _digest(article_id, anchor, str(ordinal))
        return "evt_" + _digest(article_id, anchor)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "assoc_actor_1": [actor.to_dict() for actor in self.assoc_actor_1],
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "assoc_actor_2": [actor.to_dict() for actor in self.assoc_actor_2],
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities,
            "quantities": [quantity.to_dict() for quantity in self.quantities],
            "certainty": self.certainty,
            "sources": list(self.sources),
            "evidence": [mention.to_dict() for mention in self.evidence],
            "notes": self.notes,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        event_date = data.get("event_date")
        return cls(
            id=data["id"],
            event_date=date.fromisoformat(event_date) if event_date else None,
            date_precision=data["date_precision"],
            event_type=data.get("event_type"),
            sub_event_type=data.get("sub_event_type"),
            actor1=ActorRef.from_dict(data["actor1"]) if data.get("actor1") else None,
            assoc_actor_1=tuple(ActorRef.from_dict(a) for a in data.get("assoc_actor_1", ())),
            actor2=ActorRef.from_dict(data["actor2"]) if data.get("actor2") else None,
            assoc_actor_2=tuple(ActorRef.from_dict(a) for a in data.get("assoc_actor_2", ())),
            location=Location.from_dict(data["location"]) if data.get("location") else None,
            fatalities=data.get("fatalities"),
            quantities=tuple(Quantity.from_dict(q) for q in data.get("quantities", ())),
            certainty=data.get("certainty", "reported"),
            sources=tuple(data.get("sources", ())),
            evidence=tuple(Mention.from_dict(m) for m in data.get("evidence", ())),
            notes=data.get("notes", ""),
        )


def with_unique_ids(article_id: str, events: Sequence[Event]) -> tuple[Event, ...]:
    """The events, each with an id no other event of the article has: an event whose id is
    taken gets the next free ordinal of its anchor, so ids stay stable from run to run."""
    taken: set[str] = set()
    unique: list[Event] = []
    for event in events:
        ordinal = 0
        event_id = event.id
        while event_id in taken:
            ordinal += 1
            event_id = Event.make_id(article_id, event.evidence, ordinal=ordinal)
        taken.add(event_id)
        unique.append(event if event_id == event.id else replace(event, id=event_id))
    return tuple(unique)


@dataclass(frozen=True, slots=True)
class Claim:
    """Who said what: a source (None for an unattributed hedge), its cue, and the content."""

    source: str | None
    cue: str | None
    text: str
    start: int
    end: int
    direct: bool = False
    hedge: str | None = None

    def __post_init__(self) -> None:
        _check_offsets(self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "cue": self.cue,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "direct": self.direct,
            "hedge": self.hedge,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Claim:
        return cls(**_fields_of(cls, data))


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed edge between two actors (by id), with the words that support it."""

    source: str
    type: str
    target: str
    evidence: Mention
    source_name: str | None = None
    target_name: str | None = None

    def __post_init__(self) -> None:
        if self.type not in RELATION_TYPES:
            raise ValueError(f"unknown relation type {self.type!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "type": self.type,
            "target": self.target,
            "evidence": self.evidence.to_dict(),
            "source_name": self.source_name,
            "target_name": self.target_name,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Relation:
        return cls(
            source=data["source"],
            type=data["type"],
            target=data["target"],
            evidence=Mention.from_dict(data["evidence"]),
            source_name=data.get("source_name"),
            target_name=data.get("target_name"),
        )


@dataclass(frozen=True, slots=True)
class Framing:
    """Loaded or non-neutral wording."""

    text: str
    start: int
    end: int
    kind: str = "loaded"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Framing:
        return cls(**_fields_of(cls, data))


@dataclass(frozen=True, slots=True)
class StageInfo:
    """Name and version of a pipeline stage that ran."""

    name: str
    version: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version}


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the pipeline found in one article: the contract's JSON document."""

    frontlines_version: str
    pipeline: tuple[StageInfo, ...]
    article: Article
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()
    relations: tuple[Relation, ...] = ()
    claims: tuple[Claim, ...] = ()
    places: tuple[Place, ...] = ()
    framing: tuple[Framing, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def pipeline_version(self) -> str:
        """One string naming the code that produced this analysis, stored with every event."""
        stages = ",".join(f"{stage.name}@{stage.version}" for stage in self.pipeline)
        return f"{self.frontlines_version}:{_digest(stages, length=10)}"

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        return {
            "frontlines_version": self.frontlines_version,
            "pipeline": [stage.to_dict() for stage in self.pipeline],
            "article": self.article.to_dict(include_text=include_text),
            "events": [event.to_dict() for event in self.events],
            "actors": [actor.to_dict() for actor in self.actors],
            "relations": [relation.to_dict() for relation in self.relations],
            "claims": [claim.to_dict() for claim in self.claims],
            "places": [place.to_dict() for place in self.places],
            "framing": [framing.to_dict() for framing in self.framing],
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, text: str | None = None) -> Analysis:
        return cls(
            frontlines_version=data["frontlines_version"],
            pipeline=tuple(StageInfo(**stage) for stage in data["pipeline"]),
            article=Article.from_dict(data["article"], text=text),
            events=tuple(Event.from_dict(e) for e in data.get("events", ())),
            actors=tuple(Actor.from_dict(a) for a in data.get("actors", ())),
            relations=tuple(Relation.from_dict(r) for r in data.get("relations", ())),
            claims=tuple(Claim.from_dict(c) for c in data.get("claims", ())),
            places=tuple(Place.from_dict(p) for p in data.get("places", ())),
            framing=tuple(Framing.from_dict(f) for f in data.get("framing", ())),
            warnings=tuple(data.get("warnings", ())),
        )
