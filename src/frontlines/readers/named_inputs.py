"""From what a user names (a file, a folder's file, a URL, ``-`` for stdin) to read items.

``read_source`` never raises for a bad input: whatever is wrong becomes a failed Item whose
error is one line naming the input. Publication dates: the input's own, else the page's, else the
date line or dateline at the top of the text; never a file's modification day (an undated
article stays undated, its events dated only where the text fixes them).
"""

from __future__ import annotations

import errno
import io
import logging
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO

from frontlines.errors import InputError
from frontlines.readers.archive import ReadBlob, read_zip
from frontlines.readers.common import Item, ReadLimits
from frontlines.readers.fetch import fetch, is_url
from frontlines.readers.formats import Kind, kind_by_name, sniff
from frontlines.readers.jsonl import read_json_array, read_jsonl
from frontlines.readers.kinds import reader_table
from frontlines.readers.parquet import is_parquet, read_parquet
from frontlines.readers.plain_text import read_bytes

STDIN = "-"
logger = logging.getLogger(__name__)
SNIFF_BYTES = 4096


def read_source(
    source: str, *, limits: ReadLimits, stdin: IO[bytes] | None = None
) -> Iterator[Item]:
    """Every item of one source; failures come back as failed items, never as exceptions."""
    try:
        yield from _read(source, limits=limits, stdin=stdin)
    except InputError as error:
        yield Item.failed(source, error)
    except OSError as error:  # permission denied, a file gone or a disk error while reading
        yield Item.failed(source, unreadable(source, error), cause="unreadable")
    except Exception as error:  # a reader's bug: this source fails alone, the run goes on
        logger.exception("reading %s failed", source)
        yield Item.failed(
            source,
            f"{source}: {type(error).__name__}: {error}",
            cause=f"unexpected {type(error).__name__}",
        )


def unreadable(source: str, error: OSError) -> str:
    """One line for a file or folder the operating system refuses to read."""
    return f"{source}: cannot be read ({error.strerror or type(error).__name__})"


def _read(source: str, *, limits: ReadLimits, stdin: IO[bytes] | None) -> Iterator[Item]:
    if source == STDIN:
        data = _read_stream(stdin, origin="stdin", cap=limits.max_container_bytes)
        yield from _read_unnamed(data, origin="stdin", limits=limits)
        return
    if is_url(source):
        fetched = fetch(source, max_bytes=limits.max_container_bytes, timeout_s=limits.timeout_s)
        yield from _read_unnamed(fetched.data, origin=source, limits=limits, url=fetched.url)
        return
    path = Path(source)
    if not path.exists():
        raise InputError(f"{source}: no such file or folder")
    if path.is_dir():
        if not os.access(path, os.R_OK | os.X_OK):
            raise PermissionError(errno.EACCES, "permission denied", source)
        yield Item(origin=source, skip="no readable files in the folder (.txt, .html, .xml, ...)")
        return
    if not path.is_file():
        raise InputError(f"{source}: not a regular file")
    yield from _read_file(path, limits=limits)


def _read_file(path: Path, *, limits: ReadLimits) -> Iterator[Item]:
    origin = str(path)
    if is_parquet(path.name):
        yield from read_parquet(path, max_bytes=limits.max_bytes)
        return
    kind = kind_by_name(path.name)
    if kind is None:
        with path.open("rb") as stream:
            kind = sniff(stream.read(SNIFF_BYTES))
    if kind is None:
        raise InputError(f"{origin}: binary data, not a text, HTML, feed, JSON lines or zip file")
    if kind == "zip":
        yield from read_zip(origin, origin=origin, limits=limits, read_blob=blob_reader(limits))
    elif kind == "jsonl":
        with path.open("rb") as stream:
            if stream.read(SNIFF_BYTES).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"["):
                data = read_bytes(path, max_bytes=limits.max_container_bytes)
                yield from read_json_array(data, origin=origin, max_bytes=limits.max_bytes)
                return
            stream.seek(0)
            yield from read_jsonl(stream, origin=origin, max_bytes=limits.max_bytes)
    else:
        single = reader_table().get(kind).single_article
        cap = limits.max_bytes if single else limits.max_container_bytes
        data = read_bytes(path, max_bytes=cap)
        yield from read_blob(data, origin=origin, kind=kind, limits=limits, fallback_published=None)


def _read_unnamed(
    data: bytes, *, origin: str, limits: ReadLimits, url: str | None = None
) -> Iterator[Item]:
    """Stdin or a fetched body: the kind is sniffed, and there is no file date to fall back on."""
    kind = sniff(data[:SNIFF_BYTES])
    if kind is None:
        raise InputError(f"{origin}: binary data, not a text, HTML, feed, JSON lines or zip file")
    if kind == "zip":
        reader = blob_reader(limits)
        yield from read_zip(io.BytesIO(data), origin=origin, limits=limits, read_blob=reader)
        return
    if reader_table().get(kind).single_article and len(data) > limits.max_bytes:
        raise InputError(f"{origin}: over the limit of {limits.max_bytes} bytes")
    yield from read_blob(
        data, origin=origin, kind=kind, limits=limits, fallback_published=None, url=url
    )


def read_blob(
    data: bytes,
    *,
    origin: str,
    kind: Kind,
    limits: ReadLimits,
    fallback_published: date | None,
    url: str | None = None,
) -> Iterator[Item]:
    """The items of bytes already read, by the reader of their kind (never a zip: archives
    don't nest)."""
    reader = reader_table().get(kind)
    yield from reader.read(
        data, origin=origin, limits=limits, fallback_published=fallback_published, url=url
    )


def blob_reader(limits: ReadLimits) -> ReadBlob:
    """``read_blob`` for an archive's members: a bad member fails alone."""

    def read(
        data: bytes, *, origin: str, kind: Kind, fallback_published: date | None
    ) -> Iterator[Item]:
        try:
            yield from read_blob(
                data, origin=origin, kind=kind, limits=limits, fallback_published=fallback_published
            )
        except InputError as error:
            yield Item.failed(origin, error)

    return read


def _read_stream(stream: IO[bytes] | None, *, origin: str, cap: int) -> bytes:
    if stream is None:
        raise InputError(f"{origin}: no input stream to read")
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputError(f"{origin}: over the limit of {cap} bytes")
    return data
