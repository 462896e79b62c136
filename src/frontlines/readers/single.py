"""One article from a file or stdin: what ``frontlines analyze`` and ``geoparse`` read.

The reader is picked from the table of reader kinds (``readers.kinds``), as ``ingest`` picks it,
so an HTML page is read as a page, not as text. Unlike ``ingest`` nothing falls back on the
file's date, and an input that holds more or fewer than one article is an error.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import IO

from frontlines.errors import InputError
from frontlines.model import Article
from frontlines.readers.common import ReadLimits
from frontlines.readers.formats import kind_by_name, sniff
from frontlines.readers.kinds import reader_table
from frontlines.readers.plain_text import read_bytes

STDIN = "-"
SNIFF_BYTES = 4096


def read_one_article(
    source: str,
    *,
    limits: ReadLimits,
    stdin: IO[bytes] | None = None,
    published: date | None = None,
    default_language: str | None = "en",
) -> Article:
    """The one article of ``source`` (a path, or ``-`` for ``stdin``).

    ``published`` (the caller's date) wins over the input's own; ``default_language`` is the
    language of an article that does not say.
    """
    table = reader_table()
    if source == STDIN:
        origin = "stdin"
        data = _read_stream(stdin, cap=limits.max_container_bytes)
        kind = sniff(data[:SNIFF_BYTES])
    else:
        origin = source
        path = Path(source)
        kind = kind_by_name(path.name)
        if kind is None and path.is_file():
            with path.open("rb") as stream:
                kind = sniff(stream.read(SNIFF_BYTES))
        single = kind is None or table.get(kind).single_article
        data = read_bytes(
            path, max_bytes=limits.max_bytes if single else limits.max_container_bytes
        )
    if kind is None:
        raise InputError(f"{origin}: binary data, not a text, HTML, feed, JSON lines or zip file")
    reader = table.get(kind)
    if reader.single_article and len(data) > limits.max_bytes:
        raise InputError(f"{origin}: over the limit of {limits.max_bytes} bytes")
    items = list(reader.read(data, origin=origin, limits=limits, fallback_published=None, url=None))
    for item in items:
        if item.error is not None:
            raise InputError(item.error)
    articles = [item.article for item in items if item.article is not None]
    if len(articles) != 1:
        why = next((item.skip for item in items if item.skip), None)
        raise InputError(
            f"{origin}: {why or f'{len(articles)} articles'}; analyze reads one article "
            "(ingest reads them all)"
        )
    article = articles[0]
    if published is not None:
        article = replace(article, published=published, published_source="input")
    if article.language is None and default_language is not None:
        article = replace(article, language=default_language)
    return article


def _read_stream(stream: IO[bytes] | None, *, cap: int) -> bytes:
    if stream is None:
        raise InputError("stdin: no input stream to read")
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputError(f"stdin: over the limit of {cap} bytes")
    return data
