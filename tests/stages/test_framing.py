from __future__ import annotations

from typing import Any

import pytest

from frontlines.lexicons import load_lexicon
from frontlines.stages.framing import FramingStage, _one_edit, read_terms
from tests.stages.sample_docs import parsed

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stage(nlp: Any) -> FramingStage:
    return FramingStage(nlp=nlp, lexicon=load_lexicon("framing"))


def flags(nlp: Any, stage: FramingStage, text: str) -> list[tuple[str, str]]:
    doc = stage(parsed(nlp, text))
    for item in doc.framing:
        assert text[item.start : item.end] == item.text
    return [(item.text, item.kind) for item in doc.framing]


def test_framing_flags_loaded_words_with_offsets(nlp: Any, stage: FramingStage) -> None:
    text = "The tyrant's regime shelled villages the rebels were liberating."
    assert flags(nlp, stage, text) == [
        ("tyrant", "loaded"),
        ("regime", "loaded"),
        ("liberating", "loaded"),
    ]


def test_framing_merges_adjacent_and_catches_misspellings(nlp: Any, stage: FramingStage) -> None:
    text = "It was an atrocitus bloody war fought by the Kremlin-controlled mercenary group."
    assert flags(nlp, stage, text) == [
        ("atrocitus bloody", "loaded"),
        ("Kremlin-controlled mercenary", "loaded"),
    ]


def test_framing_euphemisms_and_dehumanising_terms(nlp: Any, stage: FramingStage) -> None:
    text = "Officials called the dead collateral damage and the enemy cockroaches."
    assert flags(nlp, stage, text) == [
        ("collateral damage", "euphemism"),
        ("cockroaches", "dehumanising"),
    ]


def test_framing_context_rules(nlp: Any, stage: FramingStage) -> None:
    neutral = "The junta met. The sanctions regime was extended. The Liberation Army marched."
    assert flags(nlp, stage, neutral) == []
    assert flags(nlp, stage, "The brutal junta met.") == [("brutal junta", "loaded")]


def test_framing_neutral_text_has_no_flags(nlp: Any, stage: FramingStage) -> None:
    assert flags(nlp, stage, "Government forces shelled two villages near Aleppo on Monday.") == []


def test_framing_one_edit() -> None:
    assert _one_edit("atrocitus", "atrocious")
    assert _one_edit("dictatorhip", "dictatorship")
    assert not _one_edit("liberation", "liberating")
    assert not _one_edit("atrocious", "atrocious")


def test_framing_lexicon_kinds_are_known() -> None:
    terms = read_terms(load_lexicon("framing"))
    assert {term.kind for term in terms} == {"loaded", "euphemism", "dehumanising"}
    assert len({term.term.lower() for term in terms}) == len(terms)
