from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from frontlines.document import NO_OPTIONS, StageConfig
from frontlines.errors import ConfigError, InputError, PipelineError, StageError
from frontlines.model import Article, Event, Framing
from frontlines.pipeline import Document, Mask, Pipeline, Stage, StageRegistry
from frontlines.settings import DEFAULT_PIPELINE, Settings
from frontlines.stages.resources import Resources


@dataclass
class Shout:
    """A plugin-style stage: marks every word in capitals as loaded wording."""

    name: str = "shout"
    version: str = "1"
    requires: tuple[str, ...] = ("article",)
    assigns: tuple[str, ...] = ("framing",)

    def __call__(self, doc: Document) -> Document:
        found = [
            Framing(text=w, start=doc.text.index(w), end=doc.text.index(w) + len(w))
            for w in doc.text.split()
            if w.isupper() and len(w) > 1
        ]
        doc.framing = found
        return doc


def make_shout(*, resources: Resources, config: StageConfig = NO_OPTIONS) -> Stage:
    return Shout()


@dataclass(frozen=True, slots=True)
class LimitConfig(StageConfig):
    """A stage option from a setting, and one that only its default or an override sets."""

    max_chars: int = field(default=100, metadata={"setting": "max_article_bytes"})
    marker: str = "!"


def make_limit(*, resources: Resources, config: LimitConfig = LimitConfig()) -> Stage:
    return Limit(max_chars=config.max_chars, marker=config.marker)


@dataclass
class Limit:
    max_chars: int
    marker: str
    name: str = "limit"
    version: str = "1"
    requires: tuple[str, ...] = ("article",)
    assigns: tuple[str, ...] = ("framing",)

    def __call__(self, doc: Document) -> Document:
        return doc


def test_a_stage_config_takes_its_defaults_then_the_settings_it_names_then_overrides() -> None:
    registry = StageRegistry()
    registry.register("limit", make_limit)
    settings = Settings.from_env({}, pipeline=("limit",), max_article_bytes=5000)
    resources = Resources(settings)
    made = registry.create("limit", resources=resources, settings=settings)
    assert isinstance(made, Limit)
    assert (made.max_chars, made.marker) == (5000, "!")
    pipeline = Pipeline.from_settings(
        settings, resources=resources, registry=registry, options={"limit": {"marker": "?"}}
    )
    (stage,) = pipeline.stages
    assert isinstance(stage, Limit)
    assert (stage.max_chars, stage.marker) == (5000, "?")


def test_a_stage_config_refuses_an_option_the_stage_does_not_have() -> None:
    registry = StageRegistry()
    registry.register("limit", make_limit)
    settings = Settings.from_env({}, pipeline=("limit",))
    with pytest.raises(ConfigError, match="stage 'limit' has no option 'colour'"):
        Pipeline.from_settings(
            settings,
            resources=Resources(settings),
            registry=registry,
            options={"limit": {"colour": "red"}},
        )


def test_a_factory_without_a_config_default_is_refused() -> None:
    def make_bare(*, resources: Resources, config: StageConfig) -> Stage:
        return Shout()

    registry = StageRegistry()
    registry.register("bare", make_bare)
    settings = Settings.from_env({})
    with pytest.raises(PipelineError, match="stage 'bare' declares no config"):
        registry.create("bare", resources=Resources(settings), settings=settings)


def test_the_built_in_stages_take_their_options_from_the_settings() -> None:
    settings = Settings.from_env({}, max_article_bytes=1234)
    registry = StageRegistry.from_entry_points()
    resources = Resources(settings)
    parse = registry.create("parse", resources=resources, settings=settings)
    assert getattr(parse, "max_chars") == 1234  # noqa: B009


def test_pipeline_runs_a_plugin_stage_registered_by_name() -> None:
    registry = StageRegistry()
    registry.register("shout", make_shout)
    settings = Settings.from_env({}, pipeline=("shout",))
    pipeline = Pipeline.from_settings(settings, resources=Resources(settings), registry=registry)
    analysis = pipeline(Article.create("They say NOTHING happened."))
    assert [f.text for f in analysis.framing] == ["NOTHING"]
    assert [s.name for s in analysis.pipeline] == ["shout"]


def test_pipeline_rejects_a_stage_whose_needs_are_not_met() -> None:
    @dataclass
    class NeedsParse(Shout):
        name: str = "needs"
        requires: tuple[str, ...] = ("parse",)

    with pytest.raises(PipelineError, match="requires \\['parse'\\]"):
        Pipeline([NeedsParse()], version="0")


def test_pipeline_rejects_an_unknown_stage_name() -> None:
    settings = Settings.from_env({}, pipeline=("nope",))
    with pytest.raises(PipelineError, match="unknown stage 'nope'"):
        Pipeline.from_settings(settings, resources=Resources(settings), registry=StageRegistry())


def test_pipeline_registry_refuses_a_duplicate_name() -> None:
    registry = StageRegistry()
    registry.register("shout", make_shout)
    with pytest.raises(PipelineError, match="already registered"):
        registry.register("shout", make_shout)


def test_pipeline_built_in_stages_are_registered_as_entry_points() -> None:
    names = StageRegistry.from_entry_points().names()
    assert set(DEFAULT_PIPELINE) <= set(names)


def test_pipeline_document_clean_text_keeps_offsets() -> None:
    doc = Document(article=Article.create("KYIV (Wire) — Drones hit a depot."))
    doc.masks = [Mask(0, 14, "dateline")]
    assert len(doc.clean_text) == len(doc.text)
    assert doc.clean_text.strip() == "Drones hit a depot."
    assert doc.is_masked(2, 4)
    assert not doc.is_masked(20, 24)


def test_a_plugin_stage_is_found_through_its_entry_point(example_plugin: object) -> None:
    settings = Settings.from_env({}, pipeline=("cleanup", "shout"))
    assert "shout" in StageRegistry.from_entry_points().names()
    pipeline = Pipeline.from_settings(settings, resources=Resources(settings))
    analysis = pipeline(Article.create("Witnesses said the SHELLING went on all night."))
    assert [(f.text, f.kind) for f in analysis.framing] == [("SHELLING", "shouting")]
    assert [s.name for s in analysis.pipeline] == ["cleanup", "shout"]


@dataclass
class Broken:
    """A plugin stage with a bug: it indexes past the end of a list."""

    name: str = "broken"
    version: str = "1"
    requires: tuple[str, ...] = ("article",)
    assigns: tuple[str, ...] = ("framing",)

    def __call__(self, doc: Document) -> Document:
        words: list[str] = []
        doc.framing = [Framing(text=words[3], start=0, end=1)]
        return doc


def test_pipeline_a_failing_stage_becomes_one_stage_error_naming_stage_and_input() -> None:
    article = Article.create("They say NOTHING happened.", url="https://example.org/a")
    with pytest.raises(StageError) as caught:
        Pipeline([Shout(), Broken()], version="0")(article)
    error = caught.value
    assert (error.stage, error.cause, error.article_id) == ("broken", "IndexError", article.id)
    assert "https://example.org/a" in str(error)
    assert "'broken'" in str(error)
    assert "\n" not in str(error)
    assert error.http_status == 422


def test_pipeline_an_error_raised_on_purpose_passes_the_boundary_as_it_is() -> None:
    @dataclass
    class Refuses(Shout):
        name: str = "refuses"

        def __call__(self, doc: Document) -> Document:
            raise InputError("too short to read")

    with pytest.raises(InputError, match="too short to read"):
        Pipeline([Refuses()], version="0")(Article.create("Text."))


@dataclass
class Twins:
    """Two events anchored on the same evidence: the shape that once broke the store's key."""

    name: str = "twins"
    version: str = "1"
    requires: tuple[str, ...] = ("article",)
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, doc: Document) -> Document:
        evidence = (doc.article.mention(0, 7),)
        event_id = Event.make_id(doc.article.id, evidence)
        doc.events = [
            Event(id=event_id, event_date=None, date_precision="approximate", event_type=kind,
                  sub_event_type=None, evidence=evidence)
            for kind in ("Battles", "Protests", "Riots")
        ]  # fmt: skip
        return doc


def test_pipeline_event_ids_are_unique_and_stable_when_events_share_their_evidence() -> None:
    article = Article.create("Shelling and protests in Idlib.")
    analysis = Pipeline([Twins()], version="0")(article)
    ids = [event.id for event in analysis.events]
    assert len(set(ids)) == 3
    assert ids[0] == Event.make_id(article.id, analysis.events[0].evidence)  # the first keeps it
    assert ids == [event.id for event in Pipeline([Twins()], version="0")(article).events]
