"""The geoparsing benchmark: toponym recognition and resolution on LGL, TR-News and GeoVirus.

Recognition: every place the analysis returns (role place or metonym) is a predicted span; a span
counts only when its offsets equal a gold span's (micro precision, recall, F1 over the corpus).
Resolution given the gold spans: every gold span of an article goes at once (each the others'
context) to the product's geoparser, ``frontlines.geo.geoparse.resolve_spans``, and each gold
toponym with coordinates is scored as Gritta et al. (2018) do, as Mordecai 3 reports it:
accuracy within 161 km, median error in km, and the AUC of the sorted log-error curve (lower is
better); an unresolved toponym counts as 20,039 km off. End to end: each gold toponym with
coordinates takes the point of the analysis' place that best covers it; a toponym the analysis
missed counts as wrong (acc@161 km, missed = wrong). The gazetteer ceiling is the share of gold
toponyms with some gazetteer reading of their phrase within 161 km: what a perfect ranking could
reach. Demonym places (role "demonym") count as predicted spans only in corpora whose gold marks
demonyms (``Corpus.demonyms``). Samples: ``geoparsing_data.CORPORA`` (the gate reads 100 LGL,
all 118 TR-News and 60 GeoVirus articles; the full run all of them); each sample is reported
whole and in its two fixed halves (``geoparsing_data.split_of``): "dev half", on which the rules
are tuned, and "held-out half".
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from frontlines.bench.geoparsing_data import (
    CORPORA,
    Corpus,
    GeoDoc,
    GoldToponym,
    read_corpus,
    sample_docs,
    split_of,
)
from frontlines.bench.metrics import PRF, error_km, resolution_scores, share, span_prf
from frontlines.bench.protocols import Analyse, Progress
from frontlines.bench.report import BenchResult, Figure, Sample
from frontlines.model import Analysis

if TYPE_CHECKING:
    from frontlines.stages.resources import Resources

NAME = "geoparsing"
FOLDER = "geoparsing"

# Coordinates for each gold toponym of a document (None: unresolved), all spans given at once so
# the resolver can use the others as context; the analysis is there for resolvers that read it.
GoldResolver = Callable[[GeoDoc, Analysis | None], list[tuple[float, float] | None]]
# Whether some gazetteer reading of a gold toponym's phrase lies within 161 km of its point.
Ceiling = Callable[[GoldToponym], bool]
ACC_KM = 161.0
HALVES = {"dev": "dev half", "test": "held-out half"}

GAZETTEER_NOTE = "gold spans resolved by frontlines.geo.geoparse.resolve_spans"
PLACES_NOTE = "gold spans resolved through the analysis' places that overlap them"


def places_resolver(doc: GeoDoc, analysis: Analysis | None) -> list[tuple[float, float] | None]:
    """For each gold toponym, the resolved analysis place that best covers it (exact span first)."""
    places = [p for p in (analysis.places if analysis else ()) if p.resolved]
    found: list[tuple[float, float] | None] = []
    for toponym in doc.toponyms:
        best: tuple[int, tuple[float, float]] | None = None
        for place in places:
            shared = min(toponym.end, place.end) - max(toponym.start, place.start)
            if shared <= 0 or place.latitude is None or place.longitude is None:
                continue
            score = shared * 2 + ((place.start, place.end) == (toponym.start, toponym.end))
            if best is None or score > best[0]:
                best = (score, (place.latitude, place.longitude))
        found.append(best[1] if best else None)
    return found


def gazetteer_resolver(resources: Resources) -> GoldResolver:
    """Resolve the gold spans with the product's geoparser (the gazetteer opens on first use)."""

    def resolve(doc: GeoDoc, analysis: Analysis | None) -> list[tuple[float, float] | None]:
        from frontlines.geo.geoparse import resolve_spans

        spans = [(toponym.start, toponym.end) for toponym in doc.toponyms]
        places = resolve_spans(spans, text=doc.text, gazetteer=resources.gazetteer)
        by_span = {
            (place.start, place.end): (place.latitude, place.longitude)
            for place in places
            if place.latitude is not None and place.longitude is not None
        }
        return [by_span.get(span) for span in spans]

    return resolve


def gazetteer_ceiling(resources: Resources) -> Ceiling:
    """Whether the gazetteer has any reading of the toponym's phrase within 161 km of its point."""

    def reachable(toponym: GoldToponym) -> bool:
        point = toponym.point
        return point is not None and any(
            error_km(point, (c.entry.latitude, c.entry.longitude)) <= ACC_KM
            for c in resources.gazetteer.lookup(toponym.text)
        )

    return reachable


@dataclass
class CorpusScore:
    """What a corpus (or a half of it) scores: recognition counts, the errors in km of the gold
    spans resolved, of the toponyms resolved end to end, and the gazetteer ceiling flags."""

    recognition: PRF = field(default_factory=lambda: PRF(true_positives=0, predicted=0, gold=0))
    errors: list[float] = field(default_factory=list)
    end_to_end: list[float] = field(default_factory=list)
    ceiling: list[bool] = field(default_factory=list)

    def add(self, other: CorpusScore) -> None:
        self.recognition = self.recognition + other.recognition
        self.errors += other.errors
        self.end_to_end += other.end_to_end
        self.ceiling += other.ceiling


def score_doc(
    doc: GeoDoc,
    analysis: Analysis | None,
    *,
    resolve: GoldResolver,
    demonyms: bool = True,
    ceiling: Ceiling | None = None,
) -> CorpusScore:
    """One article's recognition counts, gold-span and end-to-end errors and ceiling flags."""
    gold_spans = {(t.start, t.end) for t in doc.toponyms}
    places = [p for p in (analysis.places if analysis else ()) if demonyms or p.role != "demonym"]
    predicted = {(p.start, p.end) for p in places}
    score = CorpusScore(recognition=span_prf(gold_spans, predicted))
    found = places_resolver(doc, analysis) if analysis else [None] * len(doc.toponyms)
    resolved = resolve(doc, analysis)
    for toponym, own, end_to_end in zip(doc.toponyms, resolved, found, strict=True):
        if toponym.point is None:
            continue
        score.errors.append(error_km(toponym.point, own))
        score.end_to_end.append(error_km(toponym.point, end_to_end))
        if ceiling is not None:
            score.ceiling.append(ceiling(toponym))
    return score


def score_corpus(
    docs: Sequence[GeoDoc],
    analyses: Sequence[Analysis | None],
    *,
    resolve: GoldResolver,
    demonyms: bool = True,
    ceiling: Ceiling | None = None,
) -> CorpusScore:
    """Recognition counts and resolution errors (km) over a corpus."""
    total = CorpusScore()
    for doc, analysis in zip(docs, analyses, strict=True):
        total.add(score_doc(doc, analysis, resolve=resolve, demonyms=demonyms, ceiling=ceiling))
    return total


def _within(errors: Sequence[float]) -> float | None:
    return share([error <= ACC_KM for error in errors])


def corpus_figures(
    corpus: str,
    score: CorpusScore,
    *,
    dataset: str,
    command: str,
    note: str = GAZETTEER_NOTE,
) -> list[Figure]:
    recognition, errors = score.recognition, score.errors
    resolution = resolution_scores(errors)

    def figure(
        name: str,
        value: float | None,
        size: int,
        unit: str = "share",
        *,
        lower: bool = False,
        note: str = "",
    ) -> Figure:
        return Figure(
            name=f"geoparsing {corpus}: {name}",
            value=value,
            unit=unit,
            better="lower" if lower else "higher",
            dataset=dataset,
            size=size,
            command=command,
            note=note,
        )

    figures = [
        figure("toponym precision", recognition.precision, recognition.predicted),
        figure("toponym recall", recognition.recall, recognition.gold),
        figure("toponym F1", recognition.f1, recognition.gold),
        figure("resolution acc@161km", resolution.accuracy_161, resolution.size, note=note),
        figure(
            "resolution median error km",
            resolution.median_km,
            resolution.size,
            "km",
            lower=True,
            note=note,
        ),
        figure("resolution AUC", resolution.auc, resolution.size, "auc", lower=True, note=note),
        figure(
            "end-to-end acc@161km (missed = wrong)",
            _within(score.end_to_end),
            len(score.end_to_end),
            note=PLACES_NOTE + "; a toponym the analysis missed counts as wrong",
        ),
    ]
    if score.ceiling:
        figures.append(
            figure(
                "gazetteer ceiling acc@161km",
                share(score.ceiling),
                len(score.ceiling),
                note="gold toponyms with some gazetteer reading of their phrase within 161 km",
            )
        )
    return figures


def half_figures(
    corpus: str, half: str, score: CorpusScore, *, dataset: str, command: str
) -> list[Figure]:
    """The headline figures of one fixed half of the sample."""
    values = {
        "toponym F1": (score.recognition.f1, score.recognition.gold),
        "resolution acc@161km": (_within(score.errors), len(score.errors)),
        "end-to-end acc@161km (missed = wrong)": (
            _within(score.end_to_end),
            len(score.end_to_end),
        ),
    }
    return [
        Figure(
            name=f"geoparsing {corpus} {HALVES[half]}: {name}",
            value=value,
            unit="share",
            better="higher",
            dataset=dataset,
            size=size,
            command=command,
            note="rules are tuned on the dev half" if half == "dev" else "held out from tuning",
        )
        for name, (value, size) in values.items()
    ]


def run_geoparsing(
    *,
    data_dir: Path,
    sample: Sample,
    analyse: Analyse,
    progress: Progress,
    command: str,
    resolve: GoldResolver,
    resolve_note: str = GAZETTEER_NOTE,
    ceiling: Ceiling | None = None,
    corpora: Sequence[Corpus] = CORPORA,
) -> BenchResult:
    folder = data_dir / FOLDER
    present = [corpus for corpus in corpora if (folder / corpus.file).is_file()]
    if not present:
        return BenchResult(name=NAME, status="skipped", reason=f"no corpus files in {folder}")
    started = time.perf_counter()
    figures: list[Figure] = []
    details: dict[str, object] = {}
    for corpus in present:
        every = read_corpus(folder / corpus.file, corpus)
        size = corpus.gate_articles if sample == "gate" else None
        docs = sample_docs(every, size=size)
        analyses = [
            analyse(doc.text, None) for doc in progress(docs, label=f"{NAME} {corpus.name}")
        ]
        halves = {half: CorpusScore() for half in HALVES}
        for doc, analysis in zip(docs, analyses, strict=True):
            halves[split_of(doc)].add(
                score_doc(doc, analysis, resolve=resolve, demonyms=corpus.demonyms, ceiling=ceiling)
            )
        whole = CorpusScore()
        for part in halves.values():
            whole.add(part)
        dataset = f"{corpus.file} ({len(docs)} of {len(every)} articles)"
        figures += corpus_figures(
            corpus.name, whole, dataset=dataset, command=command, note=resolve_note
        )
        for half, score in halves.items():
            count = sum(1 for doc in docs if split_of(doc) == half)
            figures += half_figures(
                corpus.name,
                half,
                score,
                dataset=f"{corpus.file} ({count} of the {len(docs)} articles)",
                command=command,
            )
        details[corpus.name] = {
            "articles": [doc.id for doc in docs],
            "held_out_articles": [doc.id for doc in docs if split_of(doc) == "test"],
            "toponyms_dropped_unaligned": sum(doc.dropped for doc in docs),
            "pipeline_errors": sum(1 for analysis in analyses if analysis is None),
        }
    missing = [corpus.file for corpus in corpora if corpus not in present]
    if missing:
        details["missing"] = missing
    return BenchResult(
        name=NAME,
        status="ok",
        figures=tuple(figures),
        seconds=time.perf_counter() - started,
        details=details,
    )
