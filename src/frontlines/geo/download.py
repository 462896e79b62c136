"""Download a gazetteer file, resuming a partial download and checking a checksum where the
server gives one (``Content-MD5`` or ``Digest``) or the user does.

GeoNames' download server is the default home of names given without a path
(``BF.zip``, ``allCountries.zip``, ``alternateNamesV2.zip``, ``admin1CodesASCII.txt``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import re
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlparse

from frontlines.errors import InputError

GEONAMES_DUMPS = "https://download.geonames.org/export/dump/"
CHUNK = 1 << 20
TIMEOUT_S = 60
_GEONAMES_NAME = re.compile(
    r"^(?:[A-Z]{2}(?:\.zip)?|allCountries\.zip|cities(?:500|1000|5000|15000)\.zip"
    r"|alternateNames(?:V2)?\.zip|admin1CodesASCII\.txt|admin2Codes\.txt)$"
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Downloaded:
    path: Path
    date: str | None  # the server's Last-Modified, as YYYY-MM-DD


def is_url(text: str) -> bool:
    return urlparse(text).scheme in ("http", "https")


def geonames_url(name: str) -> str | None:
    """The GeoNames download address of a dump named without a path ("BF" → .../BF.zip)."""
    if not _GEONAMES_NAME.match(name):
        return None
    return GEONAMES_DUMPS + (f"{name}.zip" if len(name) == 2 else name)


def download(
    url: str,
    *,
    folder: Path,
    progress: Callable[[int], None] | None = None,
    size: Callable[[int], None] | None = None,
) -> Downloaded:
    """Fetch ``url`` into ``folder`` (kept there: a finished download is not fetched again).
    ``size`` is told the total bytes once known, ``progress`` each chunk written."""
    name = Path(urlparse(url).path).name or "download"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    state = folder / f"{name}.json"
    if target.exists():
        saved = _read_state(state)
        return Downloaded(target, saved.get("date"))
    part = folder / f"{name}.part"
    saved = _read_state(state)
    have = part.stat().st_size if part.exists() else 0
    headers = {"User-Agent": "frontlines-gazetteer"}
    if have and saved.get("validator"):
        headers["Range"] = f"bytes={have}-"
        headers["If-Range"] = str(saved["validator"])
    if not is_url(url):
        raise InputError(f"{url}: only http and https addresses are downloaded")
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (checked above)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:  # noqa: S310
            resumed = response.status == 206
            if not resumed:
                have = 0
            length = int(response.headers.get("Content-Length") or 0)
            if size is not None and length:
                size(have + length)
            if progress is not None and have:
                progress(have)
            info = {
                "validator": response.headers.get("ETag") or response.headers.get("Last-Modified"),
                "date": _date(response.headers.get("Last-Modified")),
                "md5": _md5(response.headers),
                "sha256": _sha256(response.headers),
            }
            if resumed:  # a part's checksum is the part's: the first response's is the file's
                info["md5"], info["sha256"] = saved.get("md5"), saved.get("sha256")
            state.write_text(json.dumps(info), encoding="utf-8")
            with part.open("ab" if resumed else "wb") as handle:
                while chunk := response.read(CHUNK):
                    handle.write(chunk)
                    if progress is not None:
                        progress(len(chunk))
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        raise InputError(f"{url}: download failed ({error}); run again to resume") from error
    _verify(part, md5=info["md5"], sha256=info["sha256"], url=url)
    part.replace(target)
    return Downloaded(target, info["date"])


def _verify(path: Path, *, md5: str | None, sha256: str | None, url: str) -> None:
    checks = [(hashlib.md5, md5), (hashlib.sha256, sha256)]
    for make, expected in checks:
        if not expected:
            continue
        digest = make()
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != expected:
            path.unlink(missing_ok=True)
            raise InputError(f"{url}: checksum does not match the server's; download again")
        logger.info("%s: %s checksum verified", url, digest.name)


def _read_state(path: Path) -> dict[str, str | None]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None


def _md5(headers: object) -> str | None:
    get = getattr(headers, "get", None)
    if get is None:
        return None
    value = get("Content-MD5")
    if value:
        return base64.b64decode(value).hex()
    return _from_digest(get("Digest"), "md5")


def _sha256(headers: object) -> str | None:
    get = getattr(headers, "get", None)
    return _from_digest(get("Digest"), "sha-256") if get is not None else None


def _from_digest(value: str | None, algorithm: str) -> str | None:
    """A hex digest from an RFC 3230 ``Digest`` header ("sha-256=<base64>, md5=<base64>")."""
    for part in (value or "").split(","):
        key, _, encoded = part.strip().partition("=")
        if key.lower() == algorithm and encoded:
            return base64.b64decode(encoded).hex()
    return None
