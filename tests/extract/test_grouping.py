from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from frontlines.extract.grouping import group_triggers
from frontlines.extract.lexicon import Lexicon
from frontlines.extract.triggers import find_triggers

pytestmark = pytest.mark.slow


def _groups(sentence: Callable[[str], Any], lexicon: Lexicon, text: str) -> list[list[str]]:
    parsed = sentence(text)
    groups = group_triggers(find_triggers(parsed, lexicon), parsed.doc, lexicon)
    return [sorted(t.lemma for t in group) for group in groups]


def test_grouping_one_clause_chain_is_one_event(
    sentence: Callable[[str], Any], lexicon: Lexicon
) -> None:
    groups = _groups(
        sentence, lexicon, "Gunmen raided the village, killing five and abducting two."
    )
    assert groups == [["abduct", "kill", "raid"]]


def test_grouping_shared_subject_joins(sentence: Callable[[str], Any], lexicon: Lexicon) -> None:
    text = "Students staged a demonstration and clashed with police."
    assert len(_groups(sentence, lexicon, text)) == 1


def test_grouping_hedge_separates(sentence: Callable[[str], Any], lexicon: Lexicon) -> None:
    text = "The rebels took prisoners and reportedly killed two officers."
    assert len(_groups(sentence, lexicon, text)) == 2


def test_grouping_own_subject_separates(sentence: Callable[[str], Any], lexicon: Lexicon) -> None:
    text = "Rebels attacked the base, and the army shelled their positions."
    assert len(_groups(sentence, lexicon, text)) == 2
