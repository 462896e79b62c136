from __future__ import annotations

from datetime import date

from frontlines.store.base import EventQuery
from frontlines.store.queries import event_order, event_where


def test_queries_no_filter_means_no_where_clause() -> None:
    assert event_where(EventQuery()) == ("", [])


def test_queries_values_travel_as_parameters_in_order() -> None:
    hostile = "x'; DROP TABLE events; --"
    sql, params = event_where(
        EventQuery(date_from=date(2024, 1, 1), country=hostile, bbox=(1.0, 2.0, 3.0, 4.0))
    )
    assert hostile not in sql
    assert sql.count("?") == len(params) == 6
    assert params == [date(2024, 1, 1), hostile, 1.0, 2.0, 3.0, 4.0]


def test_queries_actor_matches_ids_and_names_on_both_sides() -> None:
    sql, params = event_where(EventQuery(actor="hts"))
    assert params == ["hts"] * 8
    for column in ("actor1_id", "actor2_id", "actor1_name", "actor2_name", "assoc_actor_1",
                   "assoc_actor_2"):  # fmt: skip
        assert column in sql


def test_queries_order_is_stable_and_puts_undated_last() -> None:
    assert event_order(EventQuery(sort="date")).endswith(
        "e.event_date ASC NULLS LAST, e.article_id, e.seq"
    )
    assert "DESC NULLS LAST" in event_order(EventQuery())
