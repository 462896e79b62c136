"""Does ``frontlines batch`` write what ``ingest`` of the same texts stores? (not shipped)

Two steps around the two runs (which take minutes each, so they are run by hand, see below):

- ``corpus``: the 10,000-text input of issue 19, one JSON line per text (text, url as its stable
  id, published where the set dates it): TR-News, LGL, GeoVirus, the India police documents and
  ACLED notes (a stratified sample) to fill up to ``--size``.
- ``compare``: a batch's output folder against a DuckDB store (exported to Parquet in a temporary
  folder, as ``frontlines store export`` writes it) or another output folder, table by table,
  row by row and field by field (``frontlines.batch.compare``). Exit 0 when every table is the
  same.

    python scripts/batch_vs_ingest.py corpus --data ../shared/data --out /tmp/texts.jsonl
    frontlines batch /tmp/texts.jsonl --out /tmp/b2 --workers 2
    frontlines ingest /tmp/texts.jsonl --workers 2 --db /tmp/ingest.duckdb
    python scripts/batch_vs_ingest.py compare /tmp/b2 /tmp/ingest.duckdb

The data is read only; nothing of it is kept beside the project.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from frontlines.batch import export_store
from frontlines.batch.compare import compare_outputs
from frontlines.store.reading import open_for_reading

sys.path.insert(0, str(Path(__file__).parent))
from ingest_shared_corpora import write_inputs

LONG_SETS = ("trnews", "lgl", "geovirus", "india")


def write_corpus(data_dir: Path, out: Path, *, size: int) -> dict[str, int]:
    """Every text of the long sets, then ACLED notes up to ``size`` lines; lines per set."""
    with tempfile.TemporaryDirectory() as folder:
        parts = Path(folder)
        write_inputs(data_dir, parts, acled=size)
        counts: dict[str, int] = {}
        with out.open("w", encoding="utf-8") as handle:
            for name in (*LONG_SETS, "acled"):
                text = (parts / f"{name}.jsonl").read_text(encoding="utf-8")
                lines = text.rstrip("\n").split("\n")  # not splitlines: texts hold U+2028
                room = size - sum(counts.values())
                counts[name] = len(lines[:room])
                handle.writelines(f"{line}\n" for line in lines[:room])
    return counts


def compare(batch: Path, other: Path) -> bool:
    """Print one line per table; whether every table is the same."""
    with tempfile.TemporaryDirectory() as folder:
        if other.is_dir():
            right = other
        else:
            right = Path(folder) / "export"
            with open_for_reading(other) as store:
                export_store(store, out=right)
        differences = compare_outputs(batch, right)
    for difference in differences:
        print(difference.line())  # noqa: T201
    return all(difference.same for difference in differences)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    steps = parser.add_subparsers(dest="step", required=True)
    corpus = steps.add_parser("corpus", help="write the input texts as JSON lines")
    corpus.add_argument("--data", type=Path, default=Path("../shared/data"))
    corpus.add_argument("--out", type=Path, required=True)
    corpus.add_argument("--size", type=int, default=10_000)
    check = steps.add_parser("compare", help="a batch output against a store or another output")
    check.add_argument("batch", type=Path, help="a frontlines batch output folder")
    check.add_argument("other", type=Path, help="a DuckDB store, or another output folder")
    options = parser.parse_args()
    if options.step == "corpus":
        counts = write_corpus(options.data, options.out, size=options.size)
        print(f"{options.out}: {sum(counts.values())} texts {counts}")  # noqa: T201
        return 0
    return 0 if compare(options.batch, options.other) else 1


if __name__ == "__main__":
    sys.exit(main())
