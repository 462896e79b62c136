from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from frontlines.errors import InputError
from frontlines.readers.common import ReadLimits
from frontlines.readers.plain_text import article_from_text
from frontlines.readers.single import read_one_article

LIMITS = ReadLimits(max_bytes=10_000, max_container_bytes=100_000)
STORY = "---\ntitle: Shelling in Kharkiv\noutlet: Test Post\n---\nShells hit Kharkiv on Monday.\n"
PAGE = (
    b"<!DOCTYPE html><html lang='en'><head><title>Raid</title></head><body><article>"
    b"<h1>Raid in Gao</h1><p>Gunmen raided a market in Gao on Monday, residents said. "
    b"They took cattle and burned stalls before leaving the town.</p></article></body></html>"
)
FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    b"<item><title>One</title><description>First story.</description></item>"
    b"<item><title>Two</title><description>Second story.</description></item>"
    b"</channel></rss>"
)


def test_a_text_file_reads_as_it_always_did(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, "utf-8")
    article = read_one_article(str(path), limits=LIMITS, published=date(2024, 5, 6))
    expected = article_from_text(STORY, origin=str(path), published=date(2024, 5, 6))
    assert article == expected
    assert (article.language, article.published_source) == ("en", "input")


def test_stdin_is_sniffed(tmp_path: Path) -> None:
    article = read_one_article("-", limits=LIMITS, stdin=io.BytesIO(STORY.encode()))
    assert article.title == "Shelling in Kharkiv"
    assert article.published is None


def test_an_html_page_is_read_as_a_page_not_as_text(tmp_path: Path) -> None:
    path = tmp_path / "raid.html"
    path.write_bytes(PAGE)
    article = read_one_article(str(path), limits=LIMITS)
    assert "Gunmen raided a market in Gao" in article.text
    assert "<p>" not in article.text


def test_an_input_of_many_articles_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_bytes(FEED)
    with pytest.raises(InputError, match="2 articles; analyze reads one article"):
        read_one_article(str(path), limits=LIMITS)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_one_article(str(tmp_path / "gone.txt"), limits=LIMITS)
