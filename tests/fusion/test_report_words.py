from __future__ import annotations

from frontlines.fusion.report_words import content_terms, cosine, name_key, proper_names, stem


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


def test_text_a_capitalised_opening_word_is_a_name_only_as_an_acronym_or_named_again() -> None:
    headline = ["Warplanes target a cave near Qamhana. Continued clashes in Hama"]
    assert proper_names(headline) == {name_key("Qamhana"), name_key("Hama")}
    assert name_key("SDF") in proper_names(["SDF fighters advance on Raqqa"])
    assert name_key("Idlib") in proper_names(["Idlib was calm.", "Shells hit Idlib"])
    assert name_key("Deir") in proper_names(["Deir Ezzor came under fire"])
    assert name_key("Aerial") not in proper_names(['"Aerial bombardment kills 11'])
