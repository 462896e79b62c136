"""Parse the clean text with spaCy (tokens, sentences, dependencies, entities).

A text longer than ``CHUNK_CHARS`` is parsed in chunks cut between paragraphs, else between
sentences (never inside one), and the parses joined into one document with the offsets of the
whole text: spaCy refuses texts over its ``max_length`` (E088) and its memory grows with the
length of what it parses at once. A text over the configured limit is refused in one line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from frontlines.document import Document, StageConfig
from frontlines.errors import InputError
from frontlines.stages.resources import Resources

CHUNK_CHARS = 100_000
PARAGRAPH_END = re.compile(r"\n\s*\n\s*")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
SPACE = re.compile(r"\s+")


@dataclass
class Parse:
    nlp: Any = field(repr=False)
    max_chars: int = 10_000_000
    chunk_chars: int = CHUNK_CHARS
    name: str = "parse"
    version: str = "1"
    requires: tuple[str, ...] = ("article", "masks")
    assigns: tuple[str, ...] = ("parse",)

    def __call__(self, doc: Document) -> Document:
        text = doc.clean_text
        if len(text) > self.max_chars:
            where = doc.article.url or doc.article.id
            raise InputError(
                f"{where}: the text has {len(text)} characters, over the limit of "
                f"{self.max_chars} (FRONTLINES_MAX_ARTICLE_BYTES); split it, or raise the limit"
            )
        if len(text) <= self.chunk_chars:
            doc.parse = self.nlp(text)
            return doc
        from spacy.tokens import Doc

        parts = list(self.nlp.pipe(chunks(text, size=self.chunk_chars)))
        parsed = Doc.from_docs(parts, ensure_whitespace=False)
        if parsed.text != text:  # the offsets of every later stage rest on this
            raise InputError(f"{doc.article.id}: the chunked parse does not give back the text")
        doc.parse = parsed
        return doc


def chunks(text: str, *, size: int) -> Iterator[str]:
    """``text`` in pieces of at most ``size`` characters that join back to it exactly, each cut
    after a paragraph's end, else a sentence's, else a space (a hard cut only in a run of
    ``size`` characters without one)."""
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = _last_end(PARAGRAPH_END, window, floor=size // 2)
        cut = cut or _last_end(SENTENCE_END, window, floor=size // 4)
        cut = cut or _last_end(SPACE, window, floor=1) or size
        yield text[start : start + cut]
        start += cut
    if start < len(text):
        yield text[start:]


def _last_end(pattern: re.Pattern[str], window: str, *, floor: int) -> int | None:
    """Where the last match of ``pattern`` in ``window`` ends, if it ends past ``floor``; a match
    that reaches the window's end may go on past it, so it is not taken."""
    last = None
    for match in pattern.finditer(window, floor):
        if match.end() < len(window):
            last = match.end()
    return last


@dataclass(frozen=True, slots=True)
class ParseConfig(StageConfig):
    """The longest text the stage parses (longer ones are refused): the accepted article size."""

    max_chars: int = field(default=10_000_000, metadata={"setting": "max_article_bytes"})


DEFAULT_CONFIG = ParseConfig()


def make_stage(*, resources: Resources, config: ParseConfig = DEFAULT_CONFIG) -> Parse:
    return Parse(nlp=resources.nlp, max_chars=config.max_chars)
