from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from frontlines.extract.lexicon import Lexicon
from frontlines.extract.mentions import EventMention, sentence_mentions
from frontlines.extract.merge import anchor, merge
from tests.extract.helpers import mentions_in

pytestmark = pytest.mark.slow

ACTORS = {
    "jnim": ("rebel group", ["JNIM", "the militants", "militants"]),
    "army": ("state forces", ["Malian army", "soldiers", "the army"]),
}


def _clusters(nlp: Any, lexicon: Lexicon, lookup_in: Any, text: str) -> list[list[EventMention]]:
    return merge(mentions_in(nlp, lexicon, lookup_in(text, ACTORS), text))


def test_merge_back_references_join_the_event(nlp: Any, lexicon: Lexicon, lookup_in: Any) -> None:
    text = (
        "JNIM militants attacked a Malian army convoy near Douentza. "
        "The attack lasted two hours. Four soldiers died in the ambush."
    )
    clusters = _clusters(nlp, lexicon, lookup_in, text)
    assert len(clusters) == 1
    assert sorted({m.sentence for m in clusters[0]}) == [0, 1, 2]
    assert anchor(clusters[0]).sentence == 0


def test_merge_keeps_different_sides_apart(nlp: Any, lexicon: Lexicon, lookup_in: Any) -> None:
    text = "JNIM militants attacked the Malian army near Douentza. The army shelled JNIM positions."
    clusters = _clusters(nlp, lexicon, lookup_in, text)
    assert len(clusters) == 2


def test_merge_keeps_an_unconfirmed_report_apart(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "JNIM militants attacked soldiers near Douentza. The militants reportedly killed soldiers."
    )
    clusters = _clusters(nlp, lexicon, lookup_in, text)
    assert [anchor(c).certainty for c in clusters] == ["reported", "unconfirmed"]


def test_merge_a_denial_speaks_of_the_same_event(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "Shells hit the market in Gao, killing three people. The army denied shelling the town."
    clusters = _clusters(nlp, lexicon, lookup_in, text)
    assert len(clusters) == 1


def test_merge_drops_a_back_reference_to_nothing(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "The offensive has worried diplomats in the capital."
    assert merge(mentions_in(nlp, lexicon, lookup_in(text, ACTORS), text)) == []


def test_merge_what_police_did_to_a_demonstration_is_part_of_it(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "Hundreds of teachers staged a protest in Bamako on Monday. "
        "Police charged with batons and dispersed the demonstrators."
    )
    clusters = _clusters(nlp, lexicon, lookup_in, text)
    assert len(clusters) == 1
    assert sorted({m.sentence for m in clusters[0]}) == [0, 1]
    assert anchor(clusters[0]).sentence == 0


def test_merge_keeps_a_separate_attack_after_a_protest_apart(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "Hundreds of teachers staged a protest in Bamako on Monday. "
        "JNIM militants attacked a Malian army convoy near Douentza."
    )
    clusters = _clusters(nlp, lexicon, lookup_in, text)
    assert len(clusters) == 2


def test_merge_what_a_group_did_at_its_new_checkpoint_belongs_to_it(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "JNIM militants set up a checkpoint near Douentza on Monday. "
        "The militants robbed two trucks at the checkpoint."
    )
    clusters = _clusters(nlp, lexicon, lookup_in, text)
    assert len(clusters) == 1
    assert sorted({m.sentence for m in clusters[0]}) == [0, 1]


def test_merge_a_denial_beside_a_told_event_adds_no_event(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "JNIM militants attacked a Malian army convoy near Douentza on Monday. "
        "The army denied that soldiers had shelled a market in Boni."
    )
    clusters = _clusters(nlp, lexicon, lookup_in, text)
    assert [sorted({m.sentence for m in c}) for c in clusters] == [[0]]


def test_merge_warning_shots_at_a_demonstration_are_part_of_it(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "Hundreds of teachers staged a protest in Bamako on Monday. "
        "Soldiers fired into the air and chased them away."
    )
    clusters = _clusters(nlp, lexicon, lookup_in, text)
    assert len(clusters) == 1


def test_merge_deaths_after_an_arrest_make_one_event(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "Soldiers arrested six men at the market. Two of them were later found dead."
    clusters = _clusters(nlp, lexicon, lookup_in, text)
    assert len(clusters) == 1
    assert sorted(m.sentence for m in clusters[0]) == [0, 1]


def test_merge_demonstrators_are_the_crowd_that_marched(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "Students staged a demonstration in the city centre. "
        "Demonstrators set fire to a police box."
    )
    table = {"protesters": ("protesters", ["Demonstrators"])}
    clusters = merge(mentions_in(nlp, lexicon, lookup_in(text, table), text))
    assert len(clusters) == 1


def test_merge_arrests_at_a_demonstration_are_part_of_it(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = "Hundreds of teachers marched in the capital. Police arrested twelve of them."
    clusters = _clusters(nlp, lexicon, lookup_in, text)
    assert len(clusters) == 1


def test_merge_an_unnamed_strike_far_on_is_another_strike(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    filler = "The town lies on the main road. " * 7
    text = f"A bomb exploded at a checkpoint in Gao. {filler}A bomb exploded at a market."
    clusters = _clusters(nlp, lexicon, lookup_in, text)
    assert len(clusters) == 2
    near = "A bomb exploded at a checkpoint in Gao. A bomb exploded there at dawn."
    assert len(_clusters(nlp, lexicon, lookup_in, near)) == 1


def test_merge_the_same_day_told_again_later_is_one_event(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    filler = " ".join(f"Shops in district {n} stayed open." for n in range(8))
    text = (
        "JNIM militants attacked a Malian army convoy near Douentza on 3 June 2024. "
        f"{filler} The attack on 3 June 2024 closed the road to Mopti."
    )
    mentions = mentions_in(nlp, lexicon, lookup_in(text, ACTORS), text)
    clusters = merge(mentions)
    dated = [m for m in mentions if m.date is not None]
    assert len(dated) >= 2
    assert len(clusters) == 1


def test_merge_another_day_told_later_is_another_event(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    filler = " ".join(f"Shops in district {n} stayed open." for n in range(8))
    text = (
        "JNIM militants attacked a Malian army convoy near Douentza on 3 June 2024. "
        f"{filler} The attack on 9 June 2024 closed the road to Mopti."
    )
    clusters = merge(mentions_in(nlp, lexicon, lookup_in(text, ACTORS), text))
    assert len(clusters) == 2


def test_merge_a_named_happening_of_the_same_day_is_that_happening(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "Gunmen stabbed shoppers in London on Saturday, killing seven people. "
        "The mayor spoke to reporters. Shops stayed shut. Trains ran late. "
        "Schools reopened. Markets were quiet. Parliament met briefly. "
        "Officials in Downing Street voiced frustration about Saturday's attack."
    )
    found: list[EventMention] = []
    for number, sentence in enumerate(nlp(text).sents):
        found += sentence_mentions(
            sentence,
            number=number,
            published=date(2017, 6, 5),
            lookup=lookup_in(text, ACTORS),
            lexicon=lexicon,
        )
    named = [m for m in found if m.refers]
    assert named and named[-1].sentence == 7

    def places(mention: EventMention) -> frozenset[str]:
        start, end = mention.site or mention.phrase or (mention.start, mention.end)
        return frozenset(name for name in ("London", "Downing Street") if name in text[start:end])

    clusters = merge(found, places=places)
    assert len(clusters) == 1
    assert {m.sentence for m in clusters[0]} == {0, 7}


def test_merge_a_same_day_telling_that_names_only_the_unnamed_side_is_the_event(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "JNIM militants attacked a convoy in Douentza on Monday. "
        "Five soldiers were killed in an ambush in Douentza on Monday."
    )
    found: list[EventMention] = []
    for number, sentence in enumerate(nlp(text).sents):
        found += sentence_mentions(
            sentence,
            number=number,
            published=date(2024, 3, 6),
            lookup=lookup_in(text, ACTORS),
            lexicon=lexicon,
        )
    assert [m.status for m in found] == ["strong", "strong"]
    assert found[0].roles.actor2 is None and found[1].roles.actor1 is None
    clusters = merge(found, places=lambda mention: frozenset({"Douentza"}))
    assert len(clusters) == 1


def test_merge_a_definite_event_subject_retells_the_event_whatever_its_hedge(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "Police in Lyon were searching for a man believed to be responsible for a Friday blast "
        "which injured several people. The explosion targeted a bakery on the main street."
    )
    found = mentions_in(nlp, lexicon, lookup_in(text, ACTORS), text)
    assert found[0].certainty != found[-1].certainty
    assert found[-1].refers
    clusters = merge(found)
    assert len(clusters) == 1


def test_merge_keeps_violence_in_another_town_apart(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "Gunmen attacked a village near Douentza, killing three people. "
        "Gunmen attacked a market in Gao, killing two people."
    )
    found = mentions_in(nlp, lexicon, lookup_in(text, ACTORS), text)

    def places(mention: EventMention) -> frozenset[str]:
        words = text[mention.start : mention.end]
        return frozenset(name for name in ("Douentza", "Gao") if name in words)

    assert len(merge(found)) == 1  # nothing else tells them apart
    assert len(merge(found, places=places)) == 2


def test_merge_a_counted_happening_is_a_new_one(nlp: Any, lexicon: Lexicon, lookup_in: Any) -> None:
    text = (
        "A bomb exploded at a market in the town, killing four people. "
        "The second bombing hit a bus station an hour later. "
        "Nine people died in the second bombing."
    )
    found = mentions_in(nlp, lexicon, lookup_in(text, ACTORS), text)
    assert "second" in {m.ordinal for m in found}
    clusters = merge(found)
    assert [sorted({m.sentence for m in c}) for c in clusters] == [[0], [1, 2]]


def test_merge_keeps_strikes_by_different_means_apart(
    nlp: Any, lexicon: Lexicon, lookup_in: Any
) -> None:
    text = (
        "Two trucks on the road were destroyed by airstrikes. "
        "A roadside bomb exploded near the trucks, killing a driver."
    )
    found = mentions_in(nlp, lexicon, lookup_in(text, ACTORS), text)
    assert [m.event_type[1] for m in found if m.status == "strong"] == [
        "Air/drone strike",
        "Remote explosive/landmine/IED",
    ]
    assert len(merge(found)) == 2
