"""Unknown query parameters are refused: ``?type=Battle`` must not quietly return every event."""

from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from frontlines.errors import UnknownParameterError

API_PREFIX = "/api/"


def known_parameters(route: APIRoute) -> set[str]:
    """The query parameter names a route declares, its dependencies' included."""
    names: set[str] = set()
    pending: list[Dependant] = [route.dependant]
    while pending:
        dependant = pending.pop()
        names.update(param.alias for param in dependant.query_params)
        pending.extend(dependant.dependencies)
    return names


def reject_unknown_parameters(request: Request) -> None:
    """Raise UnknownParameterError (422) naming every query parameter the API route ignores."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.url.path.startswith(API_PREFIX):
        return
    known = known_parameters(route)
    unknown = sorted({name for name in request.query_params if name not in known})
    if unknown:
        raise UnknownParameterError(
            f"unknown query parameter{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(unknown)} for {request.url.path}; "
            f"known: {', '.join(sorted(known)) or 'none'}"
        )
