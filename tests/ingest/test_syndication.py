from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.ingest.syndication import (
    Fingerprint,
    SyndicationIndex,
    facts,
    find_original,
    signature,
    similarity,
    swaps_facts,
)
from frontlines.model import Article
from tests.wire_story import INDEPENDENT, REPRINTS, WIRE


def article(text: str, outlet: str | None, published: date | None = None) -> Article:
    return Article.create(text, outlet=outlet, published=published)


ORIGINAL = article(WIRE, "Wire Agency", date(2024, 11, 4))
COPIES = [
    article(text, outlet, date(2024, 11, 4))
    for text, outlet in zip(REPRINTS, ("Daily Post", "Evening Star", "Metro"), strict=True)
]


def test_syndication_reprints_with_small_edits_are_similar() -> None:
    original = signature(WIRE)
    assert original is not None
    for text in REPRINTS:
        copy = signature(text)
        assert copy is not None
        assert similarity(original, copy) >= 0.6
    unrelated = signature(INDEPENDENT)
    assert unrelated is not None
    assert similarity(original, unrelated) < 0.1


def test_syndication_three_reprints_point_to_one_original() -> None:
    stored: list[Article] = [ORIGINAL]
    for copy in COPIES:
        found = find_original(copy, stored)
        assert found is not None
        assert found[0] == ORIGINAL.id
        assert 0.6 <= found[1] <= 1.0
        stored.append(copy)


def test_syndication_the_earliest_published_is_the_original_whatever_the_order() -> None:
    late_original = article(WIRE, "Wire Agency", date(2024, 11, 1))
    later_copy = article(REPRINTS[0], "Daily Post", date(2024, 11, 3))
    assert find_original(late_original, [later_copy]) is None  # it is itself the original
    found = find_original(later_copy, [late_original])
    assert found is not None and found[0] == late_original.id


def test_syndication_without_dates_the_first_stored_is_the_original() -> None:
    first, second = article(WIRE, "Wire Agency"), article(REPRINTS[1], "Evening Star")
    found = find_original(second, [first])
    assert found is not None and found[0] == first.id
    found = find_original(first, [second])
    assert found is not None and found[0] == second.id


def test_syndication_a_dated_article_is_older_than_an_undated_one() -> None:
    undated, dated = article(WIRE, "Wire Agency"), article(REPRINTS[0], "Daily", date(2024, 1, 1))
    assert find_original(dated, [undated]) is None


def test_syndication_ignores_independent_reports_and_the_same_outlet() -> None:
    assert find_original(article(INDEPENDENT, "Other"), [ORIGINAL, *COPIES]) is None
    assert find_original(article(REPRINTS[0], "Wire Agency"), [ORIGINAL]) is None


def test_syndication_short_texts_are_never_linked() -> None:
    short = "Shells hit Kharkiv on Sunday."
    assert signature(short) is None
    assert find_original(article(short, "A"), [article(short, "B")]) is None


def test_syndication_index_groups_every_reprint_under_the_original() -> None:
    index = SyndicationIndex()
    for stored in (ORIGINAL, *COPIES[:2]):
        index.add(Fingerprint.of(stored))
    group = index.group(Fingerprint.of(COPIES[2]))
    assert group is not None
    assert group.original_id == ORIGINAL.id
    assert set(group.members) == {copy.id for copy in COPIES}
    assert group.copy_of(ORIGINAL.id) is None
    assert len(index) == 3


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=600), st.text(max_size=600))
def test_syndication_similarity_is_a_fraction_and_symmetric(first: str, second: str) -> None:
    one, two = signature(first), signature(second)
    if one is not None and two is not None:
        assert 0.0 <= similarity(one, two) == similarity(two, one) <= 1.0
        assert similarity(one, one) == 1.0


TEMPLATE = (
    "On 18 July 2024, students held a sit-in at {place} (Dhaka) demanding reform of the quota"
    " system in government jobs and the release of detained protesters, blocking the road for"
    " several hours before police dispersed them."
)


def test_syndication_two_notes_from_one_template_are_no_reprint() -> None:
    paltan = article(TEMPLATE.format(place="Paltan"), "Analyst A", date(2024, 7, 18))
    dhanmondi = article(TEMPLATE.format(place="Dhanmondi"), "Analyst B", date(2024, 7, 18))
    first, second = signature(paltan.text), signature(dhanmondi.text)
    assert first is not None and second is not None
    assert similarity(first, second) >= 0.5  # as alike as a reprint by their shingles
    assert swaps_facts(facts(paltan.text), facts(dhanmondi.text))
    assert find_original(dhanmondi, [paltan]) is None


def test_syndication_a_reprint_adds_or_drops_facts_but_swaps_none() -> None:
    note = TEMPLATE.format(place="Paltan")
    copy = "DHAKA (Wire Service) - " + note.replace(" for several hours", "")
    assert facts(note) == ("18", "2024", "paltan", "dhaka")
    assert not swaps_facts(facts(note), facts(copy))
    stored = article(note, "Wire Service", date(2024, 7, 18))
    assert find_original(article(copy, "Daily Post", date(2024, 7, 19)), [stored]) is not None
