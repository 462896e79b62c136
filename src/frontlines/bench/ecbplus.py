"""The ECB+ benchmark: cross-document event coreference with fusion's similarity and clustering.

ECB+ (Cybulska and Vossen 2014; the validation split of Barhom et al. 2019, validated sentences,
as processed by Zhukova et al.) gives news articles on 8 topics, each topic with two similar
events (two shootings, two earthquakes...) told by several documents, and the event mentions
with their gold coreference chains. The mentions are given, so this measures the linking alone,
done the way fusion links reports: blocking first (by topic, then documents grouped by the
cosine of their stemmed content words plus, up to ``DOCUMENT_MEANING``, how alike their MiniLM
vectors are, as fusion blocks reports by date and place), then mentions scored on their head
lemma (else their trigger frame, else what their trigger's words mean: ``ecbplus_meaning``) and
the wording of their sentence (``frontlines.fusion.report_words``), and, in the fusion block's
cross-validation only (``ARGUMENT`` is none here), the names and numbers their sentences share
(``argument_affinity``: the same navy, the same 23 pirates), and clustered by fusion's
average-linkage clustering (``frontlines.fusion.cluster``). ECB+ has no dates, places or ACLED
types, so the rest of fusion's score has nothing to compare here.

Scores include singletons: MUC, B³, CEAF-e and CoNLL F1 (bench/coref_metrics.py), beside three
references that are not gated: fusion's linking on lemmas and frames alone (no trigger meaning),
the same-head-lemma baseline within a topic, and the same with the gold sub-topics as blocks
(what perfect document blocking would give). Only the validation split is available, and the
document threshold, weights and meaning floors were chosen on it: read this figure as optimistic
(the fusion block's ECB+ figures choose thresholds and the meaning weight by topic
cross-validation).
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from frontlines.bench.coref_metrics import CorefScores, coref_scores
from frontlines.bench.ecbplus_meaning import (
    DOCUMENT_FLOOR,
    meaning_affinity,
    span_vectors,
    text_vectors,
    trigger_meaning,
)
from frontlines.bench.report import BenchResult, Figure, Table
from frontlines.extract.lexicon import load_lexicon
from frontlines.fusion.cluster import cluster
from frontlines.fusion.report_words import content_terms, cosine, proper_names, stem

NAME = "ecbplus"
FOLDER = "ecbplus"
MENTIONS = "val_event_mentions.json"
DOCUMENT_THRESHOLD = 0.2  # documents this alike tell one event (what every CV fold picks)
LEMMA, FRAME, SENTENCE = 0.5, 0.25, 0.25  # weights: one head lemma, one frame, sentence wording
SYNONYM = 0.6  # the most two triggers alike in meaning (not in lemma or frame) weigh
DOCUMENT_MEANING = 0.3  # the most two documents alike in meaning add to their shared words
THRESHOLD = 0.3  # what every cross-validation fold picks
ARGUMENT = 0.0  # the most shared names and numbers of two sentences add (cross-validated)
SENTENCE_END = frozenset({".", "!", "?"})


@dataclass(frozen=True, slots=True)
class Mention:
    id: str
    chain: str
    topic: str
    subtopic: str
    doc: str
    lemma: str  # the head lemma, stemmed: "shooting" and "shoot" are one
    head_lemma: str  # as given: the baseline's
    frame: str | None  # the trigger frame of the head lemma (extract/data/triggers.yaml), if any
    sentence: frozenset[str]
    document: frozenset[str]
    trigger: str = ""  # the mention's own words ("drunken driving")
    text: str = ""  # its document's words around it, as given
    context: str = ""  # its sentence, as given
    span: tuple[int, int] = (0, 0)  # where its trigger lies in ``context`` (characters)
    arguments: frozenset[str] = frozenset()  # its sentence's names and numbers (``arguments``)
    vector: np.ndarray | None = field(default=None, compare=False, repr=False)  # its meaning
    document_vector: np.ndarray | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_record(
        cls, record: dict[str, Any], *, frames: Mapping[str, str] | None = None
    ) -> Mention:
        context: list[str] = record["mention_context"]
        where = record["tokens_number_context"]
        start, end = min(where), max(where) + 1
        while start > 0 and context[start - 1] not in SENTENCE_END:
            start -= 1
        while end < len(context) and context[end - 1] not in SENTENCE_END:
            end += 1
        before = " ".join(context[start : min(where)])
        at = len(before) + (1 if before else 0)
        trigger = " ".join(context[min(where) : max(where) + 1])
        return cls(
            id=record["mention_id"],
            chain=record["coref_chain"],
            topic=str(record["topic_id"]),
            subtopic=str(record["subtopic_id"]),
            doc=record["doc"],
            lemma=stem(str(record["mention_head_lemma"])),
            head_lemma=str(record["mention_head_lemma"]).lower(),
            frame=(frames or {}).get(str(record["mention_head_lemma"]).lower()),
            sentence=content_terms([" ".join(context[start:end])]),
            document=document_terms(context),
            trigger=trigger,
            text=" ".join(context),
            context=" ".join(context[start:end]),
            span=(at, at + len(trigger)),
            arguments=arguments(context[start:end]),
        )


NUMBER = re.compile(r"\d[\d.,:]*")


def document_terms(tokens: Sequence[str]) -> frozenset[str]:
    """What a document is compared on: its content words, and its proper names and numbers
    (the named people, places and counts that tell two similar happenings apart)."""
    text = " ".join(tokens)
    names = {f"name:{name}" for name in proper_names([text])}
    numbers = {f"number:{token}" for token in tokens if NUMBER.fullmatch(token)}
    return content_terms([text]) | names | numbers


def arguments(tokens: Sequence[str]) -> frozenset[str]:
    """Who, where and how many a sentence tells beside its trigger: its proper names and its
    numbers. Two mentions of one happening share them ("the Indian navy", "23 pirates", "Gulf
    of Aden"); two alike happenings of one topic name other people, places and counts."""
    document = document_terms(tokens)
    return frozenset(term for term in document if term.startswith(("name:", "number:")))


def argument_affinity(first: Mention, second: Mention) -> float:
    """Shared arguments of the fewer either gives (0 when either gives none)."""
    if not first.arguments or not second.arguments:
        return 0.0
    fewer = min(len(first.arguments), len(second.arguments))
    return len(first.arguments & second.arguments) / fewer


def trigger_frames() -> dict[str, str]:
    """The frame of each trigger lemma of the extractor (verbs first): "die" and "kill" are
    both a killing, "hit" and "strike" both an attack."""
    lexicon = load_lexicon()
    return {**lexicon.noun_frames, **lexicon.verb_frames}


def read_mentions(path: Path, *, meanings: bool = True) -> list[Mention]:
    """The mentions of an ECB+ file; with ``meanings``, each with its trigger's and its
    document's vectors (none where the model cannot be loaded)."""
    records = json.loads(path.read_text(encoding="utf-8"))
    frames = trigger_frames()
    mentions = [Mention.from_record(record, frames=frames) for record in records]
    # each mention gives a window of its document: a document is read as its first mention's
    document: dict[str, str] = {}
    for mention in sorted(mentions, key=lambda m: m.id):
        document.setdefault(mention.doc, mention.text)
    vectors = (
        text_vectors([*(m.trigger for m in mentions), *document.values()]) if meanings else None
    )
    if vectors is None:
        return mentions
    told = span_vectors([(m.context, m.span) for m in mentions])
    return [
        replace(
            m,
            vector=trigger_meaning(vectors[m.trigger], told[n] if told is not None else None),
            document_vector=vectors[document[m.doc]],
        )
        for n, m in enumerate(mentions)
    ]


def similarity(
    first: Mention, second: Mention, *, synonym: float = SYNONYM, argument: float = ARGUMENT
) -> float:
    """The same (stemmed) head lemma, else the same trigger frame or triggers alike in meaning
    (up to ``synonym``), alike sentences, and (up to ``argument``) the names and numbers their
    sentences share (``argument_affinity``)."""
    wording = min(1.0, 1.6 * cosine(first.sentence, second.sentence))
    shared = argument * argument_affinity(first, second) if argument else 0.0
    if first.lemma == second.lemma:
        kind = LEMMA
    else:
        frame = FRAME if first.frame is not None and first.frame == second.frame else 0.0
        kind = max(frame, synonym * meaning_affinity(first.vector, second.vector))
    return kind + SENTENCE * wording + shared


def document_blocks(
    mentions: Sequence[Mention],
    *,
    document_threshold: float = DOCUMENT_THRESHOLD,
    meaning: float = DOCUMENT_MEANING,
) -> list[list[Mention]]:
    """Within each topic, documents clustered by their wording (and, up to ``meaning``, by what
    they mean); their mentions, one block each."""
    found = []
    for block in _blocks(mentions):
        docs = sorted({mention.doc for mention in block})
        words = {mention.doc: mention.document for mention in block}
        vectors: dict[str, np.ndarray | None] = {}
        for mention in block:
            vectors.setdefault(mention.doc, mention.document_vector)

        def alike(
            first: int,
            second: int,
            docs: list[str] = docs,
            words: dict[str, Any] = words,
            vectors: dict[str, np.ndarray | None] = vectors,
        ) -> float:
            one, other = docs[first], docs[second]
            told = meaning_affinity(vectors[one], vectors[other], floor=DOCUMENT_FLOOR)
            return cosine(words[one], words[other]) + meaning * told

        groups = _cluster(len(docs), alike, document_threshold)
        for group in groups:
            chosen = {docs[item] for item in group}
            found.append([mention for mention in block if mention.doc in chosen])
    return found


def fusion_clusters(
    mentions: Sequence[Mention],
    *,
    threshold: float = THRESHOLD,
    document_threshold: float = DOCUMENT_THRESHOLD,
    synonym: float = SYNONYM,
    argument: float = ARGUMENT,
) -> list[set[str]]:
    """Mentions blocked by topic and document group, linked and clustered as fusion does."""
    found: list[set[str]] = []
    for block in document_blocks(mentions, document_threshold=document_threshold):

        def score(first: int, second: int, block: list[Mention] = block) -> float:
            return similarity(block[first], block[second], synonym=synonym, argument=argument)

        groups = _cluster(len(block), score, threshold)
        found.extend({block[item].id for item in group} for group in groups)
    return found


def _cluster(count: int, score: Callable[[int, int], float], threshold: float) -> list[list[int]]:
    links = [
        (value, i, j)
        for i in range(count)
        for j in range(i + 1, count)
        if (value := score(i, j)) >= threshold
    ]
    return cluster(range(count), links, score=score, threshold=threshold)


def lemma_clusters(mentions: Sequence[Mention], *, by_subtopic: bool = False) -> list[set[str]]:
    """The baseline: one cluster per topic (or gold sub-topic) and head lemma."""
    found: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    for mention in mentions:
        key = mention.subtopic if by_subtopic else mention.topic
        found[key, mention.head_lemma].add(mention.id)
    return list(found.values())


def _blocks(mentions: Sequence[Mention]) -> list[list[Mention]]:
    by_topic: defaultdict[str, list[Mention]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: m.id):
        by_topic[mention.topic].append(mention)
    return [by_topic[topic] for topic in sorted(by_topic)]


def gold_clusters(mentions: Sequence[Mention]) -> list[set[str]]:
    found: defaultdict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        found[mention.chain].add(mention.id)
    return list(found.values())


def run_ecbplus(
    *, data_dir: Path, command: str, read: Callable[[Path], list[Mention]] = read_mentions
) -> BenchResult:
    """The ECB+ figures; ``read`` reads the mentions (the runner shares one embedding)."""
    path = data_dir / FOLDER / MENTIONS
    if not path.is_file():
        return BenchResult(name=NAME, status="skipped", reason=f"{path} not found")
    started = time.perf_counter()
    mentions = read(path)
    gold = gold_clusters(mentions)
    systems = {
        "fusion": coref_scores(gold, fusion_clusters(mentions)),
        "lemmas and frames alone": coref_scores(gold, fusion_clusters(mentions, synonym=0.0)),
        "same-lemma baseline": coref_scores(gold, lemma_clusters(mentions)),
        "same lemma, gold sub-topics": coref_scores(
            gold, lemma_clusters(mentions, by_subtopic=True)
        ),
    }
    docs = len({m.doc for m in mentions})
    dataset = f"{FOLDER}/{MENTIONS} ({len(mentions)} mentions, {len(gold)} chains, {docs} docs)"
    figures = [
        figure
        for system, scores in systems.items()
        for figure in _figures(system, scores, dataset=dataset, size=len(mentions), command=command)
    ]
    return BenchResult(
        name=NAME,
        status="ok",
        figures=tuple(figures),
        tables=(_table(systems),),
        seconds=time.perf_counter() - started,
        details={
            "document_threshold": DOCUMENT_THRESHOLD,
            "threshold": THRESHOLD,
            "weights": {
                "lemma": LEMMA,
                "frame": FRAME,
                "sentence": SENTENCE,
                "synonym": SYNONYM,
                "document meaning": DOCUMENT_MEANING,
            },
            "trigger meanings": all(m.vector is not None for m in mentions),
        },
    )


def _figures(
    system: str, scores: CorefScores, *, dataset: str, size: int, command: str
) -> list[Figure]:
    gated = system == "fusion"
    values = {
        "MUC F1": scores.muc.f1,
        "B3 F1": scores.b_cubed.f1,
        "CEAF-e F1": scores.ceaf_e.f1,
        "CoNLL F1": scores.conll_f1,
    }
    return [
        Figure(
            name=f"ecbplus: {system} {measure}",
            value=value,
            unit="share",
            better="higher" if gated else None,  # no direction: never gated
            dataset=dataset,
            size=size,
            command=command,
            note="" if gated else "not gated: a reference to read the fusion figures against",
        )
        for measure, value in values.items()
    ]


def _table(systems: dict[str, CorefScores]) -> Table:
    rows = []
    for system, scores in systems.items():
        parts = (scores.muc, scores.b_cubed, scores.ceaf_e)
        cells = [f"{part.precision:.3f} / {part.recall:.3f} / {part.f1:.3f}" for part in parts]
        rows.append((system, *cells, f"{scores.conll_f1:.3f}"))
    return Table(
        title="ECB+ validation: cross-document event coreference (P / R / F1)",
        columns=("system", "MUC", "B3", "CEAF-e", "CoNLL F1"),
        rows=tuple(rows),
    )
