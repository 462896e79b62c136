from __future__ import annotations

from datetime import date
from pathlib import Path

from frontlines.bench.scaling import SIZES, long_text, pieces, run_scaling, scaling_figures
from frontlines.model import Analysis

ARTICLES = [
    "Shells hit Kharkiv on Sunday.\n\nThree people were killed, the governor said.",
    "Protesters marched in Khartoum on Monday, witnesses said.",
]


def test_scaling_long_text_repeats_the_articles_and_cuts_at_a_paragraph() -> None:
    text = long_text(ARTICLES, size=500)
    assert 250 < len(text) <= 500
    assert text.startswith(ARTICLES[0])
    assert not text.endswith("\n")
    assert text.count("Shells hit Kharkiv") >= 3


def test_scaling_pieces_cut_at_paragraphs_and_join_back() -> None:
    text = long_text(ARTICLES, size=2_000)
    found = pieces(text, count=5)
    assert "".join(found) == text
    assert len(found) == 5
    assert all(piece.endswith("\n\n") for piece in found[:-1])


def test_scaling_figures_give_the_ratio_of_the_last_to_the_first() -> None:
    per_unit = {SIZES[0]: 1.0, SIZES[1]: 1.1, SIZES[2]: 1.3}
    figures = scaling_figures(per_unit, dataset="d", command="c", size=SIZES[2])
    assert [f.value for f in figures] == [1.0, 1.1, 1.3, 1.3]
    assert all(f.note == "not gated" and f.better == "lower" for f in figures)


def test_scaling_skips_without_the_corpora(tmp_path: Path) -> None:
    def analyse(text: str, published: date | None, /) -> Analysis | None:
        raise AssertionError("nothing to analyse without data")

    result = run_scaling(data_dir=tmp_path, analyse=analyse, command="frontlines bench")
    assert result.status == "skipped"
    assert result.figures == ()
