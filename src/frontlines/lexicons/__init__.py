"""Word lists the extraction stages read: data, not code, so they can be reviewed and extended."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from frontlines.extract.lexicon import read_lexicon_file


def load_lexicon(name: str) -> Mapping[str, Any]:
    """The lexicon ``lexicons/en/<name>.yaml`` as a mapping."""
    return read_lexicon_file("frontlines.lexicons.en", f"{name}.yaml")


def words(data: Mapping[str, Any], key: str) -> frozenset[str]:
    """A list of words from a lexicon, lower-cased."""
    return frozenset(str(word).lower() for word in data.get(key) or ())
