"""The event filters shared by /api/events and /api/stats, as one typed dependency.

The parameters are built from ``frontlines.filters.FILTERS``, the definition the command line
uses too, so ``--sub-type`` there is ``sub_type`` here; older names are kept as aliases.
"""

from __future__ import annotations

import inspect
from typing import Annotated, Any, Literal

from fastapi import Depends, Query

from frontlines.api.cursor import decode_cursor
from frontlines.filters import FILTERS, query_fields
from frontlines.store.base import EventQuery

MAX_LIMIT = 10_000
MAX_OFFSET = 1_000_000_000  # far past any store, far below the store's 64-bit integers


def _filter_parameters() -> list[inspect.Parameter]:
    parameters = []
    for spec in FILTERS:
        for index, name in enumerate((spec.name, *spec.aliases)):
            query = Query(
                alias=name,
                description=spec.describe() if index == 0 else f"old name of {spec.name}",
                deprecated=index > 0 or None,
            )
            parameters.append(
                inspect.Parameter(
                    f"filter_{name}",
                    inspect.Parameter.KEYWORD_ONLY,
                    default=None,
                    annotation=Annotated[str | None, query],
                )
            )
    return parameters


def _paging_parameters() -> list[inspect.Parameter]:
    def keyword(name: str, annotation: Any, default: Any) -> inspect.Parameter:
        return inspect.Parameter(
            name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
        )

    return [
        keyword("sort", Literal["date", "-date"], "-date"),
        keyword("limit", Annotated[int, Query(ge=1, le=MAX_LIMIT)], 100),
        keyword("offset", Annotated[int, Query(ge=0, le=MAX_OFFSET)], 0),
        keyword(
            "cursor",
            Annotated[
                str | None,
                Query(
                    max_length=2000,
                    description="the next_cursor of the page before: the events after it "
                    "(keyset paging; instead of offset)",
                ),
            ],
            None,
        ),
        keyword(
            "level",
            Annotated[
                Literal["fused", "reports"],
                Query(
                    description="fused: one event per happening; reports: one per article's report"
                ),
            ],
            "fused",
        ),
    ]


def event_query(**params: Any) -> EventQuery:
    """The EventQuery of the request's filter, sort and paging parameters."""
    values = {
        key.removeprefix("filter_"): value
        for key, value in params.items()
        if key.startswith("filter_")
    }
    return EventQuery(
        **query_fields(values),
        sort=params.get("sort", "-date"),
        limit=params.get("limit", 100),
        offset=params.get("offset", 0),
        level=params.get("level", "fused"),
        after=decode_cursor(cursor) if (cursor := params.get("cursor")) else None,
    )


event_query.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    _filter_parameters() + _paging_parameters(), return_annotation=EventQuery
)

EventFilters = Annotated[EventQuery, Depends(event_query)]
