"""Name keys that survive transliteration.

Three keys per name, each coarser than the last:

- ``fold``: case, diacritics, apostrophes and punctuation removed ("Tall Rif‘at" → "tall rifat");
- ``light``: the folded name with Arabic article prefixes dropped, known spelling variants
  unified (Tal/Tall/Tell, Deir/Dayr/Dair, Kafr/Kfar, -iyah/-iyeh/-iya) and doubled letters
  collapsed, written without spaces ("Tell Rifaat" → "talrifat");
- ``skeleton``: the light key reduced to its consonants ("Dayr az Zawr" and "Deir ez-Zor" → "drzr").

The gazetteer is indexed by skeleton; how close a candidate's name is to the text is the finest
key the two share.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ħ": "h",
        "ŀ": "l",
        "ə": "a",
        "ـ": "",  # Arabic tatweel
        "ى": "ي",
        "ة": "ه",
    }
)
_CASED_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "ə": "a"}
)
# Apostrophes and the ayn/hamza signs of transliteration are dropped, not turned into spaces.
_APOSTROPHES = str.maketrans(dict.fromkeys("'’‘`´ʼʻʿʾ′"))
_NON_WORD = re.compile(r"[\W_]+")

ARTICLES = frozenset(
    {"al", "el", "ul", "ad", "adh", "ag", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en"}
    | {"er", "es", "esh", "et", "ez", "ud", "un", "ur", "us", "ush", "uz"}
)
# Token spellings that stand for one word; the key side is what the light key uses.
_TOKEN_VARIANTS: dict[str, str] = {
    **dict.fromkeys(("tal", "tall", "tell", "tel", "til", "tell"), "tal"),
    **dict.fromkeys(("deir", "dayr", "dair", "der", "dier"), "dayr"),
    **dict.fromkeys(("kafr", "kfar", "kefr", "kfr", "kafar"), "kafr"),
    **dict.fromkeys(("ain", "ayn", "ein", "ayin", "aine"), "ayn"),
    **dict.fromkeys(("sheikh", "shaykh", "shaikh", "cheikh", "sheik", "shekh"), "shaykh"),
    **dict.fromkeys(("jabal", "jebel", "jabel", "djebel", "jbel"), "jabal"),
    **dict.fromkeys(("beit", "bayt", "bait", "beyt"), "bayt"),
    **dict.fromkeys(("khirbet", "khirbat", "khirba", "khirbeh"), "khirba"),
    **dict.fromkeys(("abu", "abou", "abo"), "abu"),
    **dict.fromkeys(("umm", "um", "om", "oum"), "umm"),
    **dict.fromkeys(("ras", "raas", "rass"), "ras"),
    **dict.fromkeys(("wadi", "ouadi", "oued", "wad"), "wadi"),
}
_SUFFIXES = (
    (re.compile(r"(?:iyyah|iyyeh|iyya|iyah|iyeh|iyya|iya|iye|ieh|iah)$"), "iya"),
    (re.compile(r"(?<=[^aeiou])(?:ah|eh)$"), "a"),
    (re.compile(r"aw(?=[^aeiou]|$)"), "o"),
    (re.compile(r"ou"), "u"),
)
_DOUBLES = re.compile(r"(.)\1+")
_SKELETON_DIGRAPHS = (("dj", "j"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("gh", "g"))
_SKELETON_DIGRAPHS2 = (("kh", "h"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"))
_VOWELS = re.compile(r"[aeiouyw]")
_ARABIC_ARTICLE = re.compile(r"^ال(?=\w{2,})")


# Names recur (a town's candidates, their admin areas, every article's countries): the keys of
# the most recent ones are remembered.
KEY_MEMORY = 1 << 16


@lru_cache(maxsize=KEY_MEMORY)
def fold(text: str) -> str:
    """Case, diacritics, apostrophes and punctuation removed; words separated by one space."""
    text = text.casefold().translate(_APOSTROPHES)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
        text = "".join(char for char in text if not unicodedata.combining(char))
    return _NON_WORD.sub(" ", text).strip()


def plain(text: str) -> str:
    """The name as written, less its diacritics ("Ḩamāh" → "Hamah"), as GeoNames' ASCII names."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_CASED_LETTERS))
    return "".join(char for char in text if not unicodedata.combining(char))


def _light_token(token: str) -> str:
    token = _ARABIC_ARTICLE.sub("", token)
    token = _TOKEN_VARIANTS.get(token, token)
    if token.isascii():
        for pattern, repl in _SUFFIXES:
            token = pattern.sub(repl, token)
    return _DOUBLES.sub(r"\1", token)


def light(folded: str) -> str:
    """The light key of an already folded name."""
    tokens = folded.split()
    kept = [token for token in tokens if token not in ARTICLES] or tokens
    return "".join(_light_token(token) for token in kept)


def skeleton(light_key: str) -> str:
    """The consonant skeleton of a light key; a leading vowel is kept as "a"."""
    if not light_key.isascii():
        return light_key
    key = light_key
    for old, new in _SKELETON_DIGRAPHS:
        key = key.replace(old, new)
    for old, new in _SKELETON_DIGRAPHS2:
        key = key.replace(old, new)
    if not key:
        return key
    head = "a" if key[0] in "aeiou" else key[0]
    return _DOUBLES.sub(r"\1", head + _VOWELS.sub("", key[1:]))


@lru_cache(maxsize=KEY_MEMORY)
def keys(text: str) -> tuple[str, str, str]:
    """(fold, light, skeleton) of a name as written."""
    folded = fold(text)
    light_key = light(folded)
    return folded, light_key, skeleton(light_key)
