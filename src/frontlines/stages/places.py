"""Find place names in the parse and resolve them with the gazetteer, in document context.

Each place carries its text and offsets in the article, the GeoNames entry it resolved to (name,
country, admin1, point, geonameid) and its role: "place", or "metonym" when it stands for a
government ("Moscow said", "Kremlin-backed"). Names the gazetteer cannot resolve stay in the
list unresolved, so an event can say which name it could not place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.geoparse import find_places
from frontlines.model import Place
from frontlines.pipeline import Document
from frontlines.resources import Resources
from frontlines.settings import Settings


@dataclass
class Places:
    gazetteer: Gazetteer = field(repr=False)
    name: str = "places"
    version: str = "1"
    requires: tuple[str, ...] = ("article", "parse")
    assigns: tuple[str, ...] = ("places",)

    def __call__(self, doc: Document) -> Document:
        places: list[Place] = list(find_places(doc.parse, text=doc.text, gazetteer=self.gazetteer))
        doc.places = places
        return doc


def make_stage(*, resources: Resources, settings: Settings) -> Places:
    return Places(gazetteer=resources.gazetteer)
