"""Documents parsed and run through the actors stage with the sample knowledge base, for the
tests of the stages that come after it."""

from __future__ import annotations

from datetime import date
from typing import Any

from frontlines.kb import ActorKB
from frontlines.lexicons import load_lexicon
from frontlines.model import Article
from frontlines.pipeline import Document
from frontlines.stages.actor_match import ActorMatcher
from frontlines.stages.actor_resolve import kind_cues
from frontlines.stages.actors import Actors
from tests.kb.sample import SAMPLE_KB


def actor_stage(nlp: Any) -> Actors:
    kb = ActorKB.from_data(SAMPLE_KB)
    lexicon = load_lexicon("actors")
    matcher = ActorMatcher(nlp=nlp, kb=kb, lexicon=lexicon)
    return Actors(kb=kb, matcher=matcher, cues=kind_cues(lexicon))


def parsed(nlp: Any, text: str, *, published: date | None = None) -> Document:
    doc = Document(article=Article.create(text, published=published))
    doc.parse = nlp(doc.clean_text)
    return doc


def with_actors(nlp: Any, stage: Actors, text: str, *, published: date | None = None) -> Document:
    return stage(parsed(nlp, text, published=published))
