"""Committed floors for the gated figures of the gate sample, and the check against them.

A figure is gated when it is a share or an AUC (values in 0..1) with a direction; speed, km and
counts are reported only. The gate fails when a gated figure is worse than its floor by more than
the tolerance (absolute, in the figure's own 0..1 units). ``frontlines bench --update-floors``
rewrites ``floors.json`` from a gate run: it raises floors that improved and adds new figures, and
lowers one only with ``--allow-lower``, which needs its own commit saying why.

Timing figures vary with the machine's load, so they have no ratcheting floor; a few carry a fixed
limit instead (``limits`` in ``floors.json``: a ``max`` or ``min`` the figure must respect), loose
enough for a busy machine and tight enough to stop a regression in kind (a quadratic pass on long
texts, an ingest slower than the parse). ``--update-floors`` never changes a limit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from frontlines.bench.report import Figure
from frontlines.errors import InputError

FLOORS_PATH = Path(__file__).with_name("floors.json")
DEFAULT_TOLERANCE = 0.02
LimitKind = Literal["max", "min"]


@dataclass(frozen=True, slots=True)
class Floor:
    value: float
    better: str
    tolerance: float


@dataclass(frozen=True, slots=True)
class Limit:
    """A fixed bound on a figure: ``kind`` "max" (it must not exceed ``bound``) or "min"."""

    bound: float
    kind: LimitKind

    def broken_by(self, value: float) -> bool:
        return value > self.bound if self.kind == "max" else value < self.bound


@dataclass(frozen=True, slots=True)
class Drop:
    """A gated figure worse than its floor by more than the tolerance, or a figure past its
    limit (then ``floor`` holds the limit's bound and ``limit`` its kind)."""

    name: str
    floor: float
    value: float | None
    tolerance: float
    limit: str = ""

    def describe(self) -> str:
        shown = "missing" if self.value is None else f"{self.value:.3f}"
        if self.limit:
            return f"{self.name}: {shown} (limit: {self.limit} {self.floor:.3f})"
        return f"{self.name}: {shown} (floor {self.floor:.3f}, tolerance {self.tolerance:.3f})"


@dataclass(frozen=True, slots=True)
class Floors:
    tolerance: float
    floors: Mapping[str, Floor]
    limits: Mapping[str, Limit] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = FLOORS_PATH) -> Floors:
        if not path.is_file():
            return cls(tolerance=DEFAULT_TOLERANCE, floors={})
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")), origin=str(path))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, origin: str = "floors") -> Floors:
        if not isinstance(data.get("floors"), Mapping):
            raise InputError(f"{origin}: expected a 'floors' mapping")
        tolerance = float(data.get("tolerance", DEFAULT_TOLERANCE))
        limits = data.get("limits", {})
        if not isinstance(limits, Mapping):
            raise InputError(f"{origin}: expected a 'limits' mapping")
        return cls(
            tolerance=tolerance,
            floors={
                name: Floor(
                    value=float(item["value"]),
                    better=str(item["better"]),
                    tolerance=float(item.get("tolerance", tolerance)),
                )
                for name, item in data["floors"].items()
            },
            limits={name: _read_limit(item, origin=origin) for name, item in limits.items()},
        )

    def to_dict(self) -> dict[str, Any]:
        floors: dict[str, Any] = {}
        for name, floor in sorted(self.floors.items()):
            item: dict[str, Any] = {"value": round(floor.value, 4), "better": floor.better}
            if floor.tolerance != self.tolerance:
                item["tolerance"] = floor.tolerance
            floors[name] = item
        return {
            "about": (
                "Floors of the gated figures of `frontlines bench --sample gate`. Raise with "
                "`frontlines bench --sample gate --update-floors`; lowering one needs "
                "--allow-lower and a commit of its own that says why."
            ),
            "sample": "gate",
            "tolerance": self.tolerance,
            "floors": floors,
            "limits": {
                name: {limit.kind: limit.bound} for name, limit in sorted(self.limits.items())
            },
        }

    def write(self, path: Path = FLOORS_PATH) -> None:
        path.write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n", "utf-8")


def _read_limit(item: Any, *, origin: str) -> Limit:
    kinds = get_args(LimitKind)
    if isinstance(item, Mapping) and len(item) == 1:
        [(kind, bound)] = item.items()
        if kind in kinds:
            return Limit(bound=float(bound), kind=kind)
    raise InputError(f"{origin}: each limit must be {{'max': number}} or {{'min': number}}")


def _worse_by(figure_value: float, floor: Floor) -> float:
    """How much worse than the floor the value is (negative when better)."""
    if floor.better == "lower":
        return figure_value - floor.value
    return floor.value - figure_value


def check_floors(figures: Iterable[Figure], floors: Floors) -> list[Drop]:
    """The figures measured in this run that fell below their floor beyond the tolerance, or
    broke their limit.

    Floors of figures this run did not measure (a benchmark skipped for missing data) are not
    checked; a measured figure without a value fails.
    """
    drops = []
    for figure in figures:
        limit = floors.limits.get(figure.name)
        if limit is not None and (figure.value is None or limit.broken_by(figure.value)):
            drops.append(
                Drop(
                    name=figure.name,
                    floor=limit.bound,
                    value=figure.value,
                    tolerance=0.0,
                    limit=limit.kind,
                )
            )
        floor = floors.floors.get(figure.name)
        if floor is None:
            continue
        if figure.value is None or _worse_by(figure.value, floor) > floor.tolerance + 1e-9:
            drops.append(
                Drop(
                    name=figure.name,
                    floor=floor.value,
                    value=figure.value,
                    tolerance=floor.tolerance,
                )
            )
    return drops


def updated_floors(
    figures: Iterable[Figure], floors: Floors, *, allow_lower: bool = False
) -> tuple[Floors, list[str]]:
    """Floors raised (or added) from this run's gated figures; lowered only when allowed."""
    new = dict(floors.floors)
    changes = []
    for figure in figures:
        if not figure.gated or figure.value is None or figure.better is None:
            continue
        old = new.get(figure.name)
        candidate = Floor(
            value=figure.value,
            better=figure.better,
            tolerance=old.tolerance if old else floors.tolerance,
        )
        if old is None:
            changes.append(f"added {figure.name} = {figure.value:.4f}")
        elif _worse_by(figure.value, old) < 0 or (allow_lower and figure.value != old.value):
            verb = "raised" if _worse_by(figure.value, old) < 0 else "LOWERED"
            changes.append(f"{verb} {figure.name}: {old.value:.4f} -> {figure.value:.4f}")
        else:
            continue
        new[figure.name] = candidate
    return Floors(tolerance=floors.tolerance, floors=new, limits=floors.limits), changes
