from __future__ import annotations

from datetime import date

import pytest

from frontlines.errors import ConfigError
from frontlines.extract.dates import resolve
from frontlines.languages import ENGLISH as ENGLISH_LANGUAGE
from frontlines.languages import analyze_supported, language_named
from frontlines.lexicons import ENGLISH_FOLDER, load_lexicon
from frontlines.model import Analysis, Article
from frontlines.pipeline import StageRegistry
from frontlines.settings import Settings
from frontlines.stages.resources import Resources

FRENCH = (
    "Des affrontements ont éclaté jeudi entre l'armée et des rebelles près de la ville, "
    "faisant au moins douze morts selon une ONG locale qui surveille le conflit."
)
ENGLISH = (
    "Clashes broke out on Thursday between the army and rebels near the town, killing at "
    "least twelve people according to a local monitoring group."
)


def called(article: Article) -> Analysis:
    return Analysis(frontlines_version="t", pipeline=(), article=article, warnings=("ran",))


def test_an_unsupported_language_gets_a_note_and_no_events() -> None:
    analysis = analyze_supported(Article.create(FRENCH, language="en"), called)
    assert analysis.article.language == "fr"
    assert analysis.events == ()
    assert len(analysis.warnings) == 1
    assert "'fr' is not supported yet" in analysis.warnings[0]


def test_english_is_analysed() -> None:
    analysis = analyze_supported(Article.create(ENGLISH), called)
    assert analysis.warnings == ("ran",)
    assert analysis.article.language == "en"


def test_english_is_the_language_shipped_and_the_default() -> None:
    settings = Settings.from_env({})
    assert settings.language == "en"
    assert language_named("en") == ENGLISH_LANGUAGE
    assert Resources(settings).language == ENGLISH_LANGUAGE
    assert ENGLISH_LANGUAGE.lexicon_folder == ENGLISH_FOLDER


def test_the_language_setting_comes_from_frontlines_lang() -> None:
    assert Settings.from_env({"FRONTLINES_LANG": " FR "}).language == "fr"


def test_a_language_that_is_not_installed_is_a_config_error_naming_the_installed() -> None:
    with pytest.raises(ConfigError, match=r"language 'zz' is not installed \(installed: en\)"):
        language_named("zz")


def test_a_second_language_from_a_plugin_picks_its_own_lexicon_folder(
    example_plugin: object,
) -> None:
    settings = Settings.from_env({"FRONTLINES_LANG": "fr"}, pipeline=("claims",))
    resources = Resources(settings)
    assert resources.language.lexicon_folder == "frontlines_example_plugin.lexicons"
    claims = StageRegistry.from_entry_points().create(
        "claims", resources=resources, settings=settings
    )
    cues = getattr(claims, "cues")  # noqa: B009
    assert cues.reporting == frozenset({"dire", "déclarer", "affirmer", "annoncer"})
    assert "say" in load_lexicon("attribution")["reporting_verbs"]  # English is untouched


def test_the_language_names_the_date_parser_locales() -> None:
    published = date(2024, 11, 5)
    assert resolve("hier", published=published, locales=("fr",)) is not None
    assert resolve("hier", published=published) is None  # English dates do not read it


def test_the_pipeline_reads_its_own_language_and_notes_the_others() -> None:
    french = analyze_supported(Article.create(FRENCH), called, language="fr")
    assert french.warnings == ("ran",)
    english = analyze_supported(Article.create(ENGLISH), called, language="fr")
    assert english.warnings == (
        "language 'en' is not supported yet: no events were extracted (frontlines reads fr)",
    )
