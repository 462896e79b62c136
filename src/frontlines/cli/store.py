"""``frontlines store copy SRC DST``: a whole store into another, between DuckDB and PostgreSQL.

The command joins the ``store`` group (``cli.batch``, with ``load`` and ``export``).
"""

from __future__ import annotations

import click

from frontlines.settings import Settings


@click.command(name="copy")
@click.argument("source")
@click.argument("target")
def copy_command(source: str, target: str) -> None:
    """Copy every row of the store SOURCE into the empty store TARGET.

    Each is a DuckDB file or a URL (postgresql://user@host/database); TARGET is created (and
    migrated) when missing. Articles, every derived row, fused events and analysts' decisions
    are copied as they are, so the copy's events are the source's.
    """
    from frontlines.store import open_store
    from frontlines.store.copying import copy_store

    def location(given: str) -> str:
        return str(Settings.from_env({}, db_path=given).db_path)

    with open_store(location(source)) as src, open_store(location(target)) as dst:
        copied = copy_store(src, dst)
    rows = ", ".join(f"{n} {table}" for table, n in copied.items() if n)
    click.echo(f"copied {sum(copied.values())} rows: {rows or 'none'}", err=True)
