"""Read a reference article's ``.expected.yaml`` (what an analyst extracts by hand) as gold."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from frontlines.bench.metrics import normalise
from frontlines.errors import InputError

# The reference lists no radius for its places; this is the radius of its tightest event location.
PLACE_RADIUS_KM = 40.0


@dataclass(frozen=True, slots=True)
class GoldPoint:
    latitude: float
    longitude: float
    radius_km: float


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    event_date: date | None
    event_type: str | None
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    location: GoldPoint | None
    sources: tuple[str, ...]
    certainty: str


@dataclass(frozen=True, slots=True)
class GoldRelation:
    source: str
    type: str
    target: str


@dataclass(frozen=True, slots=True)
class GoldClaim:
    source: str | None
    text: str


@dataclass(frozen=True, slots=True)
class GoldPlace:
    text: str
    point: GoldPoint | None


@dataclass(frozen=True, slots=True)
class ReferenceGold:
    """One reference article: its text, publication day and everything expected from it."""

    name: str
    text: str
    published: date | None
    actors: Mapping[str, tuple[str, frozenset[str]]]  # name -> (kind, normalised names)
    events: tuple[GoldEvent, ...]
    relations: tuple[GoldRelation, ...]
    claims: tuple[GoldClaim, ...]
    framing: tuple[str, ...]
    places: tuple[GoldPlace, ...]
    metonyms: tuple[str, ...]

    def names_of(self, actor: str) -> frozenset[str]:
        """The normalised names an expected actor goes by (any alias)."""
        known = self.actors.get(actor)
        return known[1] if known else frozenset({normalise(actor)})

    def canonical(self, name: str) -> str:
        """The expected actor a name refers to, or the normalised name itself."""
        key = normalise(name)
        for actor, (_, names) in self.actors.items():
            if key in names:
                return actor
        return key


def reference_pairs(reference_dir: Path) -> list[tuple[Path, Path]]:
    """(text, expected) file pairs in the reference folder, sorted by name."""
    pairs = []
    for expected in sorted(reference_dir.glob("*.expected.yaml")):
        text = expected.with_name(expected.name.removesuffix(".expected.yaml") + ".txt")
        if text.is_file():
            pairs.append((text, expected))
    return pairs


def load_reference(text_path: Path, expected_path: Path) -> ReferenceGold:
    data = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise InputError(f"{expected_path}: expected a YAML mapping")
    return parse_reference(data, text=text_path.read_text(encoding="utf-8"), name=text_path.stem)


def parse_reference(data: Mapping[str, Any], *, text: str, name: str) -> ReferenceGold:
    actors = {
        item["name"]: (
            item.get("kind", ""),
            frozenset(normalise(n) for n in [item["name"], *item.get("aliases", ())]),
        )
        for item in data.get("actors", ())
    }
    return ReferenceGold(
        name=name,
        text=text,
        published=_date(data.get("article", {}).get("published")),
        actors=actors,
        events=tuple(_event(item) for item in data.get("events", ())),
        relations=tuple(
            GoldRelation(source=item["source"], type=item["type"], target=item["target"])
            for item in data.get("relations", ())
        ),
        claims=tuple(
            GoldClaim(source=item.get("source"), text=item["text"])
            for item in data.get("claims", ())
        ),
        framing=tuple(item["text"] for item in data.get("framing", ())),
        places=tuple(_place(item) for item in data.get("places", ())),
        metonyms=tuple(item["text"] for item in data.get("metonyms", ())),
    )


def _event(item: Mapping[str, Any]) -> GoldEvent:
    location = item.get("location")
    point = None
    if location and location.get("latitude") is not None:
        point = GoldPoint(
            latitude=float(location["latitude"]),
            longitude=float(location["longitude"]),
            radius_km=float(location.get("radius_km", PLACE_RADIUS_KM)),
        )
    return GoldEvent(
        id=str(item["id"]),
        event_date=_date(item.get("event_date")),
        event_type=item.get("event_type"),
        sub_event_type=item.get("sub_event_type"),
        actor1=item.get("actor1"),
        actor2=item.get("actor2"),
        location=point,
        sources=tuple(item.get("sources") or ()),
        certainty=item.get("certainty", "reported"),
    )


def _place(item: Mapping[str, Any]) -> GoldPlace:
    point = None
    if item.get("latitude") is not None:
        point = GoldPoint(
            latitude=float(item["latitude"]),
            longitude=float(item["longitude"]),
            radius_km=PLACE_RADIUS_KM,
        )
    return GoldPlace(text=item["text"], point=point)


def _date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def claim_span(text: str, claim: str) -> tuple[int, int] | None:
    """Where a claim quoted with '...' elisions lies in the text: first piece to last, in order."""
    pieces: Sequence[str] = [piece.strip() for piece in claim.split("...") if piece.strip()]
    start = end = None
    cursor = 0
    for piece in pieces:
        found = text.find(piece, cursor)
        if found < 0:
            return None
        start = found if start is None else start
        end = found + len(piece)
        cursor = end
    if start is None or end is None:
        return None
    return start, end
