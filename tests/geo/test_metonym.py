from __future__ import annotations

from frontlines.geo.detect import Mention
from frontlines.geo.entry import Entry
from frontlines.geo.metonym import is_metonym
from tests.geo.conftest import MakeParse


def capital(name: str, code: str) -> Entry:
    return Entry(1, name, "city", code, None, None, None, 0.0, 0.0, 1_000_000, capital_of=code)


def country(name: str, code: str) -> Entry:
    return Entry(2, name, "country", code, name, None, None, 0.0, 0.0, 10_000_000)


KREMLIN = Entry(
    -10_000, "Kremlin", "landmark", "RU", "Russia", None, None, 55.75, 37.62, 0, stands_for="RU"
)
TOWN = Entry(3, "Saraqib", "city", "SY", "Syria", "Idlib", None, 35.86, 36.8, 34231)


def mention_of(parse: object, word: str) -> Mention:
    token = next(t for t in parse if t.text == word)  # type: ignore[attr-defined]
    return Mention(token.idx, token.idx + len(token.text), token.text, "GPE", root=token)


def test_metonym_subject_of_a_speech_verb(make_parse: MakeParse) -> None:
    parse = make_parse(
        [
            ("Moscow", 1, "nsubj", "Moscow", "B-GPE"),
            ("said", 1, "ROOT", "say", "O"),
            (".", 1, "punct", ".", "O"),
        ]
    )
    assert is_metonym(mention_of(parse, "Moscow"), capital("Moscow", "RU"), text=parse.text)


def test_metonym_agent_and_addressee_of_an_attempt(make_parse: MakeParse) -> None:
    parse = make_parse(
        [
            ("attempts", 0, "ROOT", "attempt", "O"),
            ("by", 0, "prep", "by", "O"),
            ("Moscow", 1, "pobj", "Moscow", "B-GPE"),
            ("to", 4, "aux", "to", "O"),
            ("contact", 0, "acl", "contact", "O"),
            ("Ankara", 4, "dobj", "Ankara", "B-GPE"),
        ]
    )
    assert is_metonym(mention_of(parse, "Moscow"), capital("Moscow", "RU"), text=parse.text)
    assert is_metonym(mention_of(parse, "Ankara"), capital("Ankara", "TR"), text=parse.text)


def test_metonym_compound_of_backed_and_its_coordinated_capital(make_parse: MakeParse) -> None:
    parse = make_parse(
        [
            ("the", 1, "det", "the", "O"),
            ("Tehran", 1, "ROOT", "Tehran", "B-GPE"),
            ("and", 1, "cc", "and", "O"),
            ("Kremlin", 5, "npadvmod", "Kremlin", "B-ORG"),
            ("-", 5, "punct", "-", "O"),
            ("backed", 6, "amod", "back", "O"),
            ("government", 1, "conj", "government", "O"),
        ]
    )
    text = parse.text
    assert text == "the Tehran and Kremlin-backed government"
    assert is_metonym(mention_of(parse, "Tehran"), capital("Tehran", "IR"), text=text)
    assert is_metonym(mention_of(parse, "Kremlin"), KREMLIN, text=text)


def test_metonym_possessive_of_backing_but_not_of_city(make_parse: MakeParse) -> None:
    backing = make_parse(
        [
            ("Russia", 2, "poss", "Russia", "B-GPE"),
            ("’s", 0, "case", "’s", "O"),
            ("backing", 2, "ROOT", "backing", "O"),
        ]
    )
    assert is_metonym(mention_of(backing, "Russia"), country("Russia", "RU"), text=backing.text)
    city = make_parse(
        [
            ("Syria", 2, "poss", "Syria", "B-GPE"),
            ("’s", 0, "case", "’s", "O"),
            ("city", 2, "ROOT", "city", "O"),
        ]
    )
    assert not is_metonym(mention_of(city, "Syria"), country("Syria", "SY"), text=city.text)


def test_metonym_not_for_a_place_where_something_happens(make_parse: MakeParse) -> None:
    parse = make_parse(
        [
            ("blasts", 0, "ROOT", "blast", "O"),
            ("in", 0, "prep", "in", "O"),
            ("Moscow", 1, "pobj", "Moscow", "B-GPE"),
        ]
    )
    assert not is_metonym(mention_of(parse, "Moscow"), capital("Moscow", "RU"), text=parse.text)
    outside = make_parse(
        [
            ("protest", 0, "ROOT", "protest", "O"),
            ("outside", 0, "prep", "outside", "O"),
            ("the", 3, "det", "the", "O"),
            ("Kremlin", 1, "pobj", "Kremlin", "B-FAC"),
        ]
    )
    assert not is_metonym(mention_of(outside, "Kremlin"), KREMLIN, text=outside.text)


def test_metonym_only_capitals_countries_and_seats_of_government(make_parse: MakeParse) -> None:
    parse = make_parse(
        [("Saraqib", 1, "nsubj", "Saraqib", "B-GPE"), ("said", 1, "ROOT", "say", "O")]
    )
    assert not is_metonym(mention_of(parse, "Saraqib"), TOWN, text=parse.text)
