from __future__ import annotations

import spacy
from spacy.tokens import Doc

from frontlines.geo.detect import find_mentions, in_a_byline
from frontlines.geo.gazetteer import Gazetteer
from tests.geo.conftest import MakeParse


def found(parse: object, gazetteer: Gazetteer) -> list[tuple[str, str, str | None, bool]]:
    return [(m.text, m.label, m.hint, m.demonym) for m in find_mentions(parse, gazetteer=gazetteer)]


def test_detect_recovers_towns_spacy_tagged_as_person_or_org(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    parse = make_parse(
        [
            ("Rebels", 1, "nsubj", "rebel", "O"),
            ("shelled", 1, "ROOT", "shell", "O"),
            ("Kafr", 3, "compound", "Kafr", "B-ORG"),
            ("Nabl", 1, "dobj", "Nabl", "I-ORG"),
            ("and", 3, "cc", "and", "O"),
            ("Tal", 6, "compound", "Tal", "B-PERSON"),
            ("Rifaat", 3, "conj", "Rifaat", "I-PERSON"),
            (".", 1, "punct", ".", "O"),
        ]
    )
    assert found(parse, gazetteer) == [
        ("Kafr Nabl", "", None, False),
        ("Tal Rifaat", "", None, False),
    ]


def test_detect_joins_names_split_around_an_article(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    parse = make_parse(
        [
            ("Clashes", 0, "ROOT", "clash", "O"),
            ("in", 0, "prep", "in", "O"),
            ("Dayr", 4, "compound", "Dayr", "B-PERSON"),
            ("az", 4, "compound", "az", "O"),
            ("Zawr", 1, "pobj", "Zawr", "B-PERSON"),
        ]
    )
    assert found(parse, gazetteer) == [("Dayr az Zawr", "", None, False)]


def test_detect_needs_place_context_and_skips_the_stop_list(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    said = make_parse([("Hama", 1, "nsubj", "Hama", "B-PERSON"), ("said", 1, "ROOT", "say", "O")])
    assert found(said, gazetteer) == []
    named = make_parse(
        [
            ("He", 1, "nsubj", "he", "O"),
            ("met", 1, "ROOT", "meet", "O"),
            ("Ali", 1, "dobj", "Ali", "B-PERSON"),
            ("in", 1, "prep", "in", "O"),
            ("Hama", 3, "pobj", "Hama", "B-PERSON"),
        ]
    )
    assert found(named, gazetteer) == [("Hama", "", None, False)]


def test_detect_demonyms_and_place_names_spacy_calls_norp(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    parse = make_parse(
        [
            ("Syrian", 1, "amod", "syrian", "B-NORP"),
            ("troops", 2, "nsubj", "troop", "O"),
            ("neared", 2, "ROOT", "near", "O"),
            ("the", 4, "det", "the", "O"),
            ("outskirts", 2, "dobj", "outskirt", "O"),
            ("of", 4, "prep", "of", "O"),
            ("Aleppo", 5, "pobj", "Aleppo", "B-NORP"),
        ]
    )
    assert found(parse, gazetteer) == [("Syrian", "NORP", None, True), ("Aleppo", "", None, False)]


def test_detect_admin_word_after_a_place_is_a_hint(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    parse = make_parse(
        [
            ("Strikes", 1, "nsubj", "strike", "O"),
            ("hit", 1, "ROOT", "hit", "O"),
            ("Idlib", 3, "compound", "Idlib", "B-GPE"),
            ("province", 1, "dobj", "province", "O"),
            ("and", 3, "cc", "and", "O"),
            ("the", 6, "det", "the", "O"),
            ("Kremlin", 1, "conj", "Kremlin", "B-ORG"),
        ]
    )
    assert found(parse, gazetteer) == [
        ("Idlib", "GPE", "admin", False),
        ("Kremlin", "", None, False),
    ]


def test_detect_keeps_an_unknown_town_whose_areas_follow_it(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    parse = make_parse(
        [
            ("Merchants", 1, "nsubj", "merchant", "O"),
            ("wounded", 1, "ROOT", "wound", "O"),
            ("in", 1, "prep", "in", "O"),
            ("Bwarzimbo", 2, "pobj", "Bwarzimbo", "B-ORG"),
            ("(", 5, "punct", "(", "O"),
            ("Seno", 3, "appos", "Seno", "B-PERSON"),
            (")", 5, "punct", ")", "O"),
        ]
    )
    assert found(parse, gazetteer) == [("Bwarzimbo", "", "city", False), ("Seno", "", None, False)]


def test_detect_skips_acronyms(gazetteer: Gazetteer, make_parse: MakeParse) -> None:
    parse = make_parse(
        [
            ("a", 1, "det", "a", "O"),
            ("man", 1, "ROOT", "man", "O"),
            ("from", 1, "prep", "from", "O"),
            ("an", 5, "det", "an", "O"),
            ("IDP", 5, "compound", "IDP", "B-ORG"),
            ("camp", 2, "pobj", "camp", "O"),
        ]
    )
    assert found(parse, gazetteer) == []


def test_detect_splits_a_place_entity_at_its_comma(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    parse = make_parse(
        [
            ("shelled", 0, "ROOT", "shell", "O"),
            ("near", 0, "prep", "near", "O"),
            ("Saraqib", 1, "pobj", "Saraqib", "B-FAC"),
            (",", 2, "punct", ",", "I-FAC"),
            ("Idlib", 2, "appos", "Idlib", "I-FAC"),
        ]
    )
    assert found(parse, gazetteer) == [
        ("Saraqib", "FAC", None, False),
        ("Idlib", "FAC", None, False),
    ]


def test_detect_skips_pieces_of_an_organisation_name(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    parse = make_parse(
        [
            ("members", 0, "ROOT", "member", "O"),
            ("of", 0, "prep", "of", "O"),
            ("Liberal", 4, "compound", "Liberal", "B-ORG"),
            ("Democratic", 4, "compound", "Democratic", "I-ORG"),
            ("Party", 1, "pobj", "Party", "I-ORG"),
        ]
    )
    assert found(parse, gazetteer) == []


def test_detect_capitals_need_no_context_but_not_inside_a_person_name(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    said = make_parse([("Kyiv", 1, "nsubj", "Kyiv", "O"), ("said", 1, "ROOT", "say", "O")])
    assert found(said, gazetteer) == [("Kyiv", "", None, False)]
    person = make_parse(
        [
            ("Paris", 1, "compound", "Paris", "B-PERSON"),
            ("Hilton", 2, "nsubj", "Hilton", "I-PERSON"),
            ("arrived", 2, "ROOT", "arrive", "O"),
        ]
    )
    assert found(person, gazetteer) == []


def test_detect_unit_word_after_a_name_is_dropped_and_hints(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    parse = make_parse(
        [
            ("Protests", 0, "ROOT", "protest", "O"),
            ("in", 0, "prep", "in", "O"),
            ("Ouagadougou", 3, "compound", "Ouagadougou", "B-GPE"),
            ("city", 1, "pobj", "city", "I-GPE"),
            ("and", 3, "cc", "and", "O"),
            ("Mexico", 6, "compound", "Mexico", "B-GPE"),
            ("City", 3, "conj", "City", "I-GPE"),
            ("and", 6, "cc", "and", "O"),
            ("Sadar", 6, "conj", "Sadar", "B-GPE"),
        ]
    )
    assert found(parse, gazetteer) == [
        ("Ouagadougou", "GPE", "city", False),
        ("Mexico City", "GPE", None, False),
    ]


def test_detect_areas_in_brackets_after_a_unit_word(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    parse = make_parse(
        [
            ("Clashes", 0, "ROOT", "clash", "O"),
            ("in", 0, "prep", "in", "O"),
            ("Zorbapur", 3, "compound", "Zorbapur", "B-GPE"),
            ("upazila", 1, "pobj", "upazila", "O"),
            ("(", 5, "punct", "(", "O"),
            ("Dinajpur", 3, "appos", "Dinajpur", "B-PERSON"),
            (",", 5, "punct", ",", "O"),
            ("Rangpur", 5, "appos", "Rangpur", "B-PERSON"),
            (")", 5, "punct", ")", "O"),
        ]
    )
    names = [m[0] for m in found(parse, gazetteer)]
    assert names == ["Zorbapur", "Dinajpur", "Rangpur"]


def test_detect_splits_a_place_entity_at_a_spaced_dash(gazetteer: Gazetteer) -> None:
    words = ["rally", "in", "Dhaka", "-", "Gulshan", "and", "Ivano", "-", "Frankivsk"]
    spaces = [True, True, True, True, True, True, False, False, False]
    ents = ["O", "O", "B-GPE", "I-GPE", "I-GPE", "O", "B-GPE", "I-GPE", "I-GPE"]
    parse = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, ents=ents)
    assert [m[0] for m in found(parse, gazetteer)] == ["Dhaka", "Gulshan", "Ivano-Frankivsk"]


def test_detect_keeps_an_unknown_village_the_text_names_as_one(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    """The gazetteer lacks the village, but "the village of" says it is one: it is kept,
    unresolved, so that the event is not placed at some other town named in the sentence."""
    parse = make_parse(
        [
            ("Drones", 1, "nsubj", "drone", "O"),
            ("hit", 1, "ROOT", "hit", "O"),
            ("the", 3, "det", "the", "O"),
            ("village", 1, "dobj", "village", "O"),
            ("of", 3, "prep", "of", "O"),
            ("Zoryanivka", 4, "pobj", "Zoryanivka", "O"),
            ("near", 1, "prep", "near", "O"),
            ("Kharkiv", 6, "pobj", "Kharkiv", "B-GPE"),
        ]
    )
    assert found(parse, gazetteer) == [
        ("Zoryanivka", "", "city", False),
        ("Kharkiv", "GPE", None, False),
    ]
    # Without a word that says "village", an unknown capitalised word is no place.
    said = make_parse(
        [
            ("Zoryanivka", 1, "nsubj", "Zoryanivka", "O"),
            ("said", 1, "ROOT", "say", "O"),
        ]
    )
    assert found(said, gazetteer) == []


def test_detect_a_town_that_names_a_local_body_or_a_resident(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    """spaCy reads "Mansfield Police Department" as one organisation and leaves "Fargo" of "a
    Fargo man" untagged; both name their town."""
    body = make_parse(
        [
            ("The", 3, "det", "the", "O"),
            ("Mansfield", 3, "compound", "Mansfield", "B-ORG"),
            ("Police", 3, "compound", "police", "I-ORG"),
            ("Department", 4, "nsubj", "department", "I-ORG"),
            ("agreed", 4, "ROOT", "agree", "O"),
        ]
    )
    assert [m.text for m in find_mentions(body, gazetteer=gazetteer)] == ["Mansfield"]
    resident = make_parse(
        [
            ("A", 2, "det", "a", "O"),
            ("Fargo", 2, "compound", "Fargo", "O"),
            ("man", 3, "nsubj", "man", "O"),
            ("drowned", 3, "ROOT", "drown", "O"),
            (".", 3, "punct", ".", "O"),
        ]
    )
    assert [m.text for m in find_mentions(resident, gazetteer=gazetteer)] == ["Fargo"]
    council = make_parse(
        [
            ("The", 2, "det", "the", "O"),
            ("City", 2, "compound", "city", "O"),
            ("Council", 3, "nsubj", "council", "O"),
            ("voted", 3, "ROOT", "vote", "O"),
        ]
    )
    assert find_mentions(council, gazetteer=gazetteer) == []


def test_detect_a_dateline_in_capitals(gazetteer: Gazetteer, make_parse: MakeParse) -> None:
    parse = make_parse(
        [
            ("MANSFIELD", 3, "npadvmod", "MANSFIELD", "O"),
            ("--", 3, "punct", "--", "O"),
            ("Police", 3, "nsubj", "police", "O"),
            ("arrested", 3, "ROOT", "arrest", "O"),
            ("two", 5, "nummod", "two", "O"),
            ("men", 3, "dobj", "man", "O"),
        ]
    )
    (mention,) = find_mentions(parse, gazetteer=gazetteer)
    assert (mention.text, mention.dateline) == ("MANSFIELD", True)


def test_detect_keeps_a_county_word_in_the_span_and_asks_for_the_name(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    parse = make_parse(
        [
            ("Deputies", 1, "nsubj", "deputy", "O"),
            ("patrol", 1, "ROOT", "patrol", "O"),
            ("Fargo", 3, "compound", "Fargo", "B-GPE"),
            ("Township", 1, "dobj", "township", "I-GPE"),
        ]
    )
    (mention,) = find_mentions(parse, gazetteer=gazetteer)
    assert (mention.text, mention.key) == ("Fargo Township", "Fargo")


def test_detect_a_name_placed_once_is_a_place_where_it_stands_again(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    parse = make_parse(
        [
            ("Floods", 1, "nsubj", "flood", "O"),
            ("hit", 1, "ROOT", "hit", "O"),
            ("Fargo", 1, "dobj", "Fargo", "O"),
            (".", 1, "punct", ".", "O"),
            ("Fargo", 5, "nsubj", "Fargo", "O"),
            ("grew", 5, "ROOT", "grow", "O"),
            ("and", 5, "cc", "and", "O"),
            ("Fargo", 5, "conj", "Fargo", "B-PERSON"),
            ("smiled", 5, "conj", "smile", "O"),
        ]
    )
    assert [m.start for m in find_mentions(parse, gazetteer=gazetteer)] == [11, 18]


def test_detect_names_inside_an_entity_spacy_ran_across_brackets_and_commas(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    """spaCy reads "Saraqib (Ariha, Idlib" as one organisation: its parts between the brackets
    and commas are names of their own, not pieces of a longer name."""
    parse = make_parse(
        [
            ("Clashes", 2, "nsubjpass", "clash", "O"),
            ("were", 2, "auxpass", "be", "O"),
            ("reported", 2, "ROOT", "report", "O"),
            ("near", 2, "prep", "near", "O"),
            ("Saraqib", 3, "pobj", "Saraqib", "B-ORG"),
            ("(", 4, "punct", "(", "I-ORG"),
            ("Ariha", 4, "appos", "Ariha", "I-ORG"),
            (",", 6, "punct", ",", "I-ORG"),
            ("Idlib", 6, "conj", "Idlib", "I-ORG"),
            (")", 4, "punct", ")", "O"),
            (".", 2, "punct", ".", "O"),
        ]
    )
    assert [text for text, *_ in found(parse, gazetteer)] == ["Saraqib", "Ariha", "Idlib"]


def test_detect_an_unknown_name_before_its_area(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    """ "shelled near Vasyukivka, Donetsk": a name the gazetteer lacks, after a locative and
    before a comma and an area, is a place (and the area after it one too)."""
    parse = make_parse(
        [
            ("Forces", 1, "nsubj", "force", "O"),
            ("shelled", 1, "ROOT", "shell", "O"),
            ("near", 1, "prep", "near", "O"),
            ("Vasyukivka", 2, "pobj", "Vasyukivka", "B-PRODUCT"),
            (",", 3, "punct", ",", "O"),
            ("Donetsk", 3, "appos", "Donetsk", "O"),
            (".", 1, "punct", ".", "O"),
        ]
    )
    assert found(parse, gazetteer) == [
        ("Vasyukivka", "", "city", False),
        ("Donetsk", "", None, False),
    ]
    # Before a town rather than an area, an unknown name stays unread.
    parse = make_parse(
        [
            ("Forces", 1, "nsubj", "force", "O"),
            ("shelled", 1, "ROOT", "shell", "O"),
            ("near", 1, "prep", "near", "O"),
            ("Vasyukivka", 2, "pobj", "Vasyukivka", "B-PRODUCT"),
            (",", 3, "punct", ",", "O"),
            ("Saraqib", 3, "appos", "Saraqib", "O"),
            (".", 1, "punct", ".", "O"),
        ]
    )
    assert "Vasyukivka" not in [text for text, *_ in found(parse, gazetteer)]


def test_detect_a_known_word_opening_a_longer_unknown_name_is_no_place(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    """ "the Me Hka Htar area": "Me" is some town's name, but here only the first word of a
    name the gazetteer lacks."""
    parse = make_parse(
        [
            ("Troops", 1, "nsubj", "troop", "O"),
            ("fired", 1, "ROOT", "fire", "O"),
            ("from", 1, "prep", "from", "O"),
            ("the", 6, "det", "the", "O"),
            ("Me", 6, "compound", "Me", "O"),
            ("Hka", 6, "compound", "Hka", "O"),
            ("Htar", 6, "compound", "Htar", "O"),
            ("base", 2, "pobj", "base", "O"),
            (".", 1, "punct", ".", "O"),
        ]
    )
    assert "Me" not in [text for text, *_ in found(parse, gazetteer)]


def test_detect_a_county_naming_its_sheriff_is_kept_whole(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    """ "said Alachua County Sheriff's Office spokesman": the county, unit word and all, names
    its local body (spaCy read the office as a person)."""
    parse = make_parse(
        [
            ("said", 0, "ROOT", "say", "O"),
            ("Alachua", 2, "compound", "Alachua", "B-PERSON"),
            ("County", 3, "compound", "County", "I-PERSON"),
            ("Sheriff", 4, "compound", "Sheriff", "I-PERSON"),
            ("Office", 0, "nsubj", "Office", "I-PERSON"),
            ("spokesman", 0, "dobj", "spokesman", "O"),
        ]
    )
    assert [m.text for m in find_mentions(parse, gazetteer=gazetteer)] == ["Alachua County"]


def parse_of(words: list[str], ents: list[str]) -> Doc:
    spaces = [following not in (",", ".", "-") and word != "-" for word, following in
              zip(words, [*words[1:], ""], strict=True)]  # fmt: skip
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, ents=ents)


def test_detect_a_named_persons_surname_alone_is_the_person(gazetteer: Gazetteer) -> None:
    words = ["David", "Hopkins", "met", "Anne", "Paris", ".", "Hopkins", "said", "Paris", "agreed"]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "B-GPE", "O"]
    # "Hopkins" (a Minnesota town) is the man; "Paris", a capital, stays a place.
    assert [m[0] for m in found(parse_of(words, ents), gazetteer)] == ["Paris"]


def test_detect_a_persons_home_town_after_their_age_or_party(gazetteer: Gazetteer) -> None:
    words = ["Jane", "Doe", ",", "22", ",", "Marshall", ",", "was", "charged", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-CARDINAL", "O", "O", "O", "O", "O", "O"]
    assert [m[0] for m in found(parse_of(words, ents), gazetteer)] == ["Marshall"]
    words = ["Rep.", "Tom", "Bakk", ",", "R", "-", "Marshall", ",", "said", "so", "."]
    ents = ["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "O"]
    assert [m[0] for m in found(parse_of(words, ents), gazetteer)] == ["Marshall"]
    words = ["Tom", "Bakk", ",", "Marshall", ",", "said", "so", "."]  # no cue: no place
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"]
    assert found(parse_of(words, ents), gazetteer) == []


def test_detect_joins_a_name_hyphenated_to_the_next_when_known_together(
    gazetteer: Gazetteer,
) -> None:
    words = ["near", "Miami", "-", "Dade", "and", "on", "the", "Dhaka", "-", "Khulna", "road"]
    ents = ["O", "B-GPE", "O", "B-GPE", "O", "O", "O", "B-GPE", "O", "B-GPE", "O"]
    parse = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True, False, False, True, True, True, True, False, False, True, False],
        ents=ents,
    )
    assert [m[0] for m in found(parse, gazetteer)] == ["Miami-Dade", "Dhaka", "Khulna"]


def test_detect_a_possessive_apostrophe_is_not_part_of_the_name(gazetteer: Gazetteer) -> None:
    words = ["the", "United", "States", "'", "private", "medicine"]
    parse = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True, True, False, True, True, False],
        ents=["B-GPE", "I-GPE", "I-GPE", "I-GPE", "O", "O"],
    )
    assert [m[0] for m in found(parse, gazetteer)] == ["United States"]


def test_detect_on_after_a_word_of_striking_is_a_place_cue(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    raids = make_parse(
        [
            ("Government", 1, "compound", "government", "O"),
            ("raids", 4, "nsubj", "raid", "O"),
            ("on", 1, "prep", "on", "O"),
            ("Idlib", 2, "pobj", "Idlib", "O"),
            ("continued", 4, "ROOT", "continue", "O"),
            (".", 4, "punct", ".", "O"),
        ]
    )
    assert found(raids, gazetteer) == [("Idlib", "", None, False)]
    strikes = make_parse(
        [
            ("Strikes", 3, "nsubj", "strike", "O"),
            ("on", 0, "prep", "on", "O"),
            ("Aleppo", 1, "pobj", "Aleppo", "O"),
            ("resumed", 3, "ROOT", "resume", "O"),
            (".", 3, "punct", ".", "O"),
        ]
    )
    assert found(strikes, gazetteer) == [("Aleppo", "", None, False)]


def test_detect_on_alone_is_no_place_cue(gazetteer: Gazetteer, make_parse: MakeParse) -> None:
    # "on" after a word that strikes nothing ("commented on"): the name needs another cue.
    parse = make_parse(
        [
            ("She", 1, "nsubj", "she", "O"),
            ("reported", 1, "ROOT", "report", "O"),
            ("on", 1, "prep", "on", "O"),
            ("Monday", 2, "pobj", "Monday", "B-DATE"),
            ("and", 1, "cc", "and", "O"),
            ("commented", 1, "conj", "comment", "O"),
            ("on", 5, "prep", "on", "O"),
            ("Aleppo", 8, "compound", "Aleppo", "O"),
            ("Today", 6, "pobj", "today", "O"),
            (".", 1, "punct", ".", "O"),
        ]
    )
    assert [m.text for m in find_mentions(parse, gazetteer=gazetteer)] == []


def test_detect_a_county_with_its_unit_word_opening_a_longer_name(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    """ "the 2008 Walker County Fair Queen": the unit word says the name is an area's, inside
    a longer name too; the span keeps it."""
    parse = make_parse(
        [
            ("The", 4, "det", "the", "O"),
            ("2008", 4, "nummod", "2008", "B-DATE"),
            ("Walker", 3, "compound", "Walker", "O"),
            ("County", 4, "compound", "County", "O"),
            ("Queen", 5, "nsubj", "Queen", "O"),
            ("waved", 5, "ROOT", "wave", "O"),
        ]
    )
    assert [(m.text, m.hint) for m in find_mentions(parse, gazetteer=gazetteer)] == [
        ("Walker County", "admin")
    ]


def test_detect_a_place_entity_is_cut_before_a_local_bodys_name(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    """ "in the Henderson County Jail" (one GPE to spaCy): the county, not its jail."""
    parse = make_parse(
        [
            ("held", 0, "ROOT", "hold", "O"),
            ("in", 0, "prep", "in", "O"),
            ("the", 5, "det", "the", "B-GPE"),
            ("Henderson", 4, "compound", "Henderson", "I-GPE"),
            ("County", 5, "compound", "County", "I-GPE"),
            ("Jail", 1, "pobj", "Jail", "I-GPE"),
        ]
    )
    assert [m.text for m in find_mentions(parse, gazetteer=gazetteer)] == ["Henderson County"]


def test_detect_a_demonym_opening_an_organisation_or_standing_untagged(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    """ "the Russian Foreign Ministry" (an organisation to spaCy) opens on a demonym, and
    "Iowans" (untagged) is one: both are demonyms; "Foreign Ministry" alone is not."""
    parse = make_parse(
        [
            ("The", 3, "det", "the", "B-ORG"),
            ("Russian", 3, "amod", "russian", "I-ORG"),
            ("Foreign", 3, "compound", "Foreign", "I-ORG"),
            ("Ministry", 4, "nsubj", "Ministry", "I-ORG"),
            ("thanked", 4, "ROOT", "thank", "O"),
            ("Iowans", 4, "dobj", "Iowan", "O"),
        ]
    )
    assert [(text, demonym) for text, _, _, demonym in found(parse, gazetteer)] == [
        ("Russian", True),
        ("Iowans", True),
    ]


def test_detect_a_party_named_united_and_a_country_is_no_place(gazetteer: Gazetteer) -> None:
    """ "United Russia said": the party; "the United States" and "Russia" alone stay places."""
    words = ["United", "Russia", "said", "the", "United", "States", "and", "Russia", "met"]
    ents = ["O", "B-GPE", "O", "B-GPE", "I-GPE", "I-GPE", "O", "B-GPE", "O"]
    texts = [m.text for m in find_mentions(parse_of(words, ents), gazetteer=gazetteer)]
    assert texts == ["United States", "Russia"]


def test_detect_a_name_opening_another_places_longer_name_is_not_that_place(
    gazetteer: Gazetteer,
) -> None:
    """ "The Kansas City Star": not the state Kansas; "Kentucky State Police" (the state's own
    other name) is Kentucky."""
    words = ["The", "Kansas", "City", "Star", "and", "Kentucky", "State", "Police", "agreed"]
    ents = ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O"]
    texts = [m.text for m in find_mentions(parse_of(words, ents), gazetteer=gazetteer)]
    assert "Kansas" not in texts
    assert "Kentucky" in texts


def test_detect_a_name_opening_on_a_glued_lower_case_article(gazetteer: Gazetteer) -> None:
    """ "clashes in al-Hasakah": the name starts on its article, in lower case."""
    words = ["clashes", "in", "al", "-", "Hasakah", "."]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O"]
    assert [m.text for m in find_mentions(parse_of(words, ents), gazetteer=gazetteer)] == [
        "al-Hasakah"
    ]


def test_detect_a_name_before_what_happened_there(gazetteer: Gazetteer) -> None:
    """ "Homs bombing kills ...", "the Khan Shaykhun massacre": a name opening a headline is
    a place when a word of what happened follows it."""
    words = ["Homs", "bombing", "kills", "a", "teacher", "after", "the", "Khan", "Shaykhun"]
    words += ["massacre"]
    ents = ["B-ORG", "O", "O", "O", "O", "O", "O", "O", "O", "O"]
    texts = [m.text for m in find_mentions(parse_of(words, ents), gazetteer=gazetteer)]
    assert texts == ["Homs", "Khan Shaykhun"]


def test_detect_a_town_after_its_countrys_possessive(gazetteer: Gazetteer) -> None:
    """ "Syria's Qamishli" is a Syrian town; "Brazil's Kaka" (a Turkmen village's name) is not
    read as a place, Brazil having no such town."""
    words = ["blasts", "hit", "Syria", "’s", "Qamishli", "as", "Brazil", "’s", "Kaka", "scored"]
    ents = ["O", "O", "B-GPE", "O", "B-PERSON", "O", "B-GPE", "O", "B-PERSON", "O"]
    texts = [m.text for m in find_mentions(parse_of(words, ents), gazetteer=gazetteer)]
    assert texts == ["Syria", "Qamishli", "Brazil"]


def test_detect_a_name_in_capitals_after_a_bylines_by_is_the_reporter() -> None:
    text = "Block to be redeveloped. BY CHAD KLIMACK Advocate Reporter PATASKALA -- Officials"
    start = text.index("CHAD")
    assert in_a_byline(text, start, start + 4)
    other = "Troops left for CHAD on Monday."
    at = other.index("CHAD")
    assert not in_a_byline(other, at, at + 4)
    lower = "The vote was won by Chad in the final round."
    assert not in_a_byline(lower, lower.index("Chad"), lower.index("Chad") + 4)


def test_detect_a_lone_name_spacy_tagged_as_a_date_is_recovered(gazetteer: Gazetteer) -> None:
    words = ["The", "crime", "continues", "regularly", "in", "Winnipeg", "."]
    ents = ["O", "O", "O", "O", "O", "B-DATE", "O"]
    assert [m[0] for m in found(parse_of(words, ents), gazetteer)] == ["Winnipeg"]
    # A calendar word stays a date, even one some town is named after ("in May").
    words = ["The", "vote", "was", "held", "in", "May", "."]
    ents = ["O", "O", "O", "O", "O", "B-DATE", "O"]
    assert found(parse_of(words, ents), gazetteer) == []


def test_detect_names_listed_before_a_plural_street_word_are_streets(
    gazetteer: Gazetteer,
) -> None:
    words = ["He", "was", "hit", "near", "Rivers", "and", "Stokes", "avenues", "on", "Monday", "."]
    ents = ["O"] * len(words)
    assert found(parse_of(words, ents), gazetteer) == []
    words = ["He", "was", "hit", "near", "Stokes", "on", "Monday", "."]  # the county, alone
    ents = ["O"] * len(words)
    assert [m[0] for m in found(parse_of(words, ents), gazetteer)] == ["Stokes"]


def test_detect_a_rank_before_an_office_is_no_town(gazetteer: Gazetteer) -> None:
    words = ["The", "vote", "was", "cast", "by", "Vice", "Mayor", "Ray", "Melton", "."]
    ents = ["O", "O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]
    assert found(parse_of(words, ents), gazetteer) == []
    words = ["The", "Vice", "police", "said", "so", "."]  # the Peruvian town's own police
    ents = ["O"] * len(words)
    assert [m[0] for m in found(parse_of(words, ents), gazetteer)] == ["Vice"]


def test_detect_a_name_said_to_lie_a_distance_away_is_a_place(
    gazetteer: Gazetteer, make_parse: MakeParse
) -> None:
    parse = make_parse(
        [
            ("Swanton", 1, "nsubj", "Swanton", "B-PERSON"),
            ("is", 1, "ROOT", "be", "O"),
            ("about", 4, "advmod", "about", "O"),
            ("20", 4, "nummod", "20", "B-QUANTITY"),
            ("miles", 1, "attr", "mile", "I-QUANTITY"),
            ("west", 4, "advmod", "west", "O"),
            ("of", 5, "prep", "of", "O"),
            ("Toledo", 6, "pobj", "Toledo", "B-GPE"),
            (".", 1, "punct", ".", "O"),
        ]
    )
    assert [m[0] for m in found(parse, gazetteer)] == ["Swanton", "Toledo"]
    parse = make_parse(  # no distance: no cue
        [
            ("Swanton", 1, "nsubj", "Swanton", "B-PERSON"),
            ("is", 1, "ROOT", "be", "O"),
            ("about", 4, "advmod", "about", "O"),
            ("20", 4, "nummod", "20", "B-DATE"),
            ("years", 5, "npadvmod", "year", "I-DATE"),
            ("old", 1, "acomp", "old", "I-DATE"),
            (".", 1, "punct", ".", "O"),
        ]
    )
    assert found(parse, gazetteer) == []


def test_detect_a_legislators_home_town_that_is_also_a_common_word(gazetteer: Gazetteer) -> None:
    words = ["Tom", "Bakk", ",", "DFL", "-", "Cook", ",", "said", "so", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-ORG", "O", "O", "O", "O", "O", "O"]
    assert [m[0] for m in found(parse_of(words, ents), gazetteer)] == ["Cook"]
    words = ["Tom", "Bakk", "met", "Cook", "on", "Monday", "."]  # no cue: the common word
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-DATE", "O"]
    assert found(parse_of(words, ents), gazetteer) == []
