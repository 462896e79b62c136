"""Find actors: named organisations, groups and people, kept even when unknown."""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontlines.model import Actor, Mention
from frontlines.pipeline import Document
from frontlines.resources import Resources
from frontlines.settings import Settings

KIND_BY_LABEL = {"ORG": "other", "NORP": "other", "PERSON": "person"}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@dataclass
class Actors:
    name: str = "actors"
    version: str = "0"
    requires: tuple[str, ...] = ("article", "parse")
    assigns: tuple[str, ...] = ("actors",)

    def __call__(self, doc: Document) -> Document:
        found: dict[str, tuple[str, str, list[Mention]]] = {}
        for ent in doc.parse.ents:
            kind = KIND_BY_LABEL.get(ent.label_)
            if kind is None:
                continue
            key = slug(ent.text)
            mention = doc.article.mention(ent.start_char, ent.end_char)
            found.setdefault(key, (ent.text, kind, []))[2].append(mention)
        actors = [
            Actor(id=f"unk-{key}", name=name, kind=kind, mentions=tuple(mentions))
            for key, (name, kind, mentions) in found.items()
        ]
        doc.actors = actors
        return doc


def make_stage(*, resources: Resources, settings: Settings) -> Actors:
    return Actors()
