"""What every reader shares: limits, validating text and metadata into an Article, read items."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from frontlines.errors import InputError
from frontlines.model import Article
from frontlines.readers.datelines import is_future


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """What one read may cost: bytes per article and per container, archive shape, network time."""

    max_bytes: int = 10_000_000
    max_container_bytes: int = 100_000_000  # a feed, a JSON array, a zip's uncompressed total
    max_members: int = 10_000  # files in one zip archive
    max_ratio: int = 100  # uncompressed/compressed size of one zip member over 1 MB
    timeout_s: float = 20.0  # network reads

    @classmethod
    def from_max_bytes(cls, max_bytes: int, **overrides: Any) -> ReadLimits:
        return cls(max_bytes=max_bytes, max_container_bytes=max_bytes * 10, **overrides)


@dataclass(frozen=True, slots=True)
class Item:
    """One thing read from an input: an article, or why there is none (failed or skipped)."""

    origin: str
    article: Article | None = None
    error: str | None = None  # one line naming the input: it could not be read
    skip: str | None = None  # why it is left out on purpose (not an error)
    metadata: Mapping[str, Any] = field(default_factory=dict)
    cause: str | None = None  # for a failed read: "read" (bad input) or "unreadable" (OS error)

    @classmethod
    def failed(cls, origin: str, error: InputError | str, *, cause: str = "read") -> Item:
        return cls(origin=origin, error=" ".join(str(error).split()), cause=cause)


def parse_published(value: date | str | None, *, origin: str) -> date | None:
    """A publication date from a date or an ISO string (YYYY-MM-DD); InputError otherwise."""
    if isinstance(value, datetime):
        return not_future(value.date(), origin=origin)
    if isinstance(value, date):
        return not_future(value, origin=origin)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{origin}: the publication date must be text, not {type(value).__name__}")
    text = str(value).strip()
    if not text:
        return None
    try:
        found = date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(
            f"{origin}: invalid publication date {text!r} (expected YYYY-MM-DD)"
        ) from None
    return not_future(found, origin=origin)


def not_future(day: date, *, origin: str) -> date:
    """``day``, or InputError when it lies after today (a day of slack for time zones)."""
    if is_future(day):
        raise InputError(f"{origin}: the publication date {day} is in the future")
    return day


def make_article(
    text: str,
    *,
    origin: str,
    published: date | str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    language: str | None = "en",
    fictional: bool = False,
    published_source: str | None = None,
    max_chars: int | None = None,
) -> Article:
    """Validate and build an Article; ``origin`` names the input in error messages."""
    if not isinstance(text, str):
        raise InputError(f"{origin}: the text must be a string, not {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{origin}: the text is empty")
    if "\x00" in text:
        raise InputError(f"{origin}: the text contains NUL bytes (is it a binary file?)")
    if max_chars is not None and len(text) > max_chars:
        raise InputError(f"{origin}: the text is longer than the limit of {max_chars} characters")
    return Article.create(
        text,
        title=title,
        outlet=outlet,
        url=url,
        published=parse_published(published, origin=origin),
        language=language,
        fictional=fictional,
        published_source=published_source,
    )
