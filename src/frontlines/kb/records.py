"""What the actor knowledge base holds: actors, their backers, and descriptors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

DescriptorTarget = Literal[
    "state_forces_of_focus_country",
    "government_of_focus_country",
    "state_of_focus_country",
    "rebels_of_focus_country",
    "civilians",
    "protesters",
    "unidentified-armed-group",
]
DESCRIPTOR_TARGETS: tuple[str, ...] = get_args(DescriptorTarget)


@dataclass(frozen=True, slots=True)
class Period:
    """From and to, both inclusive; None is open."""

    start: date | None = None
    end: date | None = None

    def covers(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Backer:
    id: str
    period: Period = Period()


@dataclass(frozen=True, slots=True)
class KBActor:
    id: str
    name: str
    kind: str
    country: str | None = None
    acled_name: str | None = None
    aliases: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    parent: str | None = None
    backers: tuple[Backer, ...] = ()
    active: Period = Period()
    notes: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every form that names the actor itself (metonyms excluded)."""
        extra = (self.acled_name,) if self.acled_name else ()
        return (self.name, *extra, *self.aliases)


@dataclass(frozen=True, slots=True)
class Descriptor:
    """A common noun phrase ("the regime") standing for an actor of the article's focus country."""

    phrase: str
    resolves_to: str
    loaded: bool = False
