from __future__ import annotations

import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.errors import InputError
from frontlines.readers.fetch import fetch, is_url
from tests.readers.local_server import Routes, serve

RSS = b"<rss version='2.0'><channel><title>T</title></channel></rss>"


def test_fetch_reads_a_body_over_http() -> None:
    routes = Routes(bodies={"/feed.xml": ("application/rss+xml", RSS)})
    with serve(routes) as base:
        fetched = fetch(f"{base}/feed.xml", max_bytes=10_000, timeout_s=5)
    assert fetched.data == RSS
    assert fetched.content_type == "application/rss+xml"


def test_fetch_refuses_a_body_over_the_limit() -> None:
    routes = Routes(bodies={"/big": ("text/plain", b"x" * 5000)})
    with serve(routes) as base, pytest.raises(InputError, match="over the limit of 1000"):
        fetch(f"{base}/big", max_bytes=1000, timeout_s=5)


def test_fetch_names_http_errors() -> None:
    with serve(Routes()) as base, pytest.raises(InputError, match="HTTP 404"):
        fetch(f"{base}/missing", max_bytes=1000, timeout_s=5)


def test_fetch_times_out_on_a_silent_server() -> None:
    routes = Routes(bodies={"/slow": ("text/plain", b"late")}, slow={"/slow": 1.5})
    with serve(routes) as base, pytest.raises(InputError, match=r"no answer within 0\.5 s"):
        fetch(f"{base}/slow", max_bytes=1000, timeout_s=0.5)


def test_fetch_says_offline_when_nothing_listens() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputError, match="cannot reach the server") as caught:
        fetch(f"http://127.0.0.1:{port}/feed.xml", max_bytes=1000, timeout_s=2)
    assert "offline" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_fetch_takes_only_http_urls() -> None:
    assert is_url("https://example.org/feed")
    assert not is_url("file:///etc/passwd")
    assert not is_url("notes/a.txt")
    with pytest.raises(InputError, match="only http"):
        fetch("file:///etc/passwd", max_bytes=1000, timeout_s=1)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_fetch_any_address_gives_bytes_or_an_input_error(path: str) -> None:
    with serve(Routes(bodies={"/": ("text/plain", b"ok")})) as base:
        for url in (path, f"{base}/{path}"):
            try:
                fetch(url, max_bytes=1000, timeout_s=2)
            except InputError as error:
                assert "\n" not in str(error)
