from __future__ import annotations

from frontlines.fusion.report_words import content_terms, cosine, stem


def test_text_stem_joins_inflections() -> None:
    assert stem("killed") == stem("killing") == stem("kills") == "kill"
    assert stem("strikes") == stem("strike") == "strik"
    assert stem("Press") == "press"


def test_text_content_terms_drop_stop_words_numbers_and_short_words() -> None:
    terms = content_terms(["At least 12 people were killed on Thursday in Saraqib."])
    assert terms == frozenset({"kill", "saraq"})


def test_text_cosine_of_term_sets() -> None:
    first = content_terms(["Missile strike hits apartment block in Kharkiv"])
    second = content_terms(["A missile struck an apartment block in Kharkiv"])
    assert cosine(first, first) == 1.0
    assert 0.5 < cosine(first, second) < 1.0
    assert cosine(first, frozenset()) == 0.0
    assert cosine(first, content_terms(["Protesters marched in Bamako"])) == 0.0
