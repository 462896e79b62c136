"""The working document and the stage contract: the ground floor every stage stands on.

A stage is a callable ``(doc) -> doc`` with a ``name``, a ``version`` and the fields of the
``Document`` it ``requires`` and ``assigns`` (spaCy's component contract). The contract:

- a stage reads only the fields it ``requires`` (``article`` is always there) and writes only
  those it ``assigns``; both name fields of ``DOCUMENT_FIELDS``;
- a stage computes first and writes its fields back at the end, so a failing stage leaves the
  document as it was;
- offsets stay those of ``article.text``: clean-up masks stretches (``Mask``) instead of
  deleting them, and later stages read ``clean_text``, which has the same length.

A stage is made by a factory ``make_stage(*, resources, config) -> Stage`` whose ``config``
parameter defaults to the stage's own frozen ``StageConfig`` (spaCy's factory config): the
default says which options the stage has and their defaults; the pipeline builds the one it
passes from the settings and the user's overrides (``pipeline.stage_config``).

``check_stage_order`` checks a sequence of stages against the contract before anything runs.
This module imports only the model and the errors, so stages, ``geo`` and ``extract`` can use it
without depending on the pipeline that runs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from frontlines.errors import PipelineError
from frontlines.model import Actor, Article, Claim, Event, Framing, Place, Relation

# The fields of Document that stages can require and assign.
DOCUMENT_FIELDS = (
    "article",
    "masks",
    "parse",
    "places",
    "actors",
    "events",
    "claims",
    "relations",
    "framing",
)


@dataclass(frozen=True, slots=True)
class Mask:
    """A stretch of the text that is not article prose (a dateline, a photo credit, a byline)."""

    start: int
    end: int
    reason: str


@dataclass
class Document:
    """The working document that flows through the stages."""

    article: Article
    masks: list[Mask] = field(default_factory=list)
    parse: Any = None  # a spacy.tokens.Doc over clean_text, once the parse stage ran
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    framing: list[Framing] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def clean_text(self) -> str:
        """The text with masked stretches blanked out, so offsets stay those of the original."""
        text = self.article.text
        if not self.masks:
            return text
        chars = list(text)
        for mask in self.masks:
            for index in range(mask.start, mask.end):
                if not chars[index].isspace():
                    chars[index] = " "
        return "".join(chars)

    def is_masked(self, start: int, end: int) -> bool:
        return any(mask.start < end and start < mask.end for mask in self.masks)


@dataclass(frozen=True, slots=True)
class StageConfig:
    """A stage's own options with their defaults; a stage with none takes ``NO_OPTIONS``.

    A stage's config class derives from this one. A field whose metadata names a ``setting``
    (``field(default=..., metadata={"setting": "max_article_bytes"})``) takes that setting's
    value when the pipeline is built from the settings; the others keep their defaults unless
    the user overrides them.
    """


NO_OPTIONS = StageConfig()


@runtime_checkable
class Stage(Protocol):
    """What every stage has: a name, a version, declared needs and outputs, and a call."""

    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document, /) -> Document: ...


def check_stage_order(stages: Sequence[Stage]) -> None:
    """Raise PipelineError unless each stage's needs are met by the stages before it."""
    available = {"article"}
    seen: set[str] = set()
    for stage in stages:
        if stage.name in seen:
            raise PipelineError(f"stage {stage.name!r} appears twice in the pipeline")
        seen.add(stage.name)
        unknown = set(stage.requires) | set(stage.assigns)
        unknown -= set(DOCUMENT_FIELDS)
        if unknown:
            raise PipelineError(
                f"stage {stage.name!r} declares unknown document fields: {sorted(unknown)}"
            )
        missing = [need for need in stage.requires if need not in available]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} requires {missing}, which no earlier stage assigns"
            )
        available.update(stage.assigns)
