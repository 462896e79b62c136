"""Reprints of one story by many outlets: MinHash over word shingles, and which one is the origin.

A reprint (the same wire text with small edits, under another outlet) shares most of its word
4-shingles with the original, so the estimated Jaccard similarity of their shingle sets is high;
independent reports of the same event share almost none. Candidates come from locality-sensitive
hashing (bands of the signature), then are checked on the whole signature. Two texts written
from one template (an analyst's notes of two events, a daily bulletin's entries) can share as
many shingles: a reprint of such a short text adds or drops words, but never swaps one place,
name or number for another, so a pair of short texts where one puts a fact (a number, a
capitalised name inside a sentence) where the other has another is no reprint. The original
of a group is the earliest published, then the first stored.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt

from frontlines.model import Article

SHINGLE_WORDS = 4
NUM_PERM = 126
ROWS_PER_BAND = 3  # 42 bands: a pair at similarity 0.5 becomes a candidate 99.6% of the time
THRESHOLD = 0.5
MIN_SHINGLES = 20  # shorter texts share shingles by chance too easily
TEMPLATE_WORDS = 150  # texts shorter than this may be entries written from one template
_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"[\w'’-]+|[.!?]")
NOT_FACTS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "i",
    }
)  # fmt: skip
_MIX = np.uint64(0x9E3779B97F4A7C15)  # an odd 64-bit constant (the golden ratio)

Signature = npt.NDArray[np.uint64]


def _hash_family() -> tuple[Signature, Signature]:
    """Multiply-shift hashes ``(a * x + b) mod 2**64 >> 32``: fixed, so signatures are stable."""
    seeds = hashlib.shake_128(b"frontlines-minhash").digest(NUM_PERM * 16)
    words = np.frombuffer(seeds, dtype=np.uint64)
    multipliers = words[:NUM_PERM] | np.uint64(1)
    offsets = words[NUM_PERM:].copy()
    multipliers.setflags(write=False)
    offsets.setflags(write=False)
    return multipliers, offsets


_MULTIPLIERS, _OFFSETS = _hash_family()  # read-only arrays


def shingles(text: str) -> Signature:
    """Distinct 64-bit hashes of the text's lower-cased word 4-shingles."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return np.zeros(0, dtype=np.uint64)
    ids = np.fromiter((zlib.crc32(word.encode()) for word in words), np.uint64, len(words))
    count = len(words) - SHINGLE_WORDS + 1
    hashed = np.zeros(count, dtype=np.uint64)
    for position in range(SHINGLE_WORDS):  # a polynomial hash of the four word ids
        hashed = hashed * _MIX + ids[position : position + count] + np.uint64(position)
    return np.unique(hashed)


Facts = tuple[str, ...]


def facts(text: str) -> Facts:
    """The numbers and the capitalised words inside sentences (names) of a text, lower-cased,
    in the order the text gives them."""
    found: list[str] = []
    start = True
    for word in _TOKEN.findall(text):
        if word in ".!?":
            start = True
            continue
        key = word.lower()
        if word[0].isdigit() or (not start and word[0].isupper() and key not in NOT_FACTS):
            found.append(key)
        start = False
    return tuple(found)


def facts_of(text: str) -> Facts | None:
    """The facts of a short text (under ``TEMPLATE_WORDS``), else None.

    Templates make short texts: an analyst's notes, a bulletin's entries. A full article's
    reprint changes its masthead, dateline and byline and rewrites a phrase or two, which can
    swap facts too; for those, shingles alone decide.
    """
    return facts(text) if len(_WORD.findall(text)) < TEMPLATE_WORDS else None


def swaps_facts(first: Facts, second: Facts) -> bool:
    """Whether one text puts a fact where the other has another (Paltan for Dhanmondi, 6 May
    for 5 May): two stories from one template, not a reprint. Facts one adds or drops (a
    dateline, a credit, a cut paragraph) are a reprint's edits."""
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    return any(tag == "replace" for tag, *_ in matcher.get_opcodes())


def signature(text: str) -> Signature | None:
    """The MinHash signature of a text, or None when it has too few shingles to compare."""
    values = shingles(text)
    if len(values) < MIN_SHINGLES:
        return None
    # uint64 arithmetic wraps around: that is the "mod 2**64" of multiply-shift hashing
    hashed = (np.outer(_MULTIPLIERS, values) + _OFFSETS[:, None]) >> np.uint64(32)
    result: Signature = hashed.min(axis=1)
    return result


def similarity(first: Signature, second: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.count_nonzero(first == second)) / NUM_PERM


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What syndication needs of an article: computed once, used to search and to index."""

    article_id: str
    outlet: str | None
    published: date | None
    signature: Signature | None  # None: too short to compare
    facts: Facts | None = None  # None: long enough to be no template's entry (see facts_of)

    @classmethod
    def of(cls, article: Article) -> Fingerprint:
        text = article.text
        return cls(article.id, article.outlet, article.published, signature(text), facts_of(text))


@dataclass(frozen=True, slots=True)
class _Entry:
    fingerprint: Fingerprint
    signature: Signature
    order: int


@dataclass(frozen=True, slots=True)
class Group:
    """An article, the stored texts it reprints or that reprint it, and their origin."""

    original_id: str
    members: dict[str, float]  # every member but the original: id -> similarity to the original

    def copy_of(self, article_id: str) -> tuple[str, float] | None:
        if article_id == self.original_id:
            return None
        return self.original_id, self.members[article_id]


@dataclass
class SyndicationIndex:
    """Signatures of the stored articles, in the order they were stored."""

    threshold: float = THRESHOLD
    _entries: dict[str, _Entry] = field(default_factory=dict)
    _bands: defaultdict[tuple[int, bytes], list[str]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, found: Fingerprint) -> None:
        """Index a stored article (again is harmless)."""
        if found.signature is None or found.article_id in self._entries:
            return
        self._entries[found.article_id] = _Entry(found, found.signature, len(self._entries))
        for band in _band_keys(found.signature):
            self._bands[band].append(found.article_id)

    def group(self, found: Fingerprint) -> Group | None:
        """The article with its reprints among the indexed ones, or None when it has none.

        The article itself need not be indexed; when it is not, it counts as stored last.
        """
        sig = found.signature
        if sig is None:
            return None
        me = self._entries.get(found.article_id) or _Entry(found, sig, len(self._entries))
        candidates = {hit for band in _band_keys(sig) for hit in self._bands.get(band, ())}
        candidates.discard(found.article_id)
        matches = [
            self._entries[hit]
            for hit in sorted(candidates, key=lambda hit: self._entries[hit].order)
            if _other_outlet(self._entries[hit].fingerprint, found)
            and similarity(self._entries[hit].signature, sig) >= self.threshold
            and not _template_pair(self._entries[hit].fingerprint, found)
        ]
        if not matches:
            return None
        original = min([me, *matches], key=_age)
        members = {
            entry.fingerprint.article_id: round(similarity(entry.signature, original.signature), 3)
            for entry in [me, *matches]
            if entry is not original
        }
        return Group(original_id=original.fingerprint.article_id, members=members)


def find_original(article: Article, candidates: Iterable[Article]) -> tuple[str, float] | None:
    """(id of the original, similarity) when ``article`` reprints one of ``candidates``.

    ``candidates`` are taken in the order they were stored. None when the article reprints none
    of them, or when it is itself the original (published earliest, or stored first).
    """
    index = SyndicationIndex()
    for candidate in candidates:
        index.add(Fingerprint.of(candidate))
    found = index.group(Fingerprint.of(article))
    return found.copy_of(article.id) if found else None


def _template_pair(first: Fingerprint, second: Fingerprint) -> bool:
    """Two short texts from one template (see ``swaps_facts``)."""
    if first.facts is None or second.facts is None:
        return False
    return swaps_facts(first.facts, second.facts)


def _band_keys(sig: Signature) -> list[tuple[int, bytes]]:
    return [
        (band, sig[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND].tobytes())
        for band in range(NUM_PERM // ROWS_PER_BAND)
    ]


def _other_outlet(first: Fingerprint, second: Fingerprint) -> bool:
    """A reprint is another outlet's; an outlet's own second version is not syndication."""
    if first.outlet is None or second.outlet is None:
        return True
    return first.outlet.strip().lower() != second.outlet.strip().lower()


def _age(entry: _Entry) -> tuple[date, int]:
    return entry.fingerprint.published or date.max, entry.order
