"""Where ``frontlines ingest`` stores: the store itself, or the server that holds it.

``--to URL`` names a server. Without it, a DuckDB store that ``frontlines serve`` holds (its
address file is beside the store, ``store.server_address``) sends to that server. Either way the
token is the one the server was started with, from ``FRONTLINES_API_TOKEN`` (or ``--token-env``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from frontlines.errors import AuthError, InputError
from frontlines.remote.ingest_client import Server
from frontlines.store.backends import DEFAULT_SCHEME, scheme_of
from frontlines.store.server_address import server_address

_URL = re.compile(r"^https?://[^/\s]+/?$")


def ingest_target(
    db_path: str | Path, *, to: str | None, token_env: str
) -> tuple[Server, str] | None:
    """The server to send to, with a line saying why; None to store directly."""
    if to is not None:
        if not _URL.match(to):
            raise InputError(f"--to {to}: give the server's address, as http://HOST:PORT")
        return Server(url=to.rstrip("/"), token=_token(token_env, url=to)), f"sending to {to}"
    location = str(db_path)
    if location == ":memory:" or scheme_of(location) != DEFAULT_SCHEME:
        return None
    found = server_address(location.removeprefix(f"{DEFAULT_SCHEME}://"))
    if found is None:
        return None
    why = (
        f"{location} is held by `frontlines serve` (PID {found.pid}): sending the articles to it "
        f"at {found.url}"
    )
    return Server(url=found.url, token=_token(token_env, url=found.url)), why


def _token(env: str, *, url: str) -> str:
    token = os.environ.get(env, "").strip()
    if not token:
        raise AuthError(
            f"sending articles to the server at {url} needs its API token: set {env} to the "
            "token `frontlines serve` was started with (or name another variable: --token-env)"
        )
    return token
