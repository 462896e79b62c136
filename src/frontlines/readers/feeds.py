"""RSS 2.0 and Atom feeds: one article per entry, from its content, else its summary.

The XML is checked with defusedxml before feedparser sees it: a feed that declares entities
(the billion-laughs attack) or points at external ones is refused, and so is one that is not
well-formed. The entry's own date is recorded as coming from the "feed". Entries are read as the
feed gives them; the pages they link to are not fetched.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from datetime import date
from typing import Any
from xml.etree.ElementTree import ParseError

from frontlines.errors import InputError
from frontlines.readers.common import Item, make_article
from frontlines.readers.html import fragment_text


def check_xml(data: bytes, *, origin: str) -> None:
    """InputError unless ``data`` is well-formed XML with no entity declarations."""
    import defusedxml.ElementTree
    from defusedxml import DefusedXmlException

    if not data.strip():
        raise InputError(f"{origin}: the file is empty")
    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False)
    except DefusedXmlException as error:
        raise InputError(
            f"{origin}: refused, the feed declares XML entities ({type(error).__name__}),"
            " which could expand without bound"
        ) from None
    except ParseError as error:
        raise InputError(f"{origin}: not well-formed XML ({error})") from None
    except (ValueError, LookupError, RecursionError) as error:
        raise InputError(f"{origin}: not readable XML ({type(error).__name__})") from None


def read_feed(data: bytes, *, origin: str, max_chars: int | None = None) -> Iterator[Item]:
    """One item per entry; a feed that is not RSS or Atom at all raises InputError."""
    import feedparser

    check_xml(data, origin=origin)
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version"):
        raise InputError(f"{origin}: XML, but not an RSS or Atom feed")
    outlet = _text(parsed.feed.get("title"))
    if not parsed.entries:
        yield Item(origin=origin, skip="the feed has no entries")
    for number, entry in enumerate(parsed.entries, start=1):
        yield _entry_item(entry, origin=f"{origin}#{number}", outlet=outlet, max_chars=max_chars)


def _entry_item(entry: Any, *, origin: str, outlet: str | None, max_chars: int | None) -> Item:
    contents = entry.get("content") or []
    markup = _text(contents[0].get("value")) if contents else None
    text = fragment_text(markup or _text(entry.get("summary")) or "")
    if not text:
        return Item.failed(origin, f"{origin}: the entry has no text (no content or summary)")
    published = _entry_date(entry)
    try:
        article = make_article(
            text,
            origin=origin,
            title=_text(entry.get("title")),
            outlet=outlet,
            url=_text(entry.get("link")),
            published=published,
            language=None,
            published_source="feed",
            max_chars=max_chars,
        )
    except InputError as error:
        return Item.failed(origin, error)
    extra = {"author": _text(entry.get("author")), "entry_id": _text(entry.get("id"))}
    tags = [_text(tag.get("term")) for tag in entry.get("tags") or []]
    metadata: dict[str, Any] = {key: value for key, value in extra.items() if value}
    if any(tags):
        metadata["tags"] = [tag for tag in tags if tag]
    return Item(origin=origin, article=article, metadata=metadata)


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None
