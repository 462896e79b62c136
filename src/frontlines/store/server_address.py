"""Where the server holding a DuckDB store listens: a small file beside the store.

``frontlines serve`` writes ``<store>.server.json`` (its URL and process id, never the token)
once it listens and removes it when it stops. ``frontlines ingest`` then sends its articles to
that server instead of failing on the held file, and read-only commands know to open the file
read-only beside it. A file left by a server that died is ignored: its process is gone.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)
SUFFIX = ".server.json"
# a server listening on every interface is reached from this machine at the loopback address
LOCAL_HOSTS = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}  # noqa: S104


@dataclass(frozen=True, slots=True)
class ServerAddress:
    url: str
    pid: int
    file: Path


def address_file(store_path: str | Path) -> Path:
    path = Path(store_path)
    return path.with_name(path.name + SUFFIX)


def server_url(host: str, port: int) -> str:
    """The URL a process on this machine reaches a server listening on ``host:port`` at."""
    reach = LOCAL_HOSTS.get(host, host)
    return f"http://[{reach}]:{port}" if ":" in reach else f"http://{reach}:{port}"


@contextmanager
def advertised(store_path: str | Path, *, url: str) -> Iterator[Path]:
    """Write the address file for as long as the block runs (the server's lifetime)."""
    file = address_file(store_path)
    temporary = file.with_name(file.name + f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps({"url": url, "pid": os.getpid()}) + "\n", encoding="utf-8")
    temporary.replace(file)
    try:
        yield file
    finally:
        with suppress(OSError):
            if _read(file) == (url, os.getpid()):  # not a newer server's
                file.unlink()


def server_address(store_path: str | Path) -> ServerAddress | None:
    """The server that holds the store, from its address file; None when there is no file or
    the process that wrote it is gone."""
    file = address_file(store_path)
    found = _read(file)
    if found is None:
        return None
    url, pid = found
    if not _alive(pid):
        logger.info("ignoring %s: process %d is gone", file, pid)
        return None
    return ServerAddress(url=url, pid=pid, file=file)


def _read(file: Path) -> tuple[str, int] | None:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    url, pid = data.get("url"), data.get("pid")
    if not isinstance(url, str) or not isinstance(pid, int) or isinstance(pid, bool):
        return None
    return url, pid


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True
