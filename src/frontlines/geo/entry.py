"""A gazetteer entry: one place with its point, admin names and weight."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

EntryKind = Literal["city", "admin1", "admin2", "country", "region", "continent", "landmark"]

# How exactly an entry's name matched the text, best first (see frontlines.geo.names).
MATCH_FOLD, MATCH_LIGHT, MATCH_SKELETON, MATCH_FUZZY = 0, 1, 2, 3

# What kind of name matched: the entry's main name, another of its names, or a demonym.
NAME_MAIN, NAME_ALTERNATE, NAME_DEMONYM = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place. ``id`` is the GeoNames id where there is one, else negative."""

    id: int
    name: str
    kind: EntryKind
    country_code: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    latitude: float
    longitude: float
    population: int
    capital_of: str | None = None  # ISO code of the country whose capital this is
    stands_for: str | None = None  # ISO code of the state a landmark names ("Kremlin")

    @property
    def geonameid(self) -> int | None:
        return self.id if self.id > 0 else None


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry found for a name, with how well the name matched."""

    entry: Entry
    match: int
    name_kind: int
