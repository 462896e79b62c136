"""Ingest every real text of the shared data the way a user would, and count what was lost.

Writes TR-News, LGL, GeoVirus, the India police events documents and a fixed sample of ACLED notes
as JSON lines (one article per line: text, url = the text's stable id, published where the set
dates it), runs ``frontlines ingest`` over them into a fresh store, and prints the run's summary,
its failures by cause, and the articles lost (read but neither stored nor skipped on purpose).

    python scripts/ingest_shared_corpora.py --data ../shared/data --out /tmp/ingest-run

Exit 0 when nothing was lost and nothing crashed. The data is read only; nothing of it is kept
beside the project.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from frontlines.bench.acled_data import CSV_NAME, read_records, stratified_sample
from frontlines.bench.realnews_texts import read_geoparsing, read_india

SOURCES = ("trnews", "lgl", "geovirus", "india")
ACLED_NOTES = 1000


def write_inputs(
    data_dir: Path, out: Path, *, acled: int, per_set: int | None = None
) -> dict[str, int]:
    """One JSON-lines file per set (its first ``per_set`` texts, default all); the counts."""
    counts: dict[str, int] = {}
    texts = [*read_geoparsing(data_dir), *read_india(data_dir)]
    for source in SOURCES:
        chosen = [text for text in texts if text.source == source][:per_set]
        lines = [
            {
                "text": text.text,
                "url": text.id,
                "published": text.published.isoformat() if text.published else None,
            }
            for text in chosen
        ]
        counts[source] = _write(out / f"{source}.jsonl", lines)
    records = read_records(data_dir / "acled_notes" / CSV_NAME)
    sample = stratified_sample(records, size=acled)[:acled]
    notes = [
        {
            "text": record.notes,
            "url": f"acled:{record.event_id}",
            "published": record.event_date.isoformat(),
        }
        for record in sample
    ]
    counts["acled"] = _write(out / "acled.jsonl", notes)
    return counts


def _write(path: Path, records: Sequence[Mapping[str, object]]) -> int:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(records)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--acled", type=int, default=ACLED_NOTES)
    parser.add_argument("--per-set", type=int, default=None, help="a smoke run: N texts per set")
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    store = options.out / "store.duckdb"
    if store.exists():
        store.unlink()
    counts = write_inputs(options.data, options.out, acled=options.acled, per_set=options.per_set)
    inputs = [str(options.out / f"{name}.jsonl") for name in counts]
    command = [
        str(Path(sys.executable).parent / "frontlines"),
        "ingest",
        *inputs,
        "--db",
        str(store),
    ]
    with (options.out / "ingest.log").open("w", encoding="utf-8") as log:
        done = subprocess.run(command, stderr=log, stdout=log, check=False)  # noqa: S603
    lines = (options.out / "ingest.log").read_text(encoding="utf-8").splitlines()
    results = [line for line in lines if line.split(" ", 1)[0] in OUTCOME_WORDS]
    lost = [line for line in results if line.startswith("failed")]
    crashed = done.returncode not in (0, 1) or any("Traceback" in line for line in lines)
    print(f"inputs written: {counts} ({sum(counts.values())} articles)")  # noqa: T201
    for line in lines[-3:]:
        print(line)  # noqa: T201
    print(f"articles lost: {len(lost)}; crashes: {int(crashed)}; exit {done.returncode}")  # noqa: T201
    for line in lost[:20]:
        print(f"  {line}")  # noqa: T201
    return 0 if not lost and not crashed and len(results) == sum(counts.values()) else 1


OUTCOME_WORDS = frozenset({"stored", "replaced", "syndicated", "duplicate", "skipped", "failed"})

if __name__ == "__main__":
    sys.exit(main())
