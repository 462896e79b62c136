"""The events stage's learned filter option: off by default, each decision switchable, a bad mode
refused, and the rules alone (logged) where the MiniLM tokenizer is missing."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from frontlines.embeddings import tokenizer_path
from frontlines.errors import ConfigError
from frontlines.settings import Settings
from frontlines.stages.events import EventsConfig, make_stage
from frontlines.stages.resources import Resources

pytestmark = pytest.mark.slow


def test_an_unknown_filter_mode_is_refused() -> None:
    with pytest.raises(ConfigError, match="event_filter"):
        EventsConfig(event_filter="sometimes")


def test_the_setting_reaches_the_stage_config() -> None:
    assert Settings.from_env({"FRONTLINES_EVENT_FILTER": "both"}).event_filter == "both"
    assert Settings.from_env({}).event_filter == "article"


@pytest.mark.skipif(not tokenizer_path().is_file(), reason="MiniLM tokenizer absent: make setup")
def test_each_filter_mode_is_named_in_the_version(resources: Resources) -> None:
    default = make_stage(resources=resources).event_filter
    assert default is not None
    assert default.use_article and not default.use_events
    both = make_stage(resources=resources, config=EventsConfig(event_filter="both"))
    assert both.event_filter is not None
    assert both.event_filter.use_events and both.event_filter.use_article
    only_article = make_stage(resources=resources, config=EventsConfig(event_filter="article"))
    assert only_article.event_filter is not None
    assert not only_article.event_filter.use_events
    off = make_stage(resources=resources, config=EventsConfig(event_filter="off"))
    assert off.event_filter is None
    assert len({both.version, only_article.version, off.version}) == 3


def test_without_the_tokenizer_the_stage_runs_on_the_rules_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("FRONTLINES_MINILM_TOKENIZER", str(tmp_path / "absent.json"))
    resources = Resources(Settings.from_env({}, cache_dir=tmp_path))
    with caplog.at_level(logging.WARNING, logger="frontlines.stages.resources"):
        stage = make_stage(resources=resources, config=EventsConfig(event_filter="both"))
    assert stage.event_filter is None
    assert "rules alone" in caplog.text
    assert "make setup" in caplog.text
