"""The embedded store's tables, as an ordered list of migrations, and the code that applies them.

A database records every migration applied to it in ``schema_migrations``. Opening a database
applies the missing ones, all in one transaction; a database written by a newer frontlines (a
version this code does not know) is refused. To change the schema, append a migration and never
edit one that has been released, e.g.::

    Migration(
        version=2,
        description="events: the sources' own words for the fatality figure",
        statements=("ALTER TABLE events ADD COLUMN fatalities_text VARCHAR",),
    ),

The SQL is DuckDB's (with the spatial extension's GEOMETRY type); foreign keys are left out
because DuckDB checks them too eagerly to delete and re-insert an article in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from frontlines.errors import SchemaVersionError, StoreError
from frontlines.store.grid import GRID_X, GRID_Y

if TYPE_CHECKING:
    import duckdb


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


# A reprint (same story, another outlet) and its original. IF NOT EXISTS: the store also runs it
# before writing links, for databases made while v1 was still without it.
ARTICLE_LINKS_TABLE = """CREATE TABLE IF NOT EXISTS article_links (
    copy_id VARCHAR PRIMARY KEY,
    original_id VARCHAR NOT NULL,
    similarity DOUBLE NOT NULL
)"""

_TABLES_V1 = (
    """CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,
        text VARCHAR NOT NULL,
        title VARCHAR,
        outlet VARCHAR,
        url VARCHAR,
        published DATE,
        language VARCHAR,
        fictional BOOLEAN NOT NULL DEFAULT FALSE,
        ingested_at TIMESTAMP NOT NULL,
        metadata JSON NOT NULL DEFAULT '{}'
    )""",
    """CREATE TABLE analyses (
        article_id VARCHAR PRIMARY KEY,
        pipeline_version VARCHAR NOT NULL,
        frontlines_version VARCHAR NOT NULL,
        analysis JSON NOT NULL
    )""",
    """CREATE TABLE mentions (
        article_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL CHECK (kind IN ('actor', 'place', 'event', 'claim', 'framing')),
        ref VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL
    )""",
    """CREATE TABLE actors (
        article_id VARCHAR NOT NULL,
        actor_id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        country VARCHAR,
        aliases JSON NOT NULL,
        PRIMARY KEY (article_id, actor_id)
    )""",
    """CREATE TABLE places (
        article_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        name VARCHAR,
        country VARCHAR,
        admin1 VARCHAR,
        latitude DOUBLE,
        longitude DOUBLE,
        geonameid BIGINT,
        role VARCHAR NOT NULL,
        geom GEOMETRY,
        PRIMARY KEY (article_id, seq)
    )""",
    """CREATE TABLE events (
        article_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        event_date DATE,
        date_precision VARCHAR NOT NULL,
        event_type VARCHAR,
        sub_event_type VARCHAR,
        actor1_id VARCHAR,
        actor1_name VARCHAR,
        actor1_kind VARCHAR,
        assoc_actor_1 JSON NOT NULL,
        actor2_id VARCHAR,
        actor2_name VARCHAR,
        actor2_kind VARCHAR,
        assoc_actor_2 JSON NOT NULL,
        has_location BOOLEAN NOT NULL,
        location VARCHAR,
        country VARCHAR,
        admin1 VARCHAR,
        admin2 VARCHAR,
        admin3 VARCHAR,
        latitude DOUBLE,
        longitude DOUBLE,
        geo_precision INTEGER,
        geonameid BIGINT,
        location_note VARCHAR,
        fatalities INTEGER,
        certainty VARCHAR NOT NULL,
        sources JSON NOT NULL,
        evidence JSON NOT NULL,
        quantities JSON NOT NULL,
        notes VARCHAR NOT NULL,
        pipeline_version VARCHAR NOT NULL,
        geom GEOMETRY,
        PRIMARY KEY (article_id, event_id)
    )""",
    """CREATE TABLE claims (
        article_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        source VARCHAR,
        cue VARCHAR,
        text VARCHAR NOT NULL,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        direct BOOLEAN NOT NULL,
        hedge VARCHAR,
        PRIMARY KEY (article_id, seq)
    )""",
    """CREATE TABLE relations (
        article_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        source_id VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        target_id VARCHAR NOT NULL,
        source_name VARCHAR,
        target_name VARCHAR,
        evidence_text VARCHAR NOT NULL,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        PRIMARY KEY (article_id, seq)
    )""",
    """CREATE TABLE framing (
        article_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        kind VARCHAR NOT NULL,
        PRIMARY KEY (article_id, seq)
    )""",
    ARTICLE_LINKS_TABLE,
)

# Fused events (frontlines.fusion): columns of ``events`` plus fusion's, report membership,
# analysts' decisions. A later migration adding a column to ``events`` adds it here too.
_FUSION_V2: tuple[str, ...] = (
    "CREATE TABLE fused_events AS SELECT * FROM events LIMIT 0",
    "ALTER TABLE fused_events ADD COLUMN block_id VARCHAR",
    "ALTER TABLE fused_events ADD COLUMN report_count INTEGER",
    "ALTER TABLE fused_events ADD COLUMN article_count INTEGER",
    "ALTER TABLE fused_events ADD COLUMN independent_source_count INTEGER",
    "ALTER TABLE fused_events ADD COLUMN origins JSON",
    "ALTER TABLE fused_events ADD COLUMN contested JSON",
    "ALTER TABLE fused_events ADD COLUMN reports JSON",
    """CREATE TABLE fused_members (
        article_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        fused_article_id VARCHAR NOT NULL,
        fused_id VARCHAR NOT NULL,
        block_id VARCHAR NOT NULL,
        PRIMARY KEY (article_id, event_id)
    )""",
    "CREATE SEQUENCE fusion_constraint_ids START 1",
    """CREATE TABLE fusion_constraints (
        id INTEGER PRIMARY KEY DEFAULT nextval('fusion_constraint_ids'),
        kind VARCHAR NOT NULL CHECK (kind IN ('must', 'cannot')),
        first_article VARCHAR NOT NULL,
        first_event VARCHAR NOT NULL,
        first_start INTEGER,
        first_end INTEGER,
        second_article VARCHAR NOT NULL,
        second_event VARCHAR NOT NULL,
        second_start INTEGER,
        second_end INTEGER,
        created_at TIMESTAMP NOT NULL
    )""",
    "CREATE TABLE fusion_state (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
)

# The map grid's cell of every located event and fused event (store/grid.py); new rows get it
# as they are inserted (duckdb_json), PostgreSQL computes it (postgres_sql).
_GRID_V4: tuple[str, ...] = tuple(
    statement
    for table in ("events", "fused_events")
    for statement in (
        f"ALTER TABLE {table} ADD COLUMN grid_x INTEGER",
        f"ALTER TABLE {table} ADD COLUMN grid_y INTEGER",
        f"UPDATE {table} SET grid_x = {GRID_X}, grid_y = {GRID_Y}",
    )
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(version=1, description="create every table", statements=_TABLES_V1),
    Migration(
        version=2,
        description="fused events, their reports, and analysts' split and merge decisions",
        statements=_FUSION_V2,
    ),
    Migration(
        version=3,
        description="an index of fused events by event id, for pages and event details",
        statements=("CREATE INDEX fused_events_event_id ON fused_events (event_id)",),
    ),
    Migration(
        version=4,
        description="the map grid cell of each event and fused event, for map clusters",
        statements=_GRID_V4,
    ),
)

# Tables holding one article's rows, children first: the order in which an article is deleted.
ARTICLE_TABLES: tuple[str, ...] = (
    "mentions",
    "actors",
    "places",
    "events",
    "claims",
    "relations",
    "framing",
    "analyses",
    "articles",
)
TABLES: tuple[str, ...] = (*ARTICLE_TABLES, "article_links", "schema_migrations")

_BOOKKEEPING = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    description VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
)"""


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return max((migration.version for migration in migrations), default=0)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def migrate(
    con: duckdb.DuckDBPyConnection,
    *,
    location: str,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> int:
    """Bring the database up to the newest migration, in one transaction; returns its version."""
    import duckdb

    versions = [migration.version for migration in migrations]
    if versions != sorted(set(versions)):
        raise StoreError(f"migrations {versions} are not in strictly increasing order")
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(_BOOKKEEPING)
        found = current_version(con)
        _refuse_newer(found, known=latest_version(migrations), location=location)
        for migration in migrations:
            if migration.version > found:
                _apply(con, migration)
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        message = str(exc).splitlines()[0]
        raise StoreError(f"{location}: schema migration failed: {message}") from exc
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return current_version(con)


def _refuse_newer(found: int, *, known: int, location: str) -> None:
    if found > known:
        raise SchemaVersionError(
            f"{location} has schema version {found}, newer than this frontlines knows "
            f"({known}): upgrade frontlines to open it"
        )


def _apply(con: duckdb.DuckDBPyConnection, migration: Migration) -> None:
    for statement in migration.statements:
        con.execute(statement)
    con.execute(
        "INSERT INTO schema_migrations VALUES (?, ?, ?)",
        [migration.version, migration.description, datetime.now(UTC).replace(tzinfo=None)],
    )
