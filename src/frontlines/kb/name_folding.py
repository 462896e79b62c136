"""How names are compared: case, apostrophes, dashes and diacritics do not matter."""

from __future__ import annotations

import re
import unicodedata

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-"})
SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Text without diacritics, with straight apostrophes and plain hyphens; case is kept."""
    decomposed = unicodedata.normalize("NFKD", text.translate(APOSTROPHES).translate(DASHES))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return SPACES.sub(" ", stripped).strip()


def normalise(text: str) -> str:
    """The key a name is looked up by: folded, case-folded, no full stops, no leading "the"."""
    key = SPACES.sub(" ", fold(text).casefold().replace(".", "")).strip()
    return key.removeprefix("the ") if key.startswith("the ") else key
