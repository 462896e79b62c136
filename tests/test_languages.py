from __future__ import annotations

from frontlines.languages import analyze_supported
from frontlines.model import Analysis, Article

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
