from __future__ import annotations

from frontlines.kb.name_folding import fold, normalise


def test_text_fold_straightens_apostrophes_and_strips_diacritics() -> None:
    assert fold("Assad’s  forces") == "Assad's forces"
    assert fold("Türkiye") == "Turkiye"
    assert fold("al–Sham") == "al-Sham"


def test_text_normalise_drops_case_the_and_full_stops() -> None:
    assert normalise("The Kremlin") == "kremlin"
    assert normalise("U.S. Congress") == "us congress"
    assert normalise("Theatre") == "theatre"
