"""Folders: every readable file below, recursively, in a stable order; hidden entries skipped."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from frontlines.readers.formats import kind_by_name


def walk(folder: Path) -> list[Path]:
    """Files of a known kind below ``folder``, and any folder below it that cannot be read (it
    fails as one input when read); symlinked folders are not followed (no loops)."""
    found: list[Path] = []

    def refused(error: OSError) -> None:
        if error.filename is not None:
            found.append(Path(error.filename))

    for root, dirs, names in os.walk(folder, onerror=refused, followlinks=False):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        found.extend(
            Path(root) / name
            for name in sorted(names)
            if not name.startswith(".") and kind_by_name(name) is not None
        )
    return found


def expand_sources(sources: Iterable[str | Path]) -> Iterator[str]:
    """Sources as given, with folders replaced by their files (an empty folder stays itself)."""
    for source in sources:
        path = Path(source)
        if str(source) not in ("-",) and path.is_dir():
            files = walk(path)
            yield from (str(file) for file in files) if files else (str(source),)
        else:
            yield str(source)
