"""The store's SQL in PostgreSQL + PostGIS: the DuckDB statements, translated fragment by fragment.

The queries (``queries``, ``browse``, ``fused``) are written once, in DuckDB's dialect; the few
DuckDB-only constructs they use (list lambdas over JSON, ``contains``, ``mode``) have a fixed
PostgreSQL equivalent here, and ``?`` placeholders become psycopg's ``%s``. ``translate`` fails
loudly on a DuckDB-only function it does not know, so a new query is noticed, not mistranslated.
The schema is the same migrations with PostgreSQL types: JSONB, and geometry points (SRID 4326)
computed from longitude and latitude, with GiST indexes.
"""

from __future__ import annotations

import re

from frontlines.errors import StoreError
from frontlines.store.duckdb_schema import MIGRATIONS, Migration
from frontlines.store.grid import GRID_X, GRID_Y

# DuckDB fragment -> PostgreSQL fragment; applied in order, before placeholders are converted.
_FRAGMENTS: tuple[tuple[str, str], ...] = (
    (
        "len(list_filter(json_extract_string(e.{column}, '$[*].name'),"
        " lambda name: contains(lower(name), lower(?)))) > 0",
        "EXISTS (SELECT 1 FROM jsonb_array_elements(e.{column}) x"
        " WHERE strpos(lower(x->>'name'), lower(?)) > 0)",
    ),
    (
        "list_contains(json_extract_string(e.{column}, '$[*].id'), ?)",
        "EXISTS (SELECT 1 FROM jsonb_array_elements(e.{column}) x WHERE x->>'id' = ?)",
    ),
    (
        "len(list_filter(CAST(e.sources AS VARCHAR[]),"
        " lambda source: lower(source) = lower(?))) > 0",
        "EXISTS (SELECT 1 FROM jsonb_array_elements_text(e.sources) x WHERE lower(x) = lower(?))",
    ),
    (
        "len(list_filter(json_extract_string(e.evidence, '$[*].text'),"
        " lambda quote: contains(lower(quote), lower(?)))) > 0",
        "EXISTS (SELECT 1 FROM jsonb_array_elements(e.evidence) x"
        " WHERE strpos(lower(x->>'text'), lower(?)) > 0)",
    ),
    (
        "(e.longitude >= ? AND e.latitude >= ? AND e.longitude <= ? AND e.latitude <= ?)",
        "ST_Intersects(e.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))",
    ),
    (
        "json_extract_string(a.metadata, '$.syndicated_from.article_id')",
        "a.metadata->'syndicated_from'->>'article_id'",
    ),
    (
        """(SELECT unnest(from_json(?, '["VARCHAR"]')))""",
        "(SELECT jsonb_array_elements_text(CAST(? AS jsonb)))",
    ),
    ("mode(n.name)", "mode() WITHIN GROUP (ORDER BY n.name)"),
    ("mode(n.kind)", "mode() WITHIN GROUP (ORDER BY n.kind)"),
    (
        "any_value(n.aliases) FILTER (WHERE n.aliases IS NOT NULL)",
        "(array_agg(n.aliases ORDER BY n.article_id) FILTER (WHERE n.aliases IS NOT NULL))[1]",
    ),
    ("coalesce(any_value(ie.events), 0)", "coalesce(max(ie.events), 0)"),
    (") WHERE actor_id IS NOT NULL", ") AS ids WHERE actor_id IS NOT NULL"),
    (
        "unnest(list_distinct(list_append(CAST(m.sources AS VARCHAR[]), m.outlet))) AS t(name)",
        "LATERAL (SELECT jsonb_array_elements_text(m.sources) AS name UNION SELECT m.outlet) AS t",
    ),
    (") WHERE name IS NOT NULL", ") AS names WHERE name IS NOT NULL"),
)
_WHOLE_DIVISION = re.compile(r" // (\d+)")
_CONTAINS = re.compile(r"contains\(lower\(([\w.]+)\), lower\(\?\)\)")
_DUCKDB_ONLY = re.compile(r"\b(list_filter|list_contains|list_append|list_distinct"
                          r"|json_extract_string|lambda"
                          r"|from_json|any_value|unnest)\b")  # fmt: skip


def translate(sql: str) -> str:
    """A DuckDB statement of the store's as PostgreSQL, with ``%s`` placeholders."""
    for duck, pg in _FRAGMENTS:
        if "{column}" in duck:
            for column in ("assoc_actor_1", "assoc_actor_2"):
                sql = sql.replace(duck.format(column=column), pg.format(column=column))
        else:
            sql = sql.replace(duck, pg)
    sql = _CONTAINS.sub(r"strpos(lower(\1), lower(?)) > 0", sql)
    sql = _WHOLE_DIVISION.sub(r" / \1", sql)  # integers: PostgreSQL's / divides whole
    leftover = _DUCKDB_ONLY.search(sql)
    if leftover is not None:
        raise StoreError(f"no PostgreSQL translation for DuckDB's {leftover.group(0)!r} in: {sql}")
    return sql.replace("%", "%%").replace("?", "%s")


# --- schema

GEOMETRY = (
    "geometry(Point, 4326) GENERATED ALWAYS AS"
    " (ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)) STORED"
)
_TYPES = (
    (re.compile(r"\bVARCHAR\b"), 'VARCHAR COLLATE "C"'),  # DuckDB's order, whatever the locale
    (re.compile(r"\bDOUBLE\b"), "DOUBLE PRECISION"),
    (re.compile(r"\bJSON\b"), "JSONB"),
    (re.compile(r"\bgeom GEOMETRY\b"), "geom " + GEOMETRY),
    (re.compile(r"DEFAULT '\{\}'"), "DEFAULT '{}'::jsonb"),
    (
        re.compile(r"CREATE TABLE fused_events AS SELECT \* FROM events LIMIT 0"),
        "CREATE TABLE fused_events (LIKE events INCLUDING GENERATED)",
    ),
)
# Indexes for what fusion and the filters look up: dates, members, geometry (GiST).
_INDEXES: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE INDEX events_date ON events (event_date)",
        "CREATE INDEX events_geom ON events USING GIST (geom)",
        "CREATE INDEX places_geom ON places USING GIST (geom)",
        "CREATE INDEX mentions_article ON mentions (article_id)",
    ),
    2: (
        "ALTER TABLE fused_events ADD PRIMARY KEY (article_id, event_id)",
        "CREATE INDEX fused_events_date ON fused_events (event_date)",
        "CREATE INDEX fused_events_block ON fused_events (block_id)",
        "CREATE INDEX fused_events_geom ON fused_events USING GIST (geom)",
        "CREATE INDEX fused_members_block ON fused_members (block_id)",
        "CREATE INDEX fused_members_fused ON fused_members (fused_article_id, fused_id)",
    ),
    4: ("CREATE INDEX fused_events_grid ON fused_events (grid_y, grid_x)",),
}


# Built-in migrations written for PostgreSQL instead of translated: the grid cell is a generated
# column here, computed by the server as geom is.
_OWN: dict[int, tuple[str, ...]] = {
    4: tuple(
        f"ALTER TABLE {table} ADD COLUMN {column} INTEGER GENERATED ALWAYS AS ({expression}) STORED"
        for table in ("events", "fused_events")
        for column, expression in (("grid_x", GRID_X), ("grid_y", GRID_Y))
    ),
}


def ddl(statement: str) -> str:
    for pattern, replacement in _TYPES:
        statement = pattern.sub(replacement, statement)
    return statement


def statements(migration: Migration) -> tuple[str, ...]:
    """A migration's statements in PostgreSQL, with the indexes of the built-in ones."""
    built_in = migration in MIGRATIONS
    indexes = _INDEXES.get(migration.version, ()) if built_in else ()
    own = _OWN.get(migration.version) if built_in else None
    translated = own if own is not None else tuple(ddl(s) for s in migration.statements)
    return (*translated, *indexes)


BOOKKEEPING = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    description VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
)"""
