"""``frontlines events show|split|merge|decisions|rebuild|strictness``: fused events and
analysts' decisions.

``frontlines events`` alone still queries events (fused by default, ``--reports`` for one row per
article's report); these subcommands look at one fused event and correct fusion. Every decision
is kept in the store and survives re-analysis and re-fusion.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from frontlines.cli.options import choice
from frontlines.fusion.score import STRICTNESS
from frontlines.settings import Settings

if TYPE_CHECKING:
    from frontlines.store.base import Store, StoredEvent

DB_HELP = "Store file (default: $FRONTLINES_DB, else a file in the user data folder)."


def _db(function: click.decorators.FC) -> click.decorators.FC:
    return click.option("--db", "db", type=click.Path(dir_okay=False), default=None, help=DB_HELP)(
        function
    )


def _store(db: str | None, *, reading: bool = False) -> Store:
    """The store; ``reading``: a command that only reads, which works while a server runs."""
    from frontlines.store import open_store
    from frontlines.store.reading import open_for_reading

    context = click.get_current_context()
    given = db or (context.obj or {}).get("db")
    location = Settings.from_env(db_path=given).db_path
    return open_for_reading(location) if reading else open_store(location, create=False)


def _show(found: list[StoredEvent]) -> None:
    from frontlines.exports.events import write_events

    write_events(found, format="table", out=sys.stdout)


@click.command(name="show")
@click.argument("event_id", metavar="ID")
@click.option("--format", "output_format", type=choice(["json", "table"]), default="json")
@_db
def show_event(event_id: str, output_format: str, db: str | None) -> None:
    """One event (fused id, event id or ARTICLE:EVENT report id) with every report behind it."""
    from frontlines.exports.events import event_json

    with _store(db, reading=True) as store:
        found = store.get_event(event_id)
    if output_format == "table":
        _show([found])
        for report in found.reports:
            click.echo(
                f"  report {report.id}  {report.outlet or '?'}  {report.event_date or '?'}  "
                f"fatalities {'—' if report.fatalities is None else report.fatalities}  "
                f"origin {report.origin}"
            )
        return
    click.echo(json.dumps(event_json(found), ensure_ascii=False, indent=2))


@click.command(name="split")
@click.argument("event_id", metavar="ID")
@click.option(
    "--report",
    "reports",
    multiple=True,
    metavar="REPORT",
    help="A report (ARTICLE:EVENT or event id) to take out, with any others given "
    "(repeatable); without it every report becomes an event of its own.",
)
@_db
def split_event(event_id: str, reports: tuple[str, ...], db: str | None) -> None:
    """Undo a wrong merge: the decision is kept and survives re-analysis and re-fusion."""
    with _store(db) as store:
        found = store.split_event(event_id, reports=reports)
    _show(found)


@click.command(name="merge")
@click.argument("event_ids", nargs=-1, required=True, metavar="ID ID...")
@_db
def merge_events(event_ids: tuple[str, ...], db: str | None) -> None:
    """Make several events one (fusion missed it); the decision is kept like a split."""
    with _store(db) as store:
        found = store.merge_events(event_ids)
    _show([found])


@click.command(name="decisions")
@_db
def list_decisions(db: str | None) -> None:
    """The split (cannot) and merge (must) decisions, oldest first."""
    with _store(db, reading=True) as store:
        decisions = store.fusion_constraints()
    for decision in decisions:
        click.echo(
            f"{decision.id:>5}  {decision.kind:<6}  {decision.first}  {decision.second}  "
            f"{decision.created_at:%Y-%m-%d %H:%M}"
        )
    click.echo(f"({len(decisions)} decisions)", err=True)


@click.command(name="rebuild")
@_db
def rebuild_fusion(db: str | None) -> None:
    """Fuse every stored report again (decisions included); prints what came out.

    Reports are fused a few thousand at a time, each batch committed: if it is cut short,
    opening the store again (any command) goes on where it stopped."""
    with _store(db) as store:
        summary = store.rebuild_fusion()
    click.echo(
        f"{summary.reports} reports -> {summary.events} events "
        f"({summary.merged} from several reports) in {summary.seconds:.1f} s"
    )


@click.command(name="strictness")
@click.argument("level", required=False, type=click.Choice(STRICTNESS))
@_db
def fusion_strictness(level: str | None, db: str | None) -> None:
    """Show or set how readily reports are fused: off (reports only), strict, normal, loose.

    No level links on one kind, place and day alone. Normal links two outlets' reports on
    some corroboration (a site, toll, actors or time of day they agree on, alike wording) and
    one outlet's (or unknown outlets') reports only on a firm anchor; strict asks an anchor of
    two outlets too (a credit or reprint, a specific site both name, one town with one toll or
    time of day); loose asks nothing of two outlets. Setting it fuses every stored report
    again; split and merge decisions still apply.
    """
    with _store(db, reading=level is None) as store:
        if level is None:
            click.echo(store.fusion_strictness())
            return
        summary = store.set_fusion_strictness(level)
    click.echo(
        f"strictness {level}: {summary.reports} reports -> {summary.events} events "
        f"({summary.merged} from several reports) in {summary.seconds:.1f} s"
    )


SUBCOMMANDS = (
    show_event, split_event, merge_events, list_decisions, rebuild_fusion, fusion_strictness
)  # fmt: skip
