"""An analysis flattened into table rows, and stored rows read back into the model.

Backend-neutral: every backend writes these columns in this order. Values are plain Python
(str, int, float, bool, date, datetime, None), except that JSON columns hold the lists and dicts
themselves, for the backend to encode. A backend with geometry adds its ``geom`` column from
``longitude`` and ``latitude`` in its own SQL.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from frontlines.errors import InputError
from frontlines.model import (
    ActorRef,
    Analysis,
    Article,
    Event,
    Location,
    Mention,
    Quantity,
)
from frontlines.store.base import StoredEvent

Row = tuple[object, ...]

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id", "text", "title", "outlet", "url", "published", "language", "fictional",
        "ingested_at", "metadata",
    ),
    "analyses": ("article_id", "pipeline_version", "frontlines_version", "analysis"),
    "mentions": ("article_id", "kind", "ref", "text", "start", "end"),
    "actors": ("article_id", "actor_id", "name", "kind", "country", "aliases"),
    "places": (
        "article_id", "seq", "text", "start", "end", "name", "country", "admin1", "latitude",
        "longitude", "geonameid", "role",
    ),
    "events": (
        "article_id", "event_id", "seq", "event_date", "date_precision", "event_type",
        "sub_event_type", "actor1_id", "actor1_name", "actor1_kind", "assoc_actor_1",
        "actor2_id", "actor2_name", "actor2_kind", "assoc_actor_2", "has_location", "location",
        "country", "admin1", "admin2", "admin3", "latitude", "longitude", "geo_precision",
        "geonameid", "location_note", "fatalities", "certainty", "sources", "evidence",
        "quantities", "notes", "pipeline_version",
    ),
    "claims": (
        "article_id", "seq", "source", "cue", "text", "start", "end", "direct", "hedge",
    ),
    "relations": (
        "article_id", "seq", "source_id", "type", "target_id", "source_name", "target_name",
        "evidence_text", "evidence_start", "evidence_end",
    ),
    "framing": ("article_id", "seq", "text", "start", "end", "kind"),
}  # fmt: skip
GEOMETRY_TABLES: frozenset[str] = frozenset({"places", "events"})


def from_json(value: object) -> Any:
    """A JSON column's value: drivers hand back text (DuckDB) or parsed values (psycopg)."""
    return json.loads(value) if isinstance(value, str) else value


def flatten(
    analysis: Analysis,
    *,
    metadata: Mapping[str, Any],
    ingested_at: datetime,
) -> dict[str, list[Row]]:
    """Every row one analysis writes, by table, parents first."""
    article = analysis.article
    aid = article.id
    version = analysis.pipeline_version
    rows: dict[str, list[Row]] = {table: [] for table in COLUMNS}
    rows["articles"].append((
        aid, article.text, article.title, article.outlet, article.url, article.published,
        article.language, article.fictional, ingested_at.astimezone(UTC).replace(tzinfo=None),
        dict(metadata),
    ))  # fmt: skip
    rows["analyses"].append((aid, version, analysis.frontlines_version, analysis.to_dict()))
    mentions = rows["mentions"]
    for actor in analysis.actors:
        rows["actors"].append(
            (aid, actor.id, actor.name, actor.kind, actor.country, list(actor.aliases))
        )
        mentions.extend(_mention(aid, "actor", actor.id, mention) for mention in actor.mentions)
    for seq, place in enumerate(analysis.places):
        rows["places"].append((
            aid, seq, place.text, place.start, place.end, place.name, place.country, place.admin1,
            place.latitude, place.longitude, place.geonameid, place.role,
        ))  # fmt: skip
        mentions.append((aid, "place", str(seq), place.text, place.start, place.end))
    for seq, event in enumerate(analysis.events):
        rows["events"].append(_event_row(aid, seq, event, version))
        mentions.extend(_mention(aid, "event", event.id, mention) for mention in event.evidence)
    for seq, claim in enumerate(analysis.claims):
        rows["claims"].append((
            aid, seq, claim.source, claim.cue, claim.text, claim.start, claim.end, claim.direct,
            claim.hedge,
        ))  # fmt: skip
        mentions.append((aid, "claim", str(seq), claim.text, claim.start, claim.end))
    for seq, relation in enumerate(analysis.relations):
        evidence = relation.evidence
        rows["relations"].append((
            aid, seq, relation.source, relation.type, relation.target, relation.source_name,
            relation.target_name, evidence.text, evidence.start, evidence.end,
        ))  # fmt: skip
    for seq, framing in enumerate(analysis.framing):
        rows["framing"].append((aid, seq, framing.text, framing.start, framing.end, framing.kind))
        mentions.append((aid, "framing", str(seq), framing.text, framing.start, framing.end))
    return rows


def _mention(article_id: str, kind: str, ref: str, mention: Mention) -> Row:
    return (article_id, kind, ref, mention.text, mention.start, mention.end)


def _event_row(article_id: str, seq: int, event: Event, pipeline_version: str) -> Row:
    actor1, actor2 = event.actor1, event.actor2
    loc = event.location or Location(name=None, country=None)
    return (
        article_id, event.id, seq, event.event_date, event.date_precision, event.event_type,
        event.sub_event_type,
        actor1.id if actor1 else None, actor1.name if actor1 else None,
        actor1.kind if actor1 else None,
        [actor.to_dict() for actor in event.assoc_actor_1],
        actor2.id if actor2 else None, actor2.name if actor2 else None,
        actor2.kind if actor2 else None,
        [actor.to_dict() for actor in event.assoc_actor_2],
        event.location is not None, loc.name, loc.country, loc.admin1, loc.admin2, loc.admin3,
        loc.latitude, loc.longitude, loc.geo_precision, loc.geonameid, loc.note,
        event.fatalities, event.certainty, list(event.sources),
        [mention.to_dict() for mention in event.evidence],
        [quantity.to_dict() for quantity in event.quantities],
        event.notes, pipeline_version,
    )  # fmt: skip


def event_from_row(row: Mapping[str, Any]) -> Event:
    """The event a row of the ``events`` table holds."""
    location = None
    if row["has_location"]:
        location = Location(
            name=row["location"],
            country=row["country"],
            admin1=row["admin1"],
            admin2=row["admin2"],
            admin3=row["admin3"],
            latitude=row["latitude"],
            longitude=row["longitude"],
            geo_precision=row["geo_precision"],
            geonameid=row["geonameid"],
            note=row["location_note"],
        )
    return Event(
        id=row["event_id"],
        event_date=row["event_date"],
        date_precision=row["date_precision"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        actor1=_actor(row, "actor1"),
        assoc_actor_1=tuple(ActorRef.from_dict(a) for a in from_json(row["assoc_actor_1"])),
        actor2=_actor(row, "actor2"),
        assoc_actor_2=tuple(ActorRef.from_dict(a) for a in from_json(row["assoc_actor_2"])),
        location=location,
        fatalities=row["fatalities"],
        quantities=tuple(Quantity.from_dict(q) for q in from_json(row["quantities"])),
        certainty=row["certainty"],
        sources=tuple(from_json(row["sources"])),
        evidence=tuple(Mention.from_dict(m) for m in from_json(row["evidence"])),
        notes=row["notes"],
    )


def _actor(row: Mapping[str, Any], prefix: str) -> ActorRef | None:
    if row[f"{prefix}_id"] is None:
        return None
    return ActorRef(id=row[f"{prefix}_id"], name=row[f"{prefix}_name"], kind=row[f"{prefix}_kind"])


def stored_event_from_row(row: Mapping[str, Any]) -> StoredEvent:
    """An ``events`` row joined with its article's outlet, title, url, published, fictional."""
    return StoredEvent(
        event=event_from_row(row),
        article_id=row["article_id"],
        outlet=row["outlet"],
        title=row["title"],
        url=row["url"],
        published=row["published"],
        fictional=bool(row["fictional"]),
        pipeline_version=row["pipeline_version"],
        ingested_at=_utc(row["ingested_at"]),
        article_metadata=_metadata(row.get("article_metadata")),
    )


def _metadata(value: object) -> dict[str, Any]:
    """The article's metadata JSON as a dict ({} when absent or not an object)."""
    if isinstance(value, str):
        value = json.loads(value)
    return dict(value) if isinstance(value, Mapping) else {}


def _utc(moment: datetime | None) -> datetime | None:
    """Naive timestamps are stored in UTC."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def article_from_row(row: Sequence[Any]) -> Article:
    """An Article from the stored columns (id, text, title, outlet, url, published, language,
    fictional), the same on every backend."""
    article_id, text, title, outlet, url, published, language, fictional = row
    return Article(
        id=article_id,
        text=text,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        language=language,
        fictional=bool(fictional),
    )


def check_json(value: Mapping[str, Any], *, what: str) -> None:
    """InputError naming ``what`` unless ``value`` can be stored as JSON."""
    try:
        json.dumps(dict(value))
    except (TypeError, ValueError) as exc:
        raise InputError(f"{what} is not JSON-serialisable: {exc}") from None
