"""Reading and validating the knowledge base's YAML into records."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from frontlines.errors import ConfigError
from frontlines.kb.countries import Countries
from frontlines.kb.records import DESCRIPTOR_TARGETS, Backer, Descriptor, KBActor, Period
from frontlines.model import ACTOR_KINDS

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
DAY = r"\d{4}(?:-\d{1,2}){0,2}"
# Country names that take "the" after "of" ("Military Forces of the Philippines").
THE_COUNTRY = re.compile(
    r"^(?:United |Democratic Republic|Central African|Republic of|Philippines|Netherlands|Gambia"
    r"|Bahamas|Maldives|Comoros|Solomon|Marshall)"
)
RANGE = re.compile(rf"^\s*({DAY})?\s*(?:–|-|to)\s*({DAY}|present)?\s*$")


def parse_actors(
    data: Mapping[str, Any], *, countries: Countries, source: str
) -> tuple[KBActor, ...]:
    entries = data.get("actors")
    if not isinstance(entries, list):
        raise ConfigError(f"{source}: expected a top-level 'actors' list")
    actors = tuple(_actor(entry, countries=countries, source=source) for entry in entries)
    actors = tuple(with_acled_name(actor) for actor in actors)
    seen: set[str] = set()
    for actor in actors:
        if actor.id in seen:
            raise ConfigError(f"{source}: actor id {actor.id!r} appears twice")
        seen.add(actor.id)
    for actor in actors:
        linked = [actor.parent] if actor.parent else []
        linked += [backer.id for backer in actor.backers]
        unknown = [ref for ref in linked if ref not in seen]
        if unknown:
            raise ConfigError(f"{source}: actor {actor.id!r} refers to unknown ids {unknown}")
    return actors


def with_acled_name(actor: KBActor) -> KBActor:
    """A country's state forces without an ACLED name take ACLED's form of it: "Military Forces
    of the United States", "Police Forces of India" (the period ACLED appends is left out)."""
    if actor.acled_name or actor.kind != "state forces" or not actor.country:
        return actor
    police = re.search(r"\b(?:police|gendarmerie)\b", actor.name, re.IGNORECASE)
    branch = "Police" if police else "Military"
    return replace(actor, acled_name=f"{branch} Forces of {acled_country(actor.country)}")


def acled_country(country: str) -> str:
    """A country as ACLED writes it after "of": "the United States", "Mali"."""
    return f"the {country}" if THE_COUNTRY.match(country) else country


def parse_descriptors(data: Mapping[str, Any], *, source: str) -> tuple[Descriptor, ...]:
    descriptors = []
    for entry in data.get("descriptors") or ():
        if not isinstance(entry, Mapping) or not entry.get("phrase"):
            raise ConfigError(f"{source}: a descriptor lacks its phrase: {entry!r}")
        target = entry.get("resolves_to")
        if target not in DESCRIPTOR_TARGETS:
            raise ConfigError(
                f"{source}: descriptor {entry['phrase']!r} resolves to unknown {target!r}"
            )
        descriptors.append(
            Descriptor(
                phrase=str(entry["phrase"]),
                resolves_to=str(target),
                loaded=bool(entry.get("loaded", False)),
            )
        )
    return tuple(descriptors)


def parse_ambiguous(data: Mapping[str, Any]) -> tuple[str, ...]:
    """Aliases that name several actors: plain strings, or mappings with an alias or phrase."""
    aliases = []
    for entry in data.get("ambiguous_aliases") or ():
        alias = entry
        if isinstance(entry, Mapping):
            alias = entry.get("alias") or entry.get("phrase") or entry.get("name")
        if alias:
            aliases.append(str(alias))
    return tuple(aliases)


def _actor(entry: Any, *, countries: Countries, source: str) -> KBActor:
    if not isinstance(entry, Mapping) or not entry.get("id") or not entry.get("name"):
        raise ConfigError(f"{source}: an actor lacks its id or name: {entry!r}")
    actor_id = str(entry["id"])
    kind = entry.get("kind")
    if kind not in ACTOR_KINDS:
        raise ConfigError(f"{source}: actor {actor_id!r} has unknown kind {kind!r}")
    return KBActor(
        id=actor_id,
        name=str(entry["name"]),
        kind=str(kind),
        country=countries.canonical(entry.get("country")),
        acled_name=_optional(entry.get("acled_name")),
        aliases=_strings(entry.get("aliases")),
        metonyms=_strings(entry.get("metonyms")),
        parent=_optional(entry.get("parent")),
        backers=tuple(
            _backer(b, actor_id=actor_id, source=source) for b in entry.get("backers") or ()
        ),
        active=_period(entry.get("active"), what=f"actor {actor_id!r} active", source=source),
        notes=_optional(entry.get("notes")),
    )


def _backer(entry: Any, *, actor_id: str, source: str) -> Backer:
    if isinstance(entry, str):
        return Backer(id=entry)
    if not isinstance(entry, Mapping) or not entry.get("id"):
        raise ConfigError(f"{source}: a backer of {actor_id!r} lacks its id: {entry!r}")
    what = f"backer {entry['id']!r} of {actor_id!r}"
    return Backer(
        id=str(entry["id"]),
        period=Period(
            start=_day(entry.get("from"), end=False, what=what, source=source),
            end=_day(entry.get("to"), end=True, what=what, source=source),
        ),
    )


def _period(value: Any, *, what: str, source: str) -> Period:
    if value is None or isinstance(value, bool):
        return Period()
    if isinstance(value, Mapping):
        return Period(
            start=_day(value.get("from"), end=False, what=what, source=source),
            end=_day(value.get("to"), end=True, what=what, source=source),
        )
    if isinstance(value, Sequence) and not isinstance(value, str) and len(value) == 2:
        return Period(
            start=_day(value[0], end=False, what=what, source=source),
            end=_day(value[1], end=True, what=what, source=source),
        )
    if isinstance(value, int | date) or PARTIAL_DATE.match(str(value).strip()):
        return Period(start=_day(value, end=False, what=what, source=source))
    match = RANGE.match(str(value))
    if match is None:
        raise ConfigError(f"{source}: {what}: cannot read the period {value!r}")
    return Period(
        start=_day(match.group(1), end=False, what=what, source=source),
        end=_day(match.group(2), end=True, what=what, source=source),
    )


def _day(value: Any, *, end: bool, what: str, source: str) -> date | None:
    """A date from a date, a year, or "YYYY[-MM[-DD]]"; a partial end date means its last day."""
    if value is None or value in {"", "present"}:
        return None
    if isinstance(value, date):
        return value
    match = PARTIAL_DATE.match(str(value).strip())
    if match is None:
        raise ConfigError(f"{source}: {what}: cannot read the date {value!r}")
    year = int(match.group(1))
    month = int(match.group(2) or (12 if end else 1))
    if match.group(3):
        return date(year, month, int(match.group(3)))
    if not end:
        return date(year, month, 1)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value if item)


def _optional(value: Any) -> str | None:
    return str(value) if value else None
