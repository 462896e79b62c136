from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontlines.bench.floors import (
    FLOORS_PATH,
    Floor,
    Floors,
    Limit,
    check_floors,
    updated_floors,
)
from frontlines.bench.report import Figure
from frontlines.errors import InputError


def figure(
    name: str, value: float | None, *, better: str = "higher", unit: str = "share"
) -> Figure:
    return Figure(
        name=name,
        value=value,
        unit=unit,
        better="lower" if better == "lower" else "higher",
        dataset="d",
        size=10,
        command="c",
    )


FLOORS = Floors(
    tolerance=0.02,
    floors={
        "recall": Floor(value=0.50, better="higher", tolerance=0.02),
        "auc": Floor(value=0.30, better="lower", tolerance=0.02),
        "loose": Floor(value=0.50, better="higher", tolerance=0.10),
    },
    limits={
        "ratio": Limit(bound=2.0, kind="max"),
        "pace": Limit(bound=0.8, kind="min"),
    },
)


def test_floors_check_fails_only_beyond_the_tolerance() -> None:
    ok = [figure("recall", 0.485), figure("auc", 0.315, better="lower"), figure("loose", 0.41)]
    assert check_floors(ok, FLOORS) == []
    bad = [figure("recall", 0.47), figure("auc", 0.33, better="lower"), figure("loose", 0.39)]
    assert [drop.name for drop in check_floors(bad, FLOORS)] == ["recall", "auc", "loose"]


def test_floors_check_fails_a_measured_figure_without_value_and_ignores_unmeasured() -> None:
    drops = check_floors([figure("recall", None)], FLOORS)
    assert [drop.describe() for drop in drops] == ["recall: missing (floor 0.500, tolerance 0.020)"]
    assert check_floors([figure("new figure", 0.0)], FLOORS) == []


def test_floors_update_raises_adds_and_lowers_only_when_allowed() -> None:
    run = [
        figure("recall", 0.60),
        figure("auc", 0.40, better="lower"),
        figure("new", 0.25),
        figure("speed", 9.0, unit="articles/s"),
    ]
    raised, changes = updated_floors(run, FLOORS)
    assert raised.floors["recall"].value == 0.60
    assert raised.floors["auc"].value == 0.30
    assert raised.floors["new"].value == 0.25
    assert "speed" not in raised.floors
    assert len(changes) == 2
    lowered, changes = updated_floors(run, FLOORS, allow_lower=True)
    assert lowered.floors["auc"].value == 0.40
    assert any(change.startswith("LOWERED auc") for change in changes)


def test_limits_fail_a_figure_past_its_bound_whatever_its_unit() -> None:
    kept = [figure("ratio", 1.9, better="lower", unit="ratio"), figure("pace", 0.8, unit="ratio")]
    assert check_floors(kept, FLOORS) == []
    broken = [figure("ratio", 4.1, better="lower", unit="ratio"), figure("pace", 0.5, unit="ratio")]
    drops = check_floors(broken, FLOORS)
    assert [drop.describe() for drop in drops] == [
        "ratio: 4.100 (limit: max 2.000)",
        "pace: 0.500 (limit: min 0.800)",
    ]
    assert [drop.name for drop in check_floors([figure("ratio", None)], FLOORS)] == ["ratio"]


def test_floors_update_never_changes_a_limit() -> None:
    raised, changes = updated_floors([figure("ratio", 1.1, better="lower", unit="ratio")], FLOORS)
    assert raised.limits == FLOORS.limits
    assert "ratio" not in raised.floors
    assert changes == []


def test_floors_round_trip_through_json(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    FLOORS.write(path)
    again = Floors.load(path)
    assert again == FLOORS
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["floors"]["loose"]["tolerance"] == 0.10
    assert "tolerance" not in data["floors"]["recall"]
    assert Floors.load(tmp_path / "absent.json").floors == {}
    assert data["limits"] == {"pace": {"min": 0.8}, "ratio": {"max": 2.0}}
    with pytest.raises(InputError):
        Floors.from_dict({"floors": []})
    with pytest.raises(InputError, match="limit"):
        Floors.from_dict({"floors": {}, "limits": {"ratio": {"below": 2.0}}})


def test_floors_committed_file_is_valid_and_gates_shares_only() -> None:
    floors = Floors.load(FLOORS_PATH)
    assert floors.floors, "the committed floors file is empty"
    for name, floor in floors.floors.items():
        assert floor.better in ("higher", "lower"), name
        assert 0.0 <= floor.value <= 1.5, name
        assert "speed" not in name
    assert floors.limits, "the committed floors file sets no limit on timing figures"
    for name, limit in floors.limits.items():
        assert limit.kind in ("max", "min"), name
