"""GET /api/stats: event counts by day, type, region and source (the timeline's data)."""

from __future__ import annotations

from fastapi import APIRouter

from frontlines.api.convert import stats_out
from frontlines.api.deps import ReadAccess, StoreDep
from frontlines.api.payloads import StatsOut
from frontlines.api.routes.filters import EventFilters


def make_router() -> APIRouter:
    router = APIRouter(prefix="/api/stats", tags=["stats"], dependencies=[ReadAccess])

    @router.get("", response_model=StatsOut)
    def get_stats(store: StoreDep, query: EventFilters) -> StatsOut:
        """Counts of the events matching the filters (limit, offset and sort do not apply)."""
        return stats_out(store.event_stats(query))

    return router
