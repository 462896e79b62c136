"""Find place names in the parse and resolve them with the gazetteer, in document context.

Each place carries its text and offsets in the article, the GeoNames entry it resolved to (name,
country, admin1, point, geonameid) and its role: "place", or "metonym" when it stands for a
government ("Moscow said", "Kremlin-backed"), or "demonym" for an adjectival reference
("Russian forces") resolved to the country it names, or "dateline" for where the report was
filed (the masked dateline, read by ``geo.furniture`` with the masked headline's places). Names
the gazetteer cannot resolve stay in the
list unresolved, so an event can say which name it could not place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from frontlines.document import NO_OPTIONS, Document, StageConfig
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.geoparse import find_places
from frontlines.geo.place import kind_of
from frontlines.kb import ActorKB
from frontlines.model import Place
from frontlines.stages.resources import Resources

AREAS = frozenset({"country", "continent", "region", "admin1"})


@dataclass
class Places:
    gazetteer: Gazetteer = field(repr=False)
    kb: ActorKB | None = field(default=None, repr=False)
    name: str = "places"
    version: str = "3"
    requires: tuple[str, ...] = ("article", "masks", "parse")
    assigns: tuple[str, ...] = ("places",)

    def __call__(self, doc: Document) -> Document:
        found = find_places(
            doc.parse, text=doc.text, gazetteer=self.gazetteer, demonyms=True, masks=doc.masks
        )
        doc.places = [place for place in found if not self._actor_name(place)]
        return doc

    def _actor_name(self, place: Place) -> bool:
        """A name the actor knowledge base holds ("RSF", "JNIM", "M23", "FAMa") is a group, not
        a town, unless it is a capital standing for a government ("Moscow said"); countries and
        regions ("Mali") stay places, and so does a town named like a state ("Joyce Glover, 22,
        Palestine," is Palestine, Texas): a state's name names a place, not a group."""
        if self.kb is None or place.role != "place" or kind_of(place) in AREAS:
            return False
        actors = self.kb.candidates(place.text)
        if any(actor.kind == "state" for actor in actors):
            return False
        return bool(actors) and not self.kb.is_metonym(place.text)


def make_stage(*, resources: Resources, config: StageConfig = NO_OPTIONS) -> Places:
    return Places(gazetteer=resources.gazetteer, kb=resources.kb)
