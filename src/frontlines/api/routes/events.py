"""GET /api/events (JSON or GeoJSON) and GET /api/events/{event_id}."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from frontlines.api.convert import event_out, feature_collection_json
from frontlines.api.cursor import encode_cursor
from frontlines.api.deps import ReadAccess, StoreDep
from frontlines.api.detail import event_detail
from frontlines.api.downloads import download
from frontlines.api.payloads import EventDetailOut, EventPage, FeatureCollection
from frontlines.api.routes.filters import EventFilters


def make_router() -> APIRouter:
    router = APIRouter(prefix="/api/events", tags=["events"], dependencies=[ReadAccess])

    @router.get(
        "",
        response_model=EventPage | FeatureCollection,
        responses={200: {"content": {"text/csv": {}, "application/vnd.apache.parquet": {}}}},
    )
    def list_events(
        request: Request,
        store: StoreDep,
        query: EventFilters,
        output: Annotated[
            Literal["json", "geojson", "csv", "parquet"],
            Query(
                alias="format",
                description="json, geojson (located events only), csv (ACLED's columns and "
                "values, ACLED events only) or parquet (GeoParquet, the batch's events or "
                "reports columns); csv and parquet are streamed, and hold every matching event "
                "unless limit is given",
            ),
        ] = "json",
    ) -> FeatureCollection | Response:
        """Stored events matching every filter given, a page at a time, newest first by default."""
        if output in ("csv", "parquet"):
            every = "limit" not in request.query_params
            return download(store, query, output=output, every=every)
        if output == "geojson":
            points = store.event_points(query)
            collection = feature_collection_json(
                points, total=store.count_events(query), limit=query.limit, offset=query.offset
            )
            return Response(collection, media_type="application/json")
        found = store.events(query)
        total = store.count_events(query)
        last = found[-1] if found and len(found) == query.limit else None
        page = EventPage(
            total=total,
            limit=query.limit,
            offset=query.offset,
            items=[event_out(stored) for stored in found],
            next_cursor=None if last is None else encode_cursor(last.article_id, last.event.id),
        )
        # Already an EventPage: written as it is, without FastAPI dumping and validating it again
        # against the response model (a third of the time a page of 100 spent in Python).
        return Response(page.model_dump_json(), media_type="application/json")

    @router.get("/{event_id}", response_model=EventDetailOut)
    def get_event(store: StoreDep, event_id: str) -> EventDetailOut:
        """One event with every report behind it, its claims, sources and evidence sentences."""
        return event_detail(store, store.get_event(event_id))

    return router
