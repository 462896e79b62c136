"""The shared store: PostgreSQL 15+ with PostGIS, for a team's several writers and readers at once.

Open it with a ``postgresql://`` URL (``--db`` or ``FRONTLINES_DB``); it needs the ``postgres``
extra (psycopg 3 and its pool). Each call borrows a connection from a pool, so threads and
processes share one database:

- an article is stored once: its row goes in with ``ON CONFLICT DO NOTHING``, and the writer that
  loses the race reports ``duplicate`` (nothing is locked while articles are analysed);
- fusion runs inside the saving transaction under one transaction-scoped advisory lock, so
  concurrent writers fuse one after another, each seeing what the others committed (a fused block
  can reach any date through chained reports, so a lock per date window would not be enough);
- readers take no locks (MVCC) and are never blocked by writers;
- large reads (``iter_events``) stream through a server-side cursor.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from frontlines.errors import ConfigError, InputError, NotFoundError, StoreError
from frontlines.fusion import FusionSettings, split_report_id
from frontlines.model import Analysis, Article
from frontlines.store import browse
from frontlines.store.base import (
    ActorSummary,
    EventQuery,
    EventStats,
    FusionConstraint,
    FusionSummary,
    SaveOutcome,
    SaveResult,
    Store,
    StoredEvent,
    StoredRelation,
    SyndicationLink,
)
from frontlines.store.copying import COPY_COLUMNS
from frontlines.store.duckdb_schema import ARTICLE_TABLES, MIGRATIONS, TABLES, Migration
from frontlines.store.fused import (
    FUSED_COUNT,
    FUSED_FROM,
    FUSED_SELECT,
    REPORT_LEVEL_SELECT,
    fused_from_row,
    fused_where,
    report_level_from_row,
)
from frontlines.store.fusion_decisions import leaving_reports, merge_pairs, split_pairs
from frontlines.store.fusion_service import FusionService, rebuild_in_steps
from frontlines.store.grid import MapCluster
from frontlines.store.map_clusters import cluster_statement, clusters_from_rows
from frontlines.store.postgres_fusion import PostgresFusionTables, insert_statement
from frontlines.store.postgres_schema import migrate, schema_version
from frontlines.store.postgres_sql import translate
from frontlines.store.queries import (
    EVENT_COUNT,
    after_key_sql,
    after_where,
    event_order,
    event_where,
)
from frontlines.store.rows import article_from_row, check_json, flatten, from_json

if TYPE_CHECKING:
    import psycopg
    from psycopg_pool import ConnectionPool

FUSION_LOCK = 0x66726F6E74  # pg_advisory_xact_lock key that writers fuse under ("front")


class PostgresStore(Store):
    """A store in one PostgreSQL database; open it with ``PostgresStore.open(url)``."""

    backend = "postgresql"

    def __init__(self, pool: ConnectionPool[Any], *, location: str) -> None:
        self._pool = pool
        self._location = location

    @classmethod
    def open(
        cls,
        url: str,
        *,
        migrations: Sequence[Migration] = MIGRATIONS,
        max_connections: int = 8,
    ) -> PostgresStore:
        """Connect to (and migrate) the database at ``url``."""
        try:
            from psycopg_pool import ConnectionPool
        except ImportError:
            raise ConfigError(
                "the PostgreSQL backend needs the postgres extra:"
                " pip install 'frontlines[postgres]'"
            ) from None
        import psycopg

        location = _redacted(url)
        try:  # one connection first: a wrong URL or a stopped server fails at once, clearly
            with psycopg.connect(url, connect_timeout=10) as con:
                migrate(con, location=location, migrations=migrations)
        except psycopg.Error as exc:
            raise StoreError(f"{location}: cannot open the store: {_first_line(exc)}") from exc
        pool: ConnectionPool[Any] = ConnectionPool(
            url, min_size=1, max_size=max_connections, open=False, name="frontlines"
        )
        store = cls(pool, location=location)
        try:
            pool.open(wait=True, timeout=30)
            store._fuse_if_stale()
        except BaseException:
            pool.close()
            raise
        return store

    # --- plumbing

    @contextlib.contextmanager
    def _connection(self, doing: str) -> Iterator[psycopg.Connection[Any]]:
        """A pooled connection for one call, in one transaction; driver errors become
        StoreError naming the call."""
        import psycopg
        from psycopg_pool import PoolTimeout

        try:
            with self._pool.connection() as con:
                yield con
        except (psycopg.Error, PoolTimeout) as exc:
            raise StoreError(f"{self._location}: {doing} failed: {_first_line(exc)}") from exc

    def _rows(self, doing: str, sql: str, params: Sequence[object] = ()) -> list[dict[str, Any]]:
        from psycopg.rows import dict_row

        with self._connection(doing) as con, con.cursor(row_factory=dict_row) as cur:
            cur.execute(translate(sql), list(params))
            return list(cur.fetchall())

    def _tuples(self, doing: str, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        with self._connection(doing) as con, con.cursor() as cur:
            cur.execute(translate(sql), list(params))
            return list(cur.fetchall())

    @contextlib.contextmanager
    def _fusing(self, doing: str) -> Iterator[tuple[psycopg.Cursor[Any], FusionService]]:
        """A transaction holding the fusion lock, with fusion over its cursor."""
        with self._connection(doing) as con, con.transaction(), con.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [FUSION_LOCK])
            yield cur, FusionService(PostgresFusionTables(cur))

    # --- writing

    def save(
        self,
        analysis: Analysis,
        *,
        replace: bool = False,
        metadata: Mapping[str, Any] | None = None,
    ) -> SaveResult:
        article_id = analysis.article.id
        if metadata is not None:
            check_json(metadata, what=f"metadata of article {article_id}")
        with self._connection(f"saving article {article_id}") as con, con.transaction():
            cur = con.cursor()
            cur.execute(
                "SELECT ingested_at, metadata FROM articles WHERE id = %s FOR UPDATE",
                [article_id],
            )
            previous = cur.fetchone()
            if previous is not None and not replace:
                return SaveResult(article_id=article_id, outcome="duplicate", events=0)
            ingested_at = datetime.now(UTC)
            if previous is not None:
                ingested_at = previous[0].replace(tzinfo=UTC)
                metadata = from_json(previous[1]) if metadata is None else metadata
            rows = flatten(analysis, metadata=metadata or {}, ingested_at=ingested_at)
            tables = PostgresFusionTables(cur)
            if previous is None:  # the unique key decides which of racing writers stores it
                cur.execute(
                    insert_statement("articles") + " ON CONFLICT (id) DO NOTHING RETURNING id",
                    tables.params("articles", rows["articles"][0]),
                )
                if cur.fetchone() is None:
                    return SaveResult(article_id=article_id, outcome="duplicate", events=0)
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [FUSION_LOCK])
            fusion = FusionService(tables)
            blocks: set[str] = set()  # the fused events a replaced article was in
            if previous is not None:
                blocks = fusion.blocks_of_articles([article_id])
                for table in ARTICLE_TABLES:
                    key = "id" if table == "articles" else "article_id"
                    cur.execute(f"DELETE FROM {table} WHERE {key} = %s", [article_id])
            for table, table_rows in rows.items():
                if table_rows and (table != "articles" or previous is not None):
                    tables.insert(table, table_rows)
            fusion.after_save(article_id, analysis.events, blocks=blocks)
        outcome: SaveOutcome = "replaced" if previous is not None else "stored"
        return SaveResult(article_id=article_id, outcome=outcome, events=len(analysis.events))

    def link_syndicated(self, copy_id: str, original_id: str, similarity: float) -> None:
        with self._fusing(f"linking article {copy_id} to {original_id}") as (cur, fusion):
            cur.execute(
                "INSERT INTO article_links VALUES (%s, %s, %s) ON CONFLICT (copy_id)"
                " DO UPDATE SET original_id = excluded.original_id,"
                " similarity = excluded.similarity",
                [copy_id, original_id, float(similarity)],
            )
            fusion.after_link(copy_id)  # a reprint and its original now count as one origin

    # --- reading

    def has_article(self, article_id: str) -> bool:
        sql = "SELECT 1 FROM articles WHERE id = ?"
        return bool(self._tuples(f"reading article {article_id}", sql, [article_id]))

    def get_article(self, article_id: str) -> Article:
        rows = self._tuples(
            f"reading article {article_id}",
            "SELECT id, text, title, outlet, url, published, language, fictional"
            " FROM articles WHERE id = ?",
            [article_id],
        )
        if not rows:
            raise NotFoundError(f"no article {article_id!r} in {self._location}")
        return article_from_row(rows[0])

    def get_analysis(self, article_id: str) -> Analysis:
        rows = self._tuples(
            f"reading the analysis of article {article_id}",
            "SELECT an.analysis, a.text FROM analyses an"
            " JOIN articles a ON a.id = an.article_id WHERE an.article_id = ?",
            [article_id],
        )
        if not rows:
            raise NotFoundError(f"no analysis of article {article_id!r} in {self._location}")
        return Analysis.from_dict(from_json(rows[0][0]), text=rows[0][1])

    def article_metadata(self, article_id: str) -> dict[str, Any]:
        sql = "SELECT metadata FROM articles WHERE id = ?"
        rows = self._tuples(f"reading article {article_id}", sql, [article_id])
        if not rows:
            raise NotFoundError(f"no article {article_id!r} in {self._location}")
        return dict(from_json(rows[0][0]))

    def articles(self, *, limit: int = 100, offset: int = 0) -> list[Article]:
        if limit < 0 or offset < 0:
            raise InputError(f"articles: limit {limit} and offset {offset} must be >= 0")
        rows = self._tuples(
            "listing articles",
            "SELECT id, text, title, outlet, url, published, language, fictional"
            " FROM articles ORDER BY ingested_at DESC, id LIMIT ? OFFSET ?",
            [limit, offset],
        )
        return [article_from_row(row) for row in rows]

    def _event_sql(
        self, query: EventQuery, *, after: tuple[object, int] | None = None
    ) -> tuple[str, list[object]]:
        fused = query.level == "fused"
        where, params = fused_where(query) if fused else event_where(query)
        if after is not None:
            where, params = after_where(where, params, query=query, key=after)
        select = FUSED_SELECT if fused else REPORT_LEVEL_SELECT
        return select + where + event_order(query), params

    def events(self, query: EventQuery | None = None) -> list[StoredEvent]:
        query = query or EventQuery()
        read = fused_from_row if query.level == "fused" else report_level_from_row
        sql, params = self._event_sql(query, after=self._after_key(query))
        rows = self._rows(
            "querying events", sql + " LIMIT ? OFFSET ?", [*params, query.limit, query.offset]
        )
        return [read(row) for row in rows]

    def _after_key(self, query: EventQuery) -> tuple[object, int] | None:
        """The sort key of the event a keyset page follows."""
        if query.after is None:
            return None
        article_id, event_id = query.after
        rows = self._tuples("reading a page's key", after_key_sql(query), [event_id, article_id])
        if not rows:
            raise InputError(f"event query: event {event_id!r} of {article_id!r} is not stored")
        return rows[0][0], int(rows[0][1])

    def iter_events(
        self, query: EventQuery | None = None, *, page: int = 1000
    ) -> Iterator[StoredEvent]:
        """Every matching event, streamed through a server-side cursor ``page`` rows at a time."""
        from psycopg.rows import dict_row

        query = query or EventQuery()
        read = fused_from_row if query.level == "fused" else report_level_from_row
        sql, params = self._event_sql(query, after=self._after_key(query))
        sql += " OFFSET ?"
        with (
            self._connection("reading events") as con,
            con.transaction(),
            con.cursor(name="frontlines_events", row_factory=dict_row) as cur,
        ):
            cur.itersize = page
            cur.execute(translate(sql), [*params, query.offset])
            for row in cur:
                yield read(row)

    def count_events(self, query: EventQuery | None = None) -> int:
        query = query or EventQuery()
        fused = query.level == "fused"
        where, params = fused_where(query) if fused else event_where(query)
        rows = self._tuples(
            "counting events", (FUSED_COUNT if fused else EVENT_COUNT) + where, params
        )
        return int(rows[0][0]) if rows else 0

    def counts(self) -> dict[str, int]:
        sql = " UNION ALL ".join(f"SELECT '{table}', count(*) FROM {table}" for table in TABLES)
        return {str(table): int(count) for table, count in self._tuples("counting rows", sql)}

    def schema_version(self) -> int:
        with self._connection("reading the schema version") as con:
            return schema_version(con)

    def syndication_links(self) -> list[SyndicationLink]:
        rows = self._tuples(
            "reading syndication links",
            "SELECT copy_id, original_id, similarity FROM article_links ORDER BY copy_id",
        )
        return [SyndicationLink(str(a), str(b), float(sim)) for a, b, sim in rows]

    def close(self) -> None:
        self._pool.close()

    # --- copying between backends (store/copying.py)

    def export_rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        listed = ", ".join(f'"{column}"' for column in COPY_COLUMNS[table])
        with (
            self._connection(f"reading the rows of {table}") as con,
            con.transaction(),
            con.cursor(name=f"frontlines_copy_{table}") as cur,
        ):
            cur.itersize = 1000
            cur.execute(f"SELECT {listed} FROM {table}")
            yield from cur

    def import_rows(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        names = COPY_COLUMNS[table]
        listed = ", ".join(f'"{column}"' for column in names)
        sql = f"INSERT INTO {table} ({listed}) VALUES ({', '.join(['%s'] * len(names))})"
        if table == "fusion_state":
            sql += " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        with (
            self._connection(f"adding rows to {table}") as con,
            con.transaction(),
            con.cursor() as cur,
        ):
            cur.executemany(sql, [PostgresFusionTables.params(table, row) for row in rows])
            if table == "fusion_constraints":  # the next new decision's id follows
                cur.execute(
                    "SELECT setval('fusion_constraint_ids',"
                    " (SELECT max(id) FROM fusion_constraints))"
                )

    # --- browsing

    def get_event(self, event_id: str) -> StoredEvent:
        parts = split_report_id(event_id)
        first = " WHERE e.event_id = ? ORDER BY e.article_id, e.seq LIMIT 1"
        lookups = [
            (FUSED_SELECT + first, [event_id], fused_from_row),
            (REPORT_LEVEL_SELECT + first, [event_id], report_level_from_row),
        ]
        if parts is not None:
            where = " WHERE e.article_id = ? AND e.event_id = ?"
            lookups = [(REPORT_LEVEL_SELECT + where, list(parts), report_level_from_row)]
        for sql, params, read in lookups:
            rows = self._rows(f"reading event {event_id}", sql, params)
            if rows:
                return read(rows[0])
        raise NotFoundError(f"no event {event_id!r} in {self._location}")

    def actors(
        self, *, text: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[ActorSummary]:
        if limit < 0 or offset < 0:
            raise InputError(f"actors: limit {limit} and offset {offset} must be >= 0")
        sql = browse.ACTORS_SELECT + browse.ACTORS_ORDER + " LIMIT ? OFFSET ?"
        rows = self._tuples("listing actors", sql, [*browse.actor_params(text), limit, offset])
        return [browse.actor_from_row(row) for row in rows]

    def count_actors(self, *, text: str | None = None) -> int:
        rows = self._tuples("counting actors", browse.ACTORS_COUNT, browse.actor_params(text))
        return int(rows[0][0]) if rows else 0

    def get_actor(self, actor_id: str) -> ActorSummary:
        sql = browse.ACTORS_SELECT.replace(browse.ACTOR_MATCH, "n.actor_id = ?")
        rows = self._tuples(f"reading actor {actor_id}", sql, [actor_id])
        if not rows:
            raise NotFoundError(f"no actor {actor_id!r} in {self._location}")
        return browse.actor_from_row(rows[0])

    def relations(
        self,
        *,
        actor_id: str | None = None,
        relation_type: str | None = None,
        limit: int = 1000,
        offset: int = 0,
    ) -> list[StoredRelation]:
        if limit < 0 or offset < 0:
            raise InputError(f"relations: limit {limit} and offset {offset} must be >= 0")
        params = browse.relation_params(
            actor_id=actor_id, relation_type=relation_type, limit=limit, offset=offset
        )
        rows = self._tuples("listing relations", browse.RELATIONS_SELECT, params)
        return [browse.relation_from_row(row) for row in rows]

    def event_stats(self, query: EventQuery | None = None) -> EventStats:
        query = query or EventQuery()
        if query.level == "fused":
            where = fused_where(query)
            statements, params = browse.stats_queries(query, source=FUSED_FROM, where=where)
        else:
            statements, params = browse.stats_queries(query)
        rows = {
            key: self._tuples("counting events", sql, params) for key, sql in statements.items()
        }
        total, fictional, undated = rows["totals"][0]
        return EventStats(
            total=int(total),
            fictional=int(fictional),
            undated=int(undated),
            by_day=tuple((day, int(n)) for day, n in rows["by_day"]),
            by_type=tuple((kind, int(n)) for kind, n in rows["by_type"]),
            by_country=tuple((country, int(n)) for country, n in rows["by_country"]),
            by_admin1=tuple((c, a, int(n)) for c, a, n in rows["by_admin1"]),
            by_source=tuple((name, int(n)) for name, n in rows["by_source"]),
        )

    def clusters(self, query: EventQuery | None = None, *, zoom: int) -> list[MapCluster]:
        sql, params = cluster_statement(query or EventQuery(), zoom=zoom)
        rows = self._tuples("counting events per map square", sql, params)
        return clusters_from_rows(rows, zoom=zoom)

    # --- fusion decisions

    def split_event(self, event_id: str, *, reports: Sequence[str] = ()) -> list[StoredEvent]:
        with self._fusing(f"splitting event {event_id}") as (_, fusion):
            members, named = fusion.named(event_id)
            leaving = leaving_reports(members, named=named, given=reports, event_id=event_id)
            return fusion.decide("cannot", split_pairs(members, leaving))

    def merge_events(self, ids: Sequence[str]) -> StoredEvent:
        with self._fusing("merging events " + ", ".join(ids)) as (_, fusion):
            groups = [fusion.named(ident)[0] for ident in ids]
            merged = fusion.decide("must", merge_pairs(groups))
            return next(e for e in merged if any(r.id == groups[0][0].id for r in e.reports))

    def fusion_constraints(self) -> list[FusionConstraint]:
        rows = self._tuples(
            "reading fusion decisions",
            "SELECT id, kind, first_article || ':' || first_event,"
            " second_article || ':' || second_event, created_at"
            " FROM fusion_constraints ORDER BY id",
        )
        return [
            FusionConstraint(i, kind, a, b, at.replace(tzinfo=UTC)) for i, kind, a, b, at in rows
        ]

    def fusion_strictness(self) -> str:
        with self._connection("reading the fusion strictness") as con, con.cursor() as cur:
            return FusionService(PostgresFusionTables(cur)).settings.strictness

    def set_fusion_strictness(self, strictness: str) -> FusionSummary:
        FusionSettings.of(strictness)  # an unknown strictness fails before anything changes
        return self.rebuild_fusion(strictness=strictness)

    def rebuild_fusion(self, *, strictness: str | None = None) -> FusionSummary:
        # One connection holds the fusion lock for the session, so that no save comes between
        # the steps; each step is a transaction of its own on it.
        with self._connection("fusing every report again") as con:
            con.execute("SELECT pg_advisory_lock(%s)", [FUSION_LOCK])
            con.commit()

            @contextlib.contextmanager
            def step(doing: str) -> Iterator[FusionService]:
                del doing  # the connection's errors name the whole rebuild
                with con.transaction(), con.cursor() as cur:
                    yield FusionService(PostgresFusionTables(cur))

            try:
                return rebuild_in_steps(step, location=self._location, strictness=strictness)
            finally:
                con.rollback()
                con.execute("SELECT pg_advisory_unlock(%s)", [FUSION_LOCK])
                con.commit()

    def _fuse_if_stale(self) -> None:
        with self._connection("checking fused events") as con, con.cursor() as cur:
            current = FusionService(PostgresFusionTables(cur)).is_current()
        if not current:
            self.rebuild_fusion()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _redacted(url: str) -> str:
    """The URL without its password, to name the store in messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))
