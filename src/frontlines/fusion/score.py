"""Whether two reports may be one event (constraints), and how strongly they say so (0..1).

Constraints first (``compat``): not one article, both fictional or both not, both roundups of
many happenings' dead or neither (``roundup``), dates, sub-event types and places compatible at
their precision. A compatible pair is scored on how well it fits
(type, place, date: ``STRUCTURE`` of the score) and on the evidence its texts give that it is one
happening (``evidence``: the rest). Two reports of one kind, place and day with nothing else in
common stay below the threshold: a busy day's protests in one city are many events.

Every level asks for positive evidence, the more the less independent the two reports are
(``FusionSettings.proofs``, ``needed_proof``). At normal, two outlets' reports need some
corroboration (``evidence.corroborated``: a site, toll, actor pair or time of day they agree on,
alike wording, shared names, one town or village of one day with nothing apart); reports of an
unknown outlet, or of one outlet, need a firm anchor
(``evidence.firmly_anchored``): one outlet or analyst writes one report per happening, and ACLED's
notes of one neighbourhood and day are distinct events. Strict asks an anchor of two outlets
(``evidence.anchored``); loose asks nothing of them. A pair without the evidence it needs scores at
most ``UNANCHORED``, below every threshold, so it can join a group only beside pairs that have it
(average linkage); one outlet's two reports without it, or scoring under ``ONE_SOURCE``, are ruled
out: never one event.

Two known outlets' compatible reports of lethal violence are also scored by a learned pair head
(``pair_head``, trained on UCDP GED Syria headline pairs against dense negatives of one month and
governorate; ``FusionSettings.head``, off at strict): the pair scores the higher of the rules'
score and the head's, the head's threshold falling on the settings' threshold. The constraints
rule a pair out before either is asked, and one outlet's pairs are the rules' alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal, get_args

from frontlines.errors import InputError
from frontlines.fusion import compat
from frontlines.fusion.evidence import (
    actor_affinity,
    anchored,
    corroborated,
    evidence,
    firmly_anchored,
    one_source,
)
from frontlines.fusion.pair_head import head_score
from frontlines.fusion.report import Features

Strictness = Literal["off", "strict", "normal", "loose"]
Proof = Literal["none", "corroborated", "anchored", "firm"]  # weakest to strongest
PROOFS: tuple[Proof, ...] = get_args(Proof)
STRICTNESS: tuple[str, ...] = get_args(Strictness)
STRUCTURE = 0.35  # share of the score from type, place and date; the rest is the evidence
TYPE, PLACE, DATE = 0.4, 0.35, 0.25  # within the structure
UNANCHORED = 0.45  # the most a pair without positive evidence scores, when that is needed
ONE_SOURCE = 0.7  # the least one outlet's two reports score to be one happening, at any level

__all__ = [
    "STRICTNESS",
    "FusionSettings",
    "Strictness",
    "actor_affinity",
    "compatible",
    "pair_score",
]


@dataclass(frozen=True, slots=True)
class FusionSettings:
    """Blocking windows, place radii and the threshold at or above which reports are linked."""

    windows: dict[str, int] = field(
        default_factory=lambda: {"day": 1, "week": 7, "month": 31, "approximate": 3}
    )
    max_km: float = 50.0  # a district or area holds places this far from its point
    town_km: float = 15.0  # a town holds its neighbourhoods this far from its point
    threshold: float = 0.6
    strictness: Strictness = "normal"
    # two outlets' compatible reports also scored by the learned pair head (``pair_head``)
    head: bool = True
    # what evidence a pair needs, by its sources: two known outlets, an unknown one, one outlet
    proofs: tuple[Proof, Proof, Proof] = ("corroborated", "firm", "firm")

    @property
    def widest(self) -> int:
        return max(self.windows.values())

    @property
    def links(self) -> bool:
        """False when fusion is off: every report is an event of its own."""
        return self.strictness != "off"

    @classmethod
    def of(cls, strictness: str) -> FusionSettings:
        """The settings of a strictness: off, strict (an anchor even between two outlets, within
        one day), normal (corroboration between two outlets, a firm anchor otherwise), loose
        (no evidence asked of two outlets, two days apart, a lower threshold)."""
        if strictness not in STRICTNESS:
            raise InputError(
                f"unknown fusion strictness {strictness!r} (use {', '.join(STRICTNESS)})"
            )
        base = cls()
        if strictness == "strict":
            windows = {**base.windows, "day": 0}
            proofs: tuple[Proof, Proof, Proof] = ("anchored", "firm", "firm")
            return replace(
                base,
                windows=windows,
                threshold=0.7,
                strictness="strict",
                proofs=proofs,
                head=False,
            )
        if strictness == "loose":
            windows = {**base.windows, "day": 2}
            proofs = ("none", "anchored", "anchored")
            return replace(base, windows=windows, threshold=0.5, strictness="loose", proofs=proofs)
        return replace(base, strictness=strictness)  # type: ignore[arg-type]


def type_affinity(first: Features, second: Features) -> float | None:
    return compat.type_affinity(first, second)


def place_affinity(first: Features, second: Features, *, settings: FusionSettings) -> float | None:
    return compat.place_affinity(first, second, town_km=settings.town_km, max_km=settings.max_km)


def date_affinity(first: Features, second: Features, *, settings: FusionSettings) -> float | None:
    del settings  # the windows are the features' own (``Features.of``)
    return compat.date_affinity(first, second)


def _fit(first: Features, second: Features, *, settings: FusionSettings) -> float | None:
    """How well type, place and date fit (0..1); None when a constraint rules the pair out."""
    parts = _fit_parts(first, second, settings=settings)
    return None if parts is None else parts[0]


def _fit_parts(
    first: Features, second: Features, *, settings: FusionSettings
) -> tuple[float, float, float] | None:
    """(fit, place affinity, type affinity), or None when a constraint rules the pair out."""
    a, b = first.report, second.report
    if not settings.links or a.article_id == b.article_id or a.fictional != b.fictional:
        return None
    if first.roundup != second.roundup:
        return None  # a roundup of many happenings' dead is no report of one of them
    when = compat.date_affinity(first, second)
    if when is None:
        return None
    kind = compat.type_affinity(first, second)
    if kind is None:
        return None
    where = place_affinity(first, second, settings=settings)
    if where is None:
        return None
    return TYPE * kind + PLACE * where + DATE * when, where, kind


def compatible(first: Features, second: Features, *, settings: FusionSettings) -> bool:
    """The constraints alone: could these two reports be one event at all?"""
    return _fit(first, second, settings=settings) is not None


def pair_score(first: Features, second: Features, *, settings: FusionSettings) -> float | None:
    """How strongly two reports are one event (0..1), or None when a constraint rules it out."""
    parts = _fit_parts(first, second, settings=settings)
    if parts is None:
        return None
    fit, where, kind = parts
    score = STRUCTURE * fit + (1 - STRUCTURE) * evidence(first, second)
    shown = proven(first, second, settings=settings)
    source = one_source(first, second)
    if source and (score < ONE_SOURCE or not shown):
        return None  # one outlet's two reports, not shown to be one: two happenings
    ruled = score if shown else min(score, UNANCHORED)
    if settings.head and source is False:
        learned = head_score(first, second, place=where, kind=kind, threshold=settings.threshold)
        return ruled if learned is None else max(ruled, learned)
    return ruled


def needed_proof(first: Features, second: Features, *, settings: FusionSettings) -> Proof:
    """The evidence this pair needs at ``settings``: the more its reports may be one source's
    two happenings, the more (two outlets, an unknown outlet, one outlet)."""
    source = one_source(first, second)
    return settings.proofs[0 if source is False else 1 if source is None else 2]


PROOF_TESTS = {"corroborated": corroborated, "anchored": anchored, "firm": firmly_anchored}


def proven(first: Features, second: Features, *, settings: FusionSettings) -> bool:
    """Whether the pair gives the evidence it needs (``needed_proof``)."""
    proof = needed_proof(first, second, settings=settings)
    return proof == "none" or PROOF_TESTS[proof](first, second)
