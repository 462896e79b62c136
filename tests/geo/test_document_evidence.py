from __future__ import annotations

import pytest

from frontlines.geo.detect import Mention
from frontlines.geo.document_evidence import apply_hierarchy, country_focus, focus_votes, softmax
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
