"""Per-event diffs of the real-news DEV split, for the people writing rules (never test).

For each dev article: every matched event with gold against predicted for each field (a wrong
field marked ``X``), each missed gold event, and each extra with its cause and evidence. A tally
of wrong fields and extra causes by source closes the output. ``--json`` also writes the diffs.

    .venv/bin/python scripts/realnews_dev_diff.py --data ../shared/data [--source india]
        [--ids india:27,m2e2:VOA_...] [--only-wrong] [--json diffs.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from frontlines.bench.realnews import _gold_value, _value, source_of
from frontlines.bench.realnews_gold import read_gold
from frontlines.bench.realnews_scoring import FIELDS, ArticleScore, score_article
from frontlines.bench.realnews_texts import read_texts
from frontlines.bench.runner import make_analyse
from frontlines.settings import Settings
from frontlines.stages.resources import Resources


def _quote(text: str, spans: Sequence[tuple[int, int]], limit: int = 240) -> str:
    return " | ".join(text[start:end] for start, end in spans)[:limit].replace("\n", " ")


def describe(score: ArticleScore, text: str) -> dict[str, Any]:
    matched = []
    for check in score.matched:
        fields = {
            name: {
                "gold": str(_gold_value(check.gold, name)),
                "predicted": str(_value(check.predicted, name)),
                "right": check.fields[name],
            }
            for name in FIELDS
        }
        matched.append(
            {
                "gold evidence": _quote(text, check.gold.evidence),
                "predicted evidence": _quote(
                    text, [(m.start, m.end) for m in check.predicted.evidence]
                ),
                "fields": fields,
            }
        )
    return {
        "id": score.article.id,
        "matched": matched,
        "missed": [
            f"{gold.event_type} / {gold.sub_event_type} {gold.event_date}: "
            + _quote(text, gold.evidence)
            for gold in score.missed
        ],
        "extras": [
            {
                "cause": extra.cause,
                "sub_event_type": extra.predicted.sub_event_type,
                "date": str(extra.predicted.event_date),
                "evidence": _quote(text, [(m.start, m.end) for m in extra.predicted.evidence]),
            }
            for extra in score.extras
        ],
    }


def write_article(out: Any, item: dict[str, Any], *, only_wrong: bool) -> None:
    out.write(f"=== {item['id']}\n")
    for event in item["matched"]:
        wrong = [n for n, f in event["fields"].items() if f["right"] is False]
        if only_wrong and not wrong:
            continue
        out.write(f"  MATCHED gold: {event['gold evidence'][:160]}\n")
        out.write(f"          pred: {event['predicted evidence'][:160]}\n")
        for name, field in event["fields"].items():
            mark = {True: " ", False: "X", None: "-"}[field["right"]]
            out.write(f"    {mark} {name:15} {field['gold']!s:40} | {field['predicted']}\n")
    for missed in item["missed"]:
        out.write(f"  MISSED {missed}\n")
    for extra in item["extras"]:
        out.write(
            f"  EXTRA [{extra['cause']}] {extra['sub_event_type']} {extra['date']}: "
            f"{extra['evidence']}\n"
        )


def tally(items: Sequence[dict[str, Any]]) -> str:
    wrong: Counter[tuple[str, str]] = Counter()
    causes: Counter[tuple[str, str]] = Counter()
    scored: Counter[tuple[str, str]] = Counter()
    for item in items:
        source = source_of(item["id"])
        for event in item["matched"]:
            for name, field in event["fields"].items():
                if field["right"] is not None:
                    scored[(source, name)] += 1
                if field["right"] is False:
                    wrong[(source, name)] += 1
        for extra in item["extras"]:
            causes[(source, extra["cause"])] += 1
    lines = ["wrong fields (wrong / scored) by source:"]
    for key in sorted(scored):
        lines.append(f"  {key[0]:10} {key[1]:15} {wrong[key]} / {scored[key]}")
    lines.append("extras by source and cause:")
    for key, n in sorted(causes.items()):
        lines.append(f"  {key[0]:10} {key[1]:15} {n}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--source", action="append", default=[])
    parser.add_argument("--ids", default="")
    parser.add_argument("--only-wrong", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    wanted = {i for i in args.ids.split(",") if i}
    articles = [
        a
        for a in read_gold()
        if a.split == "dev"
        and (not args.source or source_of(a.id) in args.source)
        and (not wanted or a.id in wanted)
    ]
    texts = read_texts(args.data)
    settings = Settings.from_env()
    analyse = make_analyse(settings)
    kb_names = {actor.id: actor.names for actor in Resources(settings).kb}
    items = []
    for article in articles:
        if article.id not in texts:
            continue
        text = texts[article.id]
        analysis = analyse(text.text, text.published or article.published)
        score = score_article(article, analysis, kb_names=kb_names)
        item = describe(score, text.text)
        items.append(item)
        write_article(sys.stdout, item, only_wrong=args.only_wrong)
    sys.stdout.write(tally(items))
    if args.json:
        args.json.write_text(json.dumps(items, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
