"""POST /api/events/{event_id}/split, POST /api/events/merge, GET /api/fusion/decisions.

Analysts' corrections to fusion. Each is kept in the store as a decision between reports and
survives re-analysis and re-fusion; writes need the operator's API token.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from frontlines.api.convert import event_out
from frontlines.api.deps import ReadAccess, StoreDep, WriteAccess
from frontlines.api.payloads import DecisionOut, EventOut, MergeIn, SplitIn


def make_router() -> APIRouter:
    router = APIRouter(tags=["fusion"])
    unauthorised: dict[int | str, dict[str, Any]] = {
        401: {"description": "missing or wrong API token"}
    }

    @router.post(
        "/api/events/{event_id}/split",
        response_model=list[EventOut],
        dependencies=[WriteAccess],
        responses=unauthorised,
    )
    def split_event(store: StoreDep, event_id: str, body: SplitIn) -> list[EventOut]:
        """Undo a wrong merge: the reports given leave the event together (none given: every
        report becomes its own event). Returns the events they now form."""
        return [event_out(found) for found in store.split_event(event_id, reports=body.reports)]

    @router.post(
        "/api/events/merge",
        response_model=EventOut,
        dependencies=[WriteAccess],
        responses=unauthorised,
    )
    def merge_events(store: StoreDep, body: MergeIn) -> EventOut:
        """Make the events given one event (fusion kept them apart). Returns it."""
        return event_out(store.merge_events(body.ids))

    @router.get(
        "/api/fusion/decisions", response_model=list[DecisionOut], dependencies=[ReadAccess]
    )
    def decisions(store: StoreDep) -> list[DecisionOut]:
        """Every split (cannot) and merge (must) decision between reports, oldest first."""
        return [
            DecisionOut(
                id=found.id,
                kind=found.kind,
                first=found.first,
                second=found.second,
                created_at=found.created_at,
            )
            for found in store.fusion_constraints()
        ]

    return router
