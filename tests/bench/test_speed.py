from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.bench.speed import run_speed, settings_env, speed_figures
from frontlines.settings import Settings

TR_NEWS = """<articles>
  <article docid="1"><text><![CDATA[Shots were fired in Ankara.]]></text><toponyms/></article>
  <article docid="2"><text><![CDATA[Aleppo was shelled again.]]></text><toponyms/></article>
</articles>"""


def test_speed_settings_env_recreates_the_settings(tmp_path: Path) -> None:
    settings = Settings.from_env({}, pipeline=("cleanup", "parse"), cache_dir=tmp_path)
    env = settings_env(settings)
    assert env["FRONTLINES_PIPELINE"] == "cleanup,parse"
    assert Settings.from_env(env) == settings


def test_speed_figures_give_rates_memory_and_ratios() -> None:
    pipeline = {"articles": 10, "articles_per_second": 5.0, "peak_rss_mib": 600.0}
    spacy = {"articles": 10, "articles_per_second": 20.0, "peak_rss_mib": 300.0}
    figures = {f.name: f for f in speed_figures(pipeline, spacy, dataset="d", command="c")}
    assert figures["speed: slowdown vs spaCy (x)"].value == 4.0
    assert figures["speed: memory vs spaCy (x)"].value == 2.0
    assert not any(f.gated for f in figures.values())


def test_speed_skips_without_the_corpus(tmp_path: Path) -> None:
    result = run_speed(data_dir=tmp_path, settings=Settings.from_env({}), command="c")
    assert result.status == "skipped"


@pytest.mark.slow
def test_speed_measures_both_sides_in_their_own_processes(tmp_path: Path) -> None:
    folder = tmp_path / "geoparsing"
    folder.mkdir()
    (folder / "TR-News.xml").write_text(TR_NEWS, encoding="utf-8")
    settings = Settings.from_env({}, pipeline=("cleanup",), cache_dir=tmp_path / "cache")
    result = run_speed(data_dir=tmp_path, settings=settings, command="c")
    assert result.status == "ok", result.reason
    figures = {f.name: f.value for f in result.figures}
    assert (figures["speed: pipeline articles/s"] or 0) > 0
    assert (figures["speed: bare spaCy peak memory MiB"] or 0) > 50
    assert result.details["pipeline"]["articles"] == 2
