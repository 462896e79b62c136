from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontlines.errors import InputError
from frontlines.readers.text import read_text_file

LIMIT = 1_000_000


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_text_reads_front_matter_into_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"---\ntitle: Shelling\noutlet: Test Post\n"
                 b"published: 2024-11-03\nfictional: true\n---\nShells hit Kharkiv.\n")
    article = read_text_file(path, max_bytes=LIMIT)
    assert article.title == "Shelling"
    assert article.outlet == "Test Post"
    assert article.published == date(2024, 11, 3)
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
        (b"---\ntitle: [1, 2]\n---\nText", "must be text"),
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
