"""Plain-text tables that fit the terminal: long cells wrap onto more lines instead of being cut.

Widths are fixed from the columns' wishes and the terminal's width before the first row, so rows
can be written as they come (a large query never has to fit in memory).
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

UNKNOWN = "—"  # what a cell shows when the value is not known
GAP = "  "


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    width: int  # what the column would like
    minimum: int = 4
    right: bool = False  # numbers


def terminal_width(*, fallback: int = 100) -> int:
    return max(40, shutil.get_terminal_size((fallback, 24)).columns)


def fit_widths(columns: Sequence[Column], total: int) -> list[int]:
    """Column widths summing (with gaps) to at most ``total``: wide wishes shrink first."""
    widths = [column.width for column in columns]
    room = total - len(GAP) * (len(columns) - 1)
    while sum(widths) > room:
        shrinkable = [i for i, col in enumerate(columns) if widths[i] > col.minimum]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def render_header(columns: Sequence[Column], widths: Sequence[int]) -> list[str]:
    names = render_row(columns, widths, [column.name for column in columns])
    rule = GAP.join("-" * width for width in widths)
    return [*names, rule]


def render_row(
    columns: Sequence[Column], widths: Sequence[int], cells: Sequence[str | None]
) -> list[str]:
    """One row as one or more lines; a None cell (not known) shows ``UNKNOWN``."""
    wrapped = []
    for cell, width in zip(cells, widths, strict=True):
        text = UNKNOWN if cell is None else " ".join(cell.split())
        wrapped.append(textwrap.wrap(text, width=width, break_on_hyphens=False) or [""])
    height = max(len(lines) for lines in wrapped)
    out = []
    for index in range(height):
        parts = []
        for column, width, lines in zip(columns, widths, wrapped, strict=True):
            piece = lines[index] if index < len(lines) else ""
            parts.append(piece.rjust(width) if column.right else piece.ljust(width))
        out.append(GAP.join(parts).rstrip())
    return out
