"""The geoparsing benchmark: toponym recognition and resolution on LGL, TR-News and GeoVirus.

Recognition: every place the analysis returns (role place or metonym) is a predicted span; a span
counts only when its offsets equal a gold span's (micro precision, recall, F1 over the corpus).
Resolution given the gold spans: every gold span of an article goes at once (each the others'
context) to the product's geoparser, ``frontlines.geo.geoparse.resolve_spans``, and each gold
toponym with coordinates is scored as Gritta et al. (2018) do, as Mordecai 3 reports it:
accuracy within 161 km, median error in km, and the AUC of the sorted log-error curve (lower is
better); an unresolved toponym counts as 20,039 km off. Samples: ``geoparsing_data.CORPORA``
(the gate reads 100 LGL, all 118 TR-News and 60 GeoVirus articles; the full run all of them).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from frontlines.bench.geoparsing_data import CORPORA, Corpus, GeoDoc, read_corpus, sample_docs
from frontlines.bench.metrics import PRF, error_km, resolution_scores, span_prf
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


def score_corpus(
    docs: Sequence[GeoDoc], analyses: Sequence[Analysis | None], *, resolve: GoldResolver
) -> tuple[PRF, list[float]]:
    """Recognition counts and resolution errors (km) over a corpus."""
    recognition = PRF(true_positives=0, predicted=0, gold=0)
    errors: list[float] = []
    for doc, analysis in zip(docs, analyses, strict=True):
        gold_spans = {(t.start, t.end) for t in doc.toponyms}
        predicted = {(p.start, p.end) for p in analysis.places} if analysis else set()
        recognition = recognition + span_prf(gold_spans, predicted)
        resolved = resolve(doc, analysis)
        for toponym, found in zip(doc.toponyms, resolved, strict=True):
            if toponym.point is not None:
                errors.append(error_km(toponym.point, found))
    return recognition, errors


def corpus_figures(
    corpus: str,
    recognition: PRF,
    errors: Sequence[float],
    *,
    dataset: str,
    command: str,
    note: str = GAZETTEER_NOTE,
) -> list[Figure]:
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

    return [
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
        recognition, errors = score_corpus(docs, analyses, resolve=resolve)
        dataset = f"{corpus.file} ({len(docs)} of {len(every)} articles)"
        figures += corpus_figures(
            corpus.name, recognition, errors, dataset=dataset, command=command, note=resolve_note
        )
        details[corpus.name] = {
            "articles": [doc.id for doc in docs],
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
