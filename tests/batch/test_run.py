"""``frontlines batch`` on a real local Ray, checked against ``ingest`` of the same texts."""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("ray.data", reason="Ray Data is not installed (the scale extra)")

import pyarrow.parquet as pq

from frontlines.batch import export_store, load_batch, read_table, run_batch
from frontlines.batch.compare import compare_outputs
from frontlines.exports.events import event_json
from frontlines.ingest.ingester import IngestReport, ingest_paths, limits_for
from frontlines.python_api import analyze_article
from frontlines.settings import Settings
from frontlines.store import EventQuery, open_store
from frontlines.store.base import Store
from tests.batch.corpus import write_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    import ray

    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return write_corpus(tmp_path_factory.mktemp("inputs"))


@pytest.fixture(scope="module")
def ingested(
    sources: list[str], settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, IngestReport]]:
    path = tmp_path_factory.mktemp("ingest") / "store.duckdb"
    with open_store(path) as store:
        report = ingest_paths(
            sources,
            store=store,
            settings=settings,
            analyze=lambda article: analyze_article(article, settings=settings),
        )
        yield store, report


@pytest.fixture(scope="module")
def batch_out(
    sources: list[str],
    settings: Settings,
    local_ray: None,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Any]:
    out = tmp_path_factory.mktemp("batch") / "out"
    report = run_batch(sources, out=out, settings=settings, limits=limits_for(settings), workers=2)
    return out, report


def rows(out: Path, table: str) -> list[dict[str, Any]]:
    return read_table(out, table).to_pylist()  # type: ignore[no-any-return]


def test_batch_reports_each_input_as_ingest_does(
    batch_out: tuple[Path, Any], ingested: tuple[Store, IngestReport]
) -> None:
    _, report = batch_out
    _, ingest_report = ingested
    by_input = {result.input: (result.outcome, result.events) for result in report.results}
    expected = {result.input: (result.outcome, result.events) for result in ingest_report.results}
    assert by_input == expected
    assert {outcome for outcome, _ in by_input.values()} == {
        "stored", "syndicated", "skipped", "failed"
    }  # fmt: skip
    assert not report.ok
    assert set(report.peak_kb) - {"driver"} <= {"worker 1", "worker 2"}
    assert "worker 1" in report.peak_kb
    assert all(kb > 10_000 for kb in report.peak_kb.values())  # each loads Python, at least
    assert "peak memory: driver " in report.summary()


def test_batch_articles_hold_the_analysis_and_metadata_ingest_stores(
    batch_out: tuple[Path, Any], ingested: tuple[Store, IngestReport]
) -> None:
    out, _ = batch_out
    store, _ = ingested
    articles = rows(out, "articles")
    assert sorted(row["id"] for row in articles) == sorted(a.id for a in store.articles(limit=99))
    links = {link.copy_id: link.original_id for link in store.syndication_links()}
    assert links
    for row in articles:
        assert json.loads(row["analysis"]) == store.get_analysis(row["id"]).to_dict()
        assert json.loads(row["metadata"]) == store.article_metadata(row["id"])
        assert row["original_id"] == links.get(row["id"])
        published = row["published"]
        assert row["date"] == (published.isoformat() if published else "undated")


def test_batch_reports_and_fused_events_are_the_stores(
    batch_out: tuple[Path, Any], ingested: tuple[Store, IngestReport]
) -> None:
    out, _ = batch_out
    store, _ = ingested
    stored_reports = {
        (e.article_id, e.event.id): e for e in store.iter_events(EventQuery(level="reports"))
    }
    reports = rows(out, "reports")
    assert len(reports) == len(stored_reports) > 0
    for row in reports:
        stored = stored_reports[row["article_id"], row["id"]]
        assert row["fused_id"] == stored.fused_id
        assert _contract_event(row) == _contract_event(stored.event.to_dict())
    fused = {e.event.id: e for e in store.iter_events()}
    events = rows(out, "events")
    assert {row["id"] for row in events} == set(fused)
    for row in events:
        stored = fused[row["id"]]
        assert _contract_event(row) == _contract_event(stored.event.to_dict())
        assert row["report_count"] == stored.report_count
        assert row["independent_source_count"] == stored.independent_source_count
        assert [ref["id"] for ref in row["reports"]] == [ref.id for ref in stored.reports]
    assert any(row["report_count"] > 1 for row in events)  # the wire story and its reprints


def test_batch_events_carry_geoparquet_points(batch_out: tuple[Path, Any]) -> None:
    out, _ = batch_out
    [first, *_] = sorted((out / "events").rglob("*.parquet"))
    geo = json.loads(pq.read_schema(first).metadata[b"geo"])
    assert geo["primary_column"] == "geometry"
    assert geo["columns"]["geometry"]["encoding"] == "WKB"
    located = [row for row in rows(out, "events") if row["location"]["latitude"] is not None]
    assert located
    for row in located:
        _, _, lon, lat = struct.unpack("<BIdd", row["geometry"])
        assert (lon, lat) == (row["location"]["longitude"], row["location"]["latitude"])


def test_batch_actors_claims_relations_are_the_analyses(
    batch_out: tuple[Path, Any], ingested: tuple[Store, IngestReport]
) -> None:
    out, _ = batch_out
    store, _ = ingested
    analyses = [store.get_analysis(article.id) for article in store.articles(limit=99)]
    for table, field in (("actors", "actors"), ("claims", "claims"), ("relations", "relations")):
        expected = sorted(
            json.dumps(item.to_dict(), sort_keys=True)
            for analysis in analyses
            for item in getattr(analysis, field)
        )
        found = sorted(
            json.dumps(
                {k: v for k, v in row.items() if k not in ("article_id", "seq", "date")},
                sort_keys=True,
            )
            for row in rows(out, table)
        )
        assert found == expected, table


def test_batch_output_loaded_into_a_store_fuses_into_the_same_events(
    batch_out: tuple[Path, Any], ingested: tuple[Store, IngestReport], tmp_path: Path
) -> None:
    out, _ = batch_out
    store, _ = ingested
    with open_store(tmp_path / "loaded.duckdb") as loaded:
        report = load_batch(out, store=loaded)
        assert report.outcomes == {"stored": len(store.articles(limit=99))}
        assert _events(loaded) == _events(store)
        assert loaded.syndication_links() == store.syndication_links()
        again = load_batch(out, store=loaded)
    assert set(again.outcomes) == {"duplicate"}


def test_store_export_writes_the_tables_batch_writes(
    batch_out: tuple[Path, Any], ingested: tuple[Store, IngestReport], tmp_path: Path
) -> None:
    out, _ = batch_out
    store, _ = ingested
    exported = tmp_path / "export"
    counts = export_store(store, out=exported)
    for table in ("reports", "events", "actors", "claims", "relations"):
        assert _sorted(rows(exported, table)) == _sorted(rows(out, table)), table
    assert counts["articles"] == len(rows(out, "articles"))


def test_batch_output_compares_the_same_as_the_stores_export(
    batch_out: tuple[Path, Any], ingested: tuple[Store, IngestReport], tmp_path: Path
) -> None:
    out, _ = batch_out
    store, _ = ingested
    export_store(store, out=tmp_path / "export")
    differences = compare_outputs(out, tmp_path / "export")
    assert [d.line() for d in differences if not d.same] == []
    assert all(d.rows[0] > 0 for d in differences if d.table != "relations")


def _events(store: Store) -> list[dict[str, Any]]:
    return sorted((event_json(e) for e in store.iter_events()), key=lambda e: str(e["id"]))


def _sorted(table: list[dict[str, Any]]) -> list[str]:
    return sorted(json.dumps(row, sort_keys=True, default=str) for row in table)


def _contract_event(data: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "id", "date_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
        "actor2", "assoc_actor_2", "location", "fatalities", "certainty", "sources", "evidence",
        "notes",
    )  # fmt: skip
    event = {key: data[key] for key in keys}
    day = data["event_date"]
    event["event_date"] = day if isinstance(day, str) or day is None else day.isoformat()
    return event


def test_batch_stops_the_local_ray_it_started(batch_out: tuple[Path, Any]) -> None:
    # Fusion and writing run without Ray's processes (0.6 GB): the run shut its own Ray down.
    import ray

    _, report = batch_out
    assert report.workers == 2
    assert not ray.is_initialized()
