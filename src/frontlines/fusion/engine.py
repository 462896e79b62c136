"""Fusion: reports in, fused events out, the same whatever order the reports came in.

Reports are numbered by sorted id; candidate pairs come from blocking, are scored, and pairs at or
above the threshold (plus analysts' must-links) are links. A connected group of linked reports is
a *block*: its clustering depends on its reports and constraints alone, so a store can fuse one
block again when a report joins or leaves it and get what fusing everything would give. Ids are
derived from sorted report ids: a block's from all of its reports, a fused event's from its own
(a single report keeps its event id).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from frontlines.fusion.blocking import candidate_pairs
from frontlines.fusion.cluster import cluster, connected
from frontlines.fusion.origins import origins
from frontlines.fusion.report import Features, Report
from frontlines.fusion.rollup import FusedEvent, fused_event
from frontlines.fusion.score import FusionSettings, pair_score
from frontlines.fusion.types import Constraint, split_report_id

FUSION_VERSION = "8"  # raise when a change would fuse stored reports differently


def digest(text: str, *, length: int = 16) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def fused_id_of(report_ids: Iterable[str]) -> str:
    """A single report keeps its event id; several get one from all their report ids."""
    ordered = sorted(report_ids)
    if len(ordered) == 1:
        parts = split_report_id(ordered[0])
        return parts[1] if parts else ordered[0]
    return "fev_" + digest("\x1f".join(ordered))


def block_id_of(report_ids: Iterable[str]) -> str:
    return "blk_" + digest("\x1f".join(sorted(report_ids)))


@dataclass
class _Scored:
    """Features of reports numbered by sorted id, and a cache of their pair scores."""

    reports: list[Report]
    settings: FusionSettings

    def __post_init__(self) -> None:
        self.features = [
            Features.of(report, windows=self.settings.windows) for report in self.reports
        ]
        self.number = {report.id: n for n, report in enumerate(self.reports)}
        self.cache: dict[int, float | None] = {}

    def score(self, first: int, second: int) -> float | None:
        if first > second:
            first, second = second, first
        key = first * len(self.features) + second
        try:
            return self.cache[key]
        except KeyError:
            found = pair_score(self.features[first], self.features[second], settings=self.settings)
            self.cache[key] = found
            return found

    def links(self, *, focus: Iterable[int] | None = None) -> list[tuple[float, int, int]]:
        found = []
        for first, second in sorted(candidate_pairs(self.features, focus=focus)):
            value = self.score(first, second)
            if value is not None and value >= self.settings.threshold:
                found.append((value, first, second))
        return found

    def pairs(self, constraints: Iterable[Constraint], kind: str) -> list[tuple[int, int]]:
        return [
            (self.number[c.first], self.number[c.second])
            for c in constraints
            if c.kind == kind and c.first in self.number and c.second in self.number
        ]


def _unique(reports: Iterable[Report]) -> list[Report]:
    by_id = {report.id: report for report in reports}
    return [by_id[key] for key in sorted(by_id)]


def fuse(
    reports: Iterable[Report],
    *,
    constraints: Sequence[Constraint] = (),
    settings: FusionSettings | None = None,
) -> list[FusedEvent]:
    """Every fused event of ``reports``, block by block, in order of their lead reports."""
    scored = _Scored(_unique(reports), settings or FusionSettings())
    links = scored.links()
    must = scored.pairs(constraints, "must")
    cannot = scored.pairs(constraints, "cannot")
    blocks = connected(range(len(scored.reports)), [(a, b) for _, a, b in links] + must)
    block_of = {item: number for number, block in enumerate(blocks) for item in block}
    inside: dict[int, list[tuple[float, int, int]]] = {}
    for link in links:
        inside.setdefault(block_of[link[1]], []).append(link)
    must_in: dict[int, list[tuple[int, int]]] = {}
    for pair in must:
        must_in.setdefault(block_of[pair[0]], []).append(pair)
    cannot_in: dict[int, list[tuple[int, int]]] = {}
    for pair in cannot:
        cannot_in.setdefault(block_of[pair[0]], []).append(pair)
    fused: list[FusedEvent] = []
    for number, block in enumerate(blocks):
        groups = cluster(
            block,
            inside.get(number, []),
            score=scored.score,
            threshold=scored.settings.threshold,
            must=must_in.get(number, []),
            cannot=cannot_in.get(number, []),
        )
        block_id = block_id_of(scored.reports[item].id for item in block)
        for group in groups:
            members = sorted((scored.reports[item] for item in group), key=lambda r: r.lead_key)
            fused.append(
                fused_event(
                    members,
                    fused_id=fused_id_of(member.id for member in members),
                    block_id=block_id,
                    origins=origins(members),
                )
            )
    return sorted(fused, key=lambda item: item.lead.lead_key)


def linked(
    new: Iterable[Report], around: Iterable[Report], *, settings: FusionSettings | None = None
) -> set[str]:
    """Ids of the reports in ``around`` that a report in ``new`` links to (its block grows)."""
    fresh = _unique(new)
    fresh_ids = {report.id for report in fresh}
    scored = _Scored(_unique([*fresh, *around]), settings or FusionSettings())
    focus = [scored.number[key] for key in fresh_ids]
    found: set[str] = set()
    for _, first, second in scored.links(focus=focus):
        found.update((scored.reports[first].id, scored.reports[second].id))
    return found - fresh_ids
