from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.bench.throughput import run_throughput, throughput_figures
from frontlines.settings import Settings

TR_NEWS = """<articles>
  <article docid="1"><text><![CDATA[Shots were fired in Ankara on Monday.]]></text>
  <toponyms/></article>
  <article docid="2"><text><![CDATA[Aleppo was shelled again, a monitor said.]]></text>
  <toponyms/></article>
  <article docid="3"><text><![CDATA[Police dispersed a protest in Izmir.]]></text>
  <toponyms/></article>
</articles>"""


def test_throughput_figures_give_the_ratio_to_the_bare_parse() -> None:
    ingest = {"articles": 10, "workers": 2, "articles_per_second": 8.0, "peak_rss_mib": 900.0}
    spacy = {"articles": 10, "workers": 2, "articles_per_second": 10.0, "peak_rss_mib": 400.0}
    figures = {f.name: f for f in throughput_figures(ingest, spacy, dataset="d", command="c")}
    assert figures["throughput: ingest vs bare parse (x)"].value == 0.8
    assert figures["throughput: ingest articles/s into the store"].note.startswith("2 workers")
    assert not any(f.gated for f in figures.values())


def test_throughput_skips_without_the_corpus(tmp_path: Path) -> None:
    result = run_throughput(data_dir=tmp_path, settings=Settings.from_env({}), command="c")
    assert result.status == "skipped"


@pytest.mark.slow
def test_throughput_ingests_into_a_store_with_two_workers(tmp_path: Path) -> None:
    folder = tmp_path / "geoparsing"
    folder.mkdir()
    (folder / "TR-News.xml").write_text(TR_NEWS, encoding="utf-8")
    settings = Settings.from_env({}, pipeline=("cleanup", "parse"), cache_dir=tmp_path / "cache")
    result = run_throughput(data_dir=tmp_path, settings=settings, command="c", workers=2)
    assert result.status == "ok", result.reason
    assert result.details["ingest"]["articles"] == 3
    figures = {f.name: f.value for f in result.figures}
    assert (figures["throughput: ingest articles/s into the store"] or 0) > 0
    assert (figures["throughput: ingest vs bare parse (x)"] or 0) > 0
