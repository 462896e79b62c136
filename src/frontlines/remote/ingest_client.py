"""``frontlines ingest`` into a running server: read here, analysed and stored there.

The articles are read exactly as ``ingest`` reads them (files, folders, feeds, zip, stdin,
``--published``) and sent to ``POST /api/ingest`` in batches (``BATCH`` articles, under the
request limit), with the token. The server stores and fuses them as ``ingest`` would and answers
one outcome per article; inputs that could not be read fail here, in their place. Sending again
stores nothing twice: an article is known by its key.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import IO, Any

from frontlines.errors import InputError
from frontlines.ingest.ingester import IngestReport, InputResult
from frontlines.readers.common import Item, ReadLimits
from frontlines.readers.folders import expand_sources
from frontlines.readers.named_inputs import read_source
from frontlines.remote.http import TooLargeError, post_json

BATCH = 32
INGEST_PATH = "/api/ingest"


@dataclass(frozen=True, slots=True)
class Server:
    url: str  # http(s)://host:port, no path
    token: str

    @property
    def ingest_url(self) -> str:
        return self.url.rstrip("/") + INGEST_PATH


def send_to_server(
    sources: Iterable[str],
    *,
    server: Server,
    limits: ReadLimits,
    max_request_bytes: int,
    replace: bool = False,
    published: date | None = None,
    stdin: IO[bytes] | None = None,
    batch: int = BATCH,
    on_result: Callable[[InputResult], None] | None = None,
) -> IngestReport:
    """Read every source and have the server store it; one outcome per article, in order."""
    report = IngestReport()
    budget = max(1024, int(max_request_bytes * 0.9))  # leave room for the envelope
    pending: list[tuple[Item, bytes | None]] = []
    size = 0

    def flush() -> None:
        nonlocal size
        for result in _send(pending, server=server, replace=replace):
            report.results.append(result)
            if on_result is not None:
                on_result(result)
        pending.clear()
        size = 0

    started = time.perf_counter()
    for item in _items(sources, limits=limits, stdin=stdin, report=report):
        encoded = _encoded(item, published=published)
        grows = len(encoded) + 1 if encoded is not None else 0
        if pending and (len(pending) >= batch or size + grows > budget):
            flush()
        pending.append((item, encoded))
        size += grows
    if pending:
        flush()
    report.seconds["storing"] = time.perf_counter() - started - report.seconds.get("reading", 0)
    return report


def _items(
    sources: Iterable[str], *, limits: ReadLimits, stdin: IO[bytes] | None, report: IngestReport
) -> Iterator[Item]:
    for source in expand_sources(sources):
        items = read_source(source, limits=limits, stdin=stdin)
        while True:
            started = time.perf_counter()
            item = next(items, None)
            report.seconds["reading"] = (
                report.seconds.get("reading", 0.0) + time.perf_counter() - started
            )
            if item is None:
                break
            yield item


def _encoded(item: Item, *, published: date | None) -> bytes | None:
    """The item as the JSON the server takes; None when it has no article to send."""
    article = item.article
    if item.error is not None or article is None:
        return None
    if published is not None:  # the user's date over the input's, as ingest does
        article = dataclasses.replace(article, published=published, published_source="input")
    payload: dict[str, Any] = {
        "origin": item.origin,
        "text": article.text,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "published_source": article.published_source,
        "language": article.language,
        "fictional": article.fictional,
        "metadata": dict(item.metadata),
    }
    try:
        return json.dumps(payload, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError):
        return b""  # metadata that is not JSON: it fails alone


def _send(
    pending: list[tuple[Item, bytes | None]], *, server: Server, replace: bool
) -> list[InputResult]:
    """Each pending item's outcome, in order: read failures here, the rest from the server."""
    outcomes: list[InputResult | None] = []
    to_send: list[bytes] = []
    for item, encoded in pending:
        if item.error is not None:
            outcomes.append(InputResult(item.origin, "failed", reason=item.error, cause=item.cause))
        elif item.article is None:
            outcomes.append(InputResult(item.origin, "skipped", reason=item.skip or "nothing"))
        elif not encoded:
            reason = f"{item.origin}: its metadata cannot be sent as JSON"
            outcomes.append(InputResult(item.origin, "failed", reason=reason, cause="input"))
        else:
            outcomes.append(None)
            to_send.append(encoded)
    answered = iter(_post(to_send, server=server, replace=replace))
    return [outcome if outcome is not None else next(answered) for outcome in outcomes]


def _post(encoded: list[bytes], *, server: Server, replace: bool) -> list[InputResult]:
    """The server's outcomes for ``encoded``; a batch over its request limit goes in halves."""
    if not encoded:
        return []
    body = (
        b'{"replace": ' + (b"true" if replace else b"false") + b', "items": ['
        + b", ".join(encoded) + b"]}"
    )  # fmt: skip
    try:
        answer = post_json(server.ingest_url, body, token=server.token)
    except TooLargeError as error:
        if len(encoded) == 1:
            origin = json.loads(encoded[0])["origin"]
            return [InputResult(origin, "failed", reason=f"{origin}: {error}", cause="input")]
        half = len(encoded) // 2
        return [
            *_post(encoded[:half], server=server, replace=replace),
            *_post(encoded[half:], server=server, replace=replace),
        ]
    return _results(answer, expected=len(encoded), url=server.ingest_url)


def _results(answer: dict[str, Any], *, expected: int, url: str) -> list[InputResult]:
    found = answer.get("results")
    if not isinstance(found, list) or len(found) != expected:
        raise InputError(f"the server at {url} answered {expected} articles with another count")
    fields = {field.name for field in dataclasses.fields(InputResult)}
    return [
        InputResult(**{key: value for key, value in entry.items() if key in fields})
        for entry in found
        if isinstance(entry, dict)
    ]
