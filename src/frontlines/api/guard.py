"""The request guard: what every request must pass before its body is read.

A pure ASGI middleware, so that nothing reaches a route (or reads a body) first. A request that
writes or analyses must carry the operator's token (401 at once, the body unread); a body over
``max_request_bytes`` is refused with 413, from its Content-Length before reading, and while it
streams when it has none.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from frontlines.settings import Settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SAFE_BODY_BYTES = 65_536  # a read has no use for a body: a big one is refused, not read
ANALYZE_PATH = "/api/analyze"


class BodyTooLargeError(Exception):
    """Raised from ``receive`` when a streamed body passes the limit."""


class RequestGuard:
    """Token before body for writes and analyses, and a cap on every request body."""

    def __init__(self, app: App, *, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1").lower(): value for key, value in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            status, detail, error = refusal
            await _answer(send, status=status, detail=detail, error=error)
            return
        limit = self._limit(scope)
        received = 0
        started = refused = False

        async def counted_receive() -> Message:
            # Over the limit, the 413 goes out at once: whatever the app makes of the error
            # raised here (FastAPI turns body errors into a 400) is dropped by watched_send.
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    if not started and not refused:
                        refused = True
                        await _answer(send, **_too_large(limit))
                    raise BodyTooLargeError
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except BodyTooLargeError:
            if not started and not refused:
                await _answer(send, **_too_large(limit))

    def _limit(self, scope: Scope) -> int:
        if scope["method"] in SAFE_METHODS:
            return min(SAFE_BODY_BYTES, self.settings.max_request_bytes)
        return self.settings.max_request_bytes

    def _refusal(self, scope: Scope, headers: dict[str, bytes]) -> tuple[int, str, str] | None:
        length = headers.get("content-length")
        if length is not None:
            text = length.decode("latin-1").strip()
            if not text.isascii() or not text.isdigit():
                return 400, "Content-Length is not a number of bytes", "InputError"
            if int(text) > self._limit(scope):
                too_large = _too_large(self._limit(scope))
                return too_large["status"], too_large["detail"], too_large["error"]
        if self._needs_token(scope):
            problem = token_problem(self.settings, headers.get("authorization"))
            if problem is not None:
                return 401, problem, "AuthError"
        return None

    def _needs_token(self, scope: Scope) -> bool:
        if scope["method"] in SAFE_METHODS:
            return False
        path = str(scope["path"]).rstrip("/")
        if path == ANALYZE_PATH and not self.settings.analyze_requires_token:
            return self.settings.read_requires_token
        return True


def token_problem(settings: Settings, authorization: bytes | None) -> str | None:
    """Why the Authorization header does not carry the operator's token, or None when it does."""
    if not settings.api_token:
        return (
            "this server has no API token configured, so it takes no writes or analyses: start "
            "it with FRONTLINES_API_TOKEN set (or `frontlines serve --token-env NAME`)"
        )
    if authorization is None:
        return "missing API token: send the header 'Authorization: Bearer <token>'"
    scheme, _, given = authorization.strip().partition(b" ")
    if scheme.lower() != b"bearer" or not hmac.compare_digest(
        given.strip(), settings.api_token.encode("utf-8")
    ):
        return "wrong API token"
    return None


def _too_large(limit: int) -> dict[str, Any]:
    return {
        "status": 413,
        "detail": f"request body over the limit of {limit} bytes",
        "error": "InputError",
    }


async def _answer(send: Send, *, status: int, detail: str, error: str) -> None:
    body = json.dumps({"detail": detail, "error": error}).encode("ascii")
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode("ascii")),
        (b"x-content-type-options", b"nosniff"),
    ]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
