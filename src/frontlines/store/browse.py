"""SQL for browsing the store (the HTTP API and the page): actors, relations and event counts.

DuckDB SQL, every value a parameter. The event filters reuse ``queries.event_where``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from frontlines.model import Mention, Relation
from frontlines.store.base import ActorSummary, EventQuery, StoredRelation
from frontlines.store.queries import event_where
from frontlines.store.rows import from_json

# Every (actor, article) pair: from the article's actor list and from its events' actor1/actor2.
_NAMED = """
named AS (
    SELECT actor_id, name, kind, country, aliases, article_id FROM actors
    UNION ALL SELECT actor1_id, actor1_name, actor1_kind, NULL, NULL, article_id
        FROM events WHERE actor1_id IS NOT NULL
    UNION ALL SELECT actor2_id, actor2_name, actor2_kind, NULL, NULL, article_id
        FROM events WHERE actor2_id IS NOT NULL
),
in_events AS (
    SELECT actor_id, count(*) AS events FROM (
        SELECT actor1_id AS actor_id FROM events UNION ALL SELECT actor2_id FROM events
    ) WHERE actor_id IS NOT NULL GROUP BY actor_id
)"""
ACTOR_MATCH = "(?::VARCHAR IS NULL OR n.actor_id = ? OR contains(lower(n.name), lower(?)))"

ACTORS_SELECT = f"""
WITH {_NAMED}
SELECT n.actor_id, mode(n.name), mode(n.kind), max(n.country),
       any_value(n.aliases) FILTER (WHERE n.aliases IS NOT NULL),
       count(DISTINCT n.article_id), coalesce(any_value(ie.events), 0), bool_and(a.fictional)
FROM named n JOIN articles a ON a.id = n.article_id LEFT JOIN in_events ie USING (actor_id)
WHERE {ACTOR_MATCH}
GROUP BY n.actor_id
"""
ACTORS_ORDER = " ORDER BY 7 DESC, 2, 1"
ACTORS_COUNT = f"""
WITH {_NAMED}
SELECT count(DISTINCT n.actor_id) FROM named n WHERE {ACTOR_MATCH}
"""

RELATIONS_SELECT = """
SELECT r.source_id, r.type, r.target_id,
       coalesce(r.source_name, s.name), coalesce(r.target_name, t.name),
       r.evidence_text, r.evidence_start, r.evidence_end,
       r.article_id, a.title, a.outlet, a.published, a.fictional
FROM relations r
JOIN articles a ON a.id = r.article_id
LEFT JOIN actors s ON s.article_id = r.article_id AND s.actor_id = r.source_id
LEFT JOIN actors t ON t.article_id = r.article_id AND t.actor_id = r.target_id
WHERE (?::VARCHAR IS NULL OR r.source_id = ? OR r.target_id = ?)
  AND (?::VARCHAR IS NULL OR r.type = ?)
ORDER BY a.published NULLS LAST, r.article_id, r.seq
LIMIT ? OFFSET ?
"""


def actor_params(text: str | None) -> list[object]:
    return [text, text, text]


def relation_params(
    *, actor_id: str | None, relation_type: str | None, limit: int, offset: int
) -> list[object]:
    return [actor_id, actor_id, actor_id, relation_type, relation_type, limit, offset]


def actor_from_row(row: Sequence[Any]) -> ActorSummary:
    actor_id, name, kind, country, aliases, articles, events, fictional = row
    return ActorSummary(
        id=actor_id,
        name=name,
        kind=kind,
        country=country,
        aliases=tuple(from_json(aliases) or ()) if aliases is not None else (),
        article_count=int(articles),
        event_count=int(events),
        fictional=bool(fictional),
    )


def relation_from_row(row: Sequence[Any]) -> StoredRelation:
    (source, kind, target, source_name, target_name, text, start, end,
     article_id, title, outlet, published, fictional) = row  # fmt: skip
    relation = Relation(
        source=source,
        type=kind,
        target=target,
        evidence=Mention(text=text, start=int(start), end=int(end)),
        source_name=source_name,
        target_name=target_name,
    )
    return StoredRelation(
        relation=relation,
        article_id=article_id,
        title=title,
        outlet=outlet,
        published=published,
        fictional=bool(fictional),
    )


def stats_queries(
    query: EventQuery,
    *,
    source: str = "events e JOIN articles a ON a.id = e.article_id",
    where: tuple[str, list[object]] | None = None,
) -> tuple[dict[str, str], list[object]]:
    """One SQL statement per count (all over the same matching events) and their parameters.

    ``source`` and ``where`` count other rows shaped like events (fused events, say).
    """
    where_sql, params = where if where is not None else event_where(query)
    matching = (
        "WITH m AS (SELECT e.article_id, e.event_id, e.event_date, e.event_type, e.country,"
        " e.admin1, e.sources, a.outlet, a.fictional"
        f" FROM {source}{where_sql}) "
    )
    # Each event's names once (its sources and its outlet): distinct within the event, where
    # a DISTINCT over every (event, name) pair cost 4x more (1M events: 0.9 -> 0.25 s).
    names = (
        "SELECT t.name FROM m,"
        " unnest(list_distinct(list_append(CAST(m.sources AS VARCHAR[]), m.outlet))) AS t(name)"
    )
    sql = {
        "totals": "SELECT count(*), count(*) FILTER (WHERE fictional),"
        " count(*) FILTER (WHERE event_date IS NULL) FROM m",
        "by_day": "SELECT event_date, count(*) FROM m WHERE event_date IS NOT NULL"
        " GROUP BY 1 ORDER BY 1",
        "by_type": "SELECT event_type, count(*) FROM m GROUP BY 1 ORDER BY 2 DESC, 1",
        "by_country": "SELECT country, count(*) FROM m GROUP BY 1 ORDER BY 2 DESC, 1",
        "by_admin1": "SELECT country, admin1, count(*) FROM m GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2",
        "by_source": f"SELECT name, count(*) FROM ({names}) WHERE name IS NOT NULL"
        " GROUP BY 1 ORDER BY 2 DESC, 1",
    }
    return {key: matching + statement for key, statement in sql.items()}, params
