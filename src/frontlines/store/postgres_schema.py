"""Migrations for the PostgreSQL store: the embedded store's, in PostgreSQL's types.

Several processes may open a store at once: one migrates, the others wait on an advisory lock
and then find nothing left to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from frontlines.errors import StoreError
from frontlines.store.duckdb_schema import Migration, _refuse_newer, latest_version
from frontlines.store.postgres_sql import BOOKKEEPING, statements

if TYPE_CHECKING:
    import psycopg

MIGRATION_LOCK = 0x6D696772  # pg_advisory_xact_lock key ("migr")


def schema_version(con: psycopg.Connection[Any]) -> int:
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def migrate(con: psycopg.Connection[Any], *, location: str, migrations: Sequence[Migration]) -> int:
    """Bring the database up to the newest migration, in one transaction; returns its version."""
    versions = [migration.version for migration in migrations]
    if versions != sorted(set(versions)):
        raise StoreError(f"migrations {versions} are not in strictly increasing order")
    with con.transaction():
        con.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATION_LOCK])
        con.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        con.execute(BOOKKEEPING)
        found = schema_version(con)
        _refuse_newer(found, known=latest_version(migrations), location=location)
        for migration in migrations:
            if migration.version <= found:
                continue
            for statement in statements(migration):
                con.execute(statement)
            con.execute(
                "INSERT INTO schema_migrations VALUES (%s, %s, %s)",
                [migration.version, migration.description, datetime.now(UTC).replace(tzinfo=None)],
            )
    return schema_version(con)
