"""The opaque cursor of keyset paging: which event a page ends on, as URL-safe text.

``/api/events`` answers a full page with ``next_cursor``; ``?cursor=`` with it gives the events
that follow, however many were stored meanwhile (an offset would shift). What it holds (the
event's article id and id, base64 of JSON) is not part of the API and may change.
"""

from __future__ import annotations

import base64
import binascii
import json

from frontlines.errors import InputError


def encode_cursor(article_id: str, event_id: str) -> str:
    raw = json.dumps([article_id, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    """The (article id, event id) of a cursor; InputError when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        found = json.loads(raw)
    except (binascii.Error, ValueError):
        raise InputError(f"cursor {cursor[:40]!r} is not a cursor this API gave") from None
    if not (isinstance(found, list) and len(found) == 2 and all(isinstance(v, str) for v in found)):
        raise InputError(f"cursor {cursor[:40]!r} is not a cursor this API gave")
    return found[0], found[1]
