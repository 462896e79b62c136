"""``frontlines events`` and its fusion subcommands, over a store of hand-written analyses."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli.main import cli
from frontlines.store import open_store
from tests.store.test_fusion_contract import kharkiv_analyses, saraqib_analysis


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "events.duckdb"
    with open_store(path) as store:
        for analysis in [*kharkiv_analyses(), saraqib_analysis()]:
            store.save(analysis)
    return str(path)


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def strike(db: str) -> dict[str, object]:
    found = json.loads(invoke("events", "--db", db, "--format", "json"))
    return next(item for item in found if item["report_count"] == 3)


def test_cli_events_query_stays_the_default_and_is_fused(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(invoke("events", "--format", "csv", "--db", db))))
    assert len(rows) == 2
    fused = next(row for row in rows if row["report_count"] == "3")
    assert fused["independent_source_count"] == "3"
    assert fused["fatalities"] == "4"
    assert fused["contested"] == "fatalities"
    assert fused["source"] == "Frontline Wire; Eastern Front Herald; Levant Ledger"
    reports = invoke("events", "--reports", "--format", "csv", "--db", db)
    assert len(list(csv.DictReader(io.StringIO(reports)))) == 4


def test_cli_events_show_lists_the_reports(db: str) -> None:
    event_id = str(strike(db)["id"])
    shown = json.loads(invoke("events", "show", event_id, "--db", db))
    assert [report["outlet"] for report in shown["reports"]] == [
        "Frontline Wire", "Eastern Front Herald", "Levant Ledger",
    ]  # fmt: skip
    table = invoke("events", "show", event_id, "--format", "table", "--db", db)
    assert table.count("  report art_") == 3


def test_cli_events_split_merge_decisions_and_rebuild(db: str) -> None:
    event_id = str(strike(db)["id"])
    ledger = next(r["id"] for r in strike(db)["reports"] if r["outlet"] == "Levant Ledger")  # type: ignore[attr-defined]
    assert "(2 events)" in invoke("events", "split", event_id, "--report", ledger, "--db", db)
    listed = invoke("events", "decisions", "--db", db)
    assert listed.count("cannot") == 2
    items = json.loads(invoke("events", "--db", db, "--format", "json"))
    assert sorted(item["report_count"] for item in items) == [1, 1, 2]
    ids = [str(item["id"]) for item in items if item["report_count"] == 1]
    assert "(1 event)" in invoke("events", "merge", *ids, "--db", db)
    assert "4 reports -> 2 events (2 from several reports)" in invoke(
        "events", "rebuild", "--db", db
    )


def test_cli_events_split_of_an_unknown_event_is_an_error(db: str) -> None:
    result = CliRunner().invoke(cli, ["events", "split", "evt_none", "--db", db])
    assert result.exit_code != 0
    assert "evt_none" in str(result.exception)


def test_cli_events_strictness_off_keeps_reports_only_and_normal_fuses_again(db: str) -> None:
    assert invoke("events", "strictness", "--db", db).strip() == "normal"
    assert "4 reports -> 4 events" in invoke("events", "strictness", "off", "--db", db)
    assert invoke("events", "strictness", "--db", db).strip() == "off"
    found = json.loads(invoke("events", "--db", db, "--format", "json"))
    assert [item["report_count"] for item in found] == [1, 1, 1, 1]
    assert "4 reports -> 2 events" in invoke("events", "strictness", "normal", "--db", db)
    assert strike(db)["report_count"] == 3


def test_cli_events_strictness_keeps_decisions(db: str) -> None:
    event_id = str(strike(db)["id"])
    invoke("events", "split", event_id, "--db", db)
    invoke("events", "strictness", "loose", "--db", db)
    found = json.loads(invoke("events", "--db", db, "--format", "json"))
    assert [item["report_count"] for item in found] == [1, 1, 1, 1]


def test_cli_events_unknown_strictness_is_refused(db: str) -> None:
    result = CliRunner().invoke(cli, ["events", "strictness", "sometimes", "--db", db])
    assert result.exit_code != 0
    assert "sometimes" in result.output


def test_cli_events_writes_geoparquet_to_a_file_or_a_pipe(db: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow comes with the scale extra")
    out = tmp_path / "events.parquet"
    invoke("events", "--format", "parquet", "--output", str(out), "--db", db)
    table = pq.read_table(out)
    assert table.num_rows == 2
    assert b"geo" in table.schema.metadata
    invoke("events", "--reports", "--format", "PARQUET", "-o", str(out), "--db", db)
    assert pq.read_table(out).num_rows == 4
    piped = CliRunner().invoke(
        cli, ["events", "--format", "parquet", "--db", db, "--type", "battles"]
    )
    assert piped.exit_code == 0, piped.output
    table = pq.read_table(io.BytesIO(piped.stdout_bytes))
    assert table.column("event_type").to_pylist() == ["Battles"]


def test_cli_events_writes_csv_to_a_file_every_match_unless_limited(
    db: str, tmp_path: Path
) -> None:
    out = tmp_path / "events.csv"
    invoke("events", "--format", "csv", "-o", str(out), "--db", db)
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 2
    invoke("events", "--format", "csv", "-o", str(out), "--limit", "1", "--db", db)
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == 1
