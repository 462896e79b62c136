"""Read a text file line by line, plain or the one data member of a zip archive, reporting the
bytes read as it goes (for a progress bar); nothing is held beyond the current line."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from frontlines.errors import InputError

Progress = Callable[[int], None]
CHUNK = 1 << 20
_SKIPPED_MEMBERS = ("readme.txt", "iso-languagecodes.txt")


def sha256_of(path: Path, *, progress: Progress | None = None) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            if progress is not None:
                progress(len(chunk))
    return digest.hexdigest()


def member_name(path: Path) -> str:
    """The name of the data the file holds: its own, or that of the zip's data member."""
    if not zipfile.is_zipfile(path):
        return path.name
    with zipfile.ZipFile(path) as archive:
        return _member(archive).filename


def data_size(path: Path) -> int:
    """Bytes of text the file holds (a zip's data member uncompressed)."""
    if not zipfile.is_zipfile(path):
        return path.stat().st_size
    with zipfile.ZipFile(path) as archive:
        return _member(archive).file_size


def _member(archive: zipfile.ZipFile) -> zipfile.ZipInfo:
    members = [
        info
        for info in archive.infolist()
        if not info.is_dir() and Path(info.filename).name.lower() not in _SKIPPED_MEMBERS
    ]
    if len(members) != 1:
        names = ", ".join(info.filename for info in archive.infolist())
        raise InputError(f"expected one data file in the archive, found: {names}")
    return members[0]


@contextmanager
def _binary(path: Path) -> Iterator[IO[bytes]]:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive, archive.open(_member(archive)) as handle:
            yield handle
    else:
        with path.open("rb") as handle:
            yield handle


def lines(path: Path, *, progress: Progress | None = None) -> Generator[str]:
    """The file's lines without their line ends, decoded as UTF-8 (a line that is not is read
    as Windows-1252, as some UCDP copies are written)."""
    pending = 0
    with _binary(path) as handle:
        for raw in handle:
            pending += len(raw)
            if progress is not None and pending >= CHUNK:
                progress(pending)
                pending = 0
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252", errors="replace")
            yield text.rstrip("\r\n")
    if progress is not None and pending:
        progress(pending)
