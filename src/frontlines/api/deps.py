"""What every route may depend on, as typed aliases: the store, the settings, the token checks."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, cast

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from frontlines.errors import AuthError
from frontlines.model import Analysis, Article
from frontlines.settings import Settings
from frontlines.store.base import Store


@dataclass(frozen=True, slots=True)
class AppContext:
    """Everything the routes share, built by ``create_app`` and kept on ``app.state``."""

    store: Store
    settings: Settings
    analyze: Callable[[Article], Analysis]


def get_context(request: Request) -> AppContext:
    return cast(AppContext, request.app.state.context)


def get_store(request: Request) -> Store:
    return get_context(request).store


def get_settings(request: Request) -> Settings:
    return get_context(request).settings


def get_analyze(request: Request) -> Callable[[Article], Analysis]:
    return get_context(request).analyze


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
AnalyzeDep = Annotated[Callable[[Article], Analysis], Depends(get_analyze)]
Credentials = Annotated[
    HTTPAuthorizationCredentials | None,
    Depends(HTTPBearer(auto_error=False, description="the operator's FRONTLINES_API_TOKEN")),
]


def check_token(settings: Settings, credentials: HTTPAuthorizationCredentials | None) -> None:
    """Raise AuthError unless the request carries the configured token as a Bearer header."""
    if not settings.api_token:
        raise AuthError(
            "this server has no API token configured, so it takes no writes: start it with "
            "FRONTLINES_API_TOKEN set (or `frontlines serve --token-env NAME`)"
        )
    if credentials is None:
        raise AuthError("missing API token: send the header 'Authorization: Bearer <token>'")
    given = credentials.credentials.encode("utf-8")
    if not hmac.compare_digest(given, settings.api_token.encode("utf-8")):
        raise AuthError("wrong API token")


def require_write_token(settings: SettingsDep, credentials: Credentials) -> None:
    check_token(settings, credentials)


def require_read_access(settings: SettingsDep, credentials: Credentials) -> None:
    """Reads are open unless the operator set ``read_requires_token``."""
    if settings.read_requires_token:
        check_token(settings, credentials)


def require_analyze_access(settings: SettingsDep, credentials: Credentials) -> None:
    """Analyses cost CPU: they need the token unless the operator opened them to everyone."""
    if settings.analyze_requires_token:
        check_token(settings, credentials)
    else:
        require_read_access(settings, credentials)


WriteAccess = Depends(require_write_token)
AnalyzeAccess = Depends(require_analyze_access)
ReadAccess = Depends(require_read_access)
