"""GET /api/relations: the edges of the actor graph, each with its evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from frontlines.api.convert import relation_out
from frontlines.api.deps import ReadAccess, StoreDep
from frontlines.api.detail import relations_in_context
from frontlines.api.payloads import RelationPage
from frontlines.api.routes.filters import MAX_OFFSET
from frontlines.model import RelationType


def make_router() -> APIRouter:
    router = APIRouter(prefix="/api/relations", tags=["relations"], dependencies=[ReadAccess])

    @router.get("", response_model=RelationPage)
    def list_relations(
        *,
        store: StoreDep,
        actor: Annotated[str | None, Query(description="an actor id at either end")] = None,
        relation_type: Annotated[RelationType | None, Query(alias="type")] = None,
        limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        context: Annotated[
            bool, Query(description="add the sentence around each evidence, highlighted")
        ] = False,
    ) -> RelationPage:
        """Relations between actors, oldest article first."""
        found = store.relations(
            actor_id=actor, relation_type=relation_type, limit=limit, offset=offset
        )
        items = relations_in_context(store, found) if context else [relation_out(r) for r in found]
        return RelationPage(limit=limit, offset=offset, items=items)

    return router
