"""Named, replaceable stages and the pipeline that runs them.

A stage is a callable ``(doc) -> doc`` with a ``name``, a ``version`` and the fields of the
``Document`` it ``requires`` and ``assigns`` (spaCy's component contract). Stages are made by
factories registered under the ``frontlines.stages`` entry-point group; the built-in stages are
registered there exactly as a plugin's would be, in ``pyproject.toml``. A stage computes first and
writes its fields back at the end, so a failing stage leaves the document as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from frontlines.errors import FrontlinesError, PipelineError, StageError
from frontlines.model import (
    Actor,
    Analysis,
    Article,
    Claim,
    Event,
    Framing,
    Place,
    Relation,
    StageInfo,
    with_unique_ids,
)

if TYPE_CHECKING:
    from frontlines.resources import Resources
    from frontlines.settings import Settings

ENTRY_POINT_GROUP = "frontlines.stages"
logger = logging.getLogger(__name__)

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


@runtime_checkable
class Stage(Protocol):
    """What every stage has: a name, a version, declared needs and outputs, and a call."""

    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document, /) -> Document: ...


class StageFactory(Protocol):
    def __call__(self, *, resources: Resources, settings: Settings) -> Stage: ...


class StageRegistry:
    """Stage factories by name: the installed entry points, plus any registered in process."""

    def __init__(self, factories: Mapping[str, StageFactory] | None = None) -> None:
        self._factories: dict[str, StageFactory] = dict(factories or {})

    @classmethod
    def from_entry_points(cls) -> StageRegistry:
        registry = cls()
        for entry in entry_points(group=ENTRY_POINT_GROUP):
            registry._factories.setdefault(entry.name, _LazyFactory(entry.load))
        return registry

    def register(self, name: str, factory: StageFactory, *, replace: bool = False) -> None:
        if name in self._factories and not replace:
            raise PipelineError(f"a stage named {name!r} is already registered")
        self._factories[name] = factory

    def names(self) -> list[str]:
        return sorted(self._factories)

    def create(self, name: str, *, resources: Resources, settings: Settings) -> Stage:
        factory = self._factories.get(name)
        if factory is None:
            known = ", ".join(self.names()) or "none"
            raise PipelineError(f"unknown stage {name!r} (registered stages: {known})")
        stage = factory(resources=resources, settings=settings)
        if not isinstance(stage, Stage):
            raise PipelineError(f"the factory of stage {name!r} did not return a stage")
        return stage


class _LazyFactory:
    """Imports an entry point's factory the first time it is used."""

    def __init__(self, load: Callable[[], Any]) -> None:
        self._load = load

    def __call__(self, *, resources: Resources, settings: Settings) -> Stage:
        factory = self._load()
        stage: Stage = factory(resources=resources, settings=settings)
        return stage


class Pipeline:
    """Stages in order, checked once so that each stage's needs are met by those before it."""

    def __init__(self, stages: Iterable[Stage], *, version: str) -> None:
        self.stages = tuple(stages)
        self.version = version
        _check_order(self.stages)

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        resources: Resources,
        registry: StageRegistry | None = None,
    ) -> Pipeline:
        from frontlines import __version__

        registry = registry or StageRegistry.from_entry_points()
        stages = [
            registry.create(name, resources=resources, settings=settings)
            for name in settings.pipeline
        ]
        return cls(stages, version=__version__)

    @property
    def info(self) -> tuple[StageInfo, ...]:
        return tuple(StageInfo(name=stage.name, version=stage.version) for stage in self.stages)

    def __call__(self, article: Article) -> Analysis:
        doc = Document(article=article)
        for stage in self.stages:
            doc = run_stage(stage, doc)
        return Analysis(
            frontlines_version=self.version,
            pipeline=self.info,
            article=article,
            events=with_unique_ids(article.id, doc.events),
            actors=tuple(doc.actors),
            relations=tuple(doc.relations),
            claims=tuple(doc.claims),
            places=tuple(doc.places),
            framing=tuple(doc.framing),
            warnings=tuple(doc.warnings),
        )


def run_stage(stage: Stage, doc: Document) -> Document:
    """Run one stage inside the error boundary: an error frontlines raises on purpose passes as it
    is; any other exception becomes a StageError naming the stage and the article, with the
    traceback logged (a bad input must fail alone, never stop a run or answer a raw 500)."""
    try:
        return stage(doc)
    except FrontlinesError:
        raise
    except Exception as error:  # the boundary: whatever a stage raises, this input fails alone
        article = doc.article
        where = article.url or article.id
        logger.exception("stage %r failed on %s", stage.name, where)
        raise StageError(
            f"{where}: stage {stage.name!r} failed ({type(error).__name__}: "
            f"{_one_line(str(error))})",
            stage=stage.name,
            article_id=article.id,
            cause=type(error).__name__,
        ) from error


def _one_line(message: str, *, limit: int = 200) -> str:
    line = " ".join(message.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _check_order(stages: tuple[Stage, ...]) -> None:
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
