"""Find place names (spaCy GPE/LOC/FAC entities) and resolve them with the gazetteer."""

from __future__ import annotations

from dataclasses import dataclass

from frontlines.model import Place
from frontlines.pipeline import Document
from frontlines.resources import Resources
from frontlines.settings import Settings

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass
class Places:
    name: str = "places"
    version: str = "0"
    requires: tuple[str, ...] = ("article", "parse")
    assigns: tuple[str, ...] = ("places",)

    def __call__(self, doc: Document) -> Document:
        places = [
            Place(text=ent.text, start=ent.start_char, end=ent.end_char)
            for ent in doc.parse.ents
            if ent.label_ in PLACE_LABELS
        ]
        doc.places = places
        return doc


def make_stage(*, resources: Resources, settings: Settings) -> Places:
    return Places()
