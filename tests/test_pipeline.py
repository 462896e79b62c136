from __future__ import annotations

from dataclasses import dataclass

import pytest

from frontlines.errors import PipelineError
from frontlines.model import Article, Framing
from frontlines.pipeline import Document, Mask, Pipeline, Stage, StageRegistry
from frontlines.resources import Resources
from frontlines.settings import DEFAULT_PIPELINE, Settings


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


def make_shout(*, resources: Resources, settings: Settings) -> Stage:
    return Shout()


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
