"""Parse the clean text with spaCy (tokens, sentences, dependencies, entities)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from frontlines.document import Document
from frontlines.resources import Resources
from frontlines.settings import Settings


@dataclass
class Parse:
    nlp: Any = field(repr=False)
    name: str = "parse"
    version: str = "1"
    requires: tuple[str, ...] = ("article", "masks")
    assigns: tuple[str, ...] = ("parse",)

    def __call__(self, doc: Document) -> Document:
        parsed = self.nlp(doc.clean_text)
        doc.parse = parsed
        return doc


def make_stage(*, resources: Resources, settings: Settings) -> Parse:
    return Parse(nlp=resources.nlp)
