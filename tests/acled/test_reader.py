"""ACLED's own CSV in, ACLED's CSV out: every field comes back (hand-written, invented rows)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner

from frontlines.cli.main import cli
from frontlines.exports.events import ACLED_COLUMNS
from frontlines.store import EventQuery, open_store

HEADER = ",".join(ACLED_COLUMNS)
ROWS = [
    # ACLED's spreadsheet date form, a sole actor, a two-outlet source
    "XYZ101,14/07/2023 00:00:00,2023,1,Demonstrations,Protests,Peaceful protest,"
    "Protesters (Testland),Students (Testland),6,,,0,60,,999,Western Africa,Testland,North,"
    "Alpha,,Alphaville,12.3703,-1.5247,1,Example Daily; Example Radio,Subnational-National,"
    '"On 14 July 2023, students held a sit-in in Alphaville. [size=no report]",0,'
    "crowd size=no report,1689600000",
    # the long date form, civilian targeting, a toll
    "XYZ102,03 December 2020,2020,1,Political violence,Violence against civilians,Attack,"
    '"Unidentified Armed Group (Testland)",,3,"Civilians (Testland)",Journalists (Testland),7,37,'
    "Civilian targeting,999,Western Africa,Testland,Centre,Beta,Beta East,Betatown,12.1,-1.2,2,"
    "Example Daily,National,\"On 3 December 2020, gunmen shot at a journalist's home in "
    'Betatown. 1 killed.",1,,1607374999',
    # ISO date, two-digit-year form elsewhere, a battle
    "XYZ103,5-Aug-24,2024,2,Political violence,Battles,Armed clash,Military Forces of Testland "
    "(2019-),,1,Testland Liberation Front,,2,12,,999,Western Africa,Testland,South,Gamma,,"
    "Gammaville,11.5,-1.9,3,Example Radio,Subnational,"
    '"Around 5 August 2024 (week of), the army and TLF fought near Gammaville.",4,,1723576772',
]


def write(tmp_path: Path) -> Path:
    path = tmp_path / "acled.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    return path


def test_an_acled_csv_round_trips_through_the_store_field_for_field(tmp_path: Path) -> None:
    db = str(tmp_path / "store.duckdb")
    runner = CliRunner()
    imported = runner.invoke(cli, ["import-acled", str(write(tmp_path)), "--db", db])
    assert imported.exit_code == 0, imported.output
    exported = runner.invoke(cli, ["events", "--db", db, "--reports", "--format", "csv"])
    assert exported.exit_code == 0, exported.output
    given = {
        row["event_id_cnty"]: row
        for row in csv.DictReader(io.StringIO(write(tmp_path).read_text()))
    }
    back = {row["event_id_cnty"]: row for row in csv.DictReader(io.StringIO(exported.stdout))}
    assert set(back) == set(given)
    for event_id, row in given.items():
        assert {c: back[event_id][c] for c in ACLED_COLUMNS} == row


def test_imported_rows_are_events_with_acled_coding(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    runner = CliRunner()
    assert (
        runner.invoke(cli, ["import-acled", str(write(tmp_path)), "--db", str(db)]).exit_code == 0
    )
    with open_store(db) as store:
        found = {e.event.notes[:20]: e.event for e in store.events(EventQuery(level="reports"))}
    attack = next(event for notes, event in found.items() if "3 December" in notes)
    assert attack.event_date is not None and attack.event_date.isoformat() == "2020-12-03"
    assert (attack.event_type, attack.sub_event_type, attack.fatalities) == (
        "Violence against civilians", "Attack", 1,
    )  # fmt: skip
    assert attack.actor2 is not None and attack.actor2.kind == "civilians"
    assert attack.location is not None and attack.location.admin3 == "Beta East"


def test_a_row_that_cannot_be_read_is_named_and_the_others_are_stored(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("\n".join([HEADER, ROWS[0], ROWS[1].replace("03 December 2020", "someday")]))
    result = CliRunner().invoke(cli, ["import-acled", str(path), "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert f"{path}:3" in result.output
    assert "1 ACLED events stored" in result.output
