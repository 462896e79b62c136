from __future__ import annotations

import io
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.errors import InputError
from frontlines.readers.jsonl import parse_record_date, read_json_array, read_jsonl

LIMIT = 100_000


def lines(*records: object) -> io.BytesIO:
    return io.BytesIO(
        b"\n".join(r if isinstance(r, bytes) else json.dumps(r).encode() for r in records)
    )


def test_jsonl_reads_one_article_per_line_with_input_dates() -> None:
    data = lines(
        {"text": "Shells hit Kharkiv.", "title": "Kharkiv", "outlet": "Post",
         "url": "https://p.example/1", "published": "2024-11-03", "metadata": {"desk": "east"}},
        b"",
        {"text": "Clashes in Saraqib.", "published": "2024-11-04T08:00:00Z", "language": "en"},
    )  # fmt: skip
    items = list(read_jsonl(data, origin="a.jsonl", max_bytes=LIMIT))
    assert [item.origin for item in items] == ["a.jsonl:1", "a.jsonl:3"]
    first = items[0].article
    assert first is not None
    assert (first.title, first.outlet, first.url) == ("Kharkiv", "Post", "https://p.example/1")
    assert first.published == date(2024, 11, 3)
    assert first.published_source == "input"
    assert first.language is None
    assert items[0].metadata == {"desk": "east"}
    assert items[1].article is not None
    assert items[1].article.published == date(2024, 11, 4)


def test_jsonl_reads_gdelt_like_records() -> None:
    record = {
        "Content": "Rebels shelled Idlib.",
        "SOURCEURL": "https://g.example/x",
        "SQLDATE": 20241105,
        "SourceCommonName": "g.example",
        "GoldsteinScale": -10,
    }
    [item] = read_jsonl(lines(record), origin="g.jsonl", max_bytes=LIMIT)
    assert item.article is not None
    assert item.article.url == "https://g.example/x"
    assert item.article.outlet == "g.example"
    assert item.article.published == date(2024, 11, 5)
    assert item.metadata == {"record": {"GoldsteinScale": -10}}


def test_jsonl_skips_a_record_with_a_url_and_date_but_no_text() -> None:
    [item] = read_jsonl(lines({"url": "https://g.example", "seendate": "20241105T101500Z"}),
                        origin="g.jsonl", max_bytes=LIMIT)  # fmt: skip
    assert item.article is None
    assert item.skip == "no article text in the record (a URL and a date only)"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"text": 42}', "field 'text' must be a string, not a number"),
        (b'{"text": "x", "title": ["a"]}', "field 'title' must be a string, not an array"),
        (b'{"text": "x", "published": 2024}', "invalid publication date '2024'"),
        (b'{"text": "x", "published": {"y": 1}}', "must be a date string, not an object"),
        (b'{"text": "x", "fictional": "yes"}', "'fictional' must be true or false"),
        (b'{"text": "x", "metadata": [1]}', "'metadata' must be an object"),
        (b'["text"]', "expected a JSON object, not an array"),
        (b'{"text": "x",', "not valid JSON"),
        (b'{"text": "caf\xe9"}', "not valid UTF-8"),
        (b'{"text": "   "}', "the text is empty"),
    ],
)
def test_jsonl_a_bad_line_fails_alone_with_one_line(line: bytes, message: str) -> None:
    good = json.dumps({"text": "Shells hit Kharkiv."}).encode()
    items = list(read_jsonl(lines(good, line, good), origin="b.jsonl", max_bytes=LIMIT))
    assert [item.article is not None for item in items] == [True, False, True]
    reason = items[1].error or items[1].skip or ""
    assert message in reason
    assert "\n" not in reason


def test_jsonl_a_line_over_the_limit_fails_and_the_next_is_read() -> None:
    data = lines({"text": "a" * 500}, {"text": "Short."})
    items = list(read_jsonl(data, origin="c.jsonl", max_bytes=100))
    assert items[0].error == "c.jsonl:1: the line is over the limit of 100 bytes"
    assert items[1].article is not None
    assert items[1].origin == "c.jsonl:2"


def test_jsonl_reads_a_json_array_of_records() -> None:
    data = json.dumps([{"text": "One."}, {"text": 1}]).encode()
    items = list(read_json_array(data, origin="d.json", max_bytes=LIMIT))
    assert items[0].article is not None
    assert items[1].error is not None and items[1].origin == "d.json[2]"
    with pytest.raises(InputError, match="expected a JSON array"):
        list(read_json_array(b'"text"', origin="d.json", max_bytes=LIMIT))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-11-03", date(2024, 11, 3)), ("20241103", date(2024, 11, 3)),
     ("20241103101500", date(2024, 11, 3)), ("20241103T101500Z", date(2024, 11, 3)),
     (20241103, date(2024, 11, 3)), (None, None), ("", None)],
)  # fmt: skip
def test_jsonl_dates_in_iso_and_gdelt_forms(value: object, expected: date | None) -> None:
    assert parse_record_date(value, origin="x") == expected


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=10,
)
FIELDS = st.sampled_from(["text", "title", "outlet", "url", "published", "language", "fictional",
                          "metadata", "SQLDATE", "SOURCEURL", "content"])  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(FIELDS, JSON, max_size=6))
def test_jsonl_any_record_gives_an_item_and_never_raises(record: dict[str, object]) -> None:
    [item] = read_jsonl(lines(record), origin="p.jsonl", max_bytes=LIMIT)
    assert (item.article is not None) + (item.error is not None) + (item.skip is not None) == 1
    assert "\n" not in (item.error or "")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_jsonl_any_bytes_give_items_and_never_raise(data: bytes) -> None:
    for item in read_jsonl(io.BytesIO(data), origin="p.jsonl", max_bytes=200):
        assert item.article or item.error or item.skip


@pytest.mark.parametrize(
    ("published", "day"),
    [("14/07/2023 00:00:00", date(2023, 7, 14)), ("03 December 2020", date(2020, 12, 3))],
)
def test_jsonl_reads_acleds_own_date_forms(published: str, day: date) -> None:
    [item] = read_jsonl(
        lines({"text": "Clashes in Saraqib.", "published": published}),
        origin="acled.jsonl",
        max_bytes=LIMIT,
    )
    assert item.article is not None
    assert item.article.published == day
