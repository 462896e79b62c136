from __future__ import annotations

from frontlines.ingest.langid import detect_language


def test_langid_detects_english_and_french() -> None:
    english = "Russian shelling hit a market in Kharkiv on Sunday, killing three people."
    french = (
        "Des obus ont frappé un marché de Kharkiv dimanche, faisant trois morts, selon l'armée."
    )
    assert detect_language(english) == "en"
    assert detect_language(french) == "fr"


def test_langid_says_nothing_about_too_little_text() -> None:
    assert detect_language("OK.") is None
    assert detect_language("12 345 678 -- !!") is None
