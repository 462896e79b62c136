"""LGL, TR-News and GeoVirus: articles with gold toponym spans and coordinates.

Some gold offsets in TR-News (117 of 1,319) and all of GeoVirus's sit one to ten characters before
the phrase they name. Each span is moved to the nearest occurrence of its phrase within
``REALIGN_CHARS`` characters; a toponym whose phrase is not found there is dropped and counted.

Each article falls in one of two fixed halves by a hash of its id and opening (``split_of``):
rules are tuned on the ``dev`` half; the ``test`` half is held out. LGL and TR-News mark
adjectival place references ("Russian", "Turkish") as toponyms, GeoVirus does not
(``Corpus.demonyms``).
"""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REALIGN_CHARS = 50
SEED = "frontlines-bench-1"
SPLIT_SEED = "frontlines-geo-split"
SPLITS = ("dev", "test")


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    latitude: float | None
    longitude: float | None

    @property
    def point(self) -> tuple[float, float] | None:
        if self.latitude is None or self.longitude is None:
            return None
        return self.latitude, self.longitude


@dataclass(frozen=True, slots=True)
class GeoDoc:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    dropped: int = 0


@dataclass(frozen=True, slots=True)
class Corpus:
    """How to read one corpus: its file and the XML paths of its toponyms and their fields."""

    name: str
    file: str
    toponym_path: str
    phrase_tag: str
    lat_path: str
    lon_path: str
    gate_articles: int | None  # None: every article, in both samples
    demonyms: bool = True  # whether the gold marks demonyms ("Russian") as toponyms


CORPORA = (
    Corpus("LGL", "lgl.xml", "toponyms/toponym", "phrase", "gaztag/lat", "gaztag/lon", 100),
    Corpus(
        "TR-News", "TR-News.xml", "toponyms/toponym", "phrase", "gaztag/lat", "gaztag/lon", None
    ),
    Corpus(
        "GeoVirus", "GeoVirus.xml", "locations/location", "name", "lat", "lon", 60, demonyms=False
    ),
)


def realign(text: str, start: int, end: int, phrase: str) -> tuple[int, int] | None:
    """The gold span, moved to the nearest exact occurrence of ``phrase`` if it is off."""
    if text[start:end] == phrase:
        return start, end
    for shift in range(1, REALIGN_CHARS + 1):
        for candidate in (start + shift, start - shift):
            if candidate >= 0 and text[candidate : candidate + len(phrase)] == phrase:
                return candidate, candidate + len(phrase)
    return None


def _float(element: ET.Element, path: str) -> float | None:
    value = element.findtext(path)
    return float(value) if value and value.strip() else None


def parse_corpus(root: ET.Element, corpus: Corpus) -> list[GeoDoc]:
    docs = []
    for index, article in enumerate(root.iter("article")):
        text = article.findtext("text") or ""
        toponyms = []
        dropped = 0
        for element in article.findall(corpus.toponym_path):
            phrase = element.findtext(corpus.phrase_tag) or ""
            span = realign(
                text, int(element.findtext("start") or 0), int(element.findtext("end") or 0), phrase
            )
            if span is None or not phrase:
                dropped += 1
                continue
            toponyms.append(
                GoldToponym(
                    start=span[0],
                    end=span[1],
                    text=phrase,
                    latitude=_float(element, corpus.lat_path),
                    longitude=_float(element, corpus.lon_path),
                )
            )
        doc_id = article.get("docid") or article.findtext("source") or str(index)
        docs.append(GeoDoc(id=doc_id.strip(), text=text, toponyms=tuple(toponyms), dropped=dropped))
    return docs


def read_corpus(path: Path, corpus: Corpus) -> list[GeoDoc]:
    tree = ET.parse(path)  # noqa: S314  (trusted local gold files)
    return parse_corpus(tree.getroot(), corpus)


def sample_docs(docs: Sequence[GeoDoc], *, size: int | None, seed: str = SEED) -> list[GeoDoc]:
    """A fixed subset of ``size`` articles (all when None), in a seeded hash order."""
    if size is None or size >= len(docs):
        return list(docs)

    def key(doc: GeoDoc) -> str:
        return hashlib.sha256(f"{seed}:{doc.id}:{doc.text[:200]}".encode()).hexdigest()

    return sorted(docs, key=key)[:size]


def split_of(doc: GeoDoc) -> str:
    """The fixed half an article belongs to: "dev" (rules are tuned on it) or "test" (held out)."""
    key = hashlib.sha256(f"{SPLIT_SEED}:{doc.id}:{doc.text[:200]}".encode()).hexdigest()
    return SPLITS[int(key[:8], 16) % 2]
