"""The learned sentence-level event detector: does a sentence tell a happening, and of which kind.

The rules find triggers in the parse and read roles, dates and figures from it; they also fire on
sentences that only look like an event (a condemnation, a rescue, a disaster, a trial, a toll
since the war began). The detector is spaCy's text classifier trained by
``scripts/train_event_detector.py`` on licence-clean sentences (Voice of America staff text of
M2E2, UCDP GED headlines, PLOVER gold records and examples this project wrote; provenance in
``training/event_detector/README.md``). It scores one sentence on four independent labels:
``event`` (it tells a violent, protest or arrest happening) and the kind, ``violence``,
``protest`` or ``arrest``.

Its word is asked only for mentions of those kinds, the kinds it was trained on; a mention of a
strategic development other than an arrest is left to the rules. Where a mention's sentence
scores below ``DROP_BELOW`` on ``event`` the mention is dropped before mentions are merged, so a
happening told again in a sentence the detector trusts still makes its event. The sentence read is
the line of the parser's sentence that holds the mention's first trigger: a headline, a caption or
a paragraph without a full stop is not glued to the next one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from frontlines.errors import ConfigError

MODEL_DIR = "models/detector"
EVENT = "event"
KINDS: tuple[str, ...] = ("violence", "protest", "arrest")
LABELS: tuple[str, ...] = (EVENT, *KINDS)
# Bag-of-words width: features hash into this many rows per label.
HASH_ROWS = 2**17
# A mention is dropped where its sentence's "event" score is below this; chosen on the M2E2 dev
# split's held-out articles (training/event_detector/README.md), not on the test split.
DROP_BELOW = 0.1
KIND_OF_TYPE = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "protest",
    "Riots": "protest",
}
ARRESTS = "Arrests"
_DIGITS = re.compile(r"\d")

Scores = dict[str, float]


def kind_of(event_type: str | None, sub_event_type: str | None) -> str | None:
    """The detector's kind for an ACLED (event_type, sub_event_type); None outside its kinds."""
    if sub_event_type == ARRESTS:
        return "arrest"
    return KIND_OF_TYPE.get(event_type or "")


def normalise_text(text: str) -> str:
    """What the detector reads: lower case, digits as 0 (a date or a toll is not a cue)."""
    return _DIGITS.sub("0", " ".join(text.lower().split()))


def blank_detector() -> Any:
    """An untrained pipeline: a blank English tokenizer and a multi-label text classifier."""
    import spacy

    nlp = spacy.blank("en")
    model = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": False,
        "ngram_size": 2,
        "no_output_layer": False,
        "length": HASH_ROWS,
    }
    textcat: Any = nlp.add_pipe("textcat_multilabel", config={"model": model})
    for label in LABELS:
        textcat.add_label(label)
    return nlp


@dataclass(frozen=True)
class EventDetector:
    """Scores sentences on ``event`` and the kinds of happening."""

    nlp: Any
    drop_below: float = DROP_BELOW

    @classmethod
    def load(cls, *, drop_below: float = DROP_BELOW, model_dir: str = MODEL_DIR) -> EventDetector:
        import spacy

        folder = resources.files("frontlines.extract").joinpath(model_dir)
        if not folder.is_dir():
            raise ConfigError(
                f"the event-detector model is missing from the package ({folder}): "
                "reinstall frontlines or run scripts/train_event_detector.py"
            )
        return cls(nlp=spacy.load(str(folder)), drop_below=drop_below)

    def scores(self, text: str) -> Scores:
        cats: Scores = self.nlp(normalise_text(text)).cats
        return cats

    def line_scores(self, sentence: Any) -> Callable[[int], Scores]:
        """Scores of the line of the parsed ``sentence`` (a spaCy span) that holds a token,
        by the token's index in the document; each line is read once."""
        text: str = sentence.text
        base: int = sentence.start_char
        cache: dict[int, Scores] = {}

        def at(index: int) -> Scores:
            offset = sentence.doc[index].idx - base
            start = text.rfind("\n", 0, offset) + 1
            if start not in cache:
                end = text.find("\n", offset)
                cache[start] = self.scores(text[start : end if end >= 0 else len(text)])
            return cache[start]

        return at

    def tells(self, scores: Scores, typed: tuple[str | None, str | None]) -> bool:
        """False where the sentence scored ``scores`` confidently tells no happening of the kind
        the rules typed; a kind the detector was not trained on is always kept."""
        if kind_of(*typed) is None:
            return True
        return scores.get(EVENT, 1.0) >= self.drop_below
