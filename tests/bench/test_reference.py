from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontlines.bench.reference import Tally, reference_figures, run_reference, score_reference
from frontlines.bench.reference_gold import parse_reference
from frontlines.bench.runner import make_analyse
from frontlines.model import (
    Actor,
    ActorRef,
    Analysis,
    Article,
    Claim,
    Event,
    Framing,
    Location,
    Place,
)
from frontlines.settings import Settings

TEXT = (
    "Rebels attacked government forces in Idlib on Monday, AP reports. "
    "The regime says Moscow will help."
)
GOLD = {
    "article": {"published": date(2024, 11, 4)},
    "actors": [
        {"name": "Rebels", "kind": "rebel group", "aliases": ["opposition"]},
        {
            "name": "Syrian government forces",
            "kind": "state forces",
            "aliases": ["government forces"],
        },
        {"name": "Associated Press", "kind": "news agency", "aliases": ["AP"]},
        {"name": "Russia", "kind": "state", "aliases": ["Moscow"]},
    ],
    "events": [
        {
            "id": "E1",
            "event_date": date(2024, 11, 4),
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "actor1": "Rebels",
            "actor2": "Syrian government forces",
            "location": {"latitude": 35.93, "longitude": 36.63, "radius_km": 40},
            "sources": ["Associated Press"],
            "certainty": "reported",
        }
    ],
    "relations": [{"source": "Russia", "type": "supports", "target": "Syrian government forces"}],
    "claims": [{"source": "Associated Press", "text": "Rebels attacked ... Idlib"}],
    "framing": [{"text": "regime"}],
    "places": [{"text": "Idlib", "latitude": 35.93, "longitude": 36.63}],
    "metonyms": [{"text": "Moscow"}],
}


def span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def analysis() -> Analysis:
    rebels = Actor(id="a1", name="opposition", kind="rebel group")
    army = Actor(id="a2", name="Government forces", kind="state forces")
    battle = Event(
        id="e1",
        event_date=date(2024, 11, 4),
        date_precision="day",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=rebels.ref(),
        actor2=army.ref(),
        location=Location(name="Idlib", country="Syria", latitude=35.9, longitude=36.6),
        sources=("AP",),
    )
    protest = Event(
        id="e2",
        event_date=None,
        date_precision="day",
        event_type="Protests",
        sub_event_type=None,
        actor1=ActorRef(id="x", name="Monday Group", kind="other"),
    )
    return Analysis(
        frontlines_version="test",
        pipeline=(),
        article=Article.create(TEXT),
        events=(battle, protest),
        actors=(rebels, army, Actor(id="x", name="Monday Group", kind="other")),
        claims=(Claim(source="AP", cue="reports", text=TEXT[0:47], start=0, end=47),),
        framing=(Framing("regime", *span("regime")),),
        places=(
            Place("Idlib", *span("Idlib"), latitude=35.93, longitude=36.63),
            Place("Moscow", *span("Moscow")),
        ),
    )


def test_reference_scores_found_items_and_extras() -> None:
    gold = parse_reference(GOLD, text=TEXT, name="idlib")
    tally = score_reference(gold, analysis())
    assert tally.hits["events found"] == [True]
    for field in ("sub_event_type", "date", "location", "sources", "certainty"):
        assert tally.hits[f"events {field}"] == [True], field
    assert tally.hits["actors found"] == [True, True, False, False]
    assert tally.hits["actors kind"] == [True, True, False, False]
    assert tally.hits["relations found"] == [False]
    assert tally.hits["claims found"] == [True]
    assert tally.hits["framing found"] == [True]
    assert tally.hits["places found"] == [True]
    assert tally.hits["metonyms found"] == [False]
    assert tally.extras["events extra"] == 1
    assert tally.extras["actors extra"] == 1
    assert tally.extras["metonyms taken as places"] == 1
    assert tally.extras["places extra"] == 0


def test_reference_event_pairs_only_on_the_same_type() -> None:
    gold = parse_reference(GOLD, text=TEXT, name="idlib")
    base = analysis()
    shelling = Event(
        id="e3",
        event_date=date(2024, 11, 4),
        date_precision="day",
        event_type="Explosions/Remote violence",
        sub_event_type=None,
        actor1=base.events[0].actor1,
        actor2=base.events[0].actor2,
    )
    other = Analysis(frontlines_version="t", pipeline=(), article=base.article, events=(shelling,))
    tally = score_reference(gold, other)
    assert tally.hits["events found"] == [False]
    assert tally.hits["events date"] == [False]
    assert tally.extras["events extra"] == 1


def test_reference_figures_are_shares_and_counts() -> None:
    tally = Tally()
    tally.hit("actors found", True)
    tally.hit("actors found", False)
    tally.unmatched("actors extra", 3, predicted=4)
    figures = {f.name: f for f in reference_figures(tally, dataset="d", command="c")}
    found = figures["reference: actors found (share)"]
    assert (found.value, found.size, found.gated) == (0.5, 2, True)
    extra = figures["reference: actors extra (count)"]
    assert (extra.value, extra.size, extra.gated) == (3.0, 4, False)


def test_reference_skips_without_reference_files(tmp_path: Path) -> None:
    result = run_reference(
        reference_dir=tmp_path / "missing",
        analyse=make_analyse(Settings.from_env({}, pipeline=("cleanup",))),
        command="c",
    )
    assert result.status == "skipped"
    assert "missing" in result.reason


def test_reference_runs_a_real_pipeline_over_the_folder(tmp_path: Path) -> None:
    import yaml

    (tmp_path / "idlib.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "idlib.expected.yaml").write_text(yaml.safe_dump(GOLD), encoding="utf-8")
    result = run_reference(
        reference_dir=tmp_path,
        analyse=make_analyse(Settings.from_env({}, pipeline=("cleanup",))),
        command="c",
    )
    assert result.status == "ok"
    figures = {f.name: f.value for f in result.figures}
    assert figures["reference: events found (share)"] == 0.0
    assert figures["reference: actors found (share)"] == pytest.approx(0.0)
