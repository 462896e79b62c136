"""The pipeline: named, replaceable stages, made by their factories and run in order.

The working document and the stage contract live in ``frontlines.document`` (re-exported here
for older imports). Stages are made by factories registered under the ``frontlines.stages``
entry-point group; the built-in stages are registered there exactly as a plugin's would be, in
``pyproject.toml``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Protocol

from frontlines.document import DOCUMENT_FIELDS, Document, Mask, Stage, check_stage_order
from frontlines.errors import PipelineError
from frontlines.model import Analysis, Article, StageInfo
from frontlines.version import __version__

if TYPE_CHECKING:
    from frontlines.resources import Resources
    from frontlines.settings import Settings

ENTRY_POINT_GROUP = "frontlines.stages"

__all__ = [
    "DOCUMENT_FIELDS",
    "ENTRY_POINT_GROUP",
    "Document",
    "Mask",
    "Pipeline",
    "Stage",
    "StageFactory",
    "StageRegistry",
]


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
        check_stage_order(self.stages)

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        resources: Resources,
        registry: StageRegistry | None = None,
    ) -> Pipeline:
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
            doc = stage(doc)
        return Analysis(
            frontlines_version=self.version,
            pipeline=self.info,
            article=article,
            events=tuple(doc.events),
            actors=tuple(doc.actors),
            relations=tuple(doc.relations),
            claims=tuple(doc.claims),
            places=tuple(doc.places),
            framing=tuple(doc.framing),
            warnings=tuple(doc.warnings),
        )
