"""GET /api/clusters: matching located events counted per square of the map grid.

The page asks for it below its marker zoom: the density of the whole store in one small answer
(a few hundred squares), where the events themselves would be a million points.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from frontlines.api.deps import ReadAccess, StoreDep
from frontlines.api.payloads import ClusterOut, ClustersOut
from frontlines.api.routes.filters import EventFilters
from frontlines.store.grid import MAX_ZOOM


def make_router() -> APIRouter:
    router = APIRouter(prefix="/api/clusters", tags=["events"], dependencies=[ReadAccess])

    @router.get("", response_model=ClustersOut)
    def list_clusters(
        store: StoreDep,
        query: EventFilters,
        zoom: Annotated[
            int,
            Query(
                ge=0,
                le=MAX_ZOOM,
                description="the map's zoom: a cluster is a grid square of about 50 pixels",
            ),
        ] = 2,
    ) -> Response:
        """Located events matching every filter (bbox included), counted per grid square."""
        found = store.clusters(query, zoom=zoom)
        out = ClustersOut(
            zoom=zoom,
            total=sum(cluster.count for cluster in found),
            clusters=[
                ClusterOut(
                    count=cluster.count,
                    longitude=cluster.longitude,
                    latitude=cluster.latitude,
                    bbox=cluster.bbox,
                )
                for cluster in found
            ],
        )
        return Response(out.model_dump_json(), media_type="application/json")

    return router
