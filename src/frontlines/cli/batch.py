"""``frontlines batch`` and ``frontlines store load|export``: parse options, call the library."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from frontlines.cli.main import db_option, settings_for
from frontlines.cli.store import copy_command
from frontlines.errors import InputError


@click.command(name="batch")
@click.argument("sources", nargs=-1, metavar="IN...")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder for the Parquet tables (new or empty).",
)
@click.option(
    "--address",
    default=None,
    help="A running Ray cluster (e.g. ray://head:10001 or auto); default: start Ray locally.",
)
@click.option(
    "--workers",
    type=click.IntRange(1),
    default=None,
    help="Analysis workers, one pipeline each (default: the CPUs of this machine).",
)
@click.option(
    "--pipe-batch",
    type=click.IntRange(1),
    default=16,
    show_default=True,
    help="Texts spaCy parses at once in each worker (nlp.pipe).",
)
def batch_command(
    sources: tuple[str, ...],
    out_dir: Path,
    address: str | None,
    workers: int | None,
    pipe_batch: int,
) -> None:
    """Analyse IN... (files, folders, JSON lines, Parquet) on Ray; write Parquet tables.

    Writes OUT/articles, reports, events (fused), actors, claims and relations, each partitioned
    by date (OUT/events/date=YYYY-MM-DD/...; events and reports with GeoParquet geometry).
    Prints failed inputs and a summary; exits 1 when any input failed. Needs
    pip install "frontlines[scale]".
    """
    from frontlines.batch import run_batch
    from frontlines.ingest.ingester import limits_for

    if not sources:
        raise InputError("batch: give at least one file or folder")
    settings = settings_for()
    report = run_batch(
        sources,
        out=out_dir,
        settings=settings,
        limits=limits_for(settings),
        workers=workers or os.cpu_count() or 1,
        address=address,
        pipe_batch=pipe_batch,
        on_result=lambda result: (
            click.echo(result.line(), err=True) if result.outcome == "failed" else None
        ),
    )
    click.echo(report.summary(), err=True)
    if not report.ok:
        sys.exit(1)


@click.group(name="store")
def store_group() -> None:
    """Move a store's contents to and from Parquet (the layout frontlines batch writes), or
    copy a whole store into another (DuckDB <-> PostgreSQL)."""


@store_group.command(name="load")
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--replace", is_flag=True, help="Replace articles already stored.")
@db_option
def load_command(folder: Path, replace: bool, db: str | None) -> None:
    """Save the articles of a frontlines batch output FOLDER into the store (fused as saved)."""
    from frontlines.batch import load_batch
    from frontlines.store import open_store

    settings = settings_for(db)
    with open_store(settings.db_path) as store:
        report = load_batch(folder, store=store, replace=replace)
    for line in report.failures:
        click.echo(f"failed      {line}", err=True)
    click.echo(report.summary(), err=True)
    if report.failures:
        sys.exit(1)


@store_group.command(name="export")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@db_option
def export_command(folder: Path, db: str | None) -> None:
    """Write the store as Parquet tables into FOLDER (new or empty), partitioned by date."""
    from frontlines.batch import export_store
    from frontlines.store.reading import open_for_reading

    settings = settings_for(db)
    with open_for_reading(settings.db_path) as store:
        rows = export_store(store, out=folder)
    click.echo(", ".join(f"{count} {table}" for table, count in sorted(rows.items())), err=True)


store_group.add_command(copy_command)
