"""Word lists the extraction stages read: data, not code, so they can be reviewed and extended."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files
from typing import Any

import yaml

from frontlines.errors import ConfigError


def load_lexicon(name: str) -> Mapping[str, Any]:
    """The lexicon ``stages/lexicons/<name>.yaml`` as a mapping."""
    resource = files("frontlines.stages.lexicons").joinpath(f"{name}.yaml")
    if not resource.is_file():
        raise ConfigError(f"the lexicon {name}.yaml is not installed")
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    if not isinstance(data, Mapping):
        raise ConfigError(f"the lexicon {name}.yaml is not a mapping")
    return data


def words(data: Mapping[str, Any], key: str) -> frozenset[str]:
    """A list of words from a lexicon, lower-cased."""
    return frozenset(str(word).lower() for word in data.get(key) or ())
