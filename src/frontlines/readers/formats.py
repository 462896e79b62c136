"""Which reader an input needs: by file extension (the table of reader kinds, which plugins
extend), else by sniffing its first bytes (the built-in kinds)."""

from __future__ import annotations

import re

from frontlines.readers.kinds import FEED, HTML, JSONL, TEXT, ZIP, reader_table

Kind = str  # a reader kind's name: "text", "html", "feed", "jsonl", "zip", or a plugin's

# The built-in kinds' extensions; the table (``readers.kinds``) holds them with any plugin's.
EXTENSIONS: dict[str, Kind] = {
    extension: kind.name for kind in (TEXT, HTML, FEED, JSONL, ZIP) for extension in kind.extensions
}
SINGLE_ARTICLE: frozenset[Kind] = frozenset(
    kind.name for kind in (TEXT, HTML, FEED, JSONL, ZIP) if kind.single_article
)
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|rdf)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(
    rb"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE | re.DOTALL
)


def kind_by_name(name: str) -> Kind | None:
    return reader_table().kind_by_name(name)


def sniff(head: bytes) -> Kind | None:
    """The kind of a blob from its first bytes; None for binary data that no reader takes."""
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if b"\x00" in head:
        return None
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"<?xml"):
        return "html" if b"<html" in start.lower() and not _FEED_ROOT.search(start) else "feed"
    if _FEED_ROOT.match(start):
        return "feed"
    if _HTML_START.match(start):
        return "html"
    if start[:1] in (b"{", b"["):
        return "jsonl"
    return "text"


def kind_of(name: str, head: bytes) -> Kind | None:
    return kind_by_name(name) or sniff(head)
