from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import yaml

from frontlines.bench.realnews import run_realnews
from frontlines.bench.realnews_gold import split_of
from frontlines.bench.realnews_texts import WIKIEVENTS
from frontlines.model import Analysis, Article, Event, StageInfo

TEXT = "Gunmen shot dead two villagers in Kano on Monday. Police are investigating."


def _ids(split: str) -> str:
    return next(f"wikievents:d{n}" for n in range(100) if split_of(f"wikievents:d{n}") == split)


def _write_data(data_dir: Path, doc_ids: Iterable[str]) -> None:
    path = data_dir / WIKIEVENTS[0]
    path.parent.mkdir(parents=True)
    lines = [json.dumps({"doc_id": doc_id.split(":", 1)[1], "text": TEXT}) for doc_id in doc_ids]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_gold(gold_dir: Path, doc_ids: Sequence[str]) -> None:
    gold_dir.mkdir()
    records = [
        {
            "id": doc_id,
            "published": "2020-03-03",
            "country": "Nigeria",
            "events": [
                {
                    "evidence": [[0, 48]],
                    "event_type": "Violence against civilians",
                    "sub_event_type": "Attack",
                    "event_date": "2020-03-02",
                    "actor1": ["gunmen"],
                    "actor2": ["villagers"],
                    "location": None,
                    "fatalities": 2,
                }
            ],
            "not_events": [{"evidence": [[50, 75]], "cause": "response"}],
        }
        for doc_id in doc_ids
    ]
    (gold_dir / "batch.yaml").write_text(yaml.safe_dump(records), encoding="utf-8")


def _analyse(text: str, published: date | None, /) -> Analysis:
    article = Article.create(text, published=published)
    attack = (article.mention(0, 48),)
    response = (article.mention(50, 75),)
    events = (
        Event(
            id="e1",
            event_date=date(2020, 3, 2),
            date_precision="day",
            event_type="Violence against civilians",
            sub_event_type="Attack",
            fatalities=2,
            evidence=attack,
        ),
        Event(
            id="e2",
            event_date=date(2020, 3, 3),
            date_precision="day",
            event_type="Violence against civilians",
            sub_event_type="Attack",
            evidence=response,
        ),
    )
    return Analysis(
        frontlines_version="test",
        pipeline=(StageInfo(name="hand", version="1"),),
        article=article,
        events=events,
    )


def _progress(items: Sequence[object], /, *, label: str) -> Sequence[object]:
    return items


def test_realnews_scores_each_split_apart_and_lists_errors_for_dev_only(tmp_path: Path) -> None:
    ids = [_ids("dev"), _ids("test")]
    _write_data(tmp_path / "data", ids)
    _write_gold(tmp_path / "gold", ids)
    result = run_realnews(
        data_dir=tmp_path / "data",
        analyse=_analyse,
        progress=_progress,  # type: ignore[arg-type]
        command="frontlines bench --only realnews",
        gold_dir=tmp_path / "gold",
    )
    assert result.status == "ok"
    figures = {figure.name: figure.value for figure in result.figures}
    for split in ("dev", "test"):
        assert figures[f"realnews ({split}): event recall"] == 1.0
        assert figures[f"realnews ({split}): event precision"] == 0.5
        assert figures[f"realnews ({split}): actor1 right when matched"] == 0.0
        assert figures[f"realnews ({split}): fatalities right when matched"] == 1.0
        assert figures[f"realnews ({split}): extra events"] == 1.0
    assert result.details["extras_by_cause"] == {"dev": {"response": 1}, "test": {"response": 1}}
    assert [error["id"] for error in result.details["dev_errors"]] == [ids[0]]


def test_realnews_scores_only_the_splits_asked_for(tmp_path: Path) -> None:
    ids = [_ids("dev"), _ids("test")]
    _write_data(tmp_path / "data", ids)
    _write_gold(tmp_path / "gold", ids)
    result = run_realnews(
        data_dir=tmp_path / "data",
        analyse=_analyse,
        progress=_progress,  # type: ignore[arg-type]
        command="frontlines bench --only realnews --split dev",
        gold_dir=tmp_path / "gold",
        splits=("dev",),
    )
    assert {figure.name.split(":")[0] for figure in result.figures} == {"realnews (dev)"}


def test_realnews_skips_without_gold_or_texts(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    skipped = run_realnews(
        data_dir=tmp_path / "data",
        analyse=_analyse,
        progress=_progress,  # type: ignore[arg-type]
        command="",
        gold_dir=tmp_path / "gold",
    )
    assert skipped.status == "skipped" and "no real-news gold" in skipped.reason
    _write_gold(tmp_path / "gold2", [_ids("dev")])
    absent = run_realnews(
        data_dir=tmp_path / "data",
        analyse=_analyse,
        progress=_progress,  # type: ignore[arg-type]
        command="",
        gold_dir=tmp_path / "gold2",
    )
    assert absent.status == "skipped" and "none of the annotated texts" in absent.reason


def test_realnews_reports_events_per_text_source(tmp_path: Path) -> None:
    ids = [_ids("dev"), _ids("test")]
    _write_data(tmp_path / "data", ids)
    _write_gold(tmp_path / "gold", ids)
    result = run_realnews(
        data_dir=tmp_path / "data",
        analyse=_analyse,
        progress=_progress,  # type: ignore[arg-type]
        command="frontlines bench --only realnews",
        gold_dir=tmp_path / "gold",
    )
    table = next(t for t in result.tables if "by text source" in t.title)
    assert table.columns == ("source", "dev", "test")
    (row,) = table.rows
    assert row[0] == "wikievents"
    assert row[1].startswith("P 0.500 R 1.000 F1 0.667 (1 articles, 1 events, 2 predicted)")
    names = [figure.name for figure in result.figures]
    assert not any(name.startswith("realnews (dev): wikievents") for name in names)
