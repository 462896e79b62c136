"""JSON lines: one article per line (or one JSON array of the same records).

Schema of a record (a JSON object; keys are matched case-insensitively):

- ``text`` (string, required; also read from ``content`` or ``body``): the article text.
- ``title``, ``outlet``, ``url``, ``language`` (string or null).
- ``published`` (string or null): ``YYYY-MM-DD``, an ISO timestamp, GDELT's ``YYYYMMDD``,
  ``YYYYMMDDHHMMSS`` and ``YYYYMMDDTHHMMSSZ`` (those two may also be JSON integers), or ACLED's
  forms (``14/07/2023 00:00:00``, ``03 December 2020``, ``5-Aug-24``; day before month).
- ``fictional`` (true or false), ``metadata`` (object, stored with the article as it is).

GDELT-like records are read too: the URL from ``SOURCEURL`` or ``DocumentIdentifier``, the date
from ``SQLDATE``, ``DATEADDED`` or ``seendate``, the outlet from ``SourceCommonName`` or
``domain``. Other keys are kept in the article's metadata under ``record``. A record with no text
(GDELT gives a URL and a date only) is skipped with a message saying so. Blank lines are ignored;
each line is an input of its own, named ``FILE:LINE``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import IO, Any

from frontlines.acled.dates import parse_acled_date
from frontlines.errors import InputError
from frontlines.readers.common import Item, make_article

ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body"),
    "title": ("title",),
    "outlet": ("outlet", "sourcecommonname", "domain"),
    "url": ("url", "sourceurl", "documentidentifier"),
    "published": ("published", "sqldate", "dateadded", "seendate", "date"),
    "language": ("language",),
    "fictional": ("fictional",),
    "metadata": ("metadata",),
}
_KNOWN = frozenset(alias for aliases in ALIASES.values() for alias in aliases)
_DIGITS_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?\d{6}Z?)?$")


def read_jsonl(stream: IO[bytes], *, origin: str, max_bytes: int) -> Iterator[Item]:
    """One item per non-blank line of a binary stream; each line at most ``max_bytes``."""
    for number, line in _lines(stream, max_bytes=max_bytes):
        where = f"{origin}:{number}"
        if line is None:
            yield Item.failed(where, f"{where}: the line is over the limit of {max_bytes} bytes")
        elif line.strip():
            yield record_item(line, origin=where, max_chars=max_bytes)


def read_json_array(data: bytes, *, origin: str, max_bytes: int) -> Iterator[Item]:
    """One item per element of a JSON array of records."""
    records = _loads(data, origin=origin)
    if not isinstance(records, list):
        raise InputError(f"{origin}: expected a JSON array of records or one record per line")
    for number, record in enumerate(records, start=1):
        where = f"{origin}[{number}]"
        yield _item_or_failure(record, origin=where, max_chars=max_bytes)


def record_item(line: bytes, *, origin: str, max_chars: int | None = None) -> Item:
    try:
        record = _loads(line, origin=origin)
    except InputError as error:
        return Item.failed(origin, error)
    return _item_or_failure(record, origin=origin, max_chars=max_chars)


def _item_or_failure(record: Any, *, origin: str, max_chars: int | None) -> Item:
    try:
        return _record_item(record, origin=origin, max_chars=max_chars)
    except InputError as error:
        return Item.failed(origin, error)


def _record_item(record: Any, *, origin: str, max_chars: int | None) -> Item:
    if not isinstance(record, dict):
        raise InputError(f"{origin}: expected a JSON object, not {_kind(record)}")
    lowered = {str(key).lower(): value for key, value in record.items()}
    fields = {name: _pick(lowered, aliases) for name, aliases in ALIASES.items()}
    for name in ("text", "title", "outlet", "url", "language"):
        if fields[name] is not None and not isinstance(fields[name], str):
            kind = _kind(fields[name])
            raise InputError(f"{origin}: field {name!r} must be a string, not {kind}")
    if fields["fictional"] is not None and not isinstance(fields["fictional"], bool):
        raise InputError(f"{origin}: field 'fictional' must be true or false")
    if fields["metadata"] is not None and not isinstance(fields["metadata"], dict):
        raise InputError(f"{origin}: field 'metadata' must be an object")
    if not fields["text"]:
        what = "a URL and a date only" if fields["url"] else "no text field"
        return Item(origin=origin, skip=f"no article text in the record ({what})")
    metadata: dict[str, Any] = dict(fields["metadata"] or {})
    rest = {key: value for key, value in record.items() if str(key).lower() not in _KNOWN}
    if rest:
        metadata["record"] = rest
    article = make_article(
        fields["text"],
        origin=origin,
        title=fields["title"],
        outlet=fields["outlet"],
        url=fields["url"],
        published=parse_record_date(fields["published"], origin=origin),
        language=fields["language"],
        fictional=bool(fields["fictional"]),
        published_source="input",
        max_chars=max_chars,
    )
    return Item(origin=origin, article=article, metadata=metadata)


def parse_record_date(value: object, *, origin: str) -> date | None:
    """ISO dates and timestamps, and GDELT's compact forms; InputError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(f"{origin}: field 'published' must be a date string, not {_kind(value)}")
    text = value.strip()
    compact = _DIGITS_DATE.match(text)
    try:
        if compact:
            return date(int(compact[1]), int(compact[2]), int(compact[3]))
        return date.fromisoformat(text[:10])
    except ValueError:
        acled = parse_acled_date(text)
        if acled is not None:
            return acled
        raise InputError(
            f"{origin}: invalid publication date {text[:40]!r} (expected YYYY-MM-DD, or one of "
            "ACLED's forms such as 14/07/2023 00:00:00)"
        ) from None


def _pick(record: Mapping[str, Any], aliases: tuple[str, ...]) -> Any:
    for alias in aliases:
        if record.get(alias) is not None:
            return record[alias]
    return None


def _loads(data: bytes, *, origin: str) -> Any:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise InputError(f"{origin}: not valid UTF-8 (byte {error.start})") from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise InputError(f"{origin}: not valid JSON ({error.msg} at {where})") from None
    except (ValueError, RecursionError) as error:
        raise InputError(f"{origin}: not readable JSON ({type(error).__name__})") from None


def _lines(stream: IO[bytes], *, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line), or (number, None) for a line over the limit (its rest is skipped)."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(max_bytes + 1)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def _kind(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)
