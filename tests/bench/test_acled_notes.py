from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest

from frontlines.bench.acled_data import read_records
from frontlines.bench.acled_notes import (
    acled_figures,
    beside_loaded,
    by_country,
    confusion_table,
    coverage_table,
    distinct_places,
    held_out_figures,
    run_acled_notes,
)
from frontlines.bench.acled_scoring import Comparison, Coverage, NameLookup, compare
from frontlines.bench.report import BenchResult, format_value
from frontlines.bench.runner import make_analyse
from frontlines.model import Analysis
from frontlines.settings import Settings
from tests.bench.test_acled_scoring import GOLD, NAMES, analysed, shelling

T = TypeVar("T")


def no_progress(items: Sequence[T], /, *, label: str) -> Iterable[T]:
    return items


def test_acled_notes_figures_cover_the_issue_measures() -> None:
    fatal = replace(
        GOLD, event_id="UKR2", fatalities=3, country="Russia", actor2="Civilians (Ukraine)"
    )
    comparisons = [
        compare(GOLD, analysed(shelling())),
        compare(fatal, analysed(shelling(fatalities=2))),
        compare(
            replace(GOLD, event_id="UKR3", event_type="Battles", sub_event_type="Armed clash"), None
        ),
    ]
    figures = {
        f.name.removeprefix("acled-notes: "): f
        for f in acled_figures(comparisons, dataset="d", command="c")
    }
    assert figures["event_type accuracy"].value == pytest.approx(2 / 3)
    assert figures["notes with an event (share)"].value == pytest.approx(2 / 3)
    assert figures["actor2 match"].size == 1
    assert figures["fatalities exact (null = 0)"].value == pytest.approx(2 / 3)
    assert figures["fatalities exact where ACLED > 0"].value == 0.0
    assert figures["fatalities exact where ACLED > 0"].size == 1
    assert figures["fatalities mean absolute error"].value == pytest.approx(1 / 3)
    assert not figures["fatalities mean absolute error"].gated
    assert figures["location within 161 km, geo_precision 2"].value == pytest.approx(2 / 3)
    assert figures["location median error km, geo_precision 2"].size == 2
    assert figures["location within 161 km, geo_precision 1"].value is None
    assert figures["location within 25 km, geo_precision 1"].value is None
    assert figures["pipeline errors"].value == 1


def test_acled_notes_tables_split_by_country_and_confuse_types() -> None:
    comparisons = [
        compare(GOLD, analysed(shelling())),
        compare(replace(GOLD, country="Russia"), None),
    ]
    table = by_country(comparisons)
    rows = {row[0]: row for row in table.rows}
    assert rows["Ukraine"][1:3] == ("1", "1.000")
    assert rows["Russia"][2] == "0.000"
    matrix = confusion_table(comparisons)
    row = matrix.rows[0]
    assert row[0] == "Explosions/Remote violence"
    assert row[matrix.columns.index("Explosions/Remote violence")] == "1"
    assert row[matrix.columns.index("(none)")] == "1"


def test_acled_notes_coverage_counts_each_place_once_by_country() -> None:
    place = replace(GOLD, location="Krasnopillia")
    places = distinct_places([place, replace(place, event_id="UKR2"), replace(place, latitude=1.0)])
    assert len(places) == 2
    yes, no = Coverage(True, True, True), Coverage(True, False, False)
    table = coverage_table([("Ukraine", yes), ("Ukraine", no), ("Sudan", no)])
    rows = {row[0]: row for row in table.rows}
    assert rows["Ukraine"] == ("Ukraine", "2", "1.000", "0.500", "0.500")
    assert rows["all"][1:4] == ("3", "1.000", "0.333")


def test_acled_notes_skips_without_data(tmp_path: Path) -> None:
    result = run_acled_notes(
        data_dir=tmp_path,
        sample="gate",
        analyse=make_analyse(Settings.from_env({}, pipeline=("cleanup",))),
        progress=no_progress,
        command="c",
    )
    assert result.status == "skipped"
    assert "combined_core_fields.csv" in result.reason


def _run_on(tmp_path: Path, csv: str, *, gazetteer: NameLookup | None = None) -> BenchResult:
    """The gate run of the benchmark on a small notes file, with a pipeline that only cleans."""
    folder = tmp_path / "acled_notes"
    folder.mkdir()
    (folder / "combined_core_fields.csv").write_text(csv, encoding="utf-8")
    return run_acled_notes(
        data_dir=tmp_path,
        sample="gate",
        analyse=make_analyse(Settings.from_env({}, pipeline=("cleanup",))),
        progress=no_progress,
        command="c",
        gazetteer=gazetteer,
    )


def test_acled_notes_runs_the_pipeline_on_a_small_file(tmp_path: Path) -> None:
    result = _run_on(
        tmp_path,
        "event_id_cnty,event_date_iso,event_type,sub_event_type,actor1,country,notes,fatalities\n"
        "BGD1,2023-01-02,Protests,Peaceful protest,Protesters (Bangladesh),Bangladesh,"
        '"On 2 January 2023, students protested in Dhaka.",0\n'
        "BGD2,2023-01-03,Riots,Mob violence,Rioters (Bangladesh),Bangladesh,"
        '"On 3 January 2023, a mob attacked a shop.",1\n',
    )
    assert result.status == "ok"
    figures = {f.name: f for f in result.figures}
    assert figures["acled-notes: event_type accuracy"].size == 2
    assert figures["acled-notes: fatalities exact (null = 0)"].value == 0.5
    assert sorted(result.details["sample_ids"]) == ["BGD1", "BGD2"]
    assert "acled-notes: gazetteer coverage of locations, ≤25 km" not in figures


def test_acled_notes_matches_actors_by_the_kb_names_it_is_given(tmp_path: Path) -> None:
    folder = tmp_path / "acled_notes"
    folder.mkdir()
    (folder / "combined_core_fields.csv").write_text(
        "event_id_cnty,event_date_iso,event_type,sub_event_type,actor1,country,notes,fatalities\n"
        "UKR1,2024-02-16,Explosions/Remote violence,Shelling/artillery/missile attack,"
        'Military Forces of Russia (2000-),Ukraine,"Russian forces shelled a village.",0\n',
        encoding="utf-8",
    )

    def analyse(text: str, published: date | None, /) -> Analysis:
        return analysed(shelling())  # actor1 "Russian forces", id "rus"

    matched = []
    for kb_names in (None, {"rus": ("Military Forces of Russia (2000-)",)}):
        result = run_acled_notes(
            data_dir=tmp_path,
            sample="gate",
            analyse=analyse,
            progress=no_progress,
            command="c",
            kb_names=kb_names,
        )
        matched.append({f.name: f.value for f in result.figures}["acled-notes: actor1 match"])
    assert matched == [0.0, 1.0]


def test_acled_notes_with_a_gazetteer_reports_its_coverage(tmp_path: Path) -> None:
    result = _run_on(
        tmp_path,
        "event_id_cnty,event_date_iso,event_type,sub_event_type,actor1,country,admin1,location,"
        "latitude,longitude,notes,fatalities\n"
        "BGD1,2023-01-02,Protests,Peaceful protest,Protesters (Bangladesh),Bangladesh,Chittagong,"
        'Bibir Hat,22.69,91.8,"On 2 January 2023, students protested in Bibir Hat.",0\n'
        "BGD2,2023-01-03,Riots,Mob violence,Rioters (Bangladesh),Bangladesh,Chittagong,"
        'Nowhere,22.3,91.8,"On 3 January 2023, a mob attacked a shop in Nowhere.",1\n',
        gazetteer=NAMES,
    )
    figures = {f.name: f for f in result.figures}
    near = figures["acled-notes: gazetteer coverage of locations, ≤25 km"]
    assert (near.value, near.size) == (0.5, 2)
    assert (
        figures["acled-notes: gazetteer coverage of locations, ≤25 km and same admin1"].value == 0.5
    )
    table = result.tables[-1]
    assert table.rows[-1] == ("all", "2", "0.500", "0.500", "0.500")


def test_acled_notes_held_out_figures_use_only_other_notes(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    rows = [
        f"BGD{n},2023-01-0{n},Protests,Peaceful protest,Protesters (Bangladesh),Bangladesh,"
        f'"On {n} January 2023, students protested in Dhaka.",0'
        for n in range(1, 5)
    ]
    header = (
        "event_id_cnty,event_date_iso,event_type,sub_event_type,actor1,country,notes,fatalities"
    )
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    every = read_records(path)
    figures = held_out_figures(
        every,
        used=every[:2],
        analyse=make_analyse(Settings.from_env({}, pipeline=("cleanup",))),
        progress=no_progress,
        command="c",
        gazetteer=None,
    )
    names = {f.name for f in figures}
    assert "acled-notes held-out: sub_event_type macro-F1" in names
    assert all(f.size == 2 for f in figures if f.name.endswith("macro-F1"))
    assert all("held-out" in f.dataset for f in figures)


def test_place_figures_with_loaded_files_sit_beside_the_installed_ones() -> None:
    bf = replace(GOLD, event_id="BFA1", country="Burkina Faso", admin1="Sahel")
    before = [compare(GOLD, analysed(shelling())), compare(bf, None)]
    after = [compare(GOLD, analysed(shelling())), compare(bf, analysed(shelling()))]

    def result(comparisons: list[Comparison]) -> BenchResult:
        figures = acled_figures(comparisons, dataset="d", command="c")
        return BenchResult(name="acled-notes", status="ok", figures=tuple(figures))

    merged = beside_loaded(result(before), result(after), label="with more", note="loaded: x")
    names = {figure.name: figure for figure in merged.figures}
    assert names["acled-notes: admin1 accuracy, Burkina Faso"].value == 0.0
    loaded = names["acled-notes with more: admin1 accuracy"]
    assert loaded.note == "loaded: x"
    assert "acled-notes with more: event_type accuracy" not in names
    table = merged.tables[-1]
    assert table.columns == ("figure", "as installed", "with more", "n")
    assert ("admin1 accuracy", "0.500", format_value(loaded.value, unit="share"), "2") in (
        table.rows
    )
