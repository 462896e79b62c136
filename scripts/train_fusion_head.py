"""Train fusion's pair head (src/frontlines/fusion/models/pair_head/head.npz).

Training rows: UCDP GED Syria (CC BY 4.0) source headlines, analysed as the fusion bench analyses
them, dumped by ``scripts/dump_ucdp_pairs.py`` from events outside the bench's first 600 (the
gate scores 0-100, the full sample 0-300, ``scripts/eval_fusion_dev.py`` 100-600), in the densest
(month, governorate) groups. Every pair of reports of two headlines of one group that fusion's
constraints leave compatible (``score._fit``), both of an event type with ``TYPE_ROWS``
reports or more (the types the head speaks for), is a row, each headline its own outlet: a positive
when the headlines cite one UCDP event, a negative (a hard one: one month, one governorate, and
the constraints passed, so one type family, place and day window) when they cite two.

Folds are by (month, governorate) group (5, by a hash), so no event, and no negative's pair of
events, is on both sides. The L2 strength and the threshold (the best pair F1 over the grid
``THRESHOLDS``) are chosen on out-of-fold scores; the held-out figures are nested: each outer fold
is scored with a head fitted and a threshold chosen on the other four folds alone (their own
inner cross-validation). The final head is fitted on every row. Newton's method, no randomness.

    .venv/bin/python scripts/train_fusion_head.py PAIRS.pkl [PAIRS.pkl ...] [--dry-run]
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from train_event_filter import fit, logits, sigmoid  # noqa: E402

from frontlines.fusion import FusionSettings, compat  # noqa: E402
from frontlines.fusion.pair_head import MODEL_FILE, PAIR_FEATURES, pair_row  # noqa: E402
from frontlines.fusion.report import Features  # noqa: E402
from frontlines.fusion.score import _fit, pair_score, place_affinity  # noqa: E402

FOLDS = 5
L2_GRID = (0.3, 1.0, 3.0, 10.0)
TYPE_ROWS = 100  # the head speaks for an event type with at least this many training reports
THRESHOLDS = tuple(round(0.05 * n, 2) for n in range(2, 20))  # 0.10 .. 0.95, fixed


def rows_of(
    records: Sequence[dict[str, Any]], *, types: set[str]
) -> tuple[np.ndarray, np.ndarray, list[str], list[bool]]:
    """Feature rows, labels, groups, and whether the rules alone (no head) link each pair."""
    settings = FusionSettings()
    rules = replace(settings, head=False)
    cited: dict[str, set[str]] = {}  # a headline may be cited by several events (a roundup)
    for record in records:
        cited.setdefault(record["text"], set()).add(record["event"])
    by_group: dict[str, list[tuple[dict[str, Any], list[Features]]]] = {}
    seen: set[str] = set()
    for record in records:
        if record["text"] in seen:
            continue
        seen.add(record["text"])
        outlet = f"{record['event']} {record['text']}"
        features = [
            Features.of(replace(report, outlet=outlet), windows=settings.windows)
            for report in record["reports"]
        ]
        by_group.setdefault(f"{record['month']} {record['adm_1']}", []).append((record, features))
    x, y, groups, pairs = [], [], [], []
    for group, headlines in sorted(by_group.items()):
        for (one, first), (two, second) in combinations(headlines, 2):
            if one["text"] == two["text"]:
                continue
            for a in first:
                for b in second:
                    kinds = {a.report.event.event_type, b.report.event.event_type}
                    if not kinds <= types or _fit(a, b, settings=settings) is None:
                        continue
                    place = place_affinity(a, b, settings=settings)
                    kind = compat.type_affinity(a, b)
                    assert place is not None and kind is not None
                    x.append(pair_row(a, b, place=place, kind=kind))
                    y.append(float(bool(cited[one["text"]] & cited[two["text"]])))
                    groups.append(group)
                    pairs.append((pair_score(a, b, settings=rules) or 0.0) >= rules.threshold)
    return np.asarray(x), np.asarray(y), groups, pairs


def fold_of(group: str) -> int:
    return hashlib.sha256(group.encode()).digest()[0] % FOLDS


def f1(scores: np.ndarray, y: np.ndarray, threshold: float) -> float:
    said = scores >= threshold
    tp = float((said & (y == 1)).sum())
    if not tp:
        return 0.0
    p, r = tp / said.sum(), tp / (y == 1).sum()
    return 2 * p * r / (p + r)


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: np.ndarray, l2: float) -> np.ndarray:
    scores = np.zeros(len(y))
    for fold in sorted(set(folds.tolist())):
        train = folds != fold
        head = fit(x[train], y[train], np.ones(int(train.sum())), l2=l2)
        scores[~train] = sigmoid(logits(head, x[~train]))
    return scores


def choose(x: np.ndarray, y: np.ndarray, folds: np.ndarray) -> tuple[float, float, float]:
    """(l2, threshold, out-of-fold F1): the best pair F1 over the grids, ties to the larger
    strength and threshold (the more cautious)."""
    best = (-1.0, 0.0, 0.0)
    for l2 in L2_GRID:
        scores = out_of_fold(x, y, folds, l2)
        for threshold in THRESHOLDS:
            found = (f1(scores, y, threshold), l2, threshold)
            best = max(best, found)
    return best[1], best[2], best[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pairs", type=Path, nargs="+")
    parser.add_argument("--dry-run", action="store_true")
    options = parser.parse_args()
    records: dict[tuple[str, str], dict[str, Any]] = {}
    for path in options.pairs:
        for record in pickle.loads(path.read_bytes()):  # noqa: S301 (our own dump)
            records[(record["event"], record["text"])] = record
    counted = Counter(
        report.event.event_type for record in records.values() for report in record["reports"]
    )
    types = {kind for kind, count in counted.items() if kind and count >= TYPE_ROWS}
    print(f"event types the head speaks for: {sorted(types)} of {dict(counted)}")  # noqa: T201
    x, y, groups, ruled = rows_of(list(records.values()), types=types)
    linked = np.asarray(ruled)
    folds = np.asarray([fold_of(group) for group in groups])
    events = {key[0] for key in records}
    print(  # noqa: T201
        f"{len(records)} headlines of {len(events)} events in {len(set(groups))} groups: "
        f"{len(y)} compatible report pairs, {int(y.sum())} positive, {int((1 - y).sum())} negative"
    )
    # nested: each outer fold scored by a head and threshold chosen on the other four alone
    said = np.zeros(len(y), dtype=bool)
    for fold in range(FOLDS):
        inner = folds != fold
        l2, threshold, _ = choose(x[inner], y[inner], folds[inner])
        head = fit(x[inner], y[inner], np.ones(int(inner.sum())), l2=l2)
        said[~inner] = sigmoid(logits(head, x[~inner])) >= threshold
        print(f"  fold {fold}: l2 {l2}, threshold {threshold}")  # noqa: T201
    positives, negatives = y == 1, y == 0
    print(  # noqa: T201
        f"held out (nested CV): recall {said[positives].mean():.3f} of {int(positives.sum())} "
        f"positive pairs, false-merge {said[negatives].mean():.4f} of {int(negatives.sum())} "
        "hard negative pairs"
    )
    print(  # noqa: T201
        f"the rules alone: recall {linked[positives].mean():.3f}, false-merge "
        f"{linked[negatives].mean():.4f}; rules or head (held out): recall "
        f"{(said | linked)[positives].mean():.3f}, "
        f"false-merge {(said | linked)[negatives].mean():.4f}"
    )
    l2, threshold, score = choose(x, y, folds)
    print(f"chosen: l2 {l2}, threshold {threshold}, out-of-fold pair F1 {score:.3f}")  # noqa: T201
    head = fit(x, y, np.ones(len(y)), l2=l2)
    named = zip(PAIR_FEATURES, head["weights"], strict=True)
    for name, weight in sorted(named, key=lambda t: -abs(t[1])):
        print(f"  {weight:+.3f} {name}")  # noqa: T201
    if options.dry_run:
        return
    out = ROOT / "src" / "frontlines" / "fusion" / MODEL_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(
        out,
        features=np.asarray(PAIR_FEATURES),
        mean=head["mean"],
        scale=head["scale"],
        weights=head["weights"],
        bias=np.asarray(head["bias"]),
        threshold=np.asarray(threshold),
        types=np.asarray(sorted(types)),
    )
    print(f"wrote {out}")  # noqa: T201


if __name__ == "__main__":
    main()
