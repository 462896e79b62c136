"""The event filters, defined once for the command line and the HTTP API.

Each filter has one name: ``--sub-type`` on the command line is ``?sub_type=`` in the API.
Values of the closed vocabularies (event types, sub-types, certainty) are matched without
regard to case, and a wrong one is refused with the list of valid values. The API's older
parameter names (``event_type``, ``date_from``...) are still accepted as aliases.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from frontlines.errors import InputError
from frontlines.model import CERTAINTIES, EVENT_TYPES, SUB_EVENT_TYPES

MAX_COUNT_DIGITS = 9  # counts beyond a billion are typing errors, and stay inside 64-bit SQL
FilterKind = Literal["text", "date", "choice", "count", "bbox", "bool"]


@dataclass(frozen=True, slots=True)
class Filter:
    """One filter: its shared name, the EventQuery field it sets, and what it accepts."""

    name: str  # the API parameter; the CLI option is --name with '-' for '_'
    field: str
    help: str
    kind: FilterKind = "text"
    choices: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # older API names, still accepted
    cli: bool = True  # False: an API-only filter

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")

    def describe(self) -> str:
        """The help text, with the valid values of a closed vocabulary."""
        if not self.choices:
            return self.help
        return f"{self.help} One of: {', '.join(self.choices)} (any case)."


FILTERS: tuple[Filter, ...] = (
    Filter("from", "date_from", "Earliest event date, YYYY-MM-DD.", "date", aliases=("date_from",)),
    Filter("to", "date_to", "Latest event date, YYYY-MM-DD.", "date", aliases=("date_to",)),
    Filter("country", "country", "Country name, any case."),
    Filter("admin1", "admin1", "First-level administrative area, any case."),
    Filter(
        "type", "event_type", "ACLED event type.", "choice", tuple(EVENT_TYPES), ("event_type",)
    ),
    Filter(
        "sub_type",
        "sub_event_type",
        "ACLED sub-event type.",
        "choice",
        tuple(SUB_EVENT_TYPES),
        ("sub_event_type",),
    ),
    Filter("actor", "actor", "Actor id, or part of an actor's name."),
    Filter("source", "source", "A source the event credits, or the article's outlet."),
    Filter("certainty", "certainty", "How sure the reports are.", "choice", CERTAINTIES),
    Filter("min_fatalities", "min_fatalities", "Only events with at least N fatalities.", "count"),
    Filter("text", "text", "Free text in the evidence or notes."),
    Filter("bbox", "bbox", "min_lon,min_lat,max_lon,max_lat", "bbox"),
    Filter("fictional", "fictional", "Only (non-)fictional articles: true or false.", "bool",
           cli=False),
)  # fmt: skip
FILTERS_BY_NAME: dict[str, Filter] = {
    name: spec for spec in FILTERS for name in (spec.name, *spec.aliases)
}


def choice_value(spec: Filter, value: str, *, label: str | None = None) -> str:
    """The vocabulary's own spelling of ``value`` (any case); InputError naming the filter."""
    folded = " ".join(value.split()).casefold()
    for choice in spec.choices:
        if choice.casefold() == folded:
            return choice
    raise InputError(
        f"unknown {label or spec.name} {value!r}; use one of {', '.join(spec.choices)} (any case)"
    )


def date_value(spec: Filter, value: str, *, label: str | None = None) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(
            f"{label or spec.name} {value!r} is not a date; use YYYY-MM-DD, e.g. 2024-11-27"
        ) from None


def count_value(spec: Filter, value: str | int, *, label: str | None = None) -> int:
    text = str(value).strip()
    # isascii: str.isdigit also accepts digits such as "²" that int() refuses
    if not (text.isascii() and text.isdigit()) or len(text) > MAX_COUNT_DIGITS:
        raise InputError(f"{label or spec.name} {value!r}: expected a whole number >= 0")
    return int(text)


def bbox_value(
    spec: Filter, value: str, *, label: str | None = None
) -> tuple[float, float, float, float]:
    """``min_lon,min_lat,max_lon,max_lat`` as four floats within the globe's bounds."""
    parts = [part.strip() for part in value.split(",")]
    numbers: list[float] = []
    for part in parts:
        try:
            numbers.append(float(part))
        except ValueError:
            break
    problem = f"{label or spec.name} {value!r}"
    if len(parts) != 4 or len(numbers) != 4:
        raise InputError(f"{problem}: expected four numbers min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = numbers
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise InputError(f"{problem}: longitudes must lie in -180..180")
    if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise InputError(f"{problem}: latitudes must lie in -90..90")
    if min_lon > max_lon or min_lat > max_lat:
        raise InputError(f"{problem}: expected min_lon <= max_lon and min_lat <= max_lat")
    return min_lon, min_lat, max_lon, max_lat


def bool_value(spec: Filter, value: str | bool, *, label: str | None = None) -> bool:
    if isinstance(value, bool):
        return value
    folded = value.strip().lower()
    if folded in ("1", "true", "yes", "on"):
        return True
    if folded in ("0", "false", "no", "off"):
        return False
    raise InputError(f"{label or spec.name} {value!r}: expected true or false")


def filter_value(spec: Filter, value: Any, *, label: str | None = None) -> Any:
    """``value`` (text as given on a command line or in a URL) as the EventQuery field wants it.

    ``label`` is the name the value was given under, for the error message.
    """
    if spec.kind == "choice":
        return choice_value(spec, str(value), label=label)
    if spec.kind == "date":
        return value if isinstance(value, date) else date_value(spec, str(value), label=label)
    if spec.kind == "count":
        return count_value(spec, value, label=label)
    if spec.kind == "bbox":
        return bbox_value(spec, str(value), label=label)
    if spec.kind == "bool":
        return bool_value(spec, value, label=label)
    return str(value).strip() or None


def query_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    """EventQuery keyword arguments from filter values keyed by name or alias; None: not given.

    A filter given twice (by its name and an alias) with different values is refused.
    """
    fields: dict[str, Any] = {}
    given: dict[str, str] = {}  # field -> the name it was given under
    for key, raw in values.items():
        if raw is None or raw == "":
            continue
        spec = FILTERS_BY_NAME.get(key)
        if spec is None:
            raise InputError(f"unknown filter {key!r}; use one of {', '.join(filter_names())}")
        value = filter_value(spec, raw, label=key)
        if spec.field in fields and fields[spec.field] != value:
            raise InputError(f"{given[spec.field]} and {key} are given different values")
        fields[spec.field], given[spec.field] = value, key
    date_from, date_to = fields.get("date_from"), fields.get("date_to")
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InputError(f"{given['date_from']} {date_from} is after {given['date_to']} {date_to}")
    return fields


def filter_names() -> list[str]:
    return [spec.name for spec in FILTERS]
