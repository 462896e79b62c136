"""A learned score of whether two outlets' reports tell one happening (the pair head).

Hand-weighted evidence (``evidence``) asks two outlets' reports for a sign it knows (a shared
site, toll, actor pair, time of day, alike wording); two short headlines of one strike often give
none of these alone, yet together their kind, place, day, names and words say "one happening".
The head is a logistic regression over ``PAIR_FEATURES`` of a compatible pair (the constraints,
``compat``, rule a pair out before it is asked) of the event types it was trained on
(``PairHead.types``: battles, explosions and violence against civilians), trained by
``scripts/train_fusion_head.py`` on UCDP GED Syria (CC BY 4.0; provenance in
``models/pair_head/README.md``): pairs of source headlines of one event against pairs of
headlines of distinct events of one month and governorate (the hard negatives a busy front
gives). Its threshold was chosen by cross-validation inside the training events.

``head_score`` maps the head's probability onto fusion's scale so that the head's threshold
falls on the settings' threshold: a pair the head takes for one happening scores at or above it.
The head only ever speaks for two known outlets' reports (``one_source`` False); one outlet's or
an unknown outlet's two reports keep the rules' firmer proofs (ACLED's notes of one place and
day are distinct events however alike).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from frontlines.errors import ConfigError
from frontlines.fusion import compat
from frontlines.fusion.evidence import (
    actor_affinity,
    credits_each_other,
    distinct_sites,
    evidence,
    name_affinity,
    same_actor_pair,
    same_fine_place,
    same_town_name,
    site_affinity,
    specific_names,
    time_affinity,
    toll_affinity,
)
from frontlines.fusion.report import Features, distance_km
from frontlines.fusion.report_words import cosine

MODEL_FILE = "models/pair_head/head.npz"
PAIR_FEATURES = (
    "type affinity",
    "same sub-type",
    "same event type",
    "date affinity",
    "days apart",
    "place affinity",
    "both located",
    "log km",
    "both fine",
    "one fine place",
    "one town name",
    "both placed at precision 1",
    "toll affinity",
    "both tolls",
    "one toll only",
    "time affinity",
    "actor affinity",
    "same actor pair",
    "site affinity",
    "name affinity",
    "shared specific names",
    "sites apart",
    "lead sites apart",
    "word cosine",
    "credit",
    "evidence",
)


def _or(value: float | None, default: float = 0.0) -> float:
    return default if value is None else value


def pair_row(first: Features, second: Features, *, place: float, kind: float) -> list[float]:
    """The features named in ``PAIR_FEATURES``, in that order, of a compatible pair (``place``
    and ``kind``: its place and type affinities)."""
    a, b = first.report.event, second.report.event
    located = first.located and second.located and first.country == second.country
    km = distance_km(first, second) if located else 0.0
    tolls = (bool(a.fatalities), bool(b.fatalities))
    days = abs(first.day - second.day) if first.day is not None and second.day is not None else 0
    apart_leads = bool(first.lead and second.lead and not first.lead & second.lead)
    return [
        kind,
        float(bool(a.sub_event_type) and a.sub_event_type == b.sub_event_type),
        float(a.event_type == b.event_type),
        _or(compat.date_affinity(first, second)),
        float(min(days, 7)),
        place,
        float(located),
        math.log1p(km),
        float(first.fine and second.fine),
        float(same_fine_place(first, second)),
        float(same_town_name(first, second)),
        float((first.geo_precision or 0) == 1 and (second.geo_precision or 0) == 1),
        _or(toll_affinity(first, second)),
        float(all(tolls)),
        float(tolls[0] != tolls[1]),
        _or(time_affinity(first, second), 0.5),
        _or(actor_affinity(first, second), 0.5),
        float(same_actor_pair(first, second)),
        _or(site_affinity(first, second), 0.5),
        _or(name_affinity(first, second)),
        float(min(len(specific_names(first) & specific_names(second)), 3)),
        float(distinct_sites(first, second)),
        float(apart_leads),
        cosine(first.terms, second.terms),
        float(credits_each_other(first, second)),
        evidence(first, second),
    ]


@dataclass(frozen=True, slots=True)
class PairHead:
    """Standardised logistic weights over ``PAIR_FEATURES`` and the head's own threshold."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float
    types: frozenset[str]  # the event types it was trained on: it speaks for no other

    def knows(self, first: Features, second: Features) -> bool:
        """Whether both reports are of event types the head was trained on."""
        kinds = {first.report.event.event_type, second.report.event.event_type}
        return all(kind in self.types for kind in kinds)

    def probability(self, row: list[float]) -> float:
        z = float(((np.asarray(row) - self.mean) / self.scale) @ self.weights) + self.bias
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def load_head() -> PairHead:
    """The shipped head (read once per process)."""
    try:
        with resources.files("frontlines.fusion").joinpath(MODEL_FILE).open("rb") as handle:
            data = np.load(handle)
            names = tuple(str(name) for name in data["features"])
            if names != PAIR_FEATURES:
                raise ConfigError(f"{MODEL_FILE} was trained on other features: retrain it")
            return PairHead(
                mean=data["mean"],
                scale=data["scale"],
                weights=data["weights"],
                bias=float(data["bias"]),
                threshold=float(data["threshold"]),
                types=frozenset(str(kind) for kind in data["types"]),
            )
    except (OSError, KeyError, ValueError) as error:
        raise ConfigError(f"cannot read the fusion pair head {MODEL_FILE}: {error}") from error


def on_scale(probability: float, *, head: float, threshold: float) -> float:
    """The head's probability on fusion's 0..1 scale, piecewise linear, with the head's own
    threshold ``head`` falling on the settings' ``threshold``."""
    if probability < head:
        return threshold * probability / head
    return threshold + (1 - threshold) * (probability - head) / (1 - head)


def head_score(
    first: Features, second: Features, *, place: float, kind: float, threshold: float
) -> float | None:
    """The pair head's score of a compatible pair, on fusion's scale (``on_scale``); None when
    either report is of an event type the head never saw (protests: a busy day's rallies in one
    city are many events, and the head learned lethal violence alone)."""
    model = load_head()
    if not model.knows(first, second):
        return None
    probability = model.probability(pair_row(first, second, place=place, kind=kind))
    return on_scale(probability, head=model.threshold, threshold=threshold)
