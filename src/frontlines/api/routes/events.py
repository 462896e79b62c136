"""GET /api/events (JSON or GeoJSON) and GET /api/events/{event_id}."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from frontlines.api.convert import event_out, feature
from frontlines.api.deps import ReadAccess, StoreDep
from frontlines.api.detail import event_detail
from frontlines.api.payloads import EventDetailOut, EventPage, FeatureCollection
from frontlines.api.routes.filters import EventFilters
from frontlines.exports.events import csv_lines


def make_router() -> APIRouter:
    router = APIRouter(prefix="/api/events", tags=["events"], dependencies=[ReadAccess])

    @router.get(
        "",
        response_model=EventPage | FeatureCollection,
        responses={200: {"content": {"text/csv": {}}}},
    )
    def list_events(
        store: StoreDep,
        query: EventFilters,
        output: Annotated[
            Literal["json", "geojson", "csv"],
            Query(
                alias="format",
                description="json, geojson (located events only), or csv (ACLED's columns and "
                "values, ACLED events only, streamed)",
            ),
        ] = "json",
    ) -> EventPage | FeatureCollection | StreamingResponse:
        """Stored events matching every filter given, a page at a time, newest first by default."""
        found = store.events(query)
        if output == "csv":
            return StreamingResponse(
                csv_lines(found),
                media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": 'attachment; filename="events.csv"'},
            )
        total = store.count_events(query)
        if output == "geojson":
            features = [f for f in (feature(stored) for stored in found) if f is not None]
            return FeatureCollection(
                features=features,
                total=total,
                unlocated=len(found) - len(features),
                limit=query.limit,
                offset=query.offset,
            )
        return EventPage(
            total=total,
            limit=query.limit,
            offset=query.offset,
            items=[event_out(stored) for stored in found],
        )

    @router.get("/{event_id}", response_model=EventDetailOut)
    def get_event(store: StoreDep, event_id: str) -> EventDetailOut:
        """One event with every report behind it, its claims, sources and evidence sentences."""
        return event_detail(store, store.get_event(event_id))

    return router
