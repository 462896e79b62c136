"""Fixtures for the extraction tests: the lexicon, and actors found in a text by alias."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pytest

from frontlines.extract.lexicon import Lexicon, load_lexicon
from frontlines.extract.roles import ActorLookup
from frontlines.model import Actor, Mention

ActorTable = Mapping[str, tuple[str, Sequence[str]]]


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return load_lexicon()


def find_actors(text: str, table: ActorTable) -> list[Actor]:
    """Actors whose aliases occur in ``text`` (longest alias first, no overlaps)."""
    taken = [False] * len(text)
    found: list[Actor] = []
    aliases = sorted(
        ((alias, actor_id) for actor_id, (_, names) in table.items() for alias in names),
        key=lambda pair: -len(pair[0]),
    )
    mentions: dict[str, list[Mention]] = {}
    for alias, actor_id in aliases:
        for match in re.finditer(r"\b" + re.escape(alias) + r"\b", text, flags=re.IGNORECASE):
            if any(taken[match.start() : match.end()]):
                continue
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
            mentions.setdefault(actor_id, []).append(Mention(alias, match.start(), match.end()))
    for actor_id, (kind, names) in table.items():
        if actor_id in mentions:
            found.append(
                Actor(
                    id=actor_id,
                    name=names[0],
                    kind=kind,
                    aliases=tuple(names),
                    mentions=tuple(sorted(mentions[actor_id], key=lambda m: m.start)),
                )
            )
    return found


def lookup_for(actors: Sequence[Actor]) -> ActorLookup:
    def lookup(start: int, end: int) -> Actor | None:
        for actor in actors:
            for mention in actor.mentions:
                if mention.start < end and start < mention.end:
                    return actor
        return None

    return lookup


@pytest.fixture(scope="session")
def lookup_in() -> Callable[[str, ActorTable], ActorLookup]:
    def build(text: str, table: ActorTable) -> ActorLookup:
        return lookup_for(find_actors(text, table))

    return build


@pytest.fixture(scope="session")
def sentence(nlp: Any) -> Callable[[str], Any]:
    """Parse a text and give its first sentence."""

    def parse(text: str) -> Any:
        return next(iter(nlp(text).sents))

    return parse
