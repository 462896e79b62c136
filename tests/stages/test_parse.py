from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.errors import InputError
from frontlines.model import Article
from frontlines.pipeline import Document
from frontlines.stages.parse import Parse, chunks

STORY = (
    "Shells hit a market in Kharkiv on Sunday, killing three people, the governor said.\n\n"
    "Rescue teams worked through the night. Ukraine's army said it shot down two drones.\n\n"
    "Protesters marched in Khartoum on Monday. Police fired tear gas, witnesses said. "
)


def test_parse_chunks_cut_after_paragraphs_then_sentences_and_join_back() -> None:
    text = STORY * 20
    found = list(chunks(text, size=400))
    assert "".join(found) == text
    assert all(len(piece) <= 400 for piece in found)
    assert all(piece.endswith(("\n\n", ". ")) for piece in found[:-1])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n!?"), max_size=400), st.integers(5, 60))
def test_parse_chunks_of_any_text_join_back_within_the_size(text: str, size: int) -> None:
    found = list(chunks(text, size=size))
    assert "".join(found) == text
    assert all(0 < len(piece) <= size for piece in found)


@pytest.mark.slow
def test_parse_a_long_text_in_chunks_keeps_the_offsets_of_the_whole(nlp: Any) -> None:
    text = STORY * 12
    whole = Parse(nlp=nlp)(Document(article=Article.create(text))).parse
    chunked = Parse(nlp=nlp, chunk_chars=500)(Document(article=Article.create(text))).parse
    assert chunked.text == text
    assert [(t.idx, t.text) for t in chunked] == [(t.idx, t.text) for t in whole]
    assert [s.start_char for s in chunked.sents] == [s.start_char for s in whole.sents]
    places = [e for e in chunked.ents if e.label_ == "GPE"]
    assert {e.text for e in places} >= {"Kharkiv", "Khartoum"}
    assert all(text[e.start_char : e.end_char] == e.text for e in chunked.ents)


def test_parse_refuses_a_text_over_the_limit_in_one_line() -> None:
    stage = Parse(nlp=None, max_chars=100)
    with pytest.raises(InputError, match="over the limit of 100") as caught:
        stage(Document(article=Article.create("word " * 30, url="https://example.org/x")))
    assert "https://example.org/x" in str(caught.value)
    assert "\n" not in str(caught.value)
