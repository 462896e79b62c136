"""GET /api/example/counts: what the store holds, by kind of row (a plugin's route)."""

from __future__ import annotations

from fastapi import APIRouter

from frontlines.api.deps import ReadAccess, StoreDep


def make_router() -> APIRouter:
    router = APIRouter(prefix="/api/example", tags=["example"], dependencies=[ReadAccess])

    @router.get("/counts")
    def counts(store: StoreDep) -> dict[str, int]:
        return store.counts()

    return router
