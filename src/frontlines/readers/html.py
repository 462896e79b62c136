"""Saved web pages: the main text, title, author, outlet and date, by trafilatura.

The date is the page's own (trafilatura's metadata, then htmldate over the markup), else the
caller's fallback (the file's date). Nothing is fetched here: pages arrive as bytes.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml import html as lxml_html

from frontlines.errors import InputError

if TYPE_CHECKING:
    from trafilatura.settings import Document
from frontlines.model import Article
from frontlines.readers.common import make_article, parse_published
from frontlines.readers.datelines import text_date

_HTML_OPEN = re.compile(rb"<html[\s>]", re.IGNORECASE)
_HTML_CLOSE = re.compile(rb"</html\s*>", re.IGNORECASE)
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def check_page(data: bytes, *, origin: str) -> None:
    """Refuse what cannot be a whole page: empty, binary, or cut off before ``</html>``."""
    if not data.strip():
        raise InputError(f"{origin}: the file is empty")
    if b"\x00" in data:
        raise InputError(f"{origin}: binary data, not an HTML page")
    if _HTML_OPEN.search(data[:65536]) and not _HTML_CLOSE.search(data[-65536:]):
        raise InputError(
            f"{origin}: the page is cut off (it opens <html> but never closes it); save it again"
        )


def article_from_html(
    data: bytes,
    *,
    origin: str,
    max_chars: int | None = None,
    url: str | None = None,
    fallback_published: date | None = None,
    fallback_source: str = "file",
) -> tuple[Article, dict[str, Any]]:
    """The page's article and the extra metadata found (author, hostname, description)."""
    import trafilatura
    from trafilatura.settings import Document

    check_page(data, origin=origin)
    try:
        document = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError, etree.LxmlError) as error:
        raise InputError(f"{origin}: the page cannot be parsed ({type(error).__name__})") from None
    text = (document.text or "").strip() if isinstance(document, Document) else ""
    if not isinstance(document, Document) or not text:
        raise InputError(f"{origin}: no article text found in the page")
    published, published_source = _page_date(document, data, url=url, origin=origin)
    if published is None and (stated := text_date(text)) is not None:
        published, published_source = stated, "text"
    if published is None and fallback_published is not None:
        published, published_source = fallback_published, fallback_source
    title = document.title or None
    outlet = document.sitename or document.hostname or None
    article = make_article(
        text,
        origin=origin,
        title=title,
        outlet=outlet,
        url=url or document.url or None,
        published=published,
        language=None,
        published_source=published_source,
        max_chars=max_chars,
    )
    extra = {
        "author": document.author,
        "hostname": document.hostname,
        "description": document.description,
    }
    return article, {key: value for key, value in extra.items() if value}


def _page_date(
    document: Document, data: bytes, *, url: str | None, origin: str
) -> tuple[date | None, str]:
    found = parse_published(document.date, origin=origin) if document.date else None
    if found is None:
        found = _htmldate(data, url=url)
    return found, "page"


def _htmldate(data: bytes, *, url: str | None) -> date | None:
    """htmldate over the markup (a tree, so that it never takes the input for a URL to fetch)."""
    import htmldate
    from trafilatura.utils import load_html

    tree = load_html(data)
    if tree is None:
        return None
    try:
        found = htmldate.find_date(tree, extensive_search=True, original_date=True, url=url)
    except (ValueError, TypeError, etree.LxmlError):
        return None
    return date.fromisoformat(found) if found else None


def fragment_text(markup: str) -> str:
    """The readable text of an HTML fragment (a feed entry's content), one line per block."""
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    try:
        tree = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.LxmlError, ValueError):
        return ""
    for element in tree.iter("br", *_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    text = _SPACES.sub(" ", tree.text_content())
    lines = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n", lines).strip()
