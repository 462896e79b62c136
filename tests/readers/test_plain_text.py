from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.errors import InputError
from frontlines.readers.plain_text import article_from_text, decode_text, read_text_file

LIMIT = 1_000_000


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_text_reads_front_matter_into_metadata(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.txt",
        b"---\ntitle: Shelling\noutlet: Test Post\n"
        b"published: 2024-11-03\nfictional: true\n---\nShells hit Kharkiv.\n",
    )
    article = read_text_file(path, max_bytes=LIMIT)
    assert article.title == "Shelling"
    assert article.outlet == "Test Post"
    assert article.published == date(2024, 11, 3)
    assert article.published_source == "front matter"
    assert article.fictional
    assert article.text == "Shells hit Kharkiv.\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the text is empty"),
        (b"   \n\n", "the text is empty"),
        (b"\x7fELF\x00\x01binary", "binary data"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
        (b"---\ntitle: [unclosed\n---\nText", "not valid YAML"),
        (b"---\ntitle: x\nText without end", "never closed"),
        (b"---\npublished: yesterday\n---\nText", "invalid publication date"),
        (b"---\npublished: [2024]\n---\nText", "publication date must be text"),
        (b"---\ntitle: [1, 2]\n---\nText", "must be text"),
        (b"---\nfictional: maybe\n---\nText", "must be true or false"),
    ],
)
def test_text_rejects_bad_input_with_one_line_naming_it(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError, match=message) as caught:
        read_text_file(path, max_bytes=LIMIT)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_text_rejects_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text_file(tmp_path / "missing.txt", max_bytes=LIMIT)


def test_text_rejects_a_file_over_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"a" * 2000)
    with pytest.raises(InputError, match="over the limit"):
        read_text_file(path, max_bytes=1000)


def test_text_date_from_the_input_wins_over_front_matter() -> None:
    text = "---\npublished: 2024-11-03\n---\nShells hit Kharkiv."
    article = article_from_text(text, origin="t", published="2024-12-01")
    assert article.published == date(2024, 12, 1)
    assert article.published_source == "input"


def test_text_falls_back_to_the_file_date_when_nothing_else_dates_it() -> None:
    article = article_from_text(
        "Shells hit Kharkiv.", origin="t", fallback_published=date(2024, 5, 6)
    )
    assert article.published == date(2024, 5, 6)
    assert article.published_source == "file"
    dated = article_from_text(
        "---\npublished: 2024-11-03\n---\nShells hit Kharkiv.",
        origin="t",
        fallback_published=date(2024, 5, 6),
    )
    assert dated.published_source == "front matter"


def test_text_without_any_date_has_no_source() -> None:
    article = article_from_text("Shells hit Kharkiv.", origin="t")
    assert article.published is None
    assert article.published_source is None


def test_text_yaml_timestamp_becomes_a_date() -> None:
    article = article_from_text("---\npublished: 2024-11-03T10:00:00\n---\nText.", origin="t")
    assert article.published == date(2024, 11, 3)
    assert type(article.published) is date


def test_text_language_is_left_open_when_asked() -> None:
    assert article_from_text("Text.", origin="t", default_language=None).language is None
    assert article_from_text("Text.", origin="t").language == "en"
    declared = article_from_text(
        "---\nlanguage: fr\n---\nTexte.", origin="t", default_language=None
    )
    assert declared.language == "fr"


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_text_any_bytes_give_an_article_or_an_input_error(data: bytes) -> None:
    try:
        article = article_from_text(decode_text(data, origin="b"), origin="b", max_chars=LIMIT)
    except InputError as error:
        assert "\n" not in str(error)
    else:
        assert article.text.strip()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.text(max_size=200))
def test_text_any_front_matter_gives_an_article_or_an_input_error(meta: str, body: str) -> None:
    try:
        article_from_text(f"---\n{meta}\n---\n{body}", origin="fm")
    except InputError as error:
        assert str(error).startswith("fm: ")
