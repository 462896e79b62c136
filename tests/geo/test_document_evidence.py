from __future__ import annotations

import pytest

from frontlines.geo.detect import Mention
from frontlines.geo.document_evidence import (
    apply_counties,
    apply_hierarchy,
    country_focus,
    focus_votes,
    follow_counties,
    softmax,
)
from frontlines.geo.entry import MATCH_FOLD, NAME_MAIN, Candidate, Entry, EntryKind


def entry(
    name: str, kind: EntryKind, code: str, admin1: str | None, population: int = 1000
) -> Entry:
    return Entry(
        hash((name, kind, code)) % 10**6,
        name,
        kind,
        code,
        None,
        admin1,
        None,
        0.0,
        0.0,
        population,
    )


def candidates(*entries: Entry) -> list[Candidate]:
    return [Candidate(e, MATCH_FOLD, NAME_MAIN) for e in entries]


def test_context_softmax_sums_to_one() -> None:
    assert sum(softmax([1.0, 2.0, 3.0])) == pytest.approx(1.0)


def test_context_country_focus_counts_each_name_once() -> None:
    mentions = [
        Mention(0, 5, "Syria", "GPE"),
        Mention(10, 15, "Syria", "GPE"),
        Mention(20, 26, "Aleppo", "GPE"),
    ]
    cands = [candidates(entry("Syria", "country", "SY", None))] * 2
    cands.append(candidates(entry("Aleppo", "city", "SY", "Aleppo")))
    focus = country_focus(mentions, cands, [[0.0], [0.0], [0.0]])
    assert focus == {"SY": 1.0}


def test_context_hierarchy_favours_the_area_holding_the_other_places() -> None:
    mentions = [Mention(0, 7, "Georgia", "GPE"), Mention(12, 19, "Atlanta", "GPE")]
    georgia = candidates(
        entry("Georgia", "country", "GE", None), entry("Georgia", "admin1", "US", "Georgia")
    )
    atlanta = candidates(entry("Atlanta", "city", "US", "Georgia"))
    scores = [[1.0, 0.0], [0.0]]
    apply_hierarchy(mentions, [georgia, atlanta], scores)
    assert scores[0][1] > scores[0][0]


def test_context_a_country_standing_for_its_government_votes_as_an_actor() -> None:
    """ "Russia said" names a government: it weighs as a demonym does, not as a place."""
    mentions = [Mention(0, 6, "Russia", "GPE"), Mention(20, 27, "Donetsk", "GPE")]
    cands = [
        candidates(entry("Russia", "country", "RU", None)),
        candidates(entry("Donetsk", "city", "UA", "Donetsk")),
    ]
    scores = [[0.0], [0.0]]
    as_place = country_focus(mentions, cands, scores)
    as_actor = country_focus(mentions, cands, scores, actors={0})
    assert as_place == pytest.approx({"RU": 2 / 3, "UA": 1 / 3})
    assert as_actor == pytest.approx({"RU": 1 / 2, "UA": 1 / 2})


def test_context_focus_without_a_name_is_the_focus_of_the_other_names() -> None:
    """Leaving a name out of the votes gives what the other names alone point at."""
    mentions = [
        Mention(0, 6, "Bagram", "GPE"),
        Mention(10, 15, "Kabul", "GPE"),
        Mention(20, 26, "Bagram", "GPE"),
    ]
    bahram = candidates(entry("Bahram", "city", "IR", "Fars"))
    cands = [bahram, candidates(entry("Kabul", "city", "AF", "Kabul")), bahram]
    votes = focus_votes(mentions, cands, [[0.0], [0.0], [0.0]])
    assert votes.share() == pytest.approx({"IR": 0.5, "AF": 0.5})
    assert votes.share(without="bagram") == {"AF": 1.0}
    assert votes.share(without="kabul") == {"IR": 1.0}


def county_entry(name: str, kind: EntryKind, admin1: str, admin2: str, population: int) -> Entry:
    return Entry(
        hash((name, kind, admin1)) % 10**6,
        name,
        kind,
        "US",
        None,
        admin1,
        admin2,
        0.0,
        0.0,
        population,
    )


def test_context_a_town_in_a_county_the_article_names_rises_with_it() -> None:
    """ "Paris" beside "Henry County": Paris, Tennessee lies in Henry County, Tennessee."""
    mentions = [Mention(0, 5, "Paris", "GPE"), Mention(20, 32, "Henry County", "GPE")]
    paris = [
        candidates(entry("Paris", "city", "FR", "Ile-de-France", 2_000_000))[0],
        *candidates(county_entry("Paris", "city", "Tennessee", "Henry", 10_000)),
        *candidates(county_entry("Paris", "city", "Texas", "Lamar", 25_000)),
    ]
    henry = candidates(
        county_entry("Henry", "admin2", "Georgia", "Henry", 60_000),
        county_entry("Henry", "admin2", "Tennessee", "Henry", 10_000),
    )
    scores = [[5.0, 3.0, 3.1], [3.0, 2.5]]
    apply_counties(mentions, [paris, henry], scores)
    assert max(range(3), key=scores[0].__getitem__) == 1
    assert scores[1][1] > scores[1][0]
    assert scores[0][2] == 3.1  # Paris, Texas: in no county the article names


def test_context_a_county_word_is_needed_for_a_name_to_count_as_a_county() -> None:
    """A bare name that also reads as a county ("Henry", a man) holds no town."""
    mentions = [Mention(0, 5, "Paris", "GPE"), Mention(20, 25, "Henry", "GPE")]
    paris = candidates(county_entry("Paris", "city", "Tennessee", "Henry", 10_000))
    henry = candidates(county_entry("Henry", "admin2", "Tennessee", "Henry", 10_000))
    scores = [[3.0], [2.5]]
    apply_counties(mentions, [paris, henry], scores)
    assert scores == [[3.0], [2.5]]


def test_context_a_bare_name_follows_its_own_county() -> None:
    """ "north DeKalb" beside "DeKalb County" (read as Georgia's) is that county, not DeKalb,
    Illinois; beside DeKalb County, Illinois it is the Illinois town."""
    mentions = [Mention(0, 6, "DeKalb", "GPE"), Mention(20, 33, "DeKalb County", "GPE")]
    town = county_entry("DeKalb", "city", "Illinois", "DeKalb", 43_000)
    georgia = county_entry("DeKalb", "admin2", "Georgia", "DeKalb", 414_000)
    illinois = county_entry("DeKalb", "admin2", "Illinois", "DeKalb", 88_000)
    bare = candidates(town, georgia)
    county = candidates(georgia, illinois)
    for chosen, winner in ((0, 1), (1, 0)):
        scores = [[6.0, 5.0], [1.0, 0.0] if chosen == 0 else [0.0, 1.0]]
        follow_counties(mentions, [bare, county], scores)
        assert max(range(2), key=scores[0].__getitem__) == winner


def test_context_a_town_named_after_a_state_elsewhere_takes_no_lift_from_its_neighbours() -> None:
    """ "California" beside "Pennsylvania" is the state, not California, Pennsylvania: the town
    gets no lift from the state it lies in, and lends none to its neighbours."""
    mentions = [Mention(0, 10, "California", "GPE"), Mention(20, 32, "Pennsylvania", "GPE")]
    california = candidates(
        county_entry("California", "city", "Pennsylvania", "Washington", 6_600),
        entry("California", "admin1", "US", "California", 39_000_000),
    )
    pennsylvania = candidates(entry("Pennsylvania", "admin1", "US", "Pennsylvania", 9_000_000))
    scores = [[5.0, 5.2], [5.0]]
    apply_hierarchy(mentions, [california, pennsylvania], scores)
    assert scores[0] == [5.0, 5.2]
    assert scores[1] == [5.0]


def test_context_a_state_named_like_its_country_takes_no_lift_from_its_towns() -> None:
    """ "Mexico" beside "Mexico City" is still the country, not the state of Mexico that holds
    the city: the country holds whatever the state would be lent."""
    mentions = [Mention(0, 6, "Mexico", "GPE"), Mention(20, 31, "Mexico City", "GPE")]
    mexico = candidates(
        entry("Mexico", "country", "MX", None, 126_000_000),
        entry("Mexico", "admin1", "MX", "Mexico", 21_000_000),
    )
    city = candidates(entry("Mexico City", "city", "MX", "Mexico", 12_000_000))
    scores = [[6.0, 5.8], [5.0]]
    apply_hierarchy(mentions, [mexico, city], scores)
    assert scores[0] == [6.0, 5.8]
