"""The events stage (to be filled by the extraction work)."""

from __future__ import annotations

from dataclasses import dataclass

from frontlines.pipeline import Document
from frontlines.resources import Resources
from frontlines.settings import Settings


@dataclass
class Stage:
    name: str = "events"
    version: str = "0"
    requires: tuple[str, ...] = ("article", "parse")
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> Document:
        return doc


def make_stage(*, resources: Resources, settings: Settings) -> Stage:
    return Stage()
