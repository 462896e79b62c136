"""The two callables every benchmark is handed: how to analyse a text, and how to show progress."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol, TypeVar

from frontlines.model import Analysis

T = TypeVar("T")


class Analyse(Protocol):
    """Analyse ``text`` published on ``published``; None when the pipeline refused the input."""

    def __call__(self, text: str, published: date | None, /) -> Analysis | None: ...


class Progress(Protocol):
    """Iterate over ``items`` while showing progress under ``label``."""

    def __call__(self, items: Sequence[T], /, *, label: str) -> Iterable[T]: ...
