"""Run the benchmarks whose data is present and write results.json and results.md.

The reference articles are read from ``<data_dir>/../reference`` (beside ``shared/data``).
Missing data is reported as skipped, never an error.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from tqdm import tqdm

from frontlines.bench.acled_notes import beside_loaded, run_acled_notes
from frontlines.bench.api import run_api
from frontlines.bench.ecbplus import read_mentions, run_ecbplus
from frontlines.bench.fusion import run_fusion
from frontlines.bench.geoparsing import gazetteer_ceiling, gazetteer_resolver, run_geoparsing
from frontlines.bench.polnear import claims_finder, run_polnear
from frontlines.bench.protocols import Analyse, T
from frontlines.bench.ptc import framing_finder, run_ptc
from frontlines.bench.realnews import SPLITS, run_realnews
from frontlines.bench.reference import run_reference
from frontlines.bench.report import BenchReport, BenchResult, Sample
from frontlines.bench.scaling import run_scaling
from frontlines.bench.shared_gazetteer import LABEL, loaded_cache, shared_files
from frontlines.bench.speed import run_speed
from frontlines.bench.throughput import run_throughput
from frontlines.errors import FrontlinesError, InputError
from frontlines.model import Analysis
from frontlines.settings import Settings
from frontlines.stages.resources import Resources

BENCHMARKS = (
    "reference", "acled-notes", "realnews", "geoparsing", "ecbplus", "fusion", "polnear", "ptc",
    "speed", "throughput", "scaling",
)  # fmt: skip
# Run only when named (--only): they need no data folder, and build what they measure.
ON_REQUEST = ("api",)
KNOWN = (*BENCHMARKS, *ON_REQUEST)
# What the gate test runs: polnear and ptc have no floors yet, so running them there checks nothing.
ACCURACY_BENCHMARKS = ("reference", "acled-notes", "realnews", "geoparsing", "ecbplus", "fusion")


def make_analyse(settings: Settings) -> Analyse:
    """Analyse with the pipeline of ``settings``; an input it refuses gives None, not a crash."""
    from frontlines.python_api import load_pipeline
    from frontlines.readers.common import make_article

    def analyse(text: str, published: date | None, /) -> Analysis | None:
        pipeline = load_pipeline(settings)
        try:
            return pipeline(make_article(text, origin="bench", published=published))
        except FrontlinesError:
            return None

    return analyse


def _acled_notes_loaded(
    result: BenchResult,
    *,
    data_dir: Path,
    settings: Settings,
    sample: Sample,
    progress: _Progress,
) -> BenchResult:
    """The acled-notes place figures again with the shared GeoNames and UCDP files added to a
    temporary copy of the gazetteer, beside the figures as installed (unchanged when the files
    are absent)."""
    files = shared_files(data_dir)
    if result.status != "ok" or not files:
        return result
    command = bench_command_line(name="acled-notes", sample=sample, data_dir=data_dir)
    with loaded_cache(files, cache_dir=settings.cache_dir) as folder:
        loaded_settings = replace(settings, cache_dir=folder)
        resources = Resources(loaded_settings)
        loaded = run_acled_notes(
            data_dir=data_dir,
            sample=sample,
            analyse=make_analyse(loaded_settings),
            progress=progress,
            command=command,
            gazetteer=resources.gazetteer,
            kb_names={actor.id: actor.names for actor in resources.kb},
        )
        resources.gazetteer.close()
    note = "gazetteer add of " + ", ".join(str(path.relative_to(data_dir)) for path in files)
    return beside_loaded(result, loaded, label=LABEL, note=note)


class _Progress:
    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, items: Sequence[T], /, *, label: str) -> Iterable[T]:
        if not self.enabled:
            return items
        bar: Iterable[T] = tqdm(items, desc=label, unit="doc", file=sys.stderr, leave=False)
        return bar


def bench_command_line(*, name: str, sample: Sample, data_dir: Path) -> str:
    return f"frontlines bench --only {name} --sample {sample} --data {data_dir}"


def api_command_line(*, sample: Sample, events: int | None, db: Path | None) -> str:
    line = f"frontlines bench --only api --sample {sample}"
    if events is not None:
        line += f" --api-events {events}"
    return line + (f" --api-db {db}" if db is not None else "")


def check_names(only: Sequence[str] | None) -> tuple[str, ...]:
    if not only:
        return BENCHMARKS
    unknown = [name for name in only if name not in KNOWN]
    if unknown:
        raise InputError(f"unknown benchmark {', '.join(unknown)} (known: {', '.join(KNOWN)})")
    return tuple(name for name in KNOWN if name in only)


def run_benchmarks(
    *,
    data_dir: Path,
    only: Sequence[str] | None,
    out_dir: Path,
    settings: Settings,
    sample: Sample,
    progress: bool = False,
    splits: Sequence[str] = SPLITS,
    api_events: int | None = None,
    api_db: Path | None = None,
) -> BenchReport:
    """Run the chosen benchmarks (all but the on-request ones when ``only`` is empty); write
    the report to ``out_dir``.

    ``splits`` picks the real-news gold splits scored (dev, test or both); ``api_events`` the
    size of the api benchmark's synthetic store, ``api_db`` a store it built before."""
    from frontlines.version import __version__

    names = check_names(only)
    analyse = make_analyse(settings)
    resources = Resources(settings)
    show = _Progress(enabled=progress)
    ecb_mentions = functools.cache(read_mentions)  # embedded once for ecbplus and fusion
    results: list[BenchResult] = []
    for name in names:
        command = bench_command_line(name=name, sample=sample, data_dir=data_dir)
        if name == "reference":
            result = run_reference(
                reference_dir=data_dir.parent / "reference", analyse=analyse, command=command
            )
        elif name == "acled-notes":
            result = run_acled_notes(
                data_dir=data_dir,
                sample=sample,
                analyse=analyse,
                progress=show,
                command=command,
                gazetteer=resources.gazetteer,
                kb_names={actor.id: actor.names for actor in resources.kb},
            )
            result = _acled_notes_loaded(
                result, data_dir=data_dir, settings=settings, sample=sample, progress=show
            )
        elif name == "realnews":
            result = run_realnews(
                data_dir=data_dir,
                analyse=analyse,
                progress=show,
                command=command + "".join(f" --split {split}" for split in splits),
                splits=splits,
                kb_names={actor.id: actor.names for actor in resources.kb},
            )
        elif name == "geoparsing":
            result = run_geoparsing(
                data_dir=data_dir,
                sample=sample,
                analyse=analyse,
                progress=show,
                command=command,
                resolve=gazetteer_resolver(resources),
                ceiling=gazetteer_ceiling(resources),
            )
        elif name == "ecbplus":
            result = run_ecbplus(data_dir=data_dir, command=command, read=ecb_mentions)
        elif name == "fusion":
            result = run_fusion(
                data_dir=data_dir,
                sample=sample,
                analyse=analyse,
                progress=show,
                command=command,
                read_ecb=ecb_mentions,
            )
        elif name == "polnear":
            result = run_polnear(
                data_dir=data_dir,
                sample=sample,
                progress=show,
                command=command,
                find=claims_finder(resources),
            )
        elif name == "ptc":
            result = run_ptc(
                data_dir=data_dir,
                sample=sample,
                progress=show,
                command=command,
                find=framing_finder(resources),
            )
        elif name == "throughput":
            result = run_throughput(data_dir=data_dir, settings=settings, command=command)
        elif name == "api":
            result = run_api(
                sample=sample,
                command=api_command_line(sample=sample, events=api_events, db=api_db),
                events=api_events,
                db=api_db,
            )
        elif name == "scaling":
            result = run_scaling(data_dir=data_dir, analyse=analyse, command=command)
        else:
            result = run_speed(data_dir=data_dir, settings=settings, command=command)
        results.append(result)
    report = BenchReport(
        sample=sample,
        results=tuple(results),
        frontlines_version=__version__,
        pipeline=settings.pipeline,
        data_dir=str(data_dir),
    )
    report.write(out_dir)
    return report
