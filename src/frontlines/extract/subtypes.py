"""The trained sub-event-type classifier and how its scores refine the rules' typing.

The rules (``extract.classify``) read frames, means and participants from the parse; they are
right about the family of an event far more often than about its sub-type, where ACLED's
distinctions rest on the whole account ("police dispersed them" turns a peaceful protest into a
protest with intervention). The classifier is spaCy's bag-of-words text classifier trained by
``scripts/train_subtype_classifier.py`` on examples this project wrote and on PLOVER's gold
records; it reads the sentences of an event and scores the 25 ACLED sub-types and "none".

Its word only counts where it is confident: within the family the rules chose it may change a
sub-type the rules fell back to for want of a cue (a peaceful protest, an armed clash, mob
violence); a sub-type resting on a cue the text gave (the weapon named, "dispersed", "looted")
and any change across families only when nearly certain; it never makes or removes an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from frontlines.errors import ConfigError
from frontlines.model import SUB_EVENT_TYPES

NONE_LABEL = "none"
LABELS: tuple[str, ...] = (*SUB_EVENT_TYPES, NONE_LABEL)
MODEL_DIR = "models/subtypes"
# Bag-of-words width: features hash into this many rows per label (2**16 keeps the file small).
HASH_ROWS = 2**16
WITHIN_FAMILY = 0.5
ACROSS_FAMILIES = 0.9
# Remote violence is typed by the weapon the text names ("aircraft dropped guided bombs"): a
# word-count model may overrule that reading only when it is as sure as across families.
WEAPON_FAMILY = "Explosions/Remote violence"
# The sub-types the rules fall back to when no cue decides; any other rests on a cue the text
# gave ("dispersed", "looted", "a ceasefire"), which the classifier overrules only when nearly
# certain.
FALLBACKS = frozenset({"Peaceful protest", "Armed clash", "Mob violence"})
_DIGITS = re.compile(r"\d")

EventType = tuple[str | None, str | None]


def normalise_text(text: str) -> str:
    """What the classifier reads: lower case, digits as 0 (a date or a toll is not a cue)."""
    return _DIGITS.sub("0", " ".join(text.lower().split()))


def blank_classifier() -> Any:
    """An untrained pipeline: a blank English tokenizer and an exclusive text classifier."""
    import spacy

    nlp = spacy.blank("en")
    model = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 2,
        "no_output_layer": False,
        "length": HASH_ROWS,
    }
    textcat: Any = nlp.add_pipe("textcat", config={"model": model})
    for label in LABELS:
        textcat.add_label(label)
    return nlp


@dataclass(frozen=True)
class SubtypeClassifier:
    """Scores an event's text over ACLED's sub-types and "none"."""

    nlp: Any

    @classmethod
    def load(cls, *, model_dir: str = MODEL_DIR) -> SubtypeClassifier:
        import spacy

        folder = resources.files("frontlines.extract").joinpath(model_dir)
        if not folder.is_dir():
            raise ConfigError(
                f"the sub-event-type model is missing from the package ({folder}): "
                "reinstall frontlines or run scripts/train_subtype_classifier.py"
            )
        return cls(nlp=spacy.load(str(folder)))

    def scores(self, text: str) -> dict[str, float]:
        cats: dict[str, float] = self.nlp(normalise_text(text)).cats
        return cats


def refine(typed: EventType, scores: dict[str, float]) -> EventType:
    """The rules' (event_type, sub_event_type), changed where the classifier is confident."""
    event_type, sub = typed
    if event_type is None or sub is None or not scores:
        return typed
    best = max(scores, key=scores.__getitem__)
    if best in (sub, NONE_LABEL):
        return typed
    family = SUB_EVENT_TYPES[best]
    within = family == event_type and family != WEAPON_FAMILY and sub in FALLBACKS
    needed = WITHIN_FAMILY if within else ACROSS_FAMILIES
    if scores[best] >= needed:
        return (family, best)
    return typed
