"""The table of reader kinds: which reader reads an input, picked by its name or first bytes.

Each kind is a ``ReaderKind`` registered under the ``frontlines.readers`` entry-point group; the
built-in kinds (text, html, feed, jsonl, zip) register there in ``pyproject.toml`` exactly as a
plugin's kinds would. ``frontlines ingest`` (``readers.named_inputs``) and ``frontlines analyze``
(``readers.single``) both read through this one table. A plugin's kind is found by its file
extensions; sniffing unnamed input (stdin, a URL's body) knows the built-in kinds only. The
built-in kinds come first, so a plugin cannot take over their names or extensions.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import PurePath
from types import MappingProxyType
from typing import Protocol

from frontlines.errors import ConfigError
from frontlines.readers.common import Item, ReadLimits

ENTRY_POINT_GROUP = "frontlines.readers"
BUILT_IN = ("text", "html", "feed", "jsonl", "zip")


class Read(Protocol):
    def __call__(
        self,
        data: bytes,
        *,
        origin: str,
        limits: ReadLimits,
        fallback_published: date | None,
        url: str | None,
    ) -> Iterator[Item]: ...


@dataclass(frozen=True, slots=True)
class ReaderKind:
    """A kind of input: its name, the file extensions that name it, and how to read its bytes.

    ``single_article``: one input holds one article, so it is capped at ``limits.max_bytes``;
    otherwise (a feed, an archive) at ``limits.max_container_bytes``.
    """

    name: str
    extensions: tuple[str, ...]
    read: Read
    single_article: bool = True


@dataclass(frozen=True, slots=True)
class ReaderTable:
    """The installed reader kinds by name, and by file extension."""

    kinds: Mapping[str, ReaderKind]

    def kind_by_name(self, name: str) -> str | None:
        suffix = PurePath(name).suffix.lower()
        for kind in self.kinds.values():
            if suffix in kind.extensions:
                return kind.name
        return None

    def get(self, name: str) -> ReaderKind:
        kind = self.kinds.get(name)
        if kind is None:
            known = ", ".join(sorted(self.kinds)) or "none (is frontlines installed?)"
            raise ConfigError(f"no reader for {name!r} inputs (readers: {known})")
        return kind


def reader_table() -> ReaderTable:
    """The kinds installed now (looked up again whenever ``sys.path`` changes)."""
    return _table_on(tuple(sys.path))


@lru_cache(maxsize=4)
def _table_on(path: tuple[str, ...]) -> ReaderTable:
    del path  # the cache key: a plugin added to sys.path is seen at the next look-up
    found = entry_points(group=ENTRY_POINT_GROUP)
    ordered = sorted(found, key=lambda entry: (_rank(entry.name), entry.name))
    kinds: dict[str, ReaderKind] = {}
    for entry in ordered:
        kind = entry.load()
        if not isinstance(kind, ReaderKind):
            raise ConfigError(f"reader entry point {entry.name!r} is not a ReaderKind")
        kinds.setdefault(kind.name, kind)
    return ReaderTable(MappingProxyType(kinds))


def _rank(name: str) -> int:
    return BUILT_IN.index(name) if name in BUILT_IN else len(BUILT_IN)


def _read_text(
    data: bytes,
    *,
    origin: str,
    limits: ReadLimits,
    fallback_published: date | None,
    url: str | None,
) -> Iterator[Item]:
    from frontlines.readers.plain_text import article_from_text, decode_text

    text = decode_text(data, origin=origin)
    article = article_from_text(
        text,
        origin=origin,
        max_chars=limits.max_bytes,
        default_language=None,
        fallback_published=fallback_published,
        url=url,
    )
    yield Item(origin=origin, article=article)


def _read_html(
    data: bytes,
    *,
    origin: str,
    limits: ReadLimits,
    fallback_published: date | None,
    url: str | None,
) -> Iterator[Item]:
    from frontlines.readers.html import article_from_html

    article, metadata = article_from_html(
        data,
        origin=origin,
        max_chars=limits.max_bytes,
        url=url,
        fallback_published=fallback_published,
    )
    yield Item(origin=origin, article=article, metadata=metadata)


def _read_feed(
    data: bytes,
    *,
    origin: str,
    limits: ReadLimits,
    fallback_published: date | None,
    url: str | None,
) -> Iterator[Item]:
    from frontlines.readers.feeds import read_feed

    yield from read_feed(data, origin=origin, max_chars=limits.max_bytes)


def _read_jsonl(
    data: bytes,
    *,
    origin: str,
    limits: ReadLimits,
    fallback_published: date | None,
    url: str | None,
) -> Iterator[Item]:
    from frontlines.readers.jsonl import read_json_array, read_jsonl

    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
        yield from read_json_array(data, origin=origin, max_bytes=limits.max_bytes)
    else:
        yield from read_jsonl(io.BytesIO(data), origin=origin, max_bytes=limits.max_bytes)


def _nested_archive(
    data: bytes,
    *,
    origin: str,
    limits: ReadLimits,
    fallback_published: date | None,
    url: str | None,
) -> Iterator[Item]:
    """Archives are opened by ``readers.named_inputs`` (``read_zip``); one inside another is not."""
    yield Item(origin=origin, skip="a nested archive, not read")


TEXT = ReaderKind("text", (".txt", ".text", ".md"), _read_text)
HTML = ReaderKind("html", (".html", ".htm", ".xhtml"), _read_html)
FEED = ReaderKind("feed", (".xml", ".rss", ".atom"), _read_feed, single_article=False)
JSONL = ReaderKind("jsonl", (".jsonl", ".ndjson", ".json"), _read_jsonl, single_article=False)
ZIP = ReaderKind("zip", (".zip",), _nested_archive, single_article=False)
