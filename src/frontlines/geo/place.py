"""A place as the places stage writes it: the contract's fields, plus what ``locate`` needs."""

from __future__ import annotations

from dataclasses import dataclass

from frontlines.model import Place

# Most specific first; ``locate`` prefers the most specific place a sentence names.
SPECIFICITY = ("landmark", "city", "admin2", "region", "admin1", "country", "continent")


@dataclass(frozen=True, slots=True)
class GeoPlace(Place):
    """``Place`` with the gazetteer's kind of entry, the admin2 name and the ISO country code.

    ``to_dict()`` is the contract's; the extra fields stay inside the process.
    """

    kind: str | None = None
    admin2: str | None = None
    country_code: str | None = None


def kind_of(place: Place) -> str | None:
    """The kind of a place: known for a ``GeoPlace``, guessed for one read back from JSON."""
    if isinstance(place, GeoPlace):
        return place.kind
    if not place.resolved:
        return None
    return "country" if place.name is not None and place.name == place.country else "city"
