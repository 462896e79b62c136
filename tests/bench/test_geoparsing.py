from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

import pytest

from frontlines.bench.geoparsing import (
    corpus_figures,
    gazetteer_ceiling,
    gazetteer_resolver,
    places_resolver,
    run_geoparsing,
    score_corpus,
)
from frontlines.bench.geoparsing_data import GeoDoc, GoldToponym, split_of
from frontlines.bench.metrics import MAX_ERROR_KM, haversine_km
from frontlines.bench.runner import make_analyse
from frontlines.model import Analysis, Article, Place
from frontlines.settings import Settings
from frontlines.stages.resources import Resources

T = TypeVar("T")
TEXT = "Shots in Ankara and Aleppo; Nowhere."


def no_progress(items: Sequence[T], /, *, label: str) -> Iterable[T]:
    return items


def analysed(*places: Place) -> Analysis:
    return Analysis(
        frontlines_version="t", pipeline=(), article=Article.create(TEXT), places=places
    )


def doc() -> GeoDoc:
    return GeoDoc(
        id="1",
        text=TEXT,
        toponyms=(
            GoldToponym(9, 15, "Ankara", 39.92, 32.85),
            GoldToponym(20, 26, "Aleppo", 36.20, 37.16),
            GoldToponym(28, 35, "Nowhere", None, None),
        ),
    )


def test_geoparsing_places_resolver_prefers_the_best_overlap() -> None:
    analysis = analysed(
        Place("Ankara", 9, 15, latitude=39.9, longitude=32.8),
        Place("in Ankara", 6, 15, latitude=0.0, longitude=0.0),
        Place("Aleppo", 20, 26),
    )
    assert places_resolver(doc(), analysis) == [(39.9, 32.8), None, None]
    assert places_resolver(doc(), None) == [None, None, None]


def test_geoparsing_score_corpus_counts_spans_and_errors() -> None:
    analysis = analysed(
        Place("Ankara", 9, 15, latitude=39.92, longitude=32.85),
        Place("Shots", 0, 5, latitude=1.0, longitude=1.0),
        Place("Aleppo", 19, 26, latitude=33.5, longitude=36.3),
    )
    score = score_corpus([doc()], [analysis], resolve=places_resolver)
    recognition, errors = score.recognition, score.errors
    assert (recognition.true_positives, recognition.predicted, recognition.gold) == (1, 3, 3)
    assert errors[0] == pytest.approx(0.0, abs=0.01)
    assert 250 < errors[1] < 350  # Aleppo resolved to Damascus
    assert len(errors) == 2  # Nowhere has no coordinates


def test_geoparsing_end_to_end_counts_a_missed_toponym_wrong() -> None:
    """Gold-span resolution may get Aleppo right; end to end it is wrong when the analysis
    never found it."""
    analysis = analysed(Place("Ankara", 9, 15, latitude=39.92, longitude=32.85))

    def gold_right(doc: GeoDoc, _: Analysis | None) -> list[tuple[float, float] | None]:
        return [t.point for t in doc.toponyms]

    score = score_corpus([doc()], [analysis], resolve=gold_right, ceiling=lambda t: True)
    assert score.errors == [0.0, 0.0]
    assert score.end_to_end[0] == pytest.approx(0.0, abs=0.01)
    assert score.end_to_end[1] == MAX_ERROR_KM
    assert score.ceiling == [True, True]
    figures = {f.name: f.value for f in corpus_figures("LGL", score, dataset="d", command="c")}
    assert figures["geoparsing LGL: end-to-end acc@161km (missed = wrong)"] == 0.5
    assert figures["geoparsing LGL: resolution acc@161km"] == 1.0
    assert figures["geoparsing LGL: gazetteer ceiling acc@161km"] == 1.0


def test_geoparsing_demonyms_count_only_where_the_gold_marks_them() -> None:
    text = "Russian troops left Ankara."
    gold = GeoDoc(id="d", text=text, toponyms=(GoldToponym(20, 26, "Ankara", 39.92, 32.85),))
    analysis = Analysis(
        frontlines_version="t",
        pipeline=(),
        article=Article.create(text),
        places=(
            Place("Russian", 0, 7, latitude=60.0, longitude=100.0, role="demonym"),
            Place("Ankara", 20, 26, latitude=39.92, longitude=32.85),
        ),
    )
    marked = score_corpus([gold], [analysis], resolve=places_resolver, demonyms=True)
    unmarked = score_corpus([gold], [analysis], resolve=places_resolver, demonyms=False)
    assert (marked.recognition.predicted, unmarked.recognition.predicted) == (2, 1)


def test_geoparsing_split_is_fixed_and_halves_both_used() -> None:
    docs = [GeoDoc(id=str(n), text=f"text {n}", toponyms=()) for n in range(40)]
    halves = [split_of(d) for d in docs]
    assert halves == [split_of(d) for d in docs]
    assert set(halves) == {"dev", "test"}


def test_geoparsing_failed_analysis_counts_every_toponym_unresolved() -> None:
    score = score_corpus([doc()], [None], resolve=places_resolver)
    assert (score.recognition.predicted, score.recognition.gold) == (0, 3)
    assert score.errors == [MAX_ERROR_KM, MAX_ERROR_KM]
    assert score.end_to_end == [MAX_ERROR_KM, MAX_ERROR_KM]


def test_geoparsing_corpus_figures_gate_shares_and_auc_only() -> None:
    score = score_corpus([doc()], [analysed()], resolve=places_resolver)
    figures = {f.name: f for f in corpus_figures("LGL", score, dataset="d", command="c")}
    assert figures["geoparsing LGL: toponym recall"].value == 0.0
    assert "geoparsing LGL: gazetteer ceiling acc@161km" not in figures  # none was asked for
    assert figures["geoparsing LGL: resolution acc@161km"].gated
    assert figures["geoparsing LGL: resolution AUC"].better == "lower"
    assert figures["geoparsing LGL: resolution AUC"].gated
    assert not figures["geoparsing LGL: resolution median error km"].gated


def test_geoparsing_skips_without_corpora_and_runs_on_one(tmp_path: Path) -> None:
    analyse = make_analyse(Settings.from_env({}, pipeline=("cleanup",)))
    skipped = run_geoparsing(
        data_dir=tmp_path,
        sample="gate",
        analyse=analyse,
        progress=no_progress,
        command="c",
        resolve=places_resolver,
    )
    assert skipped.status == "skipped"
    folder = tmp_path / "geoparsing"
    folder.mkdir()
    (folder / "GeoVirus.xml").write_text(
        "<articles><article><source>s</source><text>Cases in Pandi.</text><locations>"
        "<location><name>Pandi</name><start>9</start><end>14</end><lat>14.87</lat><lon>120.95</lon>"
        "</location></locations></article></articles>",
        encoding="utf-8",
    )
    result = run_geoparsing(
        data_dir=tmp_path,
        sample="gate",
        analyse=analyse,
        progress=no_progress,
        command="c",
        resolve=places_resolver,
        resolve_note="test",
    )
    assert result.status == "ok"
    assert {f.name.split(":")[0] for f in result.figures} == {
        "geoparsing GeoVirus",
        "geoparsing GeoVirus dev half",
        "geoparsing GeoVirus held-out half",
    }
    assert result.details["missing"] == ["lgl.xml", "TR-News.xml"]


@pytest.mark.slow
def test_geoparsing_gazetteer_resolver_resolves_gold_spans(resources: Resources) -> None:
    resolve = gazetteer_resolver(resources)
    ankara, aleppo, _ = resolve(doc(), None)
    assert ankara is not None and haversine_km(*ankara, 39.92, 32.85) < 50
    assert aleppo is not None and haversine_km(*aleppo, 36.20, 37.16) < 50


@pytest.mark.slow
def test_geoparsing_gazetteer_ceiling_finds_a_reading_near_the_point(resources: Resources) -> None:
    reachable = gazetteer_ceiling(resources)
    assert reachable(GoldToponym(0, 6, "Aleppo", 36.20, 37.16))
    assert not reachable(GoldToponym(0, 6, "Aleppo", -33.9, 151.2))  # no Aleppo near Sydney
