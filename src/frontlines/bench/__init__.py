"""Benchmarks: measure frontlines on public gold data, and the accuracy gate over committed floors.

``run_benchmarks()`` runs each benchmark whose data is present (reference, acled-notes, geoparsing,
speed) and writes results.json and results.md; ``frontlines bench`` is its command. See README.md
in this folder for the samples, the floors and how to raise one.
"""

from __future__ import annotations

from frontlines.bench.floors import Floors, check_floors, updated_floors
from frontlines.bench.report import BenchReport, BenchResult, Figure, Table
from frontlines.bench.runner import BENCHMARKS, run_benchmarks

__all__ = [
    "BENCHMARKS",
    "BenchReport",
    "BenchResult",
    "Figure",
    "Floors",
    "Table",
    "check_floors",
    "run_benchmarks",
    "updated_floors",
]
