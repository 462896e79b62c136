from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.geo.intervals import Intervals

RANGES = st.tuples(st.integers(0, 100), st.integers(1, 15)).map(lambda p: (p[0], p[0] + p[1]))


@settings(max_examples=200, deadline=None)
@given(st.lists(RANGES, max_size=12), st.lists(RANGES, max_size=4), RANGES, st.integers(0, 120))
def test_intervals_agree_with_a_pass_over_every_range(
    first: list[tuple[int, int]], later: list[tuple[int, int]], probe: tuple[int, int], at: int
) -> None:
    intervals = Intervals(first)
    for span in later:
        intervals.append(span)
    every = first + later
    start, end = probe
    assert intervals.overlaps(start, end) == any(s < end and start < e for s, e in every)
    assert intervals.ends_between(at - 2, at) == any(e <= at and at - e <= 2 for _, e in every)
    assert intervals.starts_at(at) == any(s == at for s, _ in every)
