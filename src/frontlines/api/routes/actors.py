"""GET /api/actors and GET /api/actors/{actor_id} with its relations over time."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from frontlines.api.convert import actor_out
from frontlines.api.deps import ReadAccess, StoreDep
from frontlines.api.detail import relations_in_context
from frontlines.api.payloads import ActorDetailOut, ActorPage
from frontlines.api.routes.filters import MAX_OFFSET


def make_router() -> APIRouter:
    router = APIRouter(prefix="/api/actors", tags=["actors"], dependencies=[ReadAccess])

    @router.get("", response_model=ActorPage)
    def list_actors(
        store: StoreDep,
        text: Annotated[str | None, Query(description="actor id, or part of a name")] = None,
        limit: Annotated[int, Query(ge=1, le=10_000)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> ActorPage:
        """Actors across all stored articles, most events first."""
        text = text or None
        return ActorPage(
            total=store.count_actors(text=text),
            limit=limit,
            offset=offset,
            items=[actor_out(a) for a in store.actors(text=text, limit=limit, offset=offset)],
        )

    @router.get("/{actor_id}", response_model=ActorDetailOut)
    def get_actor(
        store: StoreDep,
        actor_id: str,
        limit: Annotated[int, Query(ge=1, le=10_000, description="most relations")] = 1000,
    ) -> ActorDetailOut:
        """One actor and its relations (supports, fights, controlled_by...), oldest first."""
        actor = actor_out(store.get_actor(actor_id))
        relations = store.relations(actor_id=actor_id, limit=limit)
        return ActorDetailOut(
            **actor.model_dump(), relations=relations_in_context(store, relations)
        )

    return router
