"""Gazetteer at scale: memory of ``gazetteer add`` on allCountries-sized input, the time to open
the loaded cache, and resolution speed with the larger gazetteer.

allCountries is simulated as the issue says: every shared GeoNames country file loaded COPIES
times, each copy under other ids (geonameid + k x 100,000,000), after the admin tables and
before the shared UCDP GED files; ``--synthetic-rows N`` adds a synthetic dump of N rows (made-up
names, allCountries' mix of feature classes) on top. The load runs as the CLI a user runs
(``frontlines gazetteer add``) in a child process, whose peak resident memory is reported.

Resolution speed: the gold toponyms of the geoparsing corpora (LGL, TR-News, GeoVirus), each
article's spans resolved in context by the product's resolver (``resolve_spans``) with a fresh
gazetteer (cold caches), as installed and loaded.

    .venv/bin/python scripts/bench_gazetteer_scale.py [--data PATH] [--copies 5]
        [--synthetic-rows N] [--cache DIR]

Input is the evaluation data under ../shared/data (not shipped); everything is written to a
temporary folder, removed at the end.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from frontlines.bench.geoparsing_data import CORPORA, GeoDoc, read_corpus
from frontlines.bench.shared_gazetteer import ADMIN_TABLES, GEONAMES_FOLDER, shared_files
from frontlines.geo.build import build, cache_path
from frontlines.geo.gazetteer import Gazetteer
from frontlines.geo.geoparse import resolve_spans
from frontlines.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/data"
ID_STEP = 100_000_000
# allCountries' rough mix: a third populated places, the rest streams, hills, spots, areas.
CLASSES: tuple[tuple[str, str], ...] = (("P", "PPL"),) * 4 + (
    ("H", "STM"), ("T", "HLL"), ("S", "SCH"), ("L", "LCTY"),
    ("A", "ADM3"), ("V", "FRST"), ("H", "WAD"), ("T", "MT"),
)  # fmt: skip
SYLLABLES = ("ka", "ba", "ou", "ma", "di", "go", "ti", "sa", "no", "re", "bo", "la", "zi", "mu")


def copy_dump(source: Path, target: Path, *, shift: int) -> None:
    """``source`` with every geonameid moved up by ``shift`` (another file, other places)."""
    with source.open(encoding="utf-8") as read, target.open("w", encoding="utf-8") as out:
        for line in read:
            head, _, rest = line.partition("\t")
            out.write(f"{int(head) + shift}\t{rest}" if head.isdigit() else line)


def synthetic_lines(rows: int, *, seed: int = 17) -> Iterator[str]:
    """Dump lines with made-up names in made-up admin codes of a few real countries."""
    rng = random.Random(seed)  # noqa: S311  (made-up names, not secrets)
    countries = ("BF", "ML", "NE", "SN", "TD", "NG", "SD", "SO", "ET", "CD", "MM", "UA")
    for index in range(rows):
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).title()
        feature_class, code = rng.choice(CLASSES)
        lat, lon = rng.uniform(-10, 50), rng.uniform(-20, 50)
        alternates = f"{name}a,{name} Koura" if index % 5 == 0 else ""
        fields = (
            str(900_000_000 + index), name, name, alternates, f"{lat:.5f}", f"{lon:.5f}",
            feature_class, code, rng.choice(countries), "", f"{rng.randint(1, 15):02d}",
            str(rng.randint(1, 40)), "", "", str(rng.choice((0, 0, 0, 120, 800))), "", "300",
            "Africa/Bamako", "2024-01-01",
        )  # fmt: skip
        yield "\t".join(fields) + "\n"


def inputs(data: Path, folder: Path, *, copies: int, synthetic: int) -> list[Path]:
    """The files to load, in order: admin tables, COPIES of each country file, UCDP GED."""
    shared = shared_files(data)
    tables = [path for path in shared if path.name in ADMIN_TABLES]
    dumps = [path for path in shared if path.parent.name == GEONAMES_FOLDER and path not in tables]
    ucdp = [path for path in shared if path not in tables and path not in dumps]
    copied: list[Path] = []
    for k in range(copies):
        for dump in dumps:
            target = folder / f"{dump.stem}-copy{k}.txt"
            copy_dump(dump, target, shift=k * ID_STEP)
            copied.append(target)
    if synthetic:
        target = folder / "synthetic.txt"
        with target.open("w", encoding="utf-8") as out:
            out.writelines(synthetic_lines(synthetic))
        copied.append(target)
    return [*tables, *copied, *ucdp]


def load(files: Sequence[Path], *, cache: Path) -> tuple[float, float, int]:
    """Seconds, peak resident MiB of the child ``gazetteer add`` process, and its exit code."""
    command = [sys.executable, "-m", "frontlines", "gazetteer", "add", "--no-progress"]
    started = time.perf_counter()
    done = subprocess.run(  # noqa: S603  (this interpreter, this package)
        [*command, *map(str, files)],
        env={"FRONTLINES_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode:
        sys.stderr.write(done.stderr.decode(errors="replace")[-2000:])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak, done.returncode


def open_seconds(cache: Path, *, times: int = 5) -> float:
    """The best of ``times`` opens of the cache and a first lookup."""
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        gazetteer = Gazetteer.open(cache_dir=cache)
        gazetteer.lookup("Ouagadougou")
        best = min(best, time.perf_counter() - started)
        gazetteer.close()
    return best


def toponym_docs(data: Path) -> list[GeoDoc]:
    docs: list[GeoDoc] = []
    for corpus in CORPORA:
        path = data / "geoparsing" / corpus.file
        if path.is_file():
            docs += read_corpus(path, corpus)
    return docs


def resolution_rate(docs: Sequence[GeoDoc], *, cache: Path) -> tuple[int, float]:
    """Toponyms resolved and toponyms per second, a fresh gazetteer (cold caches)."""
    gazetteer = Gazetteer.open(cache_dir=cache)
    count = 0
    started = time.perf_counter()
    for doc in docs:
        spans = [(toponym.start, toponym.end) for toponym in doc.toponyms]
        count += len(resolve_spans(spans, text=doc.text, gazetteer=gazetteer))
    seconds = time.perf_counter() - started
    gazetteer.close()
    return count, count / seconds if seconds else 0.0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--synthetic-rows", type=int, default=0)
    parser.add_argument("--cache", type=Path, default=Settings.from_env().cache_dir)
    args = parser.parse_args(argv)
    base = cache_path(args.cache)
    if not base.exists():
        build(base)
    docs = toponym_docs(args.data)
    out = sys.stdout.write
    with tempfile.TemporaryDirectory(prefix="frontlines-scale-") as folder:
        work = Path(folder)
        installed, loaded = work / "installed", work / "loaded"
        for cache in (installed, loaded):
            cache.mkdir()
            shutil.copy(base, cache / base.name)
        files = inputs(args.data, work, copies=args.copies, synthetic=args.synthetic_rows)
        rows = sum(1 for path in files for _ in path.open("rb"))
        seconds, peak, code = load(files, cache=loaded)
        if code:
            return code
        added = (loaded / "added-places.sqlite").stat().st_size / 2**20
        out(
            f"load: {len(files)} files, {rows:,} rows in {seconds:.1f} s"
            f" ({rows / seconds:,.0f} rows/s); peak resident memory {peak:.0f} MiB;"
            f" added file {added:.0f} MiB\n"
        )
        for label, cache in (("as installed", installed), ("loaded", loaded)):
            opened = open_seconds(cache)
            count, rate = resolution_rate(docs, cache=cache)
            out(
                f"{label}: open + first lookup {opened:.3f} s; resolution {count:,} toponyms"
                f" of {len(docs)} articles at {rate:,.0f} toponyms/s\n"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
