from __future__ import annotations

from frontlines.extract.classify import Context, classify
from frontlines.extract.lexicon import Lexicon, load_lexicon
from frontlines.model import SUB_EVENT_TYPES


def test_lexicon_every_frame_is_typed(lexicon: Lexicon) -> None:
    frames = set(lexicon.verb_frames.values()) | set(lexicon.noun_frames.values())
    frames |= set(lexicon.phrase_frames.values())
    # Interventions and threats are events only by who does them (police, an armed group).
    for frame in frames - {"intervene", "intimidate"}:
        found = classify(Context(frames=frozenset({frame}), territory=True))
        assert found is not None, frame
        assert found[1] is None or found[1] in SUB_EVENT_TYPES


def test_lexicon_weapons_longest_phrase_first(lexicon: Lexicon) -> None:
    assert lexicon.find_weapons(["sound", "grenade"]) == ["crowd_control"]
    assert lexicon.find_weapons(["hand", "grenade"]) == ["grenade"]
    assert lexicon.find_weapons(["suicide", "car", "bomb"]) == ["suicide"]
    assert lexicon.find_weapons(["lob", "tear", "gas", "shell"]) == ["crowd_control"]
    assert lexicon.find_weapons(["teargas", "shell"]) == ["crowd_control"]


def test_lexicon_vague_numbers_follow_acled(lexicon: Lexicon) -> None:
    assert lexicon.vague_numbers["dozens"] == 12
    assert lexicon.vague_numbers["tens"] == 10
    assert lexicon.vague_numbers["hundreds"] == 100


def test_lexicon_hyphenated_weapons_match_the_split_words(lexicon: Lexicon) -> None:
    # "anti-tank mine" reaches the lexicon as the lemmas of its words, punctuation dropped.
    assert lexicon.find_weapons(["strike", "an", "anti", "tank", "mine"]) == ["explosive"]
    assert lexicon.find_weapons(["anti", "aircraft", "fire"]) == ["air_defense"]


def test_what_a_number_counts_is_read_from_counts_yaml() -> None:
    lexicon = load_lexicon()
    assert lexicon.distance_units["kilometre"] == "km"
    assert lexicon.verb_counts["kill"] == "fatalities"
    assert lexicon.noun_counts["hostage"] == "abducted"
    assert {"village", "hamlet"} <= lexicon.place_counts
    assert "recapture" in lexicon.territory_verbs
    assert "attempt" in lexicon.attempts
    assert "convoy" in lexicon.not_one_person
