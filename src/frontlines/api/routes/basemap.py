"""GET /api/basemap/labels: the place names the page's offline basemap shows for a view.

Countries when zoomed out, first-level areas in between, and cities and villages down to a
population floor that falls as the view zooms in (GeoNames, CC BY 4.0, from the gazetteer). The
page places them largest first and skips any that would overlap, so the labels thin out by
themselves. Without a built gazetteer (``frontlines gazetteer``) the list is empty, with a note.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from frontlines.api.deps import ReadAccess, SettingsDep
from frontlines.api.payloads import Out
from frontlines.filters import FILTERS_BY_NAME, bbox_value
from frontlines.geo.labels import MAX_LABELS, build_labels, labels_in

ATTRIBUTION = "Places: GeoNames (CC BY 4.0)"


class LabelOut(Out):
    name: str
    kind: str
    country: str | None
    latitude: float
    longitude: float
    population: int


class LabelsOut(Out):
    items: list[LabelOut]
    attribution: str
    note: str | None = None


def make_router() -> APIRouter:
    router = APIRouter(prefix="/api/basemap", tags=["basemap"], dependencies=[ReadAccess])

    @router.get("/labels", response_model=LabelsOut)
    def get_labels(
        settings: SettingsDep,
        bbox: Annotated[str, Query(description="the view: min_lon,min_lat,max_lon,max_lat")],
        zoom: Annotated[int, Query(ge=0, le=20, description="the map's zoom level")],
        limit: Annotated[int, Query(ge=1, le=MAX_LABELS)] = MAX_LABELS,
    ) -> LabelsOut:
        """Place labels for a view, largest first within each kind."""
        view = bbox_value(FILTERS_BY_NAME["bbox"], bbox)
        path = build_labels(cache_dir=settings.cache_dir)
        if path is None:
            note = "no gazetteer built yet: run `frontlines gazetteer` for place labels"
            return LabelsOut(items=[], attribution=ATTRIBUTION, note=note)
        found = labels_in(path, bbox=view, zoom=zoom, limit=limit)
        return LabelsOut(
            items=[
                LabelOut(
                    name=label.name,
                    kind=label.kind,
                    country=label.country,
                    latitude=label.latitude,
                    longitude=label.longitude,
                    population=label.population,
                )
                for label in found
            ],
            attribution=ATTRIBUTION,
        )

    return router
