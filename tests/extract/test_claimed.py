"""Who claimed an attack: the group that takes responsibility, or whose spokesman does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from frontlines.extract.claimed import claimants
from frontlines.extract.roles import ActorLookup
from tests.extract.conftest import ActorTable

pytestmark = pytest.mark.slow

TABLE: ActorTable = {
    "taliban": ("rebel group", ["Taliban"]),
    "mujahid": ("person", ["Zabiullah Mujahid"]),
}


def _claimants(
    nlp: Any, lookup_in: Callable[[str, ActorTable], ActorLookup], text: str
) -> list[str]:
    return [a.id for a in claimants(nlp(text).sents, lookup=lookup_in(text, TABLE))]


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban claimed responsibility for the attack.",
        "The Taliban claimed they were responsible for the attack.",
        "Zabiullah Mujahid, the spokesperson for the Taliban, claimed they were responsible.",
    ],
)
def test_the_group_that_takes_responsibility_claims_the_attack(
    nlp: Any, lookup_in: Callable[[str, ActorTable], ActorLookup], text: str
) -> None:
    assert _claimants(nlp, lookup_in, text) == ["taliban"]


def test_a_claim_of_something_else_claims_no_attack(
    nlp: Any, lookup_in: Callable[[str, ActorTable], ActorLookup]
) -> None:
    assert _claimants(nlp, lookup_in, "The Taliban claimed the election was rigged.") == []
