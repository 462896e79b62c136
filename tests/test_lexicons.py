from __future__ import annotations

import pytest

from frontlines.errors import ConfigError
from frontlines.lexicons import load_lexicon, read_lexicon_file, words


@pytest.mark.parametrize("name", ["actors", "attribution", "framing", "relations"])
def test_the_stage_lexicons_are_read_by_the_one_loader(name: str) -> None:
    assert load_lexicon(name) == read_lexicon_file("frontlines.lexicons.en", f"{name}.yaml")


def test_a_missing_lexicon_is_a_config_error_naming_it() -> None:
    with pytest.raises(ConfigError, match=r"'nope.yaml' is missing .*frontlines.lexicons.en"):
        load_lexicon("nope")


def test_words_are_lower_cased() -> None:
    assert words({"cues": ["Said", "TOLD"]}, "cues") == {"said", "told"}
    assert words({}, "cues") == frozenset()
