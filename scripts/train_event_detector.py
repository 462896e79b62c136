"""Train the sentence-level event detector shipped in src/frontlines/extract/models/detector.

Licence-clean training data only (provenance in training/event_detector/README.md):

- the Voice of America articles of M2E2 (US public domain), sentence by sentence, labelled from
  their ACE event mentions (Conflict:Attack: violence, Conflict:Demonstrate: protest,
  Justice:Arrest-Jail: arrest; a sentence with none of these and no Life:Die is no event; a
  sentence with Life:Die alone is left out, as the death may be natural or an accident). Articles
  that credit or quote a wire agency (Reuters, AP, AFP...) anywhere are left out whole, and so are
  the articles whose ``split_of`` is "test": they are the held-out set this script reports on;
- UCDP GED source headlines (CC BY 4.0): all tell violence; headlines from wire agencies are left
  out, and so are ids, place names and other headlines of fewer than five words;
- PLOVER's gold records (CC BY-SA 4.0), mapped as for the sub-type classifier;
- examples this project wrote (training/event_detector, training/subtypes; Apache-2.0).

The dev split is cut again by article (``--select``): the model is fitted on three quarters of
it, and the drop threshold is chosen on the rest; then it is trained on the whole dev split and
figures are reported once on the test split. Training is seeded: the same data give the same model.

    .venv/bin/python scripts/train_event_detector.py --data ../shared/data [--select]
        [--epochs 10] [--out src/frontlines/extract/models/detector]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_subtype_classifier import PLOVER_MODES, PLOVER_NONE  # noqa: E402

from frontlines.bench.realnews_gold import split_of  # noqa: E402
from frontlines.bench.realnews_texts import M2E2_MEMBERS, M2E2_ZIP  # noqa: E402
from frontlines.extract.detector import (  # noqa: E402
    EVENT,
    KINDS,
    LABELS,
    blank_detector,
    kind_of,
    normalise_text,
)
from frontlines.model import SUB_EVENT_TYPES  # noqa: E402

EXAMPLES = (ROOT / "training" / "event_detector", ROOT / "training" / "subtypes")
OUT = ROOT / "src" / "frontlines" / "extract" / "models" / "detector"
UCDP = (
    Path("ucdp_ged_syria/UCDP-Syria_GED_2016-2019.csv"),
    Path("ucdp_ged_ukraine/UCDP-Ukraine_GED_2014-2023.utf8.csv"),
)
PLOVER = Path("plover_petrarch/PLOVER_GSR_CAMEO.json")
SEED = 7
ACE_KINDS = {
    "Conflict:Attack": "violence",
    "Conflict:Demonstrate": "protest",
    "Justice:Arrest-Jail": "arrest",
}
DEATH = "Life:Die"
WIRE = re.compile(
    r"\b(Reuters|Associated Press|AP|AFP|Agence France[- ]Presse|dpa|Xinhua|ANSA|EFE)\b"
)
UCDP_HEADLINES = 1500  # at most, so headlines do not swamp the sentences of whole articles
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)

Cats = dict[str, float]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One training or evaluation text with its labels (a label left out is unknown)."""

    text: str
    cats: Cats
    source: str
    article: str = ""


def _labelled(kinds: set[str]) -> Cats:
    return {EVENT: float(bool(kinds)), **{kind: float(kind in kinds) for kind in KINDS}}


Labelled = list[tuple[str, Cats | None]]


def m2e2_articles(data: Path, *, keep_wire: bool = False) -> dict[str, Labelled]:
    """Each VOA article's sentences in order, with their labels (None: Life:Die alone, unknown);
    articles that credit or quote a wire agency are left out unless ``keep_wire``."""
    path = data / M2E2_ZIP
    if not path.is_file():
        raise SystemExit(f"M2E2 not found at {path}")
    by_article: dict[str, list[tuple[int, str, list[str]]]] = {}
    with zipfile.ZipFile(path) as archive:
        for member in M2E2_MEMBERS:
            for record in json.loads(archive.read(member)):
                article, number = record["sentence_id"].rsplit("_", 1)
                types = [m["event_type"] for m in record["golden-event-mentions"]]
                by_article.setdefault(article, []).append((int(number), record["sentence"], types))
    articles: dict[str, Labelled] = {}
    for article in sorted(by_article):
        sentences = sorted(by_article[article])
        if not keep_wire and any(WIRE.search(text) for _, text, _ in sentences):
            continue
        labelled: Labelled = []
        for _, text, types in sentences:
            kinds = {ACE_KINDS[t] for t in types if t in ACE_KINDS}
            unknown = not kinds and DEATH in types
            labelled.append((text, None if unknown else _labelled(kinds)))
        articles[f"m2e2:{article}"] = labelled
    return articles


def read_m2e2(data: Path) -> Iterator[Sentence]:
    """The labelled VOA sentences of the articles that credit no wire agency."""
    for article, sentences in m2e2_articles(data).items():
        for text, cats in sentences:
            if cats is not None:
                yield Sentence(text, cats, "m2e2", article)


def read_ucdp(data: Path) -> list[Sentence]:
    headlines: set[str] = set()
    for relative in UCDP:
        path = data / relative
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as rows:
            for row in csv.DictReader(rows):
                offices = row.get("source_office") or ""
                for part in (row.get("source_headline") or "").split(";"):
                    headline = part.strip()
                    if len(headline.split()) >= 5 and not WIRE.search(offices + " " + headline):
                        headlines.add(headline)
    chosen = sorted(headlines)
    random.Random(SEED).shuffle(chosen)  # noqa: S311 (sampling, not security)
    cats = {EVENT: 1.0, "violence": 1.0, "protest": 0.0}
    return [Sentence(text, dict(cats), "ucdp") for text in chosen[:UCDP_HEADLINES]]


def _from_subtype(sub: str | None) -> Cats | None:
    """Labels for an example typed with an ACLED sub-type (None: no event)."""
    if sub is None:
        return _labelled(set())
    kind = kind_of(SUB_EVENT_TYPES.get(sub), sub)
    if kind is None:
        return dict.fromkeys(KINDS, 0.0)  # a strategic development: "event" unknown
    return _labelled({kind})


def read_plover(data: Path) -> list[Sentence]:
    path = data / PLOVER
    if not path.is_file():
        return []
    sentences: list[Sentence] = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        event, text = record.get("event"), record.get("text")
        if not event or not text:
            continue
        if event in PLOVER_NONE:
            sentences.append(Sentence(text, _labelled(set()), "plover"))
            continue
        sub = PLOVER_MODES.get((event, record.get("mode")))
        cats = _from_subtype(sub) if sub is not None else None
        if cats is not None:
            sentences.append(Sentence(text, cats, "plover"))
    return sentences


def read_own() -> list[Sentence]:
    sentences: list[Sentence] = []
    for folder in EXAMPLES:
        for path in sorted(folder.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                record = json.loads(line)
                if "group" in record:
                    group = record["group"]
                    cats: Cats | None = _labelled({group} if group else set())
                else:
                    cats = _from_subtype(record["sub_event_type"])
                if cats is not None:
                    sentences.append(Sentence(record["text"], cats, "own"))
    return sentences


def train(sentences: Sequence[Sentence], *, epochs: int) -> Any:
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(SEED)
    nlp = blank_detector()
    data = [
        Example.from_dict(nlp.make_doc(normalise_text(s.text)), {"cats": s.cats}) for s in sentences
    ]
    optimizer = nlp.initialize(lambda: data)
    order = random.Random(SEED)  # noqa: S311 (shuffling, not security)
    for _ in range(epochs):
        order.shuffle(data)
        losses: dict[str, float] = {}
        for batch in minibatch(data, size=16):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
    return nlp


def in_validation(article: str) -> bool:
    return hashlib.sha256(f"detector-select:{article}".encode()).digest()[0] < 64


def _prf(pairs: Sequence[tuple[bool, bool]]) -> tuple[float, float, float]:
    tp = sum(1 for gold, pred in pairs if gold and pred)
    predicted = sum(1 for _, pred in pairs if pred)
    gold = sum(1 for gold, _ in pairs if gold)
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(nlp: Any, sentences: Sequence[Sentence], *, title: str) -> None:
    out = sys.stdout
    started = time.perf_counter()
    scored = [(s, nlp(normalise_text(s.text)).cats) for s in sentences]
    per_sentence = (time.perf_counter() - started) / max(len(sentences), 1)
    positives = sum(1 for s, _ in scored if s.cats[EVENT])
    out.write(
        f"{title}: {len(scored)} sentences, {positives} tell a happening; "
        f"{per_sentence * 1000:.2f} ms a sentence\n"
    )
    for threshold in THRESHOLDS:
        pairs = [(bool(s.cats[EVENT]), cats[EVENT] >= threshold) for s, cats in scored]
        p, r, f = _prf(pairs)
        out.write(f"  event >= {threshold:<4}: precision {p:.3f} recall {r:.3f} F1 {f:.3f}\n")
    events = [(s, cats) for s, cats in scored if s.cats[EVENT]]
    right = sum(1 for s, cats in events if s.cats[max(KINDS, key=lambda kind: cats[kind])] == 1.0)
    out.write(f"  kind right over the gold happenings: {right}/{len(events)}\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument(
        "--select", action="store_true", help="fit on 3/4 of dev, report on 1/4 (write elsewhere)"
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    m2e2 = list(read_m2e2(args.data))
    test = [s for s in m2e2 if split_of(s.article) == "test"]
    dev = [s for s in m2e2 if split_of(s.article) == "dev"]
    others = read_ucdp(args.data) + read_plover(args.data) + read_own()
    counts = Counter(s.source for s in (*dev, *others))
    sys.stdout.write(f"training sentences by source: {dict(sorted(counts.items()))}\n")
    if args.select:
        fit = [s for s in dev if not in_validation(s.article)]
        held = [s for s in dev if in_validation(s.article)]
        nlp = train(fit + others, epochs=args.epochs)
        evaluate(nlp, held, title="dev, held-out quarter")
    else:
        nlp = train(dev + others, epochs=args.epochs)
        evaluate(nlp, test, title="M2E2 test split")
    nlp.to_disk(args.out)
    sys.stdout.write(f"wrote {args.out} ({', '.join(LABELS)})\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
