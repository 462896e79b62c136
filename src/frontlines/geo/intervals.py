"""Character ranges already taken, asked about in logarithmic time (what keeps place detection
linear in the length of the article)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable


class Intervals:
    """``(start, end)`` ranges, searchable by overlap, by where they end and where they start."""

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self._ranges: list[tuple[int, int]] = sorted(ranges)
        self._ends = sorted(end for _, end in self._ranges)
        self._longest = max((end - start for start, end in self._ranges), default=0)

    def append(self, span: tuple[int, int]) -> None:
        insort(self._ranges, span)
        insort(self._ends, span[1])
        self._longest = max(self._longest, span[1] - span[0])

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any range shares a character with ``start:end``."""
        low = bisect_left(self._ranges, (start - self._longest, -1))
        high = bisect_left(self._ranges, (end, -1))
        return any(s < end and start < e for s, e in self._ranges[low:high])

    def ends_between(self, low: int, high: int) -> bool:
        """Whether any range ends at an offset from ``low`` to ``high``, both included."""
        return bisect_right(self._ends, high) > bisect_left(self._ends, low)

    def starts_at(self, offset: int) -> bool:
        position = bisect_left(self._ranges, (offset, -1))
        return position < len(self._ranges) and self._ranges[position][0] == offset
