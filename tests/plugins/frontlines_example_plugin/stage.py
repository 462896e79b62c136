"""The ``shout`` stage: every word in capitals is loaded wording."""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontlines.document import NO_OPTIONS, Document, Stage, StageConfig
from frontlines.model import Framing
from frontlines.stages.resources import Resources

_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")


@dataclass
class Shout:
    name: str = "shout"
    version: str = "1"
    requires: tuple[str, ...] = ("article",)
    assigns: tuple[str, ...] = ("framing",)

    def __call__(self, doc: Document) -> Document:
        found = [
            Framing(text=match.group(), start=match.start(), end=match.end(), kind="shouting")
            for match in _CAPITALS.finditer(doc.text)
        ]
        doc.framing = [*doc.framing, *found]
        return doc


def make_stage(*, resources: Resources, config: StageConfig = NO_OPTIONS) -> Stage:
    return Shout()
