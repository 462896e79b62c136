"""The real news texts of ``shared/data`` that the real-news gold set annotates, by stable id.

The gold annotations (``bench/realnews/*.yaml``) hold ids, offsets and our own field values, never
the text, so each text is rebuilt here the same way every time:

- ``m2e2:<VOA id>``: the Voice of America article's annotated sentences (``text_only_event.json``
  and ``text_multimedia_event.json`` of M2E2), in sentence order, each with the final stop its token list holds, joined by a newline. Sentence 0
  holds the headline and the dateline. The published date is the one in the id.
- ``wikievents:<doc_id>``: the article's ``text`` as WikiEvents gives it (dev and test files).
- ``india:<doc_id>``: the Times of India article's ``doc_text`` (IndiaPoliceEvents), dated by its
  metadata.
- ``lgl:<docid>``, ``trnews:<docid>``, ``geovirus:<docid>``: the geoparsing corpora's article
  texts, as ``bench.geoparsing_data`` reads them.

Offsets count code points in these texts, end exclusive, as everywhere in frontlines.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from frontlines.bench.geoparsing_data import CORPORA, read_corpus

M2E2_ZIP = Path("real_news_events/m2e2_voa/m2e2_annotations.zip")
M2E2_MEMBERS = (
    "m2e2_annotations/text_only_event.json",
    "m2e2_annotations/text_multimedia_event.json",
)
WIKIEVENTS = (
    Path("real_news_events/wikievents/dev.jsonl"),
    Path("real_news_events/wikievents/test.jsonl"),
)
INDIA_DOCS = Path("india_police_events/docs.jsonl")
INDIA_METADATA = Path("india_police_events/metadata.jsonl")
GEOPARSING_PREFIX = {"LGL": "lgl", "TR-News": "trnews", "GeoVirus": "geovirus"}
FINAL_STOPS = frozenset({".", "?", "!"})
SOURCES = ("m2e2", "wikievents", "india", "lgl", "trnews", "geovirus")


@dataclass(frozen=True, slots=True)
class RealNewsText:
    id: str
    source: str
    text: str
    published: date | None


def _m2e2_date(voa_id: str) -> date | None:
    # VOA_EN_NW_2016.05.16.3331907 -> 2016-05-16
    parts = voa_id.removeprefix("VOA_EN_NW_").split(".")
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except (IndexError, ValueError):
        return None


def _with_final_stop(record: dict[str, Any]) -> str:
    # M2E2's sentence strings end before their final stop, which its token list still holds.
    sentence: str = record["sentence"]
    words = record.get("words") or []
    if words and words[-1] in FINAL_STOPS and not sentence.rstrip().endswith(words[-1]):
        return sentence + words[-1]
    return sentence


def read_m2e2(data_dir: Path) -> Iterator[RealNewsText]:
    path = data_dir / M2E2_ZIP
    if not path.is_file():
        return
    sentences: dict[str, dict[int, str]] = {}
    with zipfile.ZipFile(path) as archive:
        for member in M2E2_MEMBERS:
            for record in json.loads(archive.read(member)):
                article, number = record["sentence_id"].rsplit("_", 1)
                sentences.setdefault(article, {})[int(number)] = _with_final_stop(record)
    for article in sorted(sentences):
        by_number = sentences[article]
        text = "\n".join(by_number[n] for n in sorted(by_number))
        yield RealNewsText(f"m2e2:{article}", "m2e2", text, _m2e2_date(article))


def read_wikievents(data_dir: Path) -> Iterator[RealNewsText]:
    for relative in WIKIEVENTS:
        path = data_dir / relative
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                doc_id = record["doc_id"]
                yield RealNewsText(f"wikievents:{doc_id}", "wikievents", record["text"], None)


def read_india(data_dir: Path) -> Iterator[RealNewsText]:
    docs, metadata = data_dir / INDIA_DOCS, data_dir / INDIA_METADATA
    if not docs.is_file():
        return
    dates: dict[int, date] = {}
    if metadata.is_file():
        with metadata.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                dates[record["doc_id"]] = date.fromisoformat(record["date"])
    with docs.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            doc_id = record["doc_id"]
            yield RealNewsText(f"india:{doc_id}", "india", record["doc_text"], dates.get(doc_id))


def read_geoparsing(data_dir: Path) -> Iterator[RealNewsText]:
    for corpus in CORPORA:
        path = data_dir / "geoparsing" / corpus.file
        if not path.is_file():
            continue
        prefix = GEOPARSING_PREFIX[corpus.name]
        for doc in read_corpus(path, corpus):
            yield RealNewsText(f"{prefix}:{doc.id}", prefix, doc.text, None)


def read_texts(data_dir: Path) -> dict[str, RealNewsText]:
    """Every real news text under ``data_dir`` by id; an absent set gives none of its texts."""
    texts: dict[str, RealNewsText] = {}
    for reader in (read_m2e2, read_wikievents, read_india, read_geoparsing):
        for text in reader(data_dir):
            texts.setdefault(text.id, text)
    return texts
