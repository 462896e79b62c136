"""Train the sub-event-type classifier shipped in src/frontlines/extract/models/subtypes.

The training data are licence-clean: the examples this project wrote itself
(``training/subtypes/*.jsonl``, Apache-2.0) and, when ``--plover`` points at it, the PLOVER gold
standard records (CC BY-SA 4.0), mapped to ACLED sub-types by their event class and mode. ACLED's
notes are never read here: they are for evaluation only.

The model is spaCy's bag-of-words text classifier (exclusive classes: the 25 ACLED sub-types and
"none" for a text that reports no conflict event) on a blank English pipeline. Training is
seeded, so the same data give the same model.

    .venv/bin/python scripts/train_subtype_classifier.py
        [--plover ../shared/data/plover_petrarch/PLOVER_GSR_CAMEO.json]
        [--folds 4] [--epochs 15] [--out src/frontlines/extract/models/subtypes]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from frontlines.extract.subtypes import (  # noqa: E402 (after the path set-up)
    LABELS,
    NONE_LABEL,
    blank_classifier,
    normalise_text,
)

EXAMPLES = ROOT / "training" / "subtypes"
OUT = ROOT / "src" / "frontlines" / "extract" / "models" / "subtypes"
SEED = 7
# PLOVER event class (and mode) → ACLED sub-type; classes left out say too little about ACLED's
# categories (AGREE covers trade deals as well as ceasefires, RETREAT and MOBILIZE likewise).
PLOVER_NONE = frozenset(
    {"DEMAND", "REJECT", "THREATEN", "DISAPPROVE", "CONSULT", "AID", "INVESTIGATE", "SUPPORT",
     "COOPERATE", "SANCTION"}
)  # fmt: skip
PLOVER_MODES = {
    ("PROTEST", "demo-org"): "Peaceful protest",
    ("PROTEST", "demo-spon"): "Peaceful protest",
    ("PROTEST", "strike-gen"): "Peaceful protest",
    ("PROTEST", "strike-hun"): "Peaceful protest",
    ("PROTEST", "obstruct"): "Peaceful protest",
    ("PROTEST", "riot"): "Violent demonstration",
    ("PROTEST", "riot-spon"): "Violent demonstration",
    ("COERCE", "arrest"): "Arrests",
    ("COERCE", "detain"): "Arrests",
    ("COERCE", "curfew"): "Change to group/activity",
    ("COERCE", "martial-law"): "Change to group/activity",
    ("COERCE", "ban"): "Change to group/activity",
    ("COERCE", "destroy"): "Looting/property destruction",
    ("COERCE", "confiscate"): "Looting/property destruction",
    ("ASSAULT", "explosives"): "Remote explosive/landmine/IED",
    ("ASSAULT", "suicide-attack"): "Suicide bomb",
    ("ASSAULT", "sexual"): "Sexual violence",
    ("ASSAULT", "beat"): "Attack",
    ("ASSAULT", "torture"): "Attack",
    ("ASSAULT", "assassinate"): "Attack",
    ("ASSAULT", "primitive"): "Attack",
    ("FIGHT", "heavy-weapons"): "Shelling/artillery/missile attack",
    ("FIGHT", "firearms"): "Armed clash",
    ("FIGHT", "other"): "Armed clash",
}

Example = tuple[str, str]


def read_examples(folder: Path) -> list[Example]:
    examples: list[Example] = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            label = record["sub_event_type"] or NONE_LABEL
            if label not in LABELS:
                raise SystemExit(f"{path}:{number}: unknown sub_event_type {label!r}")
            examples.append((record["text"], label))
    return examples


def read_plover(path: Path) -> list[Example]:
    examples: list[Example] = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        event, text = record.get("event"), record.get("text")
        if not event or not text:
            continue
        mode = record.get("mode")
        label = NONE_LABEL if event in PLOVER_NONE else PLOVER_MODES.get((event, mode))
        if label is not None:
            examples.append((text, label))
    return examples


def train(examples: Sequence[Example], *, epochs: int) -> Any:
    from spacy.training import Example as SpacyExample
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(SEED)
    nlp = blank_classifier()
    data = [
        SpacyExample.from_dict(
            nlp.make_doc(normalise_text(text)),
            {"cats": {label: float(label == gold) for label in LABELS}},
        )
        for text, gold in examples
    ]
    optimizer = nlp.initialize(lambda: data)
    order = random.Random(SEED)  # noqa: S311 (shuffling, not security)
    for _ in range(epochs):
        order.shuffle(data)
        losses: dict[str, float] = {}
        for batch in minibatch(data, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
    return nlp


def predict(nlp: Any, text: str) -> str:
    cats = nlp(normalise_text(text)).cats
    return str(max(cats, key=cats.__getitem__))


def cross_validate(examples: Sequence[Example], *, folds: int, epochs: int) -> None:
    shuffled = list(examples)
    random.Random(SEED).shuffle(shuffled)  # noqa: S311
    pairs: list[tuple[str, str]] = []
    for fold in range(folds):
        test = shuffled[fold::folds]
        train_set = [e for i, e in enumerate(shuffled) if i % folds != fold]
        nlp = train(train_set, epochs=epochs)
        pairs += [(gold, predict(nlp, text)) for text, gold in test]
    correct = sum(g == p for g, p in pairs)
    out = sys.stdout
    accuracy = correct / len(pairs)
    out.write(f"{folds}-fold cross-validation: accuracy {accuracy:.3f} on {len(pairs)}\n")
    for label in LABELS:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        gold = sum(1 for g, _ in pairs if g == label)
        pred = sum(1 for _, p in pairs if p == label)
        f1 = 2 * tp / (gold + pred) if gold + pred else 0.0
        out.write(f"  {label:<40} n={gold:<4} F1 {f1:.3f}\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=Path, default=EXAMPLES)
    parser.add_argument("--plover", type=Path, default=None)
    parser.add_argument("--folds", type=int, default=0, help="cross-validate first (0: skip)")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    examples = read_examples(args.examples)
    if args.plover is not None:
        examples += read_plover(args.plover)
    counts = Counter(label for _, label in examples)
    sys.stdout.write(f"{len(examples)} examples: {dict(sorted(counts.items()))}\n")
    if args.folds:
        cross_validate(examples, folds=args.folds, epochs=args.epochs)
    nlp = train(examples, epochs=args.epochs)
    nlp.to_disk(args.out)
    sys.stdout.write(f"wrote {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
