"""The analysis workers' memory: what they free goes back to the system after each batch."""

from __future__ import annotations

import ctypes.util
import os
import sys
from pathlib import Path

import pytest

from frontlines.batch.ray_analysis import pipe_groups, release_free_heap, work_blocks
from frontlines.model import Article


def resident_kb() -> int:
    return (
        int(Path(f"/proc/{os.getpid()}/statm").read_text().split()[1])
        * os.sysconf("SC_PAGE_SIZE")
        // 1024
    )


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or ctypes.util.find_library("c") is None,
    reason="reads /proc and glibc's malloc_trim",
)
def test_freed_heap_pages_go_back_to_the_system() -> None:
    # 2 KB blocks come from the C heap (not Python's small-object arenas); the last one kept
    # pins the heap's top, so freeing the rest returns nothing until the heap is trimmed.
    blocks = [bytes(2048) + bytes([n % 256]) for n in range(60_000)]
    kept = blocks[-1]
    del blocks
    before = resident_kb()
    assert release_free_heap()
    after = resident_kb()
    assert before - after > 50_000  # most of the ~120 MB freed came back
    assert kept[-1] == 59_999 % 256


def test_pipe_groups_cap_count_and_characters_in_order() -> None:
    articles = [Article.create("x" * size) for size in (10, 10, 10, 50, 10, 10, 10, 10, 10)]
    groups = list(pipe_groups(articles, most=3, chars=40))
    assert [[len(a.text) for a in group] for group in groups] == [
        [10, 10, 10],
        [50],
        [10, 10, 10],
        [10, 10],
    ]
    assert [a for group in groups for a in group] == articles


def test_work_blocks_start_with_the_costliest_and_shrink_towards_the_end() -> None:
    costs = [10, 50, 10, 40, 10, 10, 30, 10, 10, 10] + [5] * 20
    blocks = work_blocks(costs, workers=1, most=40, least=10)
    assert [[costs[n] for n in block] for block in blocks] == [
        [50],  # over the most a block holds: alone
        [40],
        [30, 10],
        [10, 10, 10, 10],
        [10, 10, 5, 5],  # 120 left: a quarter of it, 30
        [5, 5, 5, 5],
        [5, 5, 5],
        *[[5, 5]] * 5,
        [5],
    ]
    assert sorted(n for block in blocks for n in block) == list(range(len(costs)))
