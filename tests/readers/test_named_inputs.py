from __future__ import annotations

import io
import os
import zipfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontlines.readers.common import ReadLimits
from frontlines.readers.named_inputs import read_source
from tests.readers.local_server import Routes, serve

LIMITS = ReadLimits.from_max_bytes(100_000)
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Desk</title>
<item><title>A</title><link>https://w.example/a</link>
<pubDate>Sun, 03 Nov 2024 10:00:00 GMT</pubDate>
<description>Fighting near Saraqib.</description></item></channel></rss>"""
PAGE = (
    b"<html><head><title>Clash</title></head><body><article><p>Government forces and rebels"
    b" clashed near Saraqib on Monday, a war monitor said, and twelve fighters died.</p>"
    b"</article></body></html>"
)


def touch(path: Path, data: bytes, *, day: date = date(2021, 6, 7)) -> Path:
    path.write_bytes(data)
    stamp = (day.toordinal() - date(1970, 1, 1).toordinal()) * 86400 + 43200
    os.utime(path, (stamp, stamp))
    return path


def test_sources_a_plain_text_file_is_never_dated_by_its_modification_day(tmp_path: Path) -> None:
    path = touch(tmp_path / "a.txt", b"Shells hit Kharkiv.")
    [item] = read_source(str(path), limits=LIMITS)
    assert item.article is not None
    assert (item.article.published, item.article.published_source) == (None, None)
    assert item.article.language is None


def test_sources_a_text_file_is_dated_by_its_dateline(tmp_path: Path) -> None:
    path = touch(tmp_path / "a.txt", b"KYIV, June 2, 2021 (Reuters) - Shells hit Kharkiv.")
    [item] = read_source(str(path), limits=LIMITS)
    assert item.article is not None
    assert (item.article.published, item.article.published_source) == (date(2021, 6, 2), "text")


def test_sources_an_html_file_without_a_page_date_stays_undated(tmp_path: Path) -> None:
    path = touch(tmp_path / "a.html", PAGE)
    [item] = read_source(str(path), limits=LIMITS)
    assert item.article is not None
    assert (item.article.published, item.article.published_source) == (None, None)


def test_sources_feed_entries_keep_their_own_dates(tmp_path: Path) -> None:
    [item] = read_source(str(touch(tmp_path / "w.rss", RSS)), limits=LIMITS)
    assert item.article is not None
    assert (item.article.published, item.article.published_source) == (date(2024, 11, 3), "feed")


def test_sources_unknown_extensions_are_sniffed(tmp_path: Path) -> None:
    [feed] = read_source(str(touch(tmp_path / "download", RSS)), limits=LIMITS)
    assert feed.origin.endswith("download#1")
    [blob] = read_source(str(touch(tmp_path / "blob.bin", b"\x00\x01\x02")), limits=LIMITS)
    assert blob.error is not None and "binary data" in blob.error


def test_sources_stdin_is_sniffed_and_undated() -> None:
    [text] = read_source("-", limits=LIMITS, stdin=io.BytesIO(b"Shells hit Kharkiv."))
    assert text.origin == "stdin"
    assert text.article is not None and text.article.published is None
    items = list(read_source("-", limits=LIMITS, stdin=io.BytesIO(b'{"text": "a"}\n{"text": "b"}')))
    assert [item.origin for item in items] == ["stdin:1", "stdin:2"]
    [big] = read_source("-", limits=ReadLimits(max_bytes=10), stdin=io.BytesIO(b"x" * 50))
    assert big.error == "stdin: over the limit of 10 bytes"


def test_sources_stdin_may_be_a_zip() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "Shells hit Kharkiv.")
    [item] = read_source("-", limits=LIMITS, stdin=io.BytesIO(buffer.getvalue()))
    assert item.origin == "stdin!a.txt"
    assert item.article is not None


def test_sources_a_feed_url_is_fetched_and_a_page_url_keeps_its_address() -> None:
    routes = Routes(bodies={"/feed": ("application/rss+xml", RSS), "/page": ("text/html", PAGE)})
    with serve(routes) as base:
        [entry] = read_source(f"{base}/feed", limits=LIMITS)
        [page] = read_source(f"{base}/page", limits=LIMITS)
        [missing] = read_source(f"{base}/gone", limits=LIMITS)
    assert entry.article is not None and entry.article.outlet == "Wire Desk"
    assert page.article is not None and page.article.url == f"{base}/page"
    assert missing.error is not None and "HTTP 404" in missing.error


def test_sources_missing_paths_and_folders_are_reported(tmp_path: Path) -> None:
    [missing] = read_source(str(tmp_path / "nope.txt"), limits=LIMITS)
    assert missing.error == f"{tmp_path / 'nope.txt'}: no such file or folder"
    [folder] = read_source(str(tmp_path), limits=LIMITS)
    assert folder.skip is not None and "no readable files" in folder.skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=1000))
def test_sources_any_stdin_gives_items_and_never_raises(data: bytes) -> None:
    for item in read_source("-", limits=LIMITS, stdin=io.BytesIO(data)):
        assert (item.article is not None) + (item.error is not None) + (item.skip is not None) == 1
        assert "\n" not in (item.error or "")


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["a.txt", "a.html", "a.xml", "a.jsonl", "a.json", "a.zip", "a"]),
       st.binary(max_size=500))  # fmt: skip
def test_sources_any_file_gives_items_and_never_raises(name: str, data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        for item in read_source(str(path), limits=LIMITS):
            assert item.article or item.error or item.skip
