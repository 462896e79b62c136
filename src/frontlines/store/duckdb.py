"""The embedded store: one DuckDB file, with the spatial extension for event geometry.

DuckDB lets one process write a file at a time (see ``duckdb_connect``). Within a process, every
call works on its own cursor, so threads may share a store.
Rows go in as one JSON parameter per table, which DuckDB unpacks into typed columns: binding each
value separately (``executemany``) costs the Python client about a hundred times more.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar, cast

import duckdb

from frontlines.errors import (
    InputError,
    NotFoundError,
    SchemaVersionError,
    StoreError,
)
from frontlines.fusion import FusionSettings, split_report_id
from frontlines.model import Analysis, Article, Event
from frontlines.store import browse
from frontlines.store.base import (
    ActorSummary,
    EventPoint,
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
from frontlines.store.copying import COPY_COLUMNS, JSON_COLUMNS
from frontlines.store.duckdb_connect import (
    connect,
    first_line,
    load_spatial,
    spatial_extension_path,
)
from frontlines.store.duckdb_fusion import DuckDBFusionTables
from frontlines.store.duckdb_json import json_insert_statements, rows_json
from frontlines.store.duckdb_schema import (
    ARTICLE_LINKS_TABLE,
    ARTICLE_TABLES,
    MIGRATIONS,
    TABLES,
    Migration,
    current_version,
    latest_version,
    migrate,
)
from frontlines.store.fused import (
    FUSED_FROM,
    FUSED_ROWS,
    FUSED_SELECT,
    PAGE_ARTICLES,
    REPORT_LEVEL_SELECT,
    fused_from,
    fused_from_row,
    fused_where,
    insert_statements,
    report_level_from_row,
)
from frontlines.store.fusion_decisions import (
    Decisions,
    leaving_reports,
    merge_pairs,
    split_pairs,
)
from frontlines.store.fusion_service import FusionService, rebuild_in_steps
from frontlines.store.grid import MapCluster, interior_cells, interior_sql
from frontlines.store.map_clusters import cluster_statement, clusters_from_rows
from frontlines.store.map_points import POINT_ARTICLES, POINT_ROWS, points_in_order
from frontlines.store.queries import (
    EVENT_COUNT,
    Spellings,
    after_key_sql,
    after_where,
    event_order,
    event_where,
)
from frontlines.store.rows import (
    COLUMNS,
    GEOMETRY_TABLES,
    article_from_row,
    check_json,
    flatten,
    from_json,
)

T = TypeVar("T")
SUMMARIES_KEPT = 64
SORT_WHOLE_MAX = 50_000  # matching events a page sorts whole (``DuckDBStore._fused_page``)


class DuckDBStore(Store):
    """A store in one DuckDB file (or ``:memory:``); open it with ``DuckDBStore.open``."""

    backend = "duckdb"

    def __init__(
        self, con: duckdb.DuckDBPyConnection, *, location: str, inserts: Mapping[str, str]
    ) -> None:
        self._con = con
        self._location = location
        self.location = location
        self._inserts = inserts
        self._read_only = False
        # Counts of events per filter, kept while the file is read-only (no write can change it).
        self._counted: dict[tuple[str, tuple[object, ...]], int] = {}
        # Statistics and actor lists per query, likewise (the page asks for both on every load:
        # at a million events they cost a second each; the last SUMMARIES_KEPT are kept).
        self._summaries: dict[tuple[object, ...], object] = {}
        self._cursor_lock = threading.Lock()
        # Saves re-fuse the blocks they touch: one writer at a time, or DuckDB's optimistic
        # transactions would conflict on the fused rows.
        self._write_lock = threading.Lock()

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        migrations: Sequence[Migration] = MIGRATIONS,
        read_only: bool = False,
    ) -> DuckDBStore:
        """Open (creating if needed) and migrate the store at ``path``.

        ``read_only``: share the file with other readers (another process may read it too, none
        write); the store must exist and be migrated already, and every write fails.
        """
        location = str(path)
        extension = spatial_extension_path()
        if location != ":memory:" and not read_only:
            Path(location).parent.mkdir(parents=True, exist_ok=True)
        con = connect(location, read_only=read_only)
        with contextlib.ExitStack() as on_failure:
            on_failure.callback(con.close)
            load_spatial(con, extension)
            if read_only:
                _require_migrated(con, location=location, migrations=migrations)
            else:
                migrate(con, location=location, migrations=migrations)
            inserts = {
                **json_insert_statements(con, columns=COLUMNS, geometry_tables=GEOMETRY_TABLES),
                **insert_statements(con),
            }
            on_failure.pop_all()
        store = cls(con, location=location, inserts=inserts)
        store._read_only = read_only
        if not read_only:
            store._fuse_if_stale()
        return store

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
        with (
            self._write_lock,
            self._cursor(f"saving article {article_id}") as cur,
            _transaction(cur),
        ):
            previous = cur.execute(
                "SELECT ingested_at, metadata FROM articles WHERE id = ?", [article_id]
            ).fetchone()
            if previous is not None and not replace:
                return SaveResult(article_id=article_id, outcome="duplicate", events=0)
            ingested_at = datetime.now(UTC)
            fusing = self._fusing(cur)
            blocks: set[str] = set()  # the fused events a replaced article was in
            if previous is not None:
                blocks = fusing.blocks_of_articles([article_id])
                ingested_at = previous[0].replace(tzinfo=UTC)
                metadata = from_json(previous[1]) if metadata is None else metadata
                for table in ARTICLE_TABLES:
                    key = "id" if table == "articles" else "article_id"
                    cur.execute(f"DELETE FROM {table} WHERE {key} = ?", [article_id])
            rows = flatten(analysis, metadata=metadata or {}, ingested_at=ingested_at)
            for table, table_rows in rows.items():
                if table_rows:
                    cur.execute(self._inserts[table], [rows_json(COLUMNS[table], table_rows)])
            fusing.after_save(article_id, analysis.events, blocks=blocks)
        outcome: SaveOutcome = "replaced" if previous is not None else "stored"
        return SaveResult(article_id=article_id, outcome=outcome, events=len(analysis.events))

    def save_many(
        self,
        items: Sequence[tuple[Analysis, Mapping[str, Any] | None]],
        *,
        replace: bool = False,
    ) -> list[SaveResult]:
        """``save`` for several articles in one transaction: one insert per table, one fusion."""
        for analysis, metadata in items:
            if metadata is not None:
                check_json(metadata, what=f"metadata of article {analysis.article.id}")
        results: list[SaveResult] = []
        with (
            self._write_lock,
            self._cursor(f"saving {len(items)} articles") as cur,
            _transaction(cur),
        ):
            ids = [analysis.article.id for analysis, _ in items]
            cur.execute(
                "SELECT id, ingested_at, metadata FROM articles WHERE list_contains(?, id)", [ids]
            )
            previous = {row[0]: row[1:] for row in cur.fetchall()}
            now = datetime.now(UTC)
            fusing = self._fusing(cur)
            replaced = [key for key in ids if key in previous] if replace else []
            blocks = fusing.blocks_of_articles(replaced) if replaced else set()
            for table in ARTICLE_TABLES if replaced else ():
                key = "id" if table == "articles" else "article_id"
                cur.execute(f"DELETE FROM {table} WHERE list_contains(?, {key})", [replaced])
            rows: dict[str, list[tuple[object, ...]]] = {table: [] for table in COLUMNS}
            saved: dict[str, Sequence[Event]] = {}
            for analysis, metadata in items:
                article_id = analysis.article.id
                old = previous.get(article_id)
                if (old is not None and not replace) or article_id in saved:
                    results.append(SaveResult(article_id, "duplicate", 0))
                    continue
                ingested_at, kept = now, metadata
                if old is not None:
                    ingested_at = old[0].replace(tzinfo=UTC)
                    kept = from_json(old[1]) if metadata is None else metadata
                for table, table_rows in flatten(
                    analysis, metadata=kept or {}, ingested_at=ingested_at
                ).items():
                    rows[table].extend(table_rows)
                saved[article_id] = analysis.events
                outcome: SaveOutcome = "replaced" if old is not None else "stored"
                results.append(SaveResult(article_id, outcome, len(analysis.events)))
            for table, table_rows in rows.items():
                if table_rows:
                    cur.execute(self._inserts[table], [rows_json(COLUMNS[table], table_rows)])
            if saved:
                fusing.after_save_many(saved, blocks=blocks)
        return results

    def has_article(self, article_id: str) -> bool:
        with self._cursor(f"reading article {article_id}") as cur:
            found = cur.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone()
        return found is not None

    def get_article(self, article_id: str) -> Article:
        with self._cursor(f"reading article {article_id}") as cur:
            row = cur.execute(
                "SELECT id, text, title, outlet, url, published, language, fictional"
                " FROM articles WHERE id = ?",
                [article_id],
            ).fetchone()
        if row is None:
            raise NotFoundError(f"no article {article_id!r} in {self._location}")
        return article_from_row(row)

    def get_analysis(self, article_id: str) -> Analysis:
        with self._cursor(f"reading the analysis of article {article_id}") as cur:
            row = cur.execute(
                "SELECT an.analysis, a.text FROM analyses an"
                " JOIN articles a ON a.id = an.article_id WHERE an.article_id = ?",
                [article_id],
            ).fetchone()
        if row is None:
            raise NotFoundError(f"no analysis of article {article_id!r} in {self._location}")
        return Analysis.from_dict(from_json(row[0]), text=row[1])

    def article_metadata(self, article_id: str) -> dict[str, Any]:
        with self._cursor(f"reading article {article_id}") as cur:
            row = cur.execute("SELECT metadata FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no article {article_id!r} in {self._location}")
        return dict(from_json(row[0]))

    def articles(self, *, limit: int = 100, offset: int = 0) -> list[Article]:
        if limit < 0 or offset < 0:
            raise InputError(f"articles: limit {limit} and offset {offset} must be >= 0")
        with self._cursor("listing articles") as cur:
            rows = cur.execute(
                "SELECT id, text, title, outlet, url, published, language, fictional"
                " FROM articles ORDER BY ingested_at DESC, id LIMIT ? OFFSET ?",
                [limit, offset],
            ).fetchall()
        return [article_from_row(row) for row in rows]

    def events(self, query: EventQuery | None = None) -> list[StoredEvent]:
        query = query or EventQuery()
        fused = query.level == "fused"
        known = self._spellings(query)
        where, params = (
            fused_where(query, spellings=known) if fused else event_where(query, spellings=known)
        )
        if fused:
            return self._fused_page(query, where, params, read=_fused_by_keys)
        select = FUSED_SELECT if fused else REPORT_LEVEL_SELECT
        read = fused_from_row if fused else report_level_from_row
        with self._cursor("querying events") as cur:
            where, params = _after(cur, query, where, params)
            sql = select + where + event_order(query) + " LIMIT ? OFFSET ?"
            cur.execute(sql, [*params, query.limit, query.offset])
            names = [column[0] for column in cur.description or ()]
            rows = cur.fetchall()
        return [read(dict(zip(names, row, strict=True))) for row in rows]

    def event_points(self, query: EventQuery | None = None) -> list[EventPoint]:
        query = query or EventQuery()
        if query.level != "fused":
            return super().event_points(query)
        where, params = fused_where(query, spellings=self._spellings(query))
        return self._fused_page(query, where, params, read=_points_by_keys)

    def _fused_page(
        self,
        query: EventQuery,
        where: str,
        params: list[object],
        *,
        read: Callable[[duckdb.DuckDBPyConnection, Sequence[tuple[str, str]]], list[T]],
    ) -> list[T]:
        """A page of fused events in three narrow reads: the page's keys (filter and sort
        columns only), their rows by the indexed event id (``read``), and their articles by
        id. Reading every column of every matching row, as one query would, costs ten times
        more.

        When few events match (the count says so: kept while read-only, and the API asks for
        it with every page), sorting them all in one read beats bounding the page's dates
        first, which reads the filter's columns twice (25,000 of 1M events: 76 -> 60 ms)."""
        source = fused_from(query)
        few = self._read_only and self.count_events(query) <= SORT_WHOLE_MAX
        with self._cursor("querying events") as cur:
            where, params = _after(cur, query, where, params)
            if not few:
                probe = _interior_probe(cur, query)
                where, params = _within_page_dates(cur, query, source, where, params, probe=probe)
            keys_sql = (
                f"SELECT e.article_id, e.event_id FROM {source}{where}"
                f"{event_order(query)} LIMIT ? OFFSET ?"
            )
            found = cur.execute(keys_sql, [*params, query.limit, query.offset]).fetchall()
            keys = [(str(article), str(event)) for article, event in found]
            return read(cur, keys)

    def count_events(self, query: EventQuery | None = None) -> int:
        query = query or EventQuery()
        fused = query.level == "fused"
        known = self._spellings(query)
        where, params = (
            fused_where(query, spellings=known) if fused else event_where(query, spellings=known)
        )
        sql = ("SELECT count(*) FROM " + fused_from(query) if fused else EVENT_COUNT) + where
        key = (sql, tuple(params))
        if self._read_only and key in self._counted:  # nothing writes while it is read-only
            return self._counted[key]
        with self._cursor("counting events") as cur:
            row = cur.execute(sql, params).fetchone()
        count = int(row[0]) if row else 0
        if self._read_only:
            self._counted[key] = count
        return count

    def counts(self) -> dict[str, int]:
        sql = " UNION ALL ".join(f"SELECT '{table}', count(*) FROM {table}" for table in TABLES)
        with self._cursor("counting rows") as cur:
            rows = cur.execute(sql).fetchall()
        return {str(table): int(count) for table, count in rows}

    def schema_version(self) -> int:
        with self._cursor("reading the schema version") as cur:
            return current_version(cur)

    def link_syndicated(self, copy_id: str, original_id: str, similarity: float) -> None:
        with (
            self._write_lock,
            self._cursor(f"linking article {copy_id} to {original_id}") as cur,
            _transaction(cur),
        ):
            cur.execute(ARTICLE_LINKS_TABLE)
            cur.execute(
                "INSERT OR REPLACE INTO article_links VALUES (?, ?, ?)",
                [copy_id, original_id, float(similarity)],
            )
            self._fusing(cur).after_link(copy_id)  # a reprint and its original: one origin

    def syndication_links(self) -> list[SyndicationLink]:
        with self._cursor("reading syndication links") as cur:
            if self._read_only:
                found = cur.execute(
                    "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'article_links'"
                ).fetchone()
                if not found or not found[0]:
                    return []
            else:
                cur.execute(ARTICLE_LINKS_TABLE)
            rows = cur.execute(
                "SELECT copy_id, original_id, similarity FROM article_links ORDER BY copy_id"
            ).fetchall()
        return [SyndicationLink(str(a), str(b), float(sim)) for a, b, sim in rows]

    def close(self) -> None:
        self._con.close()

    @contextlib.contextmanager
    def _cursor(self, doing: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one call; driver errors become StoreError naming the call."""
        try:
            with self._cursor_lock:
                cur = self._con.cursor()
            with cur:
                yield cur
        except duckdb.Error as exc:
            raise StoreError(f"{self._location}: {doing} failed: {first_line(exc)}") from exc

    # --- Copying between backends (store/copying.py).

    def export_rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        names = COPY_COLUMNS[table]
        json_at = [n for n, column in enumerate(names) if (table, column) in JSON_COLUMNS]
        listed = ", ".join(f'"{column}"' for column in names)
        with self._cursor(f"reading the rows of {table}") as cur:
            cur.execute(f"SELECT {listed} FROM {table}")
            while batch := cur.fetchmany(1000):
                for row in batch:
                    values = list(row)
                    for n in json_at:
                        values[n] = from_json(values[n])
                    yield tuple(values)

    def import_rows(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        names = COPY_COLUMNS[table]
        with self._write_lock, self._cursor(f"adding rows to {table}") as cur, _transaction(cur):
            if table in self._inserts:
                cur.execute(self._inserts[table], [rows_json(names, rows)])
                return
            listed = ", ".join(f'"{column}"' for column in names)
            marks = ", ".join("?" * len(names))
            verb = "INSERT OR REPLACE" if table == "fusion_state" else "INSERT"
            cur.executemany(f"{verb} INTO {table} ({listed}) VALUES ({marks})", list(rows))
            if table == "fusion_constraints" and rows:  # the next new decision's id follows
                top = max(int(row[0]) for row in rows)
                cur.execute("SELECT count(nextval('fusion_constraint_ids')) FROM range(?)", [top])

    # --- Read side for browsing (the HTTP API and the page); SQL in store/browse.py.

    def get_event(self, event_id: str) -> StoredEvent:
        """The fused event with this id; else the report with this event id (or report id)."""
        parts = split_report_id(event_id)
        first = " WHERE e.event_id = ? ORDER BY e.article_id, e.seq LIMIT 1"
        lookups = [(REPORT_LEVEL_SELECT + first, [event_id], report_level_from_row)]
        if parts is not None:
            where = " WHERE e.article_id = ? AND e.event_id = ?"
            lookups = [(REPORT_LEVEL_SELECT + where, list(parts), report_level_from_row)]
        with self._cursor(f"reading event {event_id}") as cur:
            if parts is None:  # a fused event, by the index of its id
                cur.execute(
                    "SELECT e.article_id, e.event_id FROM fused_events e" + first,
                    [event_id],
                )
                fused = _fused_by_keys(cur, [(str(a), str(e)) for a, e in cur.fetchall()])
                if fused:
                    return fused[0]
            for sql, params, read in lookups:
                cur.execute(sql, params)
                names = [column[0] for column in cur.description or ()]
                row = cur.fetchone()
                if row is not None:
                    return read(dict(zip(names, row, strict=True)))
        raise NotFoundError(f"no event {event_id!r} in {self._location}")

    def actors(
        self, *, text: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[ActorSummary]:
        if limit < 0 or offset < 0:
            raise InputError(f"actors: limit {limit} and offset {offset} must be >= 0")
        sql = browse.ACTORS_SELECT + browse.ACTORS_ORDER + " LIMIT ? OFFSET ?"

        def listing() -> list[ActorSummary]:
            with self._cursor("listing actors") as cur:
                rows = cur.execute(sql, [*browse.actor_params(text), limit, offset]).fetchall()
            return [browse.actor_from_row(row) for row in rows]

        return list(self._kept(("actors", text, limit, offset), listing))

    def _spellings(self, query: EventQuery) -> Spellings | None:
        """While the file is read-only (nothing can add a spelling): the stored values of the
        query's country and admin1 that match it but for case (see ``queries.event_where``)."""
        if not self._read_only:
            return None
        found: dict[str, list[str]] = {}
        for column, wanted in (("country", query.country), ("admin1", query.admin1)):
            if wanted is not None:
                found[column] = self._kept(
                    ("spellings", column, wanted), partial(self._stored_spellings, column, wanted)
                )
        return found

    def _stored_spellings(self, column: str, wanted: str) -> list[str]:
        sql = (
            f"SELECT DISTINCT {column} FROM events WHERE lower({column}) = lower(?)"
            f" UNION SELECT DISTINCT {column} FROM fused_events WHERE lower({column}) = lower(?)"
        )
        with self._cursor(f"reading the spellings of a {column}") as cur:
            rows = cur.execute(sql, [wanted, wanted]).fetchall()
        return sorted(str(value) for (value,) in rows)

    def _kept(self, key: tuple[object, ...], compute: Callable[[], T]) -> T:
        """``compute()``, kept for the same ``key`` while the file is read-only."""
        if not self._read_only:
            return compute()
        if key in self._summaries:
            return cast("T", self._summaries[key])
        value = compute()
        if len(self._summaries) >= SUMMARIES_KEPT:
            self._summaries.pop(next(iter(self._summaries)))
        self._summaries[key] = value
        return value

    def count_actors(self, *, text: str | None = None) -> int:
        with self._cursor("counting actors") as cur:
            row = cur.execute(browse.ACTORS_COUNT, browse.actor_params(text)).fetchone()
        return int(row[0]) if row else 0

    def get_actor(self, actor_id: str) -> ActorSummary:
        sql = browse.ACTORS_SELECT.replace(browse.ACTOR_MATCH, "n.actor_id = ?")
        with self._cursor(f"reading actor {actor_id}") as cur:
            row = cur.execute(sql, [actor_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no actor {actor_id!r} in {self._location}")
        return browse.actor_from_row(row)

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
        with self._cursor("listing relations") as cur:
            rows = cur.execute(browse.RELATIONS_SELECT, params).fetchall()
        return [browse.relation_from_row(row) for row in rows]

    def event_stats(self, query: EventQuery | None = None) -> EventStats:
        query = query or EventQuery()
        if query.level == "fused":
            where = fused_where(query)
            statements, params = browse.stats_queries(query, source=FUSED_FROM, where=where)
        else:
            statements, params = browse.stats_queries(query)
        key = ("stats", statements["totals"], *params)
        return self._kept(key, lambda: self._stats(statements, params))

    def _stats(self, statements: Mapping[str, str], params: Sequence[object]) -> EventStats:
        with self._cursor("counting events") as cur:
            rows = {key: cur.execute(sql, params).fetchall() for key, sql in statements.items()}
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
        with self._cursor("counting events per map square") as cur:
            rows = cur.execute(sql, params).fetchall()
        return clusters_from_rows(rows, zoom=zoom)

    # --- Fusion (frontlines.fusion): fused events as articles are saved; analysts' decisions.
    # Which reports to fuse is decided in store/fusion_service.py; the SQL is in store/fused.py
    # and store/duckdb_fusion.py.

    def split_event(self, event_id: str, *, reports: Sequence[str] = ()) -> list[StoredEvent]:
        with self._fusion_transaction(f"splitting event {event_id}") as fusing:
            members, named = fusing.named(event_id)
            leaving = leaving_reports(members, named=named, given=reports, event_id=event_id)
            return fusing.decide("cannot", split_pairs(members, leaving))

    def merge_events(self, ids: Sequence[str]) -> StoredEvent:
        with self._fusion_transaction("merging events " + ", ".join(ids)) as fusing:
            groups = [fusing.named(ident)[0] for ident in ids]
            merged = fusing.decide("must", merge_pairs(groups))
            return next(e for e in merged if any(r.id == groups[0][0].id for r in e.reports))

    def fusion_constraints(self) -> list[FusionConstraint]:
        with self._cursor("reading fusion decisions") as cur:
            rows = Decisions(cur).listing()
        return [
            FusionConstraint(i, kind, a, b, at.replace(tzinfo=UTC)) for i, kind, a, b, at in rows
        ]

    def fusion_strictness(self) -> str:
        with self._cursor("reading the fusion strictness") as cur:
            return self._fusing(cur).settings.strictness

    def set_fusion_strictness(self, strictness: str) -> FusionSummary:
        FusionSettings.of(strictness)  # an unknown strictness fails before anything changes
        return self.rebuild_fusion(strictness=strictness)

    def rebuild_fusion(self, *, strictness: str | None = None) -> FusionSummary:
        with self._write_lock:  # each step is a transaction; no save comes between them
            return rebuild_in_steps(
                self._fusion_step, location=self._location, strictness=strictness
            )

    @contextlib.contextmanager
    def _fusion_step(self, doing: str) -> Iterator[FusionService]:
        with self._cursor(doing) as cur, _transaction(cur):
            yield self._fusing(cur)

    def _fusing(self, cur: duckdb.DuckDBPyConnection) -> FusionService:
        return FusionService(DuckDBFusionTables(cur, inserts=self._inserts))

    @contextlib.contextmanager
    def _fusion_transaction(self, doing: str) -> Iterator[FusionService]:
        with self._write_lock, self._cursor(doing) as cur, _transaction(cur):
            yield self._fusing(cur)

    def _fuse_if_stale(self) -> None:
        """Fuse everything when reports were stored before fusion (or by an older version)."""
        with self._cursor("checking fused events") as cur:
            current = self._fusing(cur).is_current()
        if not current:
            self.rebuild_fusion()


def _fused_by_keys(
    cur: duckdb.DuckDBPyConnection, keys: Sequence[tuple[str, str]]
) -> list[StoredEvent]:
    """The fused events of these (article id, event id) keys, in their order: rows by the
    indexed event id, then their lead articles by id (a join would scan every article)."""
    if not keys:
        return []
    event_ids = sorted({event_id for _, event_id in keys})
    cur.execute(FUSED_ROWS + _in_list("e.event_id", len(event_ids)), event_ids)
    names = [column[0] for column in cur.description or ()]
    rows = {
        (row["article_id"], row["event_id"]): row
        for row in (dict(zip(names, values, strict=True)) for values in cur.fetchall())
    }
    article_ids = sorted({article_id for article_id, _ in keys})
    cur.execute(PAGE_ARTICLES + _in_list("a.id", len(article_ids)), article_ids)
    names = [column[0] for column in cur.description or ()]
    articles = {
        values[0]: dict(zip(names[1:], values[1:], strict=True)) for values in cur.fetchall()
    }
    return [
        fused_from_row({**rows[key], **articles[key[0]]})
        for key in keys
        if key in rows and key[0] in articles
    ]


def _points_by_keys(
    cur: duckdb.DuckDBPyConnection, keys: Sequence[tuple[str, str]]
) -> list[EventPoint]:
    """``_fused_by_keys`` for a map: the few columns of ``map_points``."""
    if not keys:
        return []
    event_ids = sorted({event_id for _, event_id in keys})
    rows = cur.execute(POINT_ROWS + _in_list("e.event_id", len(event_ids)), event_ids).fetchall()
    article_ids = sorted({article_id for article_id, _ in keys})
    cur.execute(POINT_ARTICLES + _in_list("a.id", len(article_ids)), article_ids)
    articles = {values[0]: values[1:] for values in cur.fetchall()}
    return points_in_order(keys, rows, articles)


def _after(
    cur: duckdb.DuckDBPyConnection, query: EventQuery, where: str, params: list[object]
) -> tuple[str, list[object]]:
    """The filter narrowed to the events after ``query.after`` (keyset paging)."""
    if query.after is None:
        return where, params
    article_id, event_id = query.after
    row = cur.execute(after_key_sql(query), [event_id, article_id]).fetchone()
    if row is None:
        raise InputError(f"event query: event {event_id!r} of {article_id!r} is not stored")
    return after_where(where, params, query=query, key=(row[0], int(row[1])))


def _interior_probe(
    cur: duckdb.DuckDBPyConnection, query: EventQuery
) -> tuple[str, list[object]] | None:
    """For a box: the same filter with the box replaced by the grid cells wholly inside it
    (store/grid.py), which reads two integer columns instead of the coordinates. Its events are
    a part of the box's, so the date of its page's last event bounds the box's page too."""
    cells = None if query.bbox is None else interior_cells(query.bbox)
    if cells is None:
        return None
    where, params = fused_where(dataclasses.replace(query, bbox=None))
    inside = interior_sql(cells)
    where = f"{where} AND {inside}" if where else f" WHERE {inside}"
    return _after(cur, query, where, params)


def _within_page_dates(
    cur: duckdb.DuckDBPyConnection,
    query: EventQuery,
    source: str,
    where: str,
    params: list[object],
    *,
    probe: tuple[str, list[object]] | None = None,
) -> tuple[str, list[object]]:
    """The filter narrowed to the dates the page can hold: the date of the last event up to the
    page's end (sorting one date column is ten times cheaper than sorting the keys) bounds every
    event before it, ties included; unchanged when that event has no date or there is none.

    ``probe``, a filter matching a part of the events (``_interior_probe``), is asked first:
    its page's last date bounds the whole filter's page as well, at a fraction of the cost."""
    if query.limit <= 0:
        return where, params
    direction = "ASC" if query.sort == "date" else "DESC"
    row = None
    for probe_where, probe_params in (*([probe] if probe else []), (where, params)):
        row = cur.execute(
            f"SELECT e.event_date FROM {source}{probe_where}"
            f" ORDER BY e.event_date {direction} NULLS LAST LIMIT 1 OFFSET ?",
            [*probe_params, query.offset + query.limit - 1],
        ).fetchone()
        if row is not None and row[0] is not None:
            break
    if row is None or row[0] is None:
        return where, params
    bound = f"e.event_date {'<=' if direction == 'ASC' else '>='} ?"
    narrowed = f"{where} AND {bound}" if where else f" WHERE {bound}"
    return narrowed, [*params, row[0]]


def _in_list(column: str, count: int) -> str:
    return f" WHERE {column} IN (" + ", ".join("?" * count) + ")"


def _require_migrated(
    con: duckdb.DuckDBPyConnection, *, location: str, migrations: Sequence[Migration]
) -> None:
    """A store opened read-only cannot migrate: it must be at this frontlines' version."""
    try:
        found = current_version(con)
    except duckdb.Error:
        found = 0
    known = latest_version(migrations)
    if found > known:
        raise SchemaVersionError(
            f"{location} has schema version {found}, newer than this frontlines knows "
            f"({known}): upgrade frontlines to open it"
        )
    if found < known:
        raise SchemaVersionError(
            f"{location} has schema version {found}, older than this frontlines ({known}): "
            "a command that writes (or `frontlines serve`) upgrades it"
        )


@contextlib.contextmanager
def _transaction(cur: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """All or nothing: roll back on any error (a driver error surfaces as StoreError)."""
    cur.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        cur.execute("ROLLBACK")
        raise
    cur.execute("COMMIT")
