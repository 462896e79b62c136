"""The MiniLM embedder: shapes, unit rows, order kept across batches, and similarity that ranks
meaning above shared words. Skips only where the tokenizer file is absent (make setup fetches
it)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from frontlines.embeddings import DIMENSIONS, SentenceEmbedder, tokenizer_path
from frontlines.errors import ConfigError

needs_tokenizer = pytest.mark.skipif(
    not tokenizer_path().is_file(), reason="MiniLM tokenizer absent: run make setup"
)


@pytest.fixture(scope="module")
def embedder() -> SentenceEmbedder:
    return SentenceEmbedder.load()


def test_missing_tokenizer_names_the_command(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="make setup"):
        SentenceEmbedder.load(tokenizer_file=tmp_path / "tokenizer.json")


def test_tokenizer_path_follows_the_variable(tmp_path: Path) -> None:
    named = tmp_path / "tok.json"
    assert tokenizer_path({"FRONTLINES_MINILM_TOKENIZER": str(named)}) == named
    assert tokenizer_path({}).name == "tokenizer.json"


@needs_tokenizer
def test_rows_are_unit_length_and_in_order(embedder: SentenceEmbedder) -> None:
    texts = ["Rebels shelled the town.", "A cat sat on the mat.", "Rebels shelled the town."]
    small = SentenceEmbedder(session=embedder.session, tokenizer=embedder.tokenizer, batch=2)
    rows = small.embed(texts)
    assert rows.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-4)
    assert np.allclose(rows[0], rows[2], atol=1e-5)
    assert np.allclose(embedder.embed(texts[1:2])[0], rows[1], atol=1e-4)
    assert embedder.embed([]).shape == (0, DIMENSIONS)


@needs_tokenizer
def test_similarity_ranks_meaning(embedder: SentenceEmbedder) -> None:
    food, bread, baby = embedder.embed(
        ["A man is eating food.", "A man is eating a piece of bread.", "A girl is carrying a baby."]
    )
    assert food @ bread > food @ baby
    attack, shelling, summit = embedder.embed(
        [
            "Gunmen attacked a village and killed twelve people.",
            "Militants raided the settlement, leaving a dozen dead.",
            "The foreign ministers met in Geneva to discuss trade.",
        ]
    )
    assert attack @ shelling > attack @ summit
    assert attack @ shelling > 0.5


@needs_tokenizer
def test_span_rows_read_a_word_in_its_sentence(embedder: SentenceEmbedder) -> None:
    texts = [
        "The club fired its coach after the defeat.",
        "The soldier fired his rifle at the crowd.",
        "The board fired the chief executive on Monday.",
    ]
    spans = [(text.index("fired"), text.index("fired") + len("fired")) for text in texts]
    coach, rifle, executive = embedder.embed_spans(texts, spans)
    assert np.allclose(np.linalg.norm([coach, rifle, executive], axis=1), 1.0, atol=1e-4)
    assert coach @ executive > coach @ rifle  # one sense of "fired" beats the other
    whole = embedder.embed(texts[:1])[0]
    assert not np.allclose(coach, whole, atol=1e-3)  # the word, not the sentence
    nowhere = embedder.embed_spans(texts[:1], [(0, 0)])[0]
    assert np.allclose(nowhere, whole, atol=1e-4)  # no word pieces: the whole text
    assert embedder.embed_spans([], []).shape == (0, DIMENSIONS)


@needs_tokenizer
def test_a_long_batch_leaves_no_arena_behind(embedder: SentenceEmbedder) -> None:
    # ONNX Runtime's memory arena would keep the largest batch's buffers for the session's life
    # (1.2 GB in a batch worker); without it the vectors are the same, run after run.
    assert embedder.session.get_session_options().enable_cpu_mem_arena is False
    long_text = " ".join(["Rebels shelled the town of Saraqib at dawn."] * 40)
    first = embedder.embed([long_text, "A short line."])
    again = embedder.embed([long_text, "A short line."])
    assert np.array_equal(first, again)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-4)
