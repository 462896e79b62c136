"""``frontlines import-acled FILE...``: ACLED's own CSV stored as reports, its coding kept as is."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from frontlines.errors import InputError
from frontlines.settings import Settings

logger = logging.getLogger(__name__)


@click.command(name="import-acled")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Store file (default: $FRONTLINES_DB, else a file in the user data folder).",
)
def import_acled(paths: tuple[Path, ...], db: Path | None) -> None:
    """Store the rows of ACLED CSV files as reports (notes as text, ACLED's coding as the event).

    `frontlines events --reports --format csv` gives every ACLED field back. Rows that cannot be
    read are named on stderr; the exit code is then 1.
    """
    from frontlines.acled.reader import acled_metadata, read_acled_csv
    from frontlines.store import open_store

    settings = Settings.from_env(db_path=db)
    stored = failed = 0
    with open_store(settings.db_path) as store:
        for path in paths:
            if not path.is_file():
                raise InputError(f"{path}: no such file")
            for item in read_acled_csv(path):
                if isinstance(item, InputError):
                    click.echo(f"failed      {item}", err=True)
                    failed += 1
                    continue
                store.save(item.analysis, metadata=acled_metadata(item.row))
                stored += 1
    click.echo(f"{stored} ACLED events stored into {settings.db_path}, {failed} failed", err=True)
    logger.info("imported %d rows from %d files", stored, len(paths))
    if failed:
        sys.exit(1)
