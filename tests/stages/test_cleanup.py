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


def test_cleanup_masks_a_headline_glued_to_its_dateline_and_body() -> None:
    text = "Rebels Seize Border Town in Night Raid-GOMA —\u00a0-Rebels seized the town on Monday.\n"
    assert masked(text) == {
        "headline": "Rebels Seize Border Town in Night Raid-",
        "dateline": "GOMA —\u00a0-",
    }
    spaced = "Court Frees Two Men Held Over Bombing -A court freed two men on Friday."
    assert masked(spaced) == {"headline": "Court Frees Two Men Held Over Bombing -"}
    glued = "Army Questioned About Border PatrolsLONDON —\u00a0For the second time, troops fled."
    assert masked(glued) == {
        "headline": "Army Questioned About Border Patrols",
        "dateline": "LONDON —",
    }


def test_cleanup_finds_a_dateline_written_with_a_leading_dash() -> None:
    glued = "Seven Workers Confirmed Killed in Desert Siege -SEOUL —\u00a0-Japan confirmed it."
    assert masked(glued) == {
        "headline": "Seven Workers Confirmed Killed in Desert Siege -",
        "dateline": "SEOUL —\u00a0-",
    }
    alone = "-SEOUL — Japan has confirmed that seven of its nationals died.\n"
    assert masked(alone) == {"dateline": "-SEOUL —"}


def test_cleanup_masks_a_headline_line_but_not_a_first_sentence() -> None:
    text = "Troops Retake Hill After Week of Fighting\nTroops retook the hill on Monday."
    assert masked(text) == {"headline": "Troops Retake Hill After Week of Fighting"}
    prose = "Opposition forces launched an offensive near Aleppo, Syria, on Nov. 27, AP reports.\n"
    assert find_masks(prose + "The army withdrew.") == []
    # a hyphenated name in the first sentence is no headline cut
    assert find_masks("Pro-Russian forces shelled the town of Al-Qaim on Monday.") == []


def test_cleanup_masks_photo_captions_subheads_links_and_page_metadata() -> None:
    text = (
        "This story is from March 5, 2002\n\n"
        "surat: police fired at a mob on monday.\n"
        "FILE - A soldier walks through a burnt building in Michika.\n"
        "Police confront protesters blocking a highway in Charlotte, Sept. 21, 2016.\n"
        "Possibility of peace-Turkey's air force has launched one strike since the coup.\n"
        "Read more: Five things to know about the border\n"
    )
    assert masked(text) == {
        "metadata": "This story is from March 5, 2002",
        "dateline": "surat:",
        "caption": "Police confront protesters blocking a highway in Charlotte, Sept. 21, 2016.",
        "subhead": "Possibility of peace-",
        "link": "Read more: Five things to know about the border",
    }
    reasons = [mask.reason for mask in find_masks(text)]
    assert reasons.count("caption") == 2


def test_cleanup_keeps_a_sentence_that_only_mentions_a_date_or_a_prefix() -> None:
    text = (
        "The attack took place on Sept. 21, 2016.\n"
        "Some pro-Russian fighters crossed the river.\n"
        "Militants attacked the base, officials said.\n"
    )
    assert find_masks(text) == []


def test_cleanup_masks_wiki_headings_and_the_side_sections_they_open() -> None:
    text = (
        "A suicide bomber killed six soldiers near Bagram.==Victims==All six were American."
        "== Attack ==The bomber rode a motorcycle.==Background==In 2014 a bomb killed two."
    )
    masks = [(mask.reason, text[mask.start : mask.end]) for mask in find_masks(text)]
    assert ("side section", "==Victims==All six were American.") in masks
    assert ("side section", "==Background==In 2014 a bomb killed two.") in masks
    assert [words for reason, words in masks if reason == "heading"] == ["== ", " =="]
    assert not any(reason == "side section" and "motorcycle" in words for reason, words in masks)


def test_a_sentence_dense_in_names_is_not_taken_for_a_glued_headline() -> None:
    from frontlines.stages.document_parts import find_headline

    text = (
        "On 3 February 2023, members of the Garment and Sweaters Trade Union Centre staged a "
        "protest in front of the National Press Club, Dhaka - Paltan, demanding a wage board."
    )
    assert find_headline(text) is None
    headline = "Ugandan Ex-Justice Questions Treason Charge-KAMPALA — A former judge said."
    assert find_headline(headline) is not None
