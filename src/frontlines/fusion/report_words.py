"""What fusion reads in a report's words: content terms (cosine over crudely stemmed words),
proper names and the sites a text puts things at (compared by ``name_key``), times of day.

A pair's score depends on the two texts alone (no corpus statistics such as IDF), so adding
reports elsewhere never changes it: that keeps fusion incremental and order-independent.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

_WORD = re.compile(r"[^\W\d_]{3,}")
_SUFFIXES = ("ing", "ed", "es", "s", "ly")
STEM_LENGTH = 5
STOPWORDS = frozenset(
    {
        "about", "above", "after", "again", "against", "all", "also", "among", "and", "any",
        "are", "around", "because", "been", "before", "being", "between", "both", "but", "can",
        "could", "did", "does", "doing", "down", "during", "each", "few", "for", "from",
        "further", "had", "has", "have", "having", "her", "here", "hers", "him", "his", "how",
        "into", "its", "itself", "just", "more", "most", "near", "not", "now", "off", "once",
        "only", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "some",
        "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these",
        "they", "this", "those", "through", "too", "under", "until", "very", "was", "were",
        "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
        "you", "your", "yours", "said", "says", "say", "told", "according", "reported",
        "reportedly", "people", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "today", "yesterday", "morning", "evening", "night", "week",
        "month", "year", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "least",
    }
)  # fmt: skip


def stem(word: str) -> str:
    """Lower-cased, one common suffix stripped, cut to five letters: killed/killing -> kill."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    return word[:STEM_LENGTH]


def content_terms(texts: Iterable[str]) -> frozenset[str]:
    """The stems of the words of ``texts`` that carry content (no stop words, no numbers)."""
    return frozenset(
        stem(word)
        for text in texts
        for word in _WORD.findall(text)
        if word.lower() not in STOPWORDS
    )


def cosine(first: frozenset[str], second: frozenset[str]) -> float:
    """Cosine similarity of two term sets (0 when either is empty)."""
    if not first or not second:
        return 0.0
    return len(first & second) / math.sqrt(len(first) * len(second))


_NAME = re.compile(r"(?<![\w.])([A-Z][\w'’-]{2,}(?:\s+(?:al-|el-)?[A-Z][\w'’-]{2,})*)")
NOT_NAMES = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "on", "in", "at", "the", "a", "an", "this", "that",
        "after", "before", "during", "when", "while", "according", "around", "about", "near",
        "some", "several", "many", "dozens", "hundreds", "thousands", "there", "they", "it",
        "he", "she", "we", "his", "her", "their", "its", "two", "three", "four", "five",
        "six", "seven", "eight", "nine", "ten", "one", "unknown", "no", "local", "police",
        "district", "state", "region", "township", "province", "village", "town", "city",
        "division", "upazila", "union", "area", "oblast", "governorate", "county", "road",
    }
)  # fmt: skip
TIMES = (
    ("dawn", re.compile(r"\b(?:dawn|daybreak|early hours|before sunrise)\b", re.IGNORECASE)),
    ("morning", re.compile(r"\bmorning\b|\b(?:[5-9]|1[01])(?::\d\d)?\s*a\.?m\b", re.IGNORECASE)),
    ("midday", re.compile(r"\b(?:noon|midday|12(?::\d\d)?\s*p\.?m)\b", re.IGNORECASE)),
    ("afternoon", re.compile(r"\bafternoon\b|\b[1-5](?::\d\d)?\s*p\.?m\b", re.IGNORECASE)),
    ("evening", re.compile(r"\bevening\b|\b[6-9](?::\d\d)?\s*p\.?m\b", re.IGNORECASE)),
    (
        "night",
        re.compile(
            r"\b(?:night|overnight|midnight|1[01](?::\d\d)?\s*p\.?m|[1-4](?::\d\d)?\s*a\.?m)\b",
            re.IGNORECASE,
        ),
    ),
)
NEAR_TIMES = frozenset(
    {
        frozenset({"dawn", "morning"}), frozenset({"morning", "midday"}),
        frozenset({"midday", "afternoon"}), frozenset({"afternoon", "evening"}),
        frozenset({"evening", "night"}), frozenset({"night", "dawn"}),
    }
)  # fmt: skip


# what precedes the first word of a text or a sentence
_OPENING = re.compile(r"(?:^|[.!?]\s)[\s\"'“‘(\[-]*$")


def proper_names(texts: Iterable[str]) -> frozenset[str]:
    """The capitalised words of ``texts`` that are names (no months, days, pronouns), as
    ``name_key`` gives them. A lone capitalised word opening a text or a sentence is a name
    only when it is an acronym ("SDF") or the texts capitalise it elsewhere too: headlines open
    on "Warplanes", "Continued" or "Aerial", which name nothing and would tell two reports of one
    happening apart."""
    texts = list(texts)
    matches = [(text, match) for text in texts for match in _NAME.finditer(text)]
    inside = {
        match.group(1).split()[0]
        for text, match in matches
        if not _OPENING.search(text[: match.start()])
    } | {word for _, match in matches for word in match.group(1).split()[1:]}
    found: set[str] = set()
    for text, match in matches:
        words = match.group(1).split()
        if len(words) == 1 and _OPENING.search(text[: match.start()]):
            word = words[0]
            if not (word.isupper() or word in inside):
                continue
        for word in words:
            key = word.lower().strip("'’-")
            if key in NOT_NAMES or key in STOPWORDS or len(key) < 3:
                continue
            found.add(name_key(key.removeprefix("al-").removeprefix("el-")))
    return frozenset(found)


def times_of_day(texts: Iterable[str]) -> frozenset[str]:
    """The parts of the day the texts give (dawn, morning, midday, afternoon, evening, night)."""
    joined = " ".join(texts)
    return frozenset(name for name, pattern in TIMES if pattern.search(joined))


_SITE = re.compile(
    r"\b(?:in|at|near|outside|inside|into|shelled|struck|hit|attacked|targeted|bombed|stormed"
    r"|captured|raided|seized|entered|liberated|recaptured"
    r"|(?:village|hamlet|town|city|neighbou?rhood|locality|camp|area) of)\s+(?:the\s+)?"
    r"([A-Z][\w'’-]+(?:(?:\s*[-–,(]\s*|\s+)[A-Z][\w'’-]+)*)"
)


_VOWELS = re.compile(r"[aeiouy]+")


def name_key(word: str) -> str:
    """A name as compared: its first letter and its consonants, lower case, no possessive, so
    transliterations meet (Saraqib and Saraqeb, Kharkiv and Kharkov: srqb, khrkv) and
    Ukrainka (ukrnk) stays apart from Ukraine (ukrn)."""
    word = word.lower()
    for ending in ("'s", "’s"):
        word = word.removesuffix(ending)
    word = word.strip("'’-")
    return word[:1] + _VOWELS.sub("", word[1:])


def site_names(texts: Iterable[str]) -> frozenset[str]:
    """The names a text places things at or acts on ("in Dhaka - Jatrabari", "near Mamassirou",
    "shelled Pryvillya"): the sites that tell two happenings of one region apart."""
    found: set[str] = set()
    for text in texts:
        for match in _SITE.finditer(text):
            for word in re.findall(r"[A-Z][\w'’-]+", match.group(1)):
                key = word.lower().strip("'’-")
                if key not in NOT_NAMES and key not in STOPWORDS and len(key) >= 3:
                    found.add(name_key(key))
    return frozenset(found)


def lead_site(texts: Sequence[str], *, skip: frozenset[str]) -> frozenset[str]:
    """The first site the first text names beyond ``skip`` (its regions', areas' names): where
    a report places its happening ("near Kalynove", "in Kun Nar village"), as ``name_key`` words."""
    for text in texts[:1]:
        for match in _SITE.finditer(text):
            words = {
                name_key(key)
                for word in re.findall(r"[A-Z][\w'’-]+", match.group(1))
                if (key := word.lower().strip("'’-")) not in NOT_NAMES
                and key not in STOPWORDS
                and len(key) >= 3
            }
            if words - skip:
                return frozenset(words - skip)
    return frozenset()


_AREA = re.compile(
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s+(?i:township|district|upazila|region|state|province"
    r"|oblast|raion|rayon|county|governorate|division|municipality|commune|department|prefecture)\b"
)


def area_names(texts: Iterable[str]) -> frozenset[str]:
    """The names a text itself calls areas ("Momauk township", "Bhamo District", "Madhukhali
    upazila"), as ``name_key`` gives them: an area holds many places, and tells none apart."""
    found: set[str] = set()
    for text in texts:
        for match in _AREA.finditer(text):
            found.update(name_key(word) for word in re.findall(r"[A-Z][\w'’-]+", match.group(1)))
    return frozenset(found)
