"""The word lists the rules read, one folder per language (``lexicons/en/``), and the one
loader of every lexicon file: data, not code, so they can be reviewed and extended.

A language's folder is a package (``frontlines.lexicons.en``); the language setting names it
(``frontlines.languages.Language.lexicon_folder``), so a second language is a second folder
with the same files, in frontlines or in a plugin package.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files
from typing import Any

import yaml

from frontlines.errors import ConfigError

ENGLISH_FOLDER = "frontlines.lexicons.en"


def read_lexicon_file(folder: str, name: str) -> dict[str, Any]:
    """The YAML mapping ``name`` of the lexicon folder (a package) ``folder``: the one loader of
    every lexicon file; raises ConfigError when it is missing or not a mapping."""
    resource = files(folder).joinpath(name)
    if not resource.is_file():
        raise ConfigError(f"the lexicon {name!r} is missing from the installation ({folder})")
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ConfigError(f"the lexicon {name!r} is not a mapping ({folder})")
    return data


def load_lexicon(name: str, *, folder: str = ENGLISH_FOLDER) -> Mapping[str, Any]:
    """The lexicon ``<folder>/<name>.yaml`` as a mapping."""
    return read_lexicon_file(folder, f"{name}.yaml")


def words(data: Mapping[str, Any], key: str) -> frozenset[str]:
    """A list of words from a lexicon, lower-cased."""
    return frozenset(str(word).lower() for word in data.get(key) or ())
