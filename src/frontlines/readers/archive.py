"""Zip archives: each member read by its extension, with limits against decompression bombs.

An archive is refused whole when it has too many members or declares too many uncompressed
bytes; a member is refused when its compression ratio is that of a bomb, and every member is
decompressed with a cap, so a header that lies about sizes cannot get past the limits. Nested
archives are not opened.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from datetime import date
from typing import IO, Protocol

from frontlines.errors import InputError
from frontlines.readers.common import Item, ReadLimits
from frontlines.readers.formats import SINGLE_ARTICLE, Kind, kind_by_name

BOMB_CHECK_BYTES = 1_000_000  # small members may compress well without being bombs
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError)


class ReadBlob(Protocol):
    def __call__(
        self, data: bytes, *, origin: str, kind: Kind, fallback_published: date | None
    ) -> Iterator[Item]: ...


def read_zip(
    file: str | IO[bytes], *, origin: str, limits: ReadLimits, read_blob: ReadBlob
) -> Iterator[Item]:
    """The items of every member, each read by ``read_blob``."""
    try:
        archive = zipfile.ZipFile(file)
    except (*_ZIP_ERRORS, ValueError) as error:
        raise InputError(f"{origin}: not a readable zip archive ({error})") from None
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        _check_archive(members, origin=origin, limits=limits)
        budget = limits.max_container_bytes
        for info in members:
            where = f"{origin}!{info.filename}"
            kind = kind_by_name(info.filename)
            if kind is None or kind == "zip":
                what = "a nested archive" if kind else "not a supported file type"
                yield Item(origin=where, skip=f"{what}, not read")
                continue
            try:
                data = _member_bytes(archive, info, kind=kind, origin=where, limits=limits)
            except InputError as error:
                yield Item.failed(where, error)
                continue
            budget -= len(data)
            if budget < 0:
                raise InputError(
                    f"{origin}: over {limits.max_container_bytes} bytes uncompressed; "
                    "the rest of the archive is not read"
                )
            yield from read_blob(data, origin=where, kind=kind, fallback_published=None)


def _check_archive(members: list[zipfile.ZipInfo], *, origin: str, limits: ReadLimits) -> None:
    if len(members) > limits.max_members:
        raise InputError(f"{origin}: {len(members)} files, over the limit of {limits.max_members}")
    declared = sum(info.file_size for info in members)
    if declared > limits.max_container_bytes:
        raise InputError(
            f"{origin}: {declared} bytes uncompressed, over the limit of "
            f"{limits.max_container_bytes} (a zip bomb?)"
        )


def _member_bytes(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, kind: Kind, origin: str, limits: ReadLimits
) -> bytes:
    cap = limits.max_bytes if kind in SINGLE_ARTICLE else limits.max_container_bytes
    if info.file_size > cap:
        raise InputError(f"{origin}: {info.file_size} bytes is over the limit of {cap} bytes")
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > BOMB_CHECK_BYTES and ratio > limits.max_ratio:
        raise InputError(
            f"{origin}: compressed {ratio:.0f}:1, over the limit of {limits.max_ratio}:1 "
            "(a zip bomb?)"
        )
    try:
        with archive.open(info) as stream:
            data = stream.read(cap + 1)
    except RuntimeError as error:  # zipfile's way of saying "encrypted"
        raise InputError(f"{origin}: cannot be read ({error})") from None
    except (*_ZIP_ERRORS, NotImplementedError, ValueError) as error:
        raise InputError(f"{origin}: damaged member ({type(error).__name__}: {error})") from None
    if len(data) > cap:
        raise InputError(f"{origin}: over the limit of {cap} bytes once decompressed")
    return data
