"""An EventQuery as DuckDB SQL: fixed fragments joined with AND, every value a parameter."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from frontlines.store.base import EventQuery
from frontlines.store.rows import COLUMNS

EVENT_SELECT = (
    "SELECT "
    + ", ".join(f'e."{column}"' for column in COLUMNS["events"])
    + ", a.outlet, a.title, a.url, a.published, a.fictional, a.ingested_at"
    + ", a.metadata AS article_metadata"
    + " FROM events e JOIN articles a ON a.id = e.article_id"
)
# min_lon, min_lat, max_lon, max_lat, as EventQuery.bbox gives them.
BBOX = "(e.longitude >= ? AND e.latitude >= ? AND e.longitude <= ? AND e.latitude <= ?)"
EVENT_COUNT = "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id"

# Case-insensitive: does any name in a JSON list of actors contain the parameter?
_ASSOC_NAME = (
    "len(list_filter(json_extract_string(e.{column}, '$[*].name'),"
    " lambda name: contains(lower(name), lower(?)))) > 0"
)
_ASSOC_ID = "list_contains(json_extract_string(e.{column}, '$[*].id'), ?)"


Spellings = Mapping[str, Sequence[str]]  # column -> the stored values a filter on it matches


def event_where(
    query: EventQuery, *, spellings: Spellings | None = None
) -> tuple[str, list[object]]:
    """The WHERE clause (empty when nothing filters) and its parameters, in order.

    ``spellings``: for ``country`` or ``admin1``, the stored values that equal the filter but
    for case, when the caller knows them: compared as they are (``IN``), which reads the column
    in half the time of lowering every row."""
    clauses: list[str] = []
    params: list[object] = []

    def where(sql: str, *values: object) -> None:
        clauses.append(sql)
        params.extend(values)

    if query.date_from is not None:
        where("e.event_date >= ?", query.date_from)
    if query.date_to is not None:
        where("e.event_date <= ?", query.date_to)
    for column, wanted in (("country", query.country), ("admin1", query.admin1)):
        if wanted is None:
            continue
        known = (spellings or {}).get(column)
        if known is None:
            where(f"lower(e.{column}) = lower(?)", wanted)
        elif known:
            where(f"e.{column} IN ({', '.join('?' * len(known))})", *known)
        else:
            where("FALSE")
    if query.event_type is not None:
        where("e.event_type = ?", query.event_type)
    if query.sub_event_type is not None:
        where("e.sub_event_type = ?", query.sub_event_type)
    if query.actor is not None:
        where(*_actor(query.actor))
    if query.source is not None:
        where(
            "(lower(a.outlet) = lower(?) OR len(list_filter(CAST(e.sources AS VARCHAR[]),"
            " lambda source: lower(source) = lower(?))) > 0)",
            query.source,
            query.source,
        )
    if query.certainty is not None:
        where("e.certainty = ?", query.certainty)
    if query.min_fatalities is not None:
        where("e.fatalities >= ?", query.min_fatalities)
    if query.text is not None:
        where(
            "(contains(lower(e.notes), lower(?)) OR len(list_filter("
            "json_extract_string(e.evidence, '$[*].text'),"
            " lambda quote: contains(lower(quote), lower(?)))) > 0)",
            query.text,
            query.text,
        )
    if query.bbox is not None:
        # The point's own columns, edges inside: DuckDB skips row groups by their min and max
        # (PostgreSQL reads it as ST_Intersects on its GiST index, postgres_sql).
        where(BBOX, *query.bbox)
    if query.article_id is not None:
        where("e.article_id = ?", query.article_id)
    if query.fictional is not None:
        where("a.fictional = ?", query.fictional)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _actor(actor: str) -> tuple[str, ...]:
    """An actor id (exact) or a part of a name, as main or associated actor on either side.

    An empty list of associated actors is passed over before its JSON is parsed: parsing every
    event's lists cost five times the rest of the filter (176 ms of a page at a million)."""
    alternatives = [
        "e.actor1_id = ?",
        "e.actor2_id = ?",
        "contains(lower(e.actor1_name), lower(?))",
        "contains(lower(e.actor2_name), lower(?))",
        *(
            f"(e.{column} <> '[]' AND ({_ASSOC_ID.format(column=column)}"
            f" OR {_ASSOC_NAME.format(column=column)}))"
            for column in ("assoc_actor_1", "assoc_actor_2")
        ),
    ]
    return ("(" + " OR ".join(alternatives) + ")", *([actor] * (4 + 2 * 2)))


def after_key_sql(query: EventQuery) -> str:
    """The sort key (date, seq) of the event a keyset page follows, by its article and id."""
    table = "fused_events" if query.level == "fused" else "events"
    return f"SELECT event_date, seq FROM {table} WHERE event_id = ? AND article_id = ?"


def after_where(
    where: str, params: list[object], *, query: EventQuery, key: tuple[object, int]
) -> tuple[str, list[object]]:
    """``where`` narrowed to the events after ``query.after`` in ``event_order``: later in the
    sort (dates first, undated last), or on the same date with a greater article id and seq."""
    if query.after is None:
        return where, params
    day, seq = key
    article = query.after[0]
    tie = "(e.article_id > ? OR (e.article_id = ? AND e.seq > ?))"
    if day is None:
        clause, values = f"(e.event_date IS NULL AND {tie})", [article, article, seq]
    else:
        later = ">" if query.sort == "date" else "<"
        clause = f"(e.event_date {later} ? OR e.event_date IS NULL OR (e.event_date = ? AND {tie}))"
        values = [day, day, article, article, seq]
    narrowed = f"{where} AND {clause}" if where else f" WHERE {clause}"
    return narrowed, [*params, *values]


def event_order(query: EventQuery) -> str:
    direction = "ASC" if query.sort == "date" else "DESC"
    return f" ORDER BY e.event_date {direction} NULLS LAST, e.article_id, e.seq"
