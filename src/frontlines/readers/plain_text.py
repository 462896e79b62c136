"""Plain-text articles, with optional YAML front matter (title, outlet, url, published, ...)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from frontlines.errors import InputError
from frontlines.model import Article
from frontlines.readers.common import make_article
from frontlines.readers.datelines import text_date

FRONT_MATTER_FIELDS = ("title", "outlet", "url", "published", "language", "fictional")


def read_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The file's bytes, or an InputError naming the path and what is wrong with it."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path}: {size} bytes is over the limit of {max_bytes} bytes")
    with path.open("rb") as stream:
        data = stream.read(max_bytes + 1)  # the file may grow between stat and read
    if len(data) > max_bytes:
        raise InputError(f"{path}: over the limit of {max_bytes} bytes")
    return data


def decode_text(data: bytes, *, origin: str) -> str:
    if b"\x00" in data:
        raise InputError(f"{origin}: binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{origin}: not valid UTF-8 (byte {error.start}); convert it to UTF-8 first"
        ) from None
    return text.replace("\r\n", "\n")


def split_front_matter(text: str, *, origin: str) -> tuple[dict[str, Any], str]:
    """(metadata, body) for a text that may start with a ``---`` YAML block."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        raise InputError(f"{origin}: front matter opened with '---' is never closed")
    block = text[4:end]
    try:
        meta = yaml.safe_load(block) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise InputError(f"{origin}: front matter is not valid YAML{where}") from None
    except RecursionError:
        raise InputError(f"{origin}: front matter is nested too deeply") from None
    if not isinstance(meta, dict):
        raise InputError(f"{origin}: front matter must be a mapping of fields")
    return meta, text[end + 5 :].lstrip("\n")


def article_from_text(
    text: str,
    *,
    origin: str,
    max_chars: int | None = None,
    default_language: str | None = "en",
    fallback_published: date | None = None,
    fallback_source: str = "file",
    **overrides: Any,
) -> Article:
    """An Article from text with optional front matter; keyword overrides win over it.

    The publication date comes from ``overrides`` ("input"), else the front matter, else the
    date line or dateline at the top of the text ("text"), else ``fallback_published`` (recorded
    as ``fallback_source``); without any, the article is undated.
    """
    meta, body = split_front_matter(text, origin=origin)
    fields = {key: meta.get(key) for key in FRONT_MATTER_FIELDS if meta.get(key) is not None}
    fields.update({key: value for key, value in overrides.items() if value is not None})
    for key in ("title", "outlet", "url", "language"):
        if key in fields and not isinstance(fields[key], str):
            raise InputError(f"{origin}: front matter field {key!r} must be text")
    if "fictional" in fields and not isinstance(fields["fictional"], bool):
        raise InputError(f"{origin}: front matter field 'fictional' must be true or false")
    published = fields.get("published")
    published_source = "input" if overrides.get("published") else "front matter"
    if published is None and (stated := text_date(body)) is not None:
        published, published_source = stated, "text"
    if published is None and fallback_published is not None:
        published, published_source = fallback_published, fallback_source
    return make_article(
        body,
        origin=origin,
        title=fields.get("title"),
        outlet=fields.get("outlet"),
        url=fields.get("url"),
        published=published,
        language=fields.get("language", default_language),
        fictional=fields.get("fictional") is True,
        published_source=published_source,
        max_chars=max_chars,
    )


def read_text_file(path: Path, *, max_bytes: int, **overrides: Any) -> Article:
    origin = str(path)
    text = decode_text(read_bytes(path, max_bytes=max_bytes), origin=origin)
    return article_from_text(text, origin=origin, **overrides)
