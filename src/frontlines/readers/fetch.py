"""Fetching a feed or page over HTTP(S), with a timeout and a size cap, and clear offline errors."""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from frontlines.errors import InputError
from frontlines.version import __version__

USER_AGENT = f"frontlines/{__version__}"
CHUNK = 65536
TOTAL_TIME_FACTOR = 10  # a whole body may take this many timeouts (a slow drip is cut off)


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str


def is_url(source: str) -> bool:
    return urlsplit(source).scheme.lower() in ("http", "https")


def fetch(url: str, *, max_bytes: int, timeout_s: float) -> Fetched:
    """The body at ``url``; InputError naming the URL when it cannot be had in time and size."""
    if not is_url(url) or not url.isprintable():
        shown = url if url.isprintable() else repr(url)
        raise InputError(f"{shown}: only http:// and https:// addresses can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:  # noqa: S310
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(f"{url}: {length} bytes is over the limit of {max_bytes} bytes")
            data = _read_capped(response, url=url, max_bytes=max_bytes, timeout_s=timeout_s)
            final_url = response.geturl()
            content_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        raise InputError(f"{url}: the server answered HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise InputError(f"{url}: no answer within {timeout_s:g} s") from None
        raise InputError(
            f"{url}: cannot reach the server ({error.reason}); are you offline?"
        ) from None
    except TimeoutError:
        raise InputError(f"{url}: no answer within {timeout_s:g} s") from None
    except (OSError, ValueError, http.client.HTTPException) as error:
        raise InputError(f"{url}: the fetch failed ({type(error).__name__}: {error})") from None
    return Fetched(url=final_url, data=data, content_type=content_type)


def _read_capped(response: Any, *, url: str, max_bytes: int, timeout_s: float) -> bytes:
    deadline = time.monotonic() + timeout_s * TOTAL_TIME_FACTOR
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(CHUNK):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: over the limit of {max_bytes} bytes")
        if time.monotonic() > deadline:
            raise InputError(f"{url}: the body took over {timeout_s * TOTAL_TIME_FACTOR:g} s")
    return b"".join(chunks)
