"""Countries with their other names and demonyms, read from kb/data/countries.yaml."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import yaml

from frontlines.errors import ConfigError
from frontlines.kb.name_folding import normalise


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    iso2: str
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    people: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def demonyms(self) -> tuple[str, ...]:
        return (*self.adjectives, *self.people)


class Countries:
    """Lookup of a country by name, alias, ISO code or demonym (normalised)."""

    def __init__(self, countries: tuple[Country, ...]) -> None:
        self._countries = countries
        self._by_name: dict[str, Country] = {}
        self._by_demonym: dict[str, Country] = {}
        for country in countries:
            for name in (*country.names, country.iso2):
                self._by_name.setdefault(normalise(name), country)
            for demonym in country.demonyms:
                self._by_demonym.setdefault(normalise(demonym), country)

    @classmethod
    def load(cls) -> Countries:
        text = files("frontlines.kb").joinpath("data/countries.yaml").read_text(encoding="utf-8")
        return cls.from_data(yaml.safe_load(text))

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Countries:
        entries = data.get("countries") if isinstance(data, Mapping) else None
        if not isinstance(entries, list):
            raise ConfigError("countries.yaml: expected a top-level 'countries' list")
        countries = []
        for entry in entries:
            if not isinstance(entry, Mapping) or not entry.get("name") or not entry.get("iso2"):
                raise ConfigError(f"countries.yaml: an entry lacks name or iso2: {entry!r}")
            countries.append(
                Country(
                    name=str(entry["name"]),
                    iso2=str(entry["iso2"]).upper(),
                    aliases=tuple(str(a) for a in entry.get("aliases") or ()),
                    adjectives=tuple(str(a) for a in entry.get("adjectives") or ()),
                    people=tuple(str(a) for a in entry.get("people") or ()),
                )
            )
        return cls(tuple(countries))

    def __iter__(self) -> Iterator[Country]:
        return iter(self._countries)

    def get(self, name: str | None) -> Country | None:
        """The country a name, alias or ISO alpha-2 code stands for."""
        return self._by_name.get(normalise(name)) if name else None

    def by_demonym(self, word: str) -> Country | None:
        return self._by_demonym.get(normalise(word))

    def canonical(self, name: str | None) -> str | None:
        """The table's name for a country given in any form; unknown names come back as they are."""
        country = self.get(name)
        return country.name if country else name
