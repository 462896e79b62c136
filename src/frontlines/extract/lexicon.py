"""The word lists behind event extraction, read once from a language's lexicon folder
(``lexicons/en/*.yaml`` for English).

The lists are data written by the frontlines developers; nothing here is learnt from ACLED's data.
A ``Lexicon`` is immutable and is built by the stage factory, then passed to the pure functions
that need it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from frontlines.extract.dates import ENGLISH_DATES
from frontlines.lexicons import ENGLISH_FOLDER, read_lexicon_file


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Trigger frames, weapons, participant nouns, cue words and number words."""

    verb_frames: Mapping[str, str]
    noun_frames: Mapping[str, str]
    phrase_frames: Mapping[str, str]
    weak_verbs: frozenset[str]
    weak_nouns: frozenset[str]
    weapon_verbs: frozenset[str]
    weapon_subject_verbs: frozenset[str]
    realizing_verbs: frozenset[str]
    occurring_verbs: frozenset[str]
    effect_verbs: frozenset[str]
    weapons: Mapping[tuple[str, ...], str]
    participants: Mapping[str, str]
    owner_nouns: frozenset[str]
    property_nouns: frozenset[str]
    territory_nouns: frozenset[str]
    materiel_nouns: frozenset[str]
    cues: Mapping[str, Any]
    number_words: Mapping[str, int]
    vague_numbers: Mapping[str, int]
    qualifiers: Mapping[str, str]
    distance_units: Mapping[str, str]  # counts.yaml: what a number counts
    place_counts: frozenset[str]
    territory_verbs: frozenset[str]
    verb_counts: Mapping[str, str]
    noun_counts: Mapping[str, str]
    attempts: frozenset[str]
    not_one_person: frozenset[str]
    date_locales: tuple[str, ...] = ENGLISH_DATES  # the date parser's languages

    def cue(self, name: str) -> frozenset[str]:
        """A cue list from cues.yaml as a set of lemmas."""
        value = self.cues.get(name, ())
        return frozenset(str(item) for item in value)

    def cue_map(self, name: str) -> Mapping[str, str]:
        value = self.cues.get(name, {})
        return MappingProxyType({str(k): str(v) for k, v in value.items()})

    def cue_lists(self, name: str) -> Mapping[str, frozenset[str]]:
        """A cue table from cues.yaml whose values are lists, as sets of lemmas by key."""
        value = self.cues.get(name, {})
        return MappingProxyType({str(k): frozenset(str(i) for i in v) for k, v in value.items()})

    def weapon_class(self, lemmas: tuple[str, ...]) -> str | None:
        return self.weapons.get(lemmas)

    def find_weapons(self, lemmas: list[str]) -> list[str]:
        """Weapon classes named in a run of lemmas, longest phrase first, left to right."""
        found: list[str] = []
        position = 0
        while position < len(lemmas):
            for size in (5, 4, 3, 2, 1):
                weapon = self.weapons.get(tuple(lemmas[position : position + size]))
                if weapon is not None:
                    found.append(weapon)
                    position += size
                    break
            else:
                position += 1
        return found


def load_lexicon(
    *, folder: str = ENGLISH_FOLDER, date_locales: tuple[str, ...] = ENGLISH_DATES
) -> Lexicon:
    """Read every data file of the lexicon folder ``folder``; raises ConfigError when one is
    missing or malformed. ``date_locales``: the language's date parser languages."""
    triggers = _read(folder, "triggers.yaml")
    weapons = _read(folder, "weapons.yaml")
    participants = _read(folder, "participants.yaml")
    numbers = _read(folder, "numbers.yaml")
    counts = _read(folder, "counts.yaml")
    verb_frames: dict[str, str] = {}
    noun_frames: dict[str, str] = {}
    phrase_frames: dict[str, str] = {}
    for frame, entry in triggers["frames"].items():
        # First frame listed wins: the file orders frames from specific to general.
        for lemma in entry.get("verbs") or ():
            verb_frames.setdefault(str(lemma), frame)
        for lemma in entry.get("nouns") or ():
            noun_frames.setdefault(str(lemma), frame)
        for phrase in entry.get("phrases") or ():
            phrase_frames.setdefault(str(phrase), frame)
    weapon_table: dict[tuple[str, ...], str] = {}
    for weapon_class, phrases in weapons["classes"].items():
        for phrase in phrases:
            # The parser splits "anti-tank" into "anti", "-", "tank", and weapons are looked up
            # without punctuation: "anti-tank mine" is ("anti", "tank", "mine").
            words = str(phrase).lower().replace("-", " ").split()
            weapon_table.setdefault(tuple(words), weapon_class)
    participant_table: dict[str, str] = {}
    for participant_class, nouns in participants["classes"].items():
        for noun in nouns:
            participant_table.setdefault(str(noun), participant_class)
    return Lexicon(
        verb_frames=MappingProxyType(verb_frames),
        noun_frames=MappingProxyType(noun_frames),
        phrase_frames=MappingProxyType(phrase_frames),
        weak_verbs=_set(triggers["weak"]["verbs"]),
        weak_nouns=_set(triggers["weak"]["nouns"]),
        weapon_verbs=_set(triggers["weapon_verbs"]),
        weapon_subject_verbs=_set(triggers["weapon_subject_verbs"]),
        realizing_verbs=_set(triggers["realizing_verbs"]),
        occurring_verbs=_set(triggers["occurring_verbs"]),
        effect_verbs=_set(triggers["effect_verbs"]),
        weapons=MappingProxyType(weapon_table),
        participants=MappingProxyType(participant_table),
        owner_nouns=_set(participants["owner_nouns"]),
        property_nouns=_set(participants["property_nouns"]),
        territory_nouns=_set(participants["territory_nouns"]),
        materiel_nouns=_set(participants["materiel_nouns"]),
        cues=MappingProxyType(_read(folder, "cues.yaml")),
        number_words=MappingProxyType({str(k): int(v) for k, v in numbers["words"].items()}),
        vague_numbers=MappingProxyType({str(k): int(v) for k, v in numbers["vague"].items()}),
        qualifiers=MappingProxyType({str(k): str(v) for k, v in numbers["qualifiers"].items()}),
        distance_units=_table(counts["distance_units"]),
        place_counts=_set(counts["place_counts"]),
        territory_verbs=_set(counts["territory_verbs"]),
        verb_counts=_table(counts["verb_counts"]),
        noun_counts=_table(counts["noun_counts"]),
        attempts=_set(counts["attempts"]),
        not_one_person=_set(counts["not_one_person"]),
        date_locales=date_locales,
    )


def _set(items: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(item) for item in items)


def _table(items: Mapping[Any, Any]) -> Mapping[str, str]:
    return MappingProxyType({str(key): str(value) for key, value in items.items()})


def _read(folder: str, name: str) -> dict[str, Any]:
    return read_lexicon_file(folder, name)
