"""Shared by the extraction tests: the event mentions of a small text, sentence by sentence."""

from __future__ import annotations

from typing import Any

from frontlines.extract.lexicon import Lexicon
from frontlines.extract.mentions import EventMention, sentence_mentions
from frontlines.extract.roles import ActorLookup


def mentions_in(nlp: Any, lexicon: Lexicon, lookup: ActorLookup, text: str) -> list[EventMention]:
    found: list[EventMention] = []
    for number, sentence in enumerate(nlp(text).sents):
        found += sentence_mentions(
            sentence, number=number, published=None, lookup=lookup, lexicon=lexicon
        )
    return found
