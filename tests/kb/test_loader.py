from __future__ import annotations

from datetime import date

from frontlines.kb.countries import Countries
from frontlines.kb.loader import parse_actors, parse_ambiguous


def _one(entry: dict[str, object]) -> object:
    return parse_actors({"actors": [entry]}, countries=Countries.load(), source="test")[0]


def test_loader_reads_partial_dates_as_first_and_last_days() -> None:
    actor = _one(
        {
            "id": "x",
            "name": "X",
            "kind": "state forces",
            "active": "2011-03-2013",
        }
    )
    assert actor.active.start == date(2011, 3, 1)  # type: ignore[attr-defined]
    assert actor.active.end == date(2013, 12, 31)  # type: ignore[attr-defined]


def test_loader_reads_periods_in_every_form() -> None:
    forms = [
        ({"from": 2015, "to": "2016-02"}, date(2015, 1, 1), date(2016, 2, 29)),
        ([date(2020, 5, 4), None], date(2020, 5, 4), None),
        ("2000-", date(2000, 1, 1), None),
        ("1990-present", date(1990, 1, 1), None),
        (True, None, None),
        (2019, date(2019, 1, 1), None),
    ]
    for value, start, end in forms:
        actor = _one({"id": "x", "name": "X", "kind": "militia", "active": value})
        assert (actor.active.start, actor.active.end) == (start, end), value  # type: ignore[attr-defined]


def test_loader_backers_may_be_plain_ids() -> None:
    entries = {
        "actors": [
            {"id": "a", "name": "A", "kind": "state"},
            {"id": "b", "name": "B", "kind": "militia", "backers": ["a"]},
        ]
    }
    actors = parse_actors(entries, countries=Countries.load(), source="test")
    assert actors[1].backers[0].id == "a"
    assert actors[1].backers[0].period.covers(date(1900, 1, 1))


def test_loader_ambiguous_aliases_accept_strings_and_mappings() -> None:
    data = {"ambiguous_aliases": ["SDF", {"alias": "AA", "ids": ["x", "y"]}, {"other": 1}]}
    assert parse_ambiguous(data) == ("SDF", "AA")


def test_loader_names_state_forces_as_acled_does_when_the_file_gives_no_acled_name() -> None:
    army = _one({"id": "a", "name": "US armed forces", "kind": "state forces", "country": "US"})
    police = _one({"id": "p", "name": "Indian police", "kind": "state forces", "country": "India"})
    named = _one(
        {"id": "n", "name": "X", "kind": "state forces", "country": "Mali", "acled_name": "Y"}
    )
    militia = _one({"id": "m", "name": "Z", "kind": "militia", "country": "Mali"})
    assert army.acled_name == "Military Forces of the United States"  # type: ignore[attr-defined]
    assert police.acled_name == "Police Forces of India"  # type: ignore[attr-defined]
    assert named.acled_name == "Y"  # type: ignore[attr-defined]
    assert militia.acled_name is None  # type: ignore[attr-defined]
