"""One JSON POST to the server, with the token; its refusals as frontlines errors in one line."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from typing import Any

from frontlines.errors import AuthError, FrontlinesError, InputError, StoreError

BUSY_WAIT_S = 60.0  # how long to keep trying while the server answers 503 (store busy)
TIMEOUT_S = 900.0  # a batch is analysed before the answer comes


class TooLargeError(InputError):
    """The server refused the body as over its request limit (413)."""


def post_json(
    url: str, payload: bytes, *, token: str, busy_wait_s: float = BUSY_WAIT_S
) -> dict[str, Any]:
    """POST ``payload`` (JSON) to ``url``; the answer's JSON object. Waits out 503 answers."""
    deadline = time.monotonic() + busy_wait_s
    pause = 0.5
    while True:
        request = urllib.request.Request(  # noqa: S310 (the URL is checked to be http(s))
            url,
            data=payload,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Accept": "application/json",
                "Authorization": f"Bearer {token}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as answer:  # noqa: S310
                found = json.loads(answer.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            if error.code == 503 and time.monotonic() < deadline:
                time.sleep(pause)
                pause = min(pause * 2, 5.0)
                continue
            raise refusal(url, error) from None
        except urllib.error.URLError as error:
            raise StoreError(f"cannot reach the server at {url}: {error.reason}") from None
        except (OSError, ValueError) as error:
            raise StoreError(f"no answer from the server at {url}: {error}") from None
        if not isinstance(found, dict):
            raise StoreError(f"the server at {url} answered with something other than JSON")
        return found


def refusal(url: str, error: urllib.error.HTTPError) -> FrontlinesError:
    detail = _detail(error)
    if error.code == 401:
        return AuthError(f"the server at {url} refused the token: {detail}")
    if error.code == 413:
        return TooLargeError(f"the server at {url} refused the batch: {detail}")
    if error.code in (400, 422):
        return InputError(f"the server at {url} refused the batch: {detail}")
    return StoreError(f"the server at {url} failed ({error.code}): {detail}")


def _detail(error: urllib.error.HTTPError) -> str:
    try:
        body = json.loads(error.read().decode("utf-8"))
    except (OSError, ValueError):
        return error.reason or f"HTTP {error.code}"
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, list):  # a validation error: where and what
        detail = "; ".join(
            f"{'.'.join(str(part) for part in entry.get('loc', []))}: {entry.get('msg', '')}"
            for entry in detail
            if isinstance(entry, dict)
        )
    return " ".join(str(detail or error.reason or f"HTTP {error.code}").split())
