from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.errors import InputError
from frontlines.readers.archive import read_zip
from frontlines.readers.common import Item, ReadLimits
from frontlines.readers.named_inputs import blob_reader

LIMITS = ReadLimits.from_max_bytes(10_000_000)
PAGE = (
    b"<html><head><title>Clash</title><meta name='date' content='2024-10-01'></head><body>"
    b"<article><p>Government forces and rebels clashed near Saraqib on Monday, a monitor said,"
    b" and at least twelve fighters were killed in the fighting.</p></article></body></html>"
)


def make_zip(
    members: dict[str, bytes],
    *,
    when: tuple[int, int, int, int, int, int] = (2024, 2, 29, 12, 0, 0),
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=when), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def read(data: bytes, limits: ReadLimits = LIMITS) -> list[Item]:
    return list(
        read_zip(io.BytesIO(data), origin="a.zip", limits=limits, read_blob=blob_reader(limits))
    )


def test_archive_reads_members_by_extension_undated_unless_they_state_a_date() -> None:
    data = make_zip({
        "notes/a.txt": b"Shells hit Kharkiv on Sunday.",
        "notes/b.txt": b"KHARKIV, March 3, 2024 (AP) - Shells hit Kharkiv on Sunday.",
        "b.html": PAGE,
        "c.jsonl": b'{"text": "One."}\n{"text": 2}\n',
        "d.pdf": b"%PDF-1.4",
        "inner.zip": make_zip({"x.txt": b"x"}),
    })  # fmt: skip
    items = read(data)
    by_origin = {item.origin: item for item in items}
    text = by_origin["a.zip!notes/a.txt"].article
    assert text is not None
    assert (text.published, text.published_source) == (None, None)  # never the member's day
    dated = by_origin["a.zip!notes/b.txt"].article
    assert dated is not None
    assert (dated.published, dated.published_source) == (date(2024, 3, 3), "text")
    page = by_origin["a.zip!b.html"].article
    assert page is not None
    assert page.published_source == "page"
    assert by_origin["a.zip!c.jsonl:1"].article is not None
    assert by_origin["a.zip!c.jsonl:2"].error is not None
    assert by_origin["a.zip!d.pdf"].skip == "not a supported file type, not read"
    assert by_origin["a.zip!inner.zip"].skip == "a nested archive, not read"


def test_archive_refuses_a_zip_bomb_member() -> None:
    bomb = make_zip({"bomb.txt": b"\x20" * 5_000_000, "ok.txt": b"Fighting in Idlib."})
    items = read(bomb)
    assert items[0].error is not None
    assert "a zip bomb?" in items[0].error
    assert items[1].article is not None


def test_archive_refuses_more_uncompressed_bytes_than_allowed() -> None:
    data = make_zip({f"{n}.txt": b"word " * 2000 for n in range(5)})
    with pytest.raises(InputError, match="uncompressed, over the limit"):
        read(data, ReadLimits(max_bytes=20_000, max_container_bytes=30_000))


def test_archive_refuses_too_many_members() -> None:
    data = make_zip({f"{n}.txt": b"x" for n in range(6)})
    with pytest.raises(InputError, match="6 files, over the limit of 5"):
        read(data, ReadLimits(max_members=5))


def test_archive_a_member_over_the_article_limit_fails_alone() -> None:
    items = read(
        make_zip({"big.txt": b"a b " * 300, "ok.txt": b"Short."}), ReadLimits(max_bytes=100)
    )
    assert items[0].error == "a.zip!big.txt: 1200 bytes is over the limit of 100 bytes"
    assert items[1].article is not None


def test_archive_bad_bytes_are_one_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a readable zip archive"):
        read(b"PK\x03\x04 truncated")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=600))
def test_archive_any_bytes_give_items_or_an_input_error(data: bytes) -> None:
    try:
        read(b"PK\x03\x04" + data)
    except InputError as error:
        assert "\n" not in str(error)


NAMES = st.sampled_from(["a.txt", "b.html", "c.xml", "d.jsonl", "e.bin", "f.zip", "g/h.md"])


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(NAMES, st.binary(max_size=200), max_size=5), st.integers(0, 400))
def test_archive_any_damaged_zip_gives_items_or_an_input_error(
    members: dict[str, bytes], cut: int
) -> None:
    data = make_zip(members)
    try:
        items = read(data[: len(data) - cut])
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert all(item.article or item.error or item.skip for item in items)
