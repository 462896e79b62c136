"""What every reader shares: validating text and metadata into an Article."""

from __future__ import annotations

from datetime import date

from frontlines.errors import InputError
from frontlines.model import Article

TODAY_SLACK_DAYS = 1


def parse_published(value: date | str | None, *, origin: str) -> date | None:
    """A publication date from a date or an ISO string (YYYY-MM-DD); InputError otherwise."""
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(
            f"{origin}: invalid publication date {text!r} (expected YYYY-MM-DD)"
        ) from None


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
