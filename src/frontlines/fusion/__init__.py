"""Event fusion: one event however many reports, independent sources counted once.

``fuse()`` turns reports (stored events with their article) into fused events: candidates are
blocked by date window and place, checked against the constraints (``compat``: sub-event types
of one small table, places and dates compatible at their precision), scored on how well they fit
and on the evidence their texts give (``evidence``: sites, names, actors, toll, time of day,
credits; two outlets' reports of lethal violence also by a learned pair head, ``pair_head``),
linked at or above the threshold of the strictness (``FusionSettings.of``) and
clustered with analysts' must-link and cannot-link decisions, every pair of a group compatible. Each
fused event keeps every report, its independent origins (``origins``) and the values its reports
disagree on (``rollup``). The store runs it as articles are saved (see store/duckdb.py).
"""

from __future__ import annotations

from frontlines.fusion.engine import FUSION_VERSION, block_id_of, fuse, fused_id_of, linked
from frontlines.fusion.report import Report
from frontlines.fusion.rollup import FusedEvent
from frontlines.fusion.score import FusionSettings
from frontlines.fusion.types import (
    Constraint,
    ContestedValue,
    Origin,
    ReportRef,
    report_id,
    split_report_id,
)

__all__ = [
    "FUSION_VERSION",
    "Constraint",
    "ContestedValue",
    "FusedEvent",
    "FusionSettings",
    "Origin",
    "Report",
    "ReportRef",
    "block_id_of",
    "fuse",
    "fused_id_of",
    "linked",
    "report_id",
    "split_report_id",
]
