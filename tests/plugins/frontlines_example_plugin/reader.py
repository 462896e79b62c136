"""A reader of ``.note`` files: the first line is the title, the rest is the article."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from frontlines.readers.common import Item, ReadLimits, make_article
from frontlines.readers.kinds import ReaderKind


def read_note(
    data: bytes,
    *,
    origin: str,
    limits: ReadLimits,
    fallback_published: date | None,
    url: str | None,
) -> Iterator[Item]:
    title, _, body = data.decode("utf-8").partition("\n")
    article = make_article(
        body.strip(),
        origin=origin,
        title=title.strip(),
        url=url,
        published=fallback_published,
        published_source="file" if fallback_published else None,
        max_chars=limits.max_bytes,
    )
    yield Item(origin=origin, article=article)


NOTE = ReaderKind("note", (".note",), read_note)
