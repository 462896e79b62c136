from __future__ import annotations

from frontlines.stages.cleanup import find_masks

ARTICLE = (
    "KHARKIV, Ukraine (Frontline Wire) — Russian drones struck a depot on Tuesday.\n"
    "By Jane Roe\n"
    "The strike killed two workers, officials said.\n"
    "Photo: Frontline Wire/John Doe\n"
)


def masked(text: str) -> dict[str, str]:
    return {mask.reason: text[mask.start : mask.end].strip() for mask in find_masks(text)}


def test_cleanup_masks_dateline_byline_and_credit() -> None:
    found = masked(ARTICLE)
    assert found["dateline"] == "KHARKIV, Ukraine (Frontline Wire) —"
    assert found["byline"] == "By Jane Roe"
    assert found["credit"] == "Photo: Frontline Wire/John Doe"


def test_cleanup_masks_a_cover_credit_at_the_end() -> None:
    text = "Opposition forces advanced.\nCover: AP Photo/Omar Albam"
    assert masked(text) == {"credit": "Cover: AP Photo/Omar Albam"}


def test_cleanup_leaves_ordinary_prose_alone() -> None:
    text = (
        "The U.S. and the U.N. met on Nov. 3 — talks went on.\nBy noon, shelling resumed.\n"
        "By Monday, Troops withdrew."
    )
    assert find_masks(text) == []
