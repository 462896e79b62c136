from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontlines.readers.formats import EXTENSIONS, kind_by_name, kind_of, sniff


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"PK\x03\x04rest", "zip"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", None),
        (b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        (b'\xef\xbb\xbf<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<rdf:RDF xmlns:rdf='x'>", "feed"),
        (b'<?xml version="1.0"?><html><body>', "html"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"  <!-- saved --> <html lang='en'>", "html"),
        (b'{"text": "x"}', "jsonl"),
        (b"[{}]", "jsonl"),
        (b"---\ntitle: x\n---\nText", "text"),
        (b"Plain words.", "text"),
    ],
)
def test_formats_sniff_recognises_each_kind(head: bytes, kind: str | None) -> None:
    assert sniff(head) == kind


def test_formats_extension_wins_over_sniffing() -> None:
    assert kind_by_name("A/B.HTML") == "html"
    assert kind_of("feed.rss", b"plain") == "feed"
    assert kind_of("no-extension", b"<rss version='2.0'>") == "feed"
    assert kind_by_name("x.pdf") is None
    assert set(EXTENSIONS.values()) == {"text", "html", "feed", "jsonl", "zip"}


@given(st.binary(max_size=300))
def test_formats_sniff_never_fails(head: bytes) -> None:
    assert sniff(head) in (None, "text", "html", "feed", "jsonl", "zip")
