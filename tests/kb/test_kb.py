from __future__ import annotations

from datetime import date

import pytest

from frontlines.errors import ConfigError, NotFoundError
from frontlines.kb import ActorKB
from tests.kb.sample import SAMPLE_KB


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.from_data(SAMPLE_KB)


def test_kb_lookup_ignores_case_apostrophes_and_diacritics(kb: ActorKB) -> None:
    assert kb.lookup("wagner group") is not None
    assert kb.lookup("WAGNER").id == "wagner"  # type: ignore[union-attr]
    assert kb.lookup("Turkiye").id == "state-turkiye"  # type: ignore[union-attr]
    assert kb.lookup("the Kremlin").id == "state-russia"  # type: ignore[union-attr]
    assert kb.lookup("Hayat Tahrir al‐Sham").id == "hts"  # type: ignore[union-attr]
    assert kb.lookup("nobody at all") is None


def test_kb_metonyms_resolve_to_their_state(kb: ActorKB) -> None:
    assert kb.is_metonym("Moscow")
    assert not kb.is_metonym("Russia")
    assert kb.lookup("Tehran").name == "Iran"  # type: ignore[union-attr]


def test_kb_country_is_canonical_name(kb: ActorKB) -> None:
    assert kb.get("state-turkiye").country == "Türkiye"
    assert kb.get("ap").country == "United States"


def test_kb_backers_on_respects_dates(kb: ActorKB) -> None:
    before = {a.id for a in kb.backers_on("forces-syria", date(2014, 1, 1))}
    during = {a.id for a in kb.backers_on("forces-syria", date(2024, 11, 27))}
    after = {a.id for a in kb.backers_on("forces-syria", date(2025, 1, 1))}
    assert before == {"state-iran"}
    assert during == {"state-iran", "state-russia"}
    assert after == {"state-iran"}
    assert {a.id for a in kb.backers_on("forces-syria", None)} == {"state-iran", "state-russia"}


def test_kb_parent_chain(kb: ActorKB) -> None:
    assert [a.id for a in kb.parents("hts")] == ["opposition-syria"]
    assert [a.id for a in kb.parents("forces-russia")] == ["state-russia"]
    assert kb.parents("state-russia") == ()


def test_kb_of_country_prefers_military_and_active(kb: ActorKB) -> None:
    assert kb.of_country("Russia", kind="state forces").id == "forces-russia"  # type: ignore[union-attr]
    assert kb.of_country("RU", kind="state").id == "state-russia"  # type: ignore[union-attr]
    assert kb.of_country("Ukraine", kind="state forces") is None
    assert kb.of_country(None, kind="state") is None


def test_kb_of_country_named_prefers_an_entry_named_for_the_branch() -> None:
    forces = {"kind": "state forces", "country": "Russia"}
    data = {
        "actors": [
            {"id": "army", "name": "Russian Armed Forces", **forces},
            {
                "id": "deployed",
                "name": "Russian forces abroad",
                "aliases": ["military police"],
                **forces,
            },
            {"id": "police", "name": "Russian police", **forces},
            {"id": "unit", "name": "Moscow police", "parent": "police", **forces},
        ]
    }
    kb = ActorKB.from_data(data)
    assert kb.of_country("Russia", kind="state forces").id == "army"  # type: ignore[union-attr]
    police = kb.of_country("Russia", kind="state forces", named="police")
    assert police is not None and police.id == "police"
    assert kb.of_country("Russia", kind="state forces", named="gendarm") is None


def test_kb_descriptors_are_found_without_the(kb: ActorKB) -> None:
    regime = kb.descriptor("regime")
    assert regime is not None and regime.resolves_to == "government_of_focus_country"
    assert regime.loaded


def test_kb_ambiguous_alias_has_no_single_answer() -> None:
    data = {
        "actors": [
            {"id": "a", "name": "Alpha Front", "kind": "rebel group", "aliases": ["AF"]},
            {"id": "b", "name": "Alpha Force", "kind": "militia", "aliases": ["AF"]},
        ]
    }
    kb = ActorKB.from_data(data)
    assert kb.lookup("AF") is None
    assert {a.id for a in kb.candidates("AF")} == {"a", "b"}
    assert kb.is_ambiguous("AF")


def test_kb_get_unknown_id_raises(kb: ActorKB) -> None:
    with pytest.raises(NotFoundError):
        kb.get("no-such-id")


@pytest.mark.parametrize(
    "data",
    [
        {"actors": [{"id": "x", "name": "X", "kind": "warlords"}]},
        {"actors": [{"id": "x", "name": "X", "kind": "militia", "parent": "nope"}]},
        {"actors": [{"id": "x", "name": "X", "kind": "militia", "backers": [{"id": "nope"}]}]},
        {"actors": [{"id": "x", "name": "X", "kind": "state"}] * 2},
        {"actors": [{"name": "X", "kind": "state"}]},
        {"actors": "not a list"},
        {"actors": [], "descriptors": [{"phrase": "the junta", "resolves_to": "someone"}]},
        {"actors": [{"id": "x", "name": "X", "kind": "state", "active": "long ago"}]},
        ["not", "a", "mapping"],
    ],
)
def test_kb_invalid_data_raises_config_error(data: object) -> None:
    with pytest.raises(ConfigError):
        ActorKB.from_data(data)


def test_kb_packaged_file_loads_and_is_consistent() -> None:
    kb = ActorKB.load()
    assert len(kb) > 50
    for actor in kb:
        for backer in actor.backers:
            assert backer.id in kb
        kb.parents(actor.id)
    assert kb.lookup("Kremlin") is not None
