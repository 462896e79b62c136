"""The actor knowledge base that ships with the package (kb/data/actors.yaml) and its lookups."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from importlib.resources import files
from typing import Any

import yaml

from frontlines.errors import ConfigError, NotFoundError
from frontlines.kb.countries import Countries, Country
from frontlines.kb.loader import parse_actors, parse_ambiguous, parse_descriptors
from frontlines.kb.name_folding import fold, normalise
from frontlines.kb.records import Backer, Descriptor, KBActor, Period

__all__ = [
    "ActorKB",
    "Backer",
    "Countries",
    "Country",
    "Descriptor",
    "KBActor",
    "Period",
    "fold",
    "normalise",
]

ACTORS_FILE = "data/actors.yaml"
# When a country has several actors of one kind, names with these words win ("Military Forces of
# Syria" over "Police Forces of Syria").
MAIN_FORCE_WORDS = ("military", "armed forces", "army", "government forces")


class ActorKB:
    """Actors by id and by any name, alias or metonym (compared after ``normalise``)."""

    def __init__(
        self,
        actors: tuple[KBActor, ...],
        *,
        countries: Countries,
        descriptors: tuple[Descriptor, ...] = (),
        ambiguous: tuple[str, ...] = (),
    ) -> None:
        self.countries = countries
        self.descriptors = descriptors
        self._actors = {actor.id: actor for actor in actors}
        self._by_key: dict[str, list[str]] = {}
        self._metonym_keys: set[str] = set()
        for actor in actors:
            for surface in (*actor.names, *actor.metonyms):
                ids = self._by_key.setdefault(normalise(surface), [])
                if actor.id not in ids:
                    ids.append(actor.id)
            self._metonym_keys.update(normalise(m) for m in actor.metonyms)
        self._ambiguous = {normalise(alias) for alias in ambiguous}
        self._descriptors = {normalise(d.phrase): d for d in descriptors}

    @classmethod
    def load(cls) -> ActorKB:
        """The packaged knowledge base; a missing or invalid file is a ConfigError."""
        resource = files("frontlines.kb").joinpath(ACTORS_FILE)
        if not resource.is_file():
            raise ConfigError(f"the actor knowledge base {ACTORS_FILE} is not installed")
        data = yaml.safe_load(resource.read_text(encoding="utf-8"))
        return cls.from_data(data, source=ACTORS_FILE)

    @classmethod
    def from_data(cls, data: Any, *, source: str = "actor data") -> ActorKB:
        if not isinstance(data, Mapping):
            raise ConfigError(f"{source}: expected a mapping at the top level")
        countries = Countries.load()
        return cls(
            parse_actors(data, countries=countries, source=source),
            countries=countries,
            descriptors=parse_descriptors(data, source=source),
            ambiguous=parse_ambiguous(data),
        )

    def __iter__(self) -> Iterator[KBActor]:
        return iter(self._actors.values())

    def __len__(self) -> int:
        return len(self._actors)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def get(self, actor_id: str) -> KBActor:
        actor = self._actors.get(actor_id)
        if actor is None:
            raise NotFoundError(f"no actor with id {actor_id!r} in the knowledge base")
        return actor

    def candidates(self, surface: str) -> tuple[KBActor, ...]:
        """Every actor a name, alias or metonym may stand for."""
        return tuple(self._actors[i] for i in self._by_key.get(normalise(surface), ()))

    def lookup(self, surface: str) -> KBActor | None:
        """The one actor a surface form names; None when unknown or ambiguous."""
        key = normalise(surface)
        found = self._by_key.get(key, ())
        if len(found) != 1 or key in self._ambiguous:
            return None
        return self._actors[found[0]]

    def is_metonym(self, surface: str) -> bool:
        return normalise(surface) in self._metonym_keys

    def is_ambiguous(self, surface: str) -> bool:
        key = normalise(surface)
        return key in self._ambiguous or len(self._by_key.get(key, ())) > 1

    def descriptor(self, surface: str) -> Descriptor | None:
        return self._descriptors.get(normalise(surface))

    def surfaces(self) -> Iterator[tuple[str, str]]:
        """(surface form, actor id) for every name, alias and metonym."""
        for actor in self._actors.values():
            for surface in (*actor.names, *actor.metonyms):
                yield surface, actor.id

    def parents(self, actor_id: str) -> tuple[KBActor, ...]:
        """The parent chain, nearest first; stops at a cycle."""
        chain: list[KBActor] = []
        seen = {actor_id}
        parent = self.get(actor_id).parent
        while parent and parent not in seen:
            seen.add(parent)
            actor = self.get(parent)
            chain.append(actor)
            parent = actor.parent
        return tuple(chain)

    def backers_on(self, actor_id: str, day: date | None) -> tuple[KBActor, ...]:
        """The actors backing ``actor_id`` on ``day`` (every backer when the day is unknown)."""
        return tuple(
            self.get(backer.id)
            for backer in self.get(actor_id).backers
            if backer.period.covers(day)
        )

    def of_country(
        self, country: str | None, *, kind: str, on: date | None = None, named: str | None = None
    ) -> KBActor | None:
        """The main actor of a kind for a country: active on the day, military before police.

        With ``named`` (a word start such as "police"), only actors with a name holding it, and
        those whose own or ACLED name holds it first: "Police Forces of Russia" before the
        deployment with an alias "Russian military police"."""
        name = self.countries.canonical(country)
        if name is None:
            return None
        found = [a for a in self._actors.values() if a.kind == kind and a.country == name]
        if named:
            found = [a for a in found if _holds(a.names, named)]
        if not found:
            return None

        def rank(actor: KBActor) -> tuple[bool, bool, bool, bool]:
            names = " ".join(actor.names).lower()
            own = (actor.name, actor.acled_name or "")
            return (
                not actor.active.covers(on),
                named is not None and not _holds(own, named),
                named is None and not any(word in names for word in MAIN_FORCE_WORDS),
                actor.parent is not None and self._actors[actor.parent].kind == kind,
            )

        return min(found, key=rank)


def _holds(names: Iterable[str], word: str) -> bool:
    """Whether a word of the names starts with ``word`` ("police" in "policemen")."""
    pattern = re.compile(rf"\b{re.escape(word)}", re.IGNORECASE)
    return any(pattern.search(name) for name in names)
