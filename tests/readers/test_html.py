from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.errors import InputError
from frontlines.readers.html import article_from_html, fragment_text

PARAGRAPHS = (
    "<p>Russian shelling hit a market in Kharkiv on Sunday, killing three people and wounding"
    " eleven, regional governor Oleh Syniehubov said on Telegram.</p>"
    "<p>Ukrainian forces said they had shot down two drones over the city overnight, and that"
    " repair crews were restoring power to the affected districts.</p>"
)


def page(head: str = "", body: str = PARAGRAPHS) -> bytes:
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>Shelling hits Kharkiv market</title>{head}"
        f"</head><body><nav>Home | World | Sport</nav><article><h1>Shelling hits Kharkiv market"
        f"</h1>{body}</article><footer>Copyright Test Post</footer></body></html>"
    ).encode()


META = (
    "<meta property='og:site_name' content='Test Post'>"
    "<meta name='author' content='Jane Roe'>"
    "<meta property='article:published_time' content='2024-11-03T10:00:00Z'>"
)


def test_html_reads_main_text_title_author_outlet_and_page_date() -> None:
    article, extra = article_from_html(page(META), origin="a.html", url="https://t.example/a")
    assert "killing three people" in article.text
    assert "Home | World" not in article.text
    assert "Copyright" not in article.text
    assert article.title == "Shelling hits Kharkiv market"
    assert article.outlet == "Test Post"
    assert article.url == "https://t.example/a"
    assert article.published == date(2024, 11, 3)
    assert article.published_source == "page"
    assert article.language is None  # detected later, from the text
    assert extra["author"] == "Jane Roe"


def test_html_date_found_by_htmldate_in_the_markup() -> None:
    body = "<p class='byline'>Published 2023-03-14</p>" + PARAGRAPHS
    article, _ = article_from_html(page(body=body), origin="b.html")
    assert article.published == date(2023, 3, 14)
    assert article.published_source == "page"


def test_html_without_a_date_falls_back_to_the_file_date() -> None:
    article, _ = article_from_html(page(), origin="c.html", fallback_published=date(2022, 1, 2))
    assert article.published == date(2022, 1, 2)
    assert article.published_source == "file"


def test_html_without_any_date_has_none() -> None:
    article, _ = article_from_html(page(), origin="d.html")
    assert article.published is None
    assert article.published_source is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n ", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (page()[:150], "cut off"),
        (
            b"<html><head><title>Menu</title></head><body><script>x=1</script></body></html>",
            "no article",
        ),
    ],
)
def test_html_rejects_bad_pages_with_one_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        article_from_html(data, origin="bad.html")
    assert str(caught.value).startswith("bad.html: ")
    assert "\n" not in str(caught.value)


def test_html_fragment_text_keeps_one_line_per_block() -> None:
    text = fragment_text("<p>One &amp; two.</p><p>Three <b>four</b>.<br>Five.</p>")
    assert text == "One & two.\nThree four.\nFive."
    assert fragment_text("plain words") == "plain words"
    assert fragment_text("") == ""


TAGS = st.sampled_from(["<p>", "</p>", "<html>", "</html>", "<body>", "<article>", "<br>", "<!--"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(TAGS, st.text(max_size=40)), max_size=30))
def test_html_any_markup_gives_an_article_or_an_input_error(parts: list[str]) -> None:
    try:
        article_from_html("".join(parts).encode(), origin="h")
    except InputError as error:
        assert "\n" not in str(error)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=800))
def test_html_any_bytes_give_an_article_or_an_input_error(data: bytes) -> None:
    try:
        article_from_html(data, origin="h")
    except InputError as error:
        assert "\n" not in str(error)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_html_fragment_text_never_fails(markup: str) -> None:
    assert isinstance(fragment_text(markup), str)


def test_html_entity_declarations_in_a_page_are_never_expanded() -> None:
    levels = "".join(
        f'<!ENTITY e{n} "{f"&e{n - 1};" * 10 if n else "aaaaaaaaaa"}">' for n in range(8)
    )
    data = (
        f'<?xml version="1.0"?><!DOCTYPE html [{levels}]><html><body><article><p>Start &e7; end,'
        " and a paragraph about clashes near Idlib that monitors reported on Monday.</p>"
        "</article></body></html>"
    ).encode()
    article, _ = article_from_html(data, origin="laughs.xhtml")
    assert len(article.text) < 200
