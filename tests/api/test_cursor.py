from __future__ import annotations

import pytest

from frontlines.api.cursor import decode_cursor, encode_cursor
from frontlines.errors import InputError


def test_cursor_round_trips_ids_with_any_characters_as_url_safe_text() -> None:
    cursor = encode_cursor("art_1f/+é", "evt_0?&=")
    assert all(c.isalnum() or c in "-_" for c in cursor)
    assert decode_cursor(cursor) == ("art_1f/+é", "evt_0?&=")


@pytest.mark.parametrize(
    "cursor", ["not a cursor!", "e30", encode_cursor("a", "b")[:-3], "WzEsMl0"]
)
def test_cursor_refuses_text_it_did_not_make(cursor: str) -> None:
    with pytest.raises(InputError, match="not a cursor"):
        decode_cursor(cursor)
