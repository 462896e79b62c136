"""The PolNeAR benchmark: who said what, the claims stage against human attribution spans.

PolNeAR (Newell, Margolin and Ruths 2018) annotates attribution relations in 2016 US election
news as brat standoff: a Content span, usually with its Source and Cue. Each text is read once
(the first annotator's file, in name order, where a text was annotated twice); the claims stage
runs on the spaCy parse of the text, with no actors stage before it, so a claim's source is its
words in the text. Only relations with a Content span count.

What counts as a match: a claim matches a gold relation when the claim's (start, end) overlaps
any piece of the gold Content span by at least one character. Content precision is the share of
claims that overlap some gold Content, recall the share of gold relations some claim overlaps.
For each matched gold relation, its first matching claim (in text order) is checked: its source
is right when it shares a word (case-folded ``\\w+`` tokens) with the gold Source (out of matched
relations that have one); its cue is right when one cue contains the other, case-folded (out of
all matched relations). Samples: the dev split, all 84 texts for the full run and a fixed 30 for
the gate (seeded hash order). The test split is not staged and the dev split is the one work on
the stage is checked against: treat the figures as in-sample, not held out.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from frontlines.bench.geoparsing_data import SEED
from frontlines.bench.metrics import Ranges, SpanOverlap, overlaps_any, span_overlap
from frontlines.bench.protocols import Progress
from frontlines.bench.report import BenchResult, Figure, Sample, share_figures
from frontlines.model import Claim

if TYPE_CHECKING:
    from frontlines.stages.resources import Resources

NAME = "polnear"
FOLDER = "polnear_attribution"
SPLIT = "dev"
GATE_TEXTS = 30

# Claims found in each text, in order: the claims stage on its parse.
ClaimFinder = Callable[[Iterable[str]], Iterable[Sequence[Claim]]]


@dataclass(frozen=True, slots=True)
class Span:
    ranges: Ranges
    text: str


@dataclass(frozen=True, slots=True)
class Attribution:
    content: Span
    source: Span | None = None
    cue: Span | None = None


@dataclass(frozen=True, slots=True)
class PolDoc:
    id: str
    text: str
    attributions: tuple[Attribution, ...]


@dataclass(frozen=True, slots=True)
class ClaimScores:
    content: SpanOverlap = field(default_factory=SpanOverlap)
    with_source: int = 0
    source_right: int = 0
    cue_right: int = 0

    def __add__(self, other: ClaimScores) -> ClaimScores:
        return ClaimScores(
            content=self.content + other.content,
            with_source=self.with_source + other.with_source,
            source_right=self.source_right + other.source_right,
            cue_right=self.cue_right + other.cue_right,
        )


def parse_ann(text: str) -> list[Attribution]:
    """The relations of a brat .ann file that have a Content span."""
    spans: dict[str, tuple[str, Span]] = {}
    relations: list[dict[str, str]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            ranges = tuple(_range(piece) for piece in where.split(";"))
            spans[parts[0]] = (label, Span(ranges=ranges, text=parts[2] if len(parts) > 2 else ""))
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()[1:]))
    found = []
    for args in relations:
        role = {label: spans[ref][1] for label, ref in args.items() if ref in spans}
        if "Content" in role:
            found.append(Attribution(role["Content"], role.get("Source"), role.get("Cue")))
    return found


def read_split(folder: Path) -> list[PolDoc]:
    """One document per text of a split folder (``text/*.txt`` and ``attributions/*.ann``)."""
    docs: dict[str, PolDoc] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        stem = ann.stem
        if not (folder / "text" / f"{stem}.txt").is_file():
            stem = re.sub(r"_[^_]+$", "", stem)  # the annotator's suffix
        path = folder / "text" / f"{stem}.txt"
        if stem in docs or not path.is_file():
            continue
        attributions = tuple(parse_ann(ann.read_text(encoding="utf-8")))
        docs[stem] = PolDoc(
            id=stem, text=path.read_text(encoding="utf-8"), attributions=attributions
        )
    return list(docs.values())


def score_doc(doc: PolDoc, claims: Sequence[Claim]) -> ClaimScores:
    golds = doc.attributions
    content = span_overlap([g.content.ranges for g in golds], [(c.start, c.end) for c in claims])
    with_source = source_right = cue_right = 0
    for gold in golds:
        claim = next(
            (c for c in claims if overlaps_any((c.start, c.end), gold.content.ranges)), None
        )
        if claim is None:
            continue
        if gold.source is not None:
            with_source += 1
            source_right += bool(claim.source and _words(gold.source.text) & _words(claim.source))
        if gold.cue is not None and claim.cue:
            ours, theirs = claim.cue.lower(), gold.cue.text.lower()
            cue_right += ours in theirs or theirs in ours
    return ClaimScores(content, with_source, source_right, cue_right)


def claims_finder(resources: Resources) -> ClaimFinder:
    """The product's claims stage on each text's parse (the spaCy model opens on first use)."""

    def find(texts: Iterable[str]) -> Iterator[list[Claim]]:
        from frontlines.document import Document
        from frontlines.model import Article
        from frontlines.stages.claims import make_stage

        stage = make_stage(resources=resources)
        for parse, text in resources.nlp.pipe(((text, text) for text in texts), as_tuples=True):
            doc = Document(article=Article.create(text))
            doc.parse = parse
            yield stage(doc).claims

    return find


def run_polnear(
    *, data_dir: Path, sample: Sample, progress: Progress, command: str, find: ClaimFinder
) -> BenchResult:
    folder = data_dir / FOLDER / SPLIT
    every = read_split(folder) if (folder / "attributions").is_dir() else []
    if not every:
        return BenchResult(name=NAME, status="skipped", reason=f"no annotated texts in {folder}")
    started = time.perf_counter()
    docs = sorted(every, key=lambda doc: _order(doc.id))[: GATE_TEXTS if sample == "gate" else None]
    texts = progress([doc.text for doc in docs], label=NAME)
    scores = sum(
        (score_doc(doc, claims) for doc, claims in zip(docs, find(texts), strict=True)),
        ClaimScores(),
    )
    dataset = (
        f"{FOLDER}/{SPLIT} ({len(docs)} of {len(every)} texts, {scores.content.gold} relations)"
    )
    return BenchResult(
        name=NAME,
        status="ok",
        figures=tuple(_figures(scores, dataset=dataset, command=command)),
        seconds=time.perf_counter() - started,
        details={"texts": sorted(doc.id for doc in docs), "claims": scores.content.predicted},
    )


def _figures(scores: ClaimScores, *, dataset: str, command: str) -> list[Figure]:
    content = scores.content
    values = {
        "content precision": (content.precision, content.predicted),
        "content recall": (content.recall, content.gold),
        "content F1": (content.f1, content.gold),
        "source right when matched": (
            _share(scores.source_right, scores.with_source),
            scores.with_source,
        ),
        "cue right when matched": (_share(scores.cue_right, content.gold_hit), content.gold_hit),
    }
    return share_figures(values, prefix=f"{NAME}: ", dataset=dataset, command=command)


def _range(piece: str) -> tuple[int, int]:
    start, end = piece.split()
    return int(start), int(end)


def _words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"\w+", text)}


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _order(doc_id: str) -> str:
    return hashlib.sha256(f"{SEED}:{doc_id}".encode()).hexdigest()
