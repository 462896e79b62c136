"""French, added as a plugin adds a language: its word lists in ``lexicons/`` (here only the
attribution stage's, a few words this project wrote) and the date parser's French."""

from __future__ import annotations

from frontlines.languages import Language

FRENCH = Language(
    code="fr",
    name="French",
    spacy_model="fr_core_news_sm",
    lexicon_folder="frontlines_example_plugin.lexicons",
    date_locales=("fr",),
)
