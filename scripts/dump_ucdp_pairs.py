"""Analyse UCDP GED Syria source headlines for training the fusion pair head (not shipped).

Picks Syria events with two or more source headlines (as the bench reads them) outside the
bench's first ``--skip`` events of its fixed sample (the gate scores 0-100, the full sample
0-300, the dev script 100-600), in the densest (month, governorate) groups, so that headlines
of distinct events of one month and governorate give hard negatives. Each headline is analysed
as the bench analyses it (``headline_reports``) and the reports are pickled with the event's
month, governorate and type of violence.

    .venv/bin/python scripts/dump_ucdp_pairs.py --data ../shared/data --out pairs.pkl
"""

from __future__ import annotations

import argparse
import csv
import pickle
from collections import defaultdict
from pathlib import Path

from frontlines.bench.fusion import headline_reports
from frontlines.bench.fusion_data import UCDP_FILES, ucdp_events
from frontlines.bench.runner import make_analyse
from frontlines.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--skip", type=int, default=600)
    parser.add_argument("--events", type=int, default=260)
    options = parser.parse_args()
    events = ucdp_events(options.data, size=100_000)[options.skip :]
    rows = {}
    with (options.data / UCDP_FILES[0]).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            rows[str(row["id"])] = row
    groups: dict[tuple[str, str], list[list]] = defaultdict(list)
    for headlines in events:
        row = rows.get(headlines[0].event_id)
        if row is None:
            continue  # Ukraine
        groups[(row["date_start"][:7], row["adm_1"])].append(headlines)
    chosen = []
    for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        chosen.extend((key, h) for h in groups[key])
        if len(chosen) >= options.events:
            break
    analyse = make_analyse(Settings.from_env())
    out = []
    for number, (key, headlines) in enumerate(chosen):
        row = rows[headlines[0].event_id]
        for index, headline in enumerate(headlines):
            article_id = f"ucdp{headline.event_id}-{number}-{index}"
            reports = headline_reports(
                headline, article_id=article_id, index=index, analyse=analyse
            )
            out.append(
                {
                    "event": headline.event_id,
                    "month": key[0],
                    "adm_1": key[1],
                    "violence": row["type_of_violence"],
                    "text": headline.text,
                    "reports": reports,
                }
            )
        if number % 20 == 0:
            print(number, len(out), flush=True)  # noqa: T201
            options.out.write_bytes(pickle.dumps(out))
    options.out.write_bytes(pickle.dumps(out))


if __name__ == "__main__":
    main()
