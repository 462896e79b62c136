"""The gazetteer, built once per test session into the session's cache directory (the same one
every other test's resources use), and hand-made parses that need no spaCy model."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
import spacy
from spacy.tokens import Doc

from frontlines.geo.gazetteer import Gazetteer
from frontlines.stages.resources import Resources

Token = tuple[str, int, str, str, str]  # word, head index, dependency, lemma, entity (BIO)
MakeParse = Callable[[Sequence[Token]], Doc]


@pytest.fixture(scope="session")
def gazetteer(resources: Resources) -> Gazetteer:
    return resources.gazetteer


@pytest.fixture(scope="session")
def make_parse() -> MakeParse:
    """A parse from (word, head, dep, lemma, entity) rows; a word followed by punctuation or by
    "-" takes no space, as spaCy's tokeniser would have split it."""

    vocab = spacy.blank("en").vocab  # English lexical attributes (lower_), no model

    def make(tokens: Sequence[Token]) -> Doc:
        words = [token[0] for token in tokens]
        spaces = [
            not (nxt in (".", ",", "-", "’s", "'s") or word == "-")
            for word, nxt in zip(words, [*words[1:], "."], strict=True)
        ]
        spaces[-1] = False
        return Doc(
            vocab,
            words=words,
            spaces=spaces,
            heads=[token[1] for token in tokens],
            deps=[token[2] for token in tokens],
            lemmas=[token[3] for token in tokens],
            pos=["PROPN" if token[0][:1].isupper() else "X" for token in tokens],
            ents=[token[4] for token in tokens],
        )

    return make
