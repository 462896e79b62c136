"""The pipeline: named, replaceable stages, made by their factories and run in order.

The working document and the stage contract live in ``frontlines.document`` (re-exported here
for older imports). Stages are made by factories registered under the ``frontlines.stages``
entry-point group; the built-in stages are registered there exactly as a plugin's would be, in
``pyproject.toml``. Each factory takes its own config (``StageConfig``), built here, in one
place, from the factory's defaults, the settings its fields name and the user's overrides.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import fields, replace
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Protocol

from frontlines.document import (
    DOCUMENT_FIELDS,
    Document,
    Mask,
    Stage,
    StageConfig,
    check_stage_order,
)
from frontlines.errors import ConfigError, FrontlinesError, PipelineError, StageError
from frontlines.model import Analysis, Article, StageInfo, with_unique_ids
from frontlines.version import __version__

if TYPE_CHECKING:
    from frontlines.settings import Settings
    from frontlines.stages.resources import Resources

ENTRY_POINT_GROUP = "frontlines.stages"
logger = logging.getLogger(__name__)

__all__ = [
    "DOCUMENT_FIELDS",
    "ENTRY_POINT_GROUP",
    "Document",
    "Mask",
    "Pipeline",
    "Stage",
    "StageFactory",
    "StageRegistry",
    "stage_config",
]


class StageFactory(Protocol):
    """``make_stage(*, resources, config=<the stage's StageConfig with its defaults>)``."""

    def __call__(self, *, resources: Resources, config: Any) -> Stage: ...


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

    def create(
        self,
        name: str,
        *,
        resources: Resources,
        settings: Settings,
        overrides: Mapping[str, Any] | None = None,
    ) -> Stage:
        """The stage ``name``, made by its factory with the config ``stage_config`` builds."""
        found = self._factories.get(name)
        if found is None:
            known = ", ".join(self.names()) or "none"
            raise PipelineError(f"unknown stage {name!r} (registered stages: {known})")
        factory = found.load() if isinstance(found, _LazyFactory) else found
        config = stage_config(name, factory, settings=settings, overrides=overrides or {})
        stage = factory(resources=resources, config=config)
        if not isinstance(stage, Stage):
            raise PipelineError(f"the factory of stage {name!r} did not return a stage")
        return stage


class _LazyFactory:
    """Imports an entry point's factory the first time it is used."""

    def __init__(self, load: Callable[[], Any]) -> None:
        self._load = load

    def load(self) -> StageFactory:
        factory: StageFactory = self._load()
        return factory

    def __call__(self, *, resources: Resources, config: Any) -> Stage:
        return self.load()(resources=resources, config=config)


def stage_config(
    name: str,
    factory: Callable[..., Any],
    *,
    settings: Settings,
    overrides: Mapping[str, Any],
) -> StageConfig:
    """The config a stage is made with: the default of its factory's ``config`` parameter, with
    the settings its fields name, then the user's overrides. The one place settings reach a
    stage."""
    parameter = inspect.signature(factory).parameters.get("config")
    default = None if parameter is None else parameter.default
    if not isinstance(default, StageConfig):
        raise PipelineError(
            f"the factory of stage {name!r} declares no config: give it a keyword parameter "
            "'config' whose default is a StageConfig (frontlines.document.NO_OPTIONS if none)"
        )
    known = {spec.name for spec in fields(default)}
    unknown = sorted(set(overrides) - known)
    if unknown:
        options = ", ".join(sorted(known)) or "none"
        raise ConfigError(f"stage {name!r} has no option {unknown[0]!r} (its options: {options})")
    values = {
        spec.name: getattr(settings, spec.metadata["setting"])
        for spec in fields(default)
        if "setting" in spec.metadata
    }
    return replace(default, **{**values, **overrides})


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
        options: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> Pipeline:
        """The stages ``settings.pipeline`` names; ``options`` overrides a stage's config
        (``{"parse": {"max_chars": 50_000}}``)."""
        registry = registry or StageRegistry.from_entry_points()
        options = options or {}
        stages = [
            registry.create(
                name, resources=resources, settings=settings, overrides=options.get(name)
            )
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
        return self._analysis(doc, article)

    def pipe(
        self, articles: Iterable[Article], *, batch_size: int = 16
    ) -> Iterator[Analysis | FrontlinesError]:
        """Like calling the pipeline on each article, with the spaCy parse run as ``nlp.pipe``.

        Yields, in order, each article's analysis, or the FrontlinesError that analysing it
        raised (one bad article never stops the others). The parse stage (a stage with an
        ``nlp`` that assigns ``parse``) parses a batch of texts at once; the others run per
        article, so the result is the same as ``pipeline(article)``.
        """
        split = next((n for n, stage in enumerate(self.stages) if _is_spacy_parse(stage)), None)
        if split is None:
            for article in articles:
                yield _analysed_or_error(self, article)
            return
        before, parse, after = self.stages[:split], self.stages[split], self.stages[split + 1 :]
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._pipe_batch(batch, before, parse, after)
                batch = []
        if batch:
            yield from self._pipe_batch(batch, before, parse, after)

    def _pipe_batch(
        self,
        articles: list[Article],
        before: tuple[Stage, ...],
        parse: Stage,
        after: tuple[Stage, ...],
    ) -> Iterator[Analysis | FrontlinesError]:
        docs: list[Document | FrontlinesError] = []
        for article in articles:
            try:
                docs.append(_run(Document(article=article), before))
            except FrontlinesError as error:
                docs.append(error)
        chunk_chars: int = getattr(parse, "chunk_chars")  # noqa: B009  (checked by _is_spacy_parse)
        ready = [
            doc for doc in docs if isinstance(doc, Document) and len(doc.clean_text) <= chunk_chars
        ]
        nlp: Any = getattr(parse, "nlp")  # noqa: B009  (checked by _is_spacy_parse)
        for doc, parsed in zip(ready, nlp.pipe(doc.clean_text for doc in ready), strict=True):
            doc.parse = parsed
        for index, waiting in enumerate(docs):
            if isinstance(waiting, Document) and len(waiting.clean_text) > chunk_chars:
                try:  # a long text is parsed by the stage itself, in chunks
                    docs[index] = run_stage(parse, waiting)
                except FrontlinesError as error:
                    docs[index] = error
        del ready
        # Each article's parse is dropped as soon as its analysis is built: a batch's parses
        # never all live until the batch ends.
        docs.reverse()
        for article in articles:
            done = docs.pop()
            if isinstance(done, FrontlinesError):
                yield done
                continue
            try:
                analysis = self._analysis(_run(done, after), article)
            except FrontlinesError as error:
                yield error
                continue
            del done
            yield analysis

    def _analysis(self, doc: Document, article: Article) -> Analysis:
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


def _is_spacy_parse(stage: Stage) -> bool:
    """The stage that only runs spaCy over the clean text (``doc.parse = nlp(clean_text)``)."""
    from frontlines.stages.parse import Parse

    return isinstance(stage, Parse)


def _run(doc: Document, stages: tuple[Stage, ...]) -> Document:
    for stage in stages:
        doc = run_stage(stage, doc)
    return doc


def _analysed_or_error(pipeline: Pipeline, article: Article) -> Analysis | FrontlinesError:
    try:
        return pipeline(article)
    except FrontlinesError as error:
        return error
