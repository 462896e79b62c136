"""Which candidate events of one article tell the same happening (a retelling).

``merge`` groups mentions one by one, from the rules; a report still often tells its happening
again in words the rules cannot tie back (the headline, the lede, a paragraph further down with
another verb and no actor in common). Here every pair of the article's candidate events is scored
by a small logistic head (``models/same_happening/head.npz``, trained by
``scripts/train_same_happening.py``, provenance in ``training/same_happening/README.md``) over
``PAIR_FEATURES``: kind, date, place, actors and toll agreement, word overlap and the MiniLM
cosine of their sentences, how far apart they are told, whether one is in the headline or lede.

Pairs are joined by average linkage: two groups join when the mean score over all their pairs
reaches the head's threshold and no pair among them is vetoed, so A–B–C never chains where A and C
cannot be one happening. The vetoes are hard: happenings of different families, in different
towns, counted apart ("the second bombing", "another attack"), struck by different means, or dated
more than a day apart are never one.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

from frontlines.errors import ConfigError
from frontlines.extract.event_filter import FAMILIES, Head
from frontlines.extract.happenings import SHORT
from frontlines.extract.mentions import EventMention
from frontlines.extract.merge import FRESH, MEANS, REACH, anchor
from frontlines.model import Event

if TYPE_CHECKING:
    from frontlines.embeddings import SentenceEmbedder

log = logging.getLogger(__name__)

MODEL_FILE = "models/same_happening/head.npz"
# The headline and the first sentence of the body.
LEDE = 2
# Places this close are one town (as ``stages.events.TOWN_KM``).
TOWN_KM = 25.0
# Words too common to tie two sentences together.
SHORT_WORD = 4
WORD = re.compile(r"[a-z]+")
PAIR_FEATURES = (
    "same type",
    "same sub-type",
    "same day",
    "one undated",
    "same place",
    "one unplaced",
    "place km",
    "shared actor",
    "actor clash",
    "same toll",
    "tolls differ",
    "word overlap",
    "best cosine",
    "main cosine",
    "sentence gap",
    "first in lede",
    "later refers",
    "later strong",
)

# The towns (not countries) a mention names.
PlacesOf = Callable[[EventMention], frozenset[str]]


@dataclass(frozen=True)
class Candidate:
    """One would-be event: its mentions, the event built from them and the towns they name."""

    cluster: tuple[EventMention, ...]
    event: Event
    towns: frozenset[str]

    @property
    def sentences(self) -> list[int]:
        return sorted({mention.sentence for mention in self.cluster})


def candidate(
    cluster: Sequence[EventMention], event: Event, *, places: PlacesOf | None
) -> Candidate:
    """A candidate, its towns read from the mentions that are not a name for a happening
    ("Saturday's attack" may be spoken of anywhere)."""
    towns = frozenset[str]().union(
        *(places(m) for m in cluster if not m.refers) if places is not None else ()
    )
    return Candidate(cluster=tuple(cluster), event=event, towns=towns)


def family_of(event: Event) -> int:
    return next((n for n, types in enumerate(FAMILIES) if event.event_type in types), -1)


def vetoed(first: Candidate, later: Candidate) -> str | None:
    """Why two candidates can never be one happening, or None."""
    one, two = first.event, later.event
    if family_of(one) != family_of(two):
        return "family"
    if first.towns and later.towns and not first.towns & later.towns:
        return "towns"
    counts = {m.ordinal for m in first.cluster} - {None}
    theirs = {m.ordinal for m in later.cluster} - {None}
    if theirs & FRESH or (counts and theirs and not counts & theirs):
        return "counted"
    means = {MEANS[e.sub_event_type] for e in (one, two) if e.sub_event_type in MEANS}
    if len(means) > 1:
        return "means"
    if one.event_date is not None and two.event_date is not None:
        days = abs((one.event_date - two.event_date).days)
        if one.date_precision == "day" and two.date_precision == "day" and days > 1:
            return "dates"
    return None


def opposed(one: Event, two: Event) -> bool:
    """Whether the two name different sides: another actor where both name the one who acted, or
    one's actor the other's target (outside battles, where either side may be named first)."""
    battles = one.event_type == "Battles" and two.event_type == "Battles"
    if battles:
        ours = {ref.id for ref in (one.actor1, one.actor2) if ref is not None}
        theirs = {ref.id for ref in (two.actor1, two.actor2) if ref is not None}
        return len(ours) == len(theirs) == 2 and ours != theirs
    if one.actor1 is not None and two.actor1 is not None and one.actor1.id != two.actor1.id:
        return True
    return any(
        a is not None and b is not None and a.id == b.id
        for a, b in ((one.actor1, two.actor2), (one.actor2, two.actor1))
    )


def retold(first: Candidate, later: Candidate) -> str | None:
    """Why the rules take ``later`` for ``first``'s happening told again, or None:

    - "one sentence": both are read from the same sentences and no other ("a second suicide
      bombing took place": an explosion and an attack), of one family, by no other side;
    - "counted alike": both are counted by the same word ("the second bombing occurred in
      Kabul" ... "a second suicide bombing took place in Massoud Square"), of one family, by no
      other side;
    - "lede retold": the headline or lede tells a happening and, within ``REACH`` sentences, the
      body tells one of the same type, on the same day, at the same place, by no other side;
    - "lede town retold": the headline or lede sums strikes on several towns in one sentence
      ("two suicide bombings killed 48 in Charikar and Kabul", split one telling per town by
      ``split_towns``) and the body tells, however far on, a happening of the same family, on
      the same day, in that telling's own town, by no other side: each town's summary is the
      one happening the lede counts there.

    Never where a veto parts them."""
    if vetoed(first, later) is not None or opposed(first.event, later.event):
        return None
    if first.sentences == later.sentences:
        return "one sentence"
    counts = {m.ordinal for m in first.cluster} & {m.ordinal for m in later.cluster} - {None}
    if counts:
        return "counted alike"
    one, two = first.event, later.event
    if (
        first.sentences[0] < LEDE
        and one.event_type == two.event_type
        and one.event_date is not None
        and one.event_date == two.event_date
        and _near(one, two)
        and later.sentences[0] - first.sentences[-1] <= REACH
    ):
        return "lede retold"
    if (
        first.sentences[-1] < LEDE
        and all(m.site is not None for m in first.cluster)
        and first.towns & later.towns
        and one.event_date is not None
        and one.event_date == two.event_date
    ):
        return "lede town retold"
    return None


def words(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(text.lower()) if len(w) >= SHORT_WORD)


def pair_row(
    first: Candidate,
    later: Candidate,
    *,
    vectors: dict[int, np.ndarray] | None,
    lexicon: dict[int, frozenset[str]],
) -> list[float]:
    """The features named in ``PAIR_FEATURES``, in that order (``first`` told first)."""
    one, two = first.event, later.event
    dated = one.event_date is not None and two.event_date is not None
    placed = _point(one) is not None and _point(two) is not None
    ids_one = {ref.id for ref in (one.actor1, one.actor2) if ref is not None}
    ids_two = {ref.id for ref in (two.actor1, two.actor2) if ref is not None}
    clash = one.actor1 is not None and two.actor1 is not None and one.actor1.id != two.actor1.id
    tolls = one.fatalities is not None and two.fatalities is not None
    ours = frozenset[str]().union(*(lexicon.get(i, frozenset()) for i in first.sentences))
    theirs = frozenset[str]().union(*(lexicon.get(i, frozenset()) for i in later.sentences))
    overlap = len(ours & theirs) / len(ours | theirs) if ours | theirs else 0.0
    best, main = 0.0, 0.0
    if vectors:
        best = max(
            (float(vectors[a] @ vectors[b]) for a in first.sentences for b in later.sentences),
            default=0.0,
        )
        main = float(
            vectors[anchor(first.cluster).sentence] @ vectors[anchor(later.cluster).sentence]
        )
    gap = max(0, later.sentences[0] - first.sentences[-1])
    return [
        float(one.event_type == two.event_type),
        float(one.sub_event_type == two.sub_event_type),
        float(dated and one.event_date == two.event_date),
        float(not dated),
        float(placed and _near(one, two)),
        float(not placed),
        _log_km(one, two),
        float(bool(ids_one & ids_two)),
        float(clash),
        float(tolls and one.fatalities == two.fatalities),
        float(tolls and one.fatalities != two.fatalities),
        overlap,
        best,
        main,
        float(np.log1p(gap)),
        float(first.sentences[0] < LEDE),
        float(any(m.refers for m in later.cluster)),
        float(anchor(later.cluster).status == "strong"),
    ]


def _point(event: Event) -> tuple[float, float] | None:
    place = event.location
    if place is None or place.latitude is None or place.longitude is None:
        return None
    return (place.latitude, place.longitude)


def _log_km(one: Event, two: Event) -> float:
    """log(1 + km) between the two places, 0 where either is unplaced."""
    a, b = _point(one), _point(two)
    return float(np.log1p(_km(a, b))) if a is not None and b is not None else 0.0


def _near(one: Event, two: Event) -> bool:
    a, b = _point(one), _point(two)
    return a is not None and b is not None and _km(a, b) <= TOWN_KM


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (extract sits beside ``geo``, so it cannot borrow its geometry)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def pair_rows(
    candidates: Sequence[Candidate],
    *,
    text: str,
    sentences: Sequence[tuple[int, int]],
    embedder: SentenceEmbedder | None,
) -> tuple[list[tuple[int, int]], np.ndarray, list[bool]]:
    """Every pair (i < j) of candidates, its feature row, and whether a veto parts it."""
    wanted = sorted({i for c in candidates for i in c.sentences if i < len(sentences)})
    lexicon = {i: words(text[slice(*sentences[i])]) for i in wanted}
    vectors: dict[int, np.ndarray] | None = None
    if embedder is not None and wanted:
        found = embedder.embed([text[slice(*sentences[i])] for i in wanted])
        vectors = dict(zip(wanted, found, strict=True))
    pairs, rows, vetoes = [], [], []
    for j, later in enumerate(candidates):
        for i in range(j):
            first = candidates[i]
            pairs.append((i, j))
            rows.append(pair_row(first, later, vectors=vectors, lexicon=lexicon))
            vetoes.append(vetoed(first, later) is not None)
    width = len(PAIR_FEATURES)
    return pairs, np.asarray(rows, dtype=np.float64).reshape(-1, width), vetoes


def linked_groups(
    size: int,
    scores: dict[tuple[int, int], float],
    vetoes: set[tuple[int, int]],
    *,
    threshold: float,
) -> list[list[int]]:
    """Average-linkage groups of ``size`` items: the two groups of the highest mean pair score
    join while it reaches ``threshold`` and no pair across them is vetoed; groups in order of
    their first item."""
    groups = [[n] for n in range(size)]
    while True:
        best: tuple[float, int, int] | None = None
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                across = [(min(x, y), max(x, y)) for x in groups[a] for y in groups[b]]
                if any(pair in vetoes for pair in across):
                    continue
                mean = float(np.mean([scores[pair] for pair in across]))
                if mean >= threshold and (best is None or mean > best[0]):
                    best = (mean, a, b)
        if best is None:
            return sorted(sorted(group) for group in groups)
        _, a, b = best
        groups[a] = groups[a] + groups[b]
        del groups[b]


def rule_groups(candidates: Sequence[Candidate]) -> list[list[int]]:
    """The candidates (by index) ``retold`` joins, by complete linkage: a group joins another
    only when the rules take every pair across them for one happening."""
    scores = {
        (i, j): float(retold(candidates[i], candidates[j]) is not None)
        for j in range(len(candidates))
        for i in range(j)
    }
    return linked_groups(len(candidates), scores, set(), threshold=1.0)


# The features read from the MiniLM embedder: 0 where it is absent, and a head fitted with them
# at 0 (``plain`` in the model file) scores the pairs instead.
EMBEDDED = ("best cosine", "main cosine")
# How the head and the ``retold`` rules combine: the head alone, or a pair the rules join
# scoring 1 whatever the head says.
MODES = ("model", "both")


def read_head(saved: Any, prefix: str = "") -> Head:
    """The logistic head stored under ``prefix`` in an npz of the training script."""
    head = Head(
        weights=saved[prefix + "weights"],
        bias=float(saved[prefix + "bias"]),
        mean=saved[prefix + "mean"],
        scale=saved[prefix + "scale"],
        threshold=float(saved[prefix + "threshold"]),
    )
    if head.weights.shape != (len(PAIR_FEATURES),):
        raise ConfigError(
            f"the same-happening head reads {head.weights.shape[0]} features, not the "
            f"{len(PAIR_FEATURES)} of this frontlines: run scripts/train_same_happening.py"
        )
    return head


@dataclass(frozen=True)
class SameHappening:
    """Which candidates tell one happening: the learned pair head over ``PAIR_FEATURES`` where one
    is given (with the embedder it reads: None, the head fitted without the cosines), its scores
    raised to 1 on the pairs the ``retold`` rules join where ``rules`` is set; else the rules
    alone."""

    head: Head | None = None
    embedder: SentenceEmbedder | None = None
    rules: bool = True

    @classmethod
    def load(
        cls,
        *,
        embedder: SentenceEmbedder | None,
        model_file: str = MODEL_FILE,
        rules: bool = True,
    ) -> SameHappening:
        """The learned head of ``model_file`` (inside the package, or a path): the one fitted
        with the MiniLM cosines, or without them where ``embedder`` is None (the tokenizer
        absent) and the file holds one."""
        path = resources.files("frontlines.extract").joinpath(model_file)
        if not path.is_file():
            raise ConfigError(
                f"the same-happening head is missing ({path}): "
                "reinstall frontlines or run scripts/train_same_happening.py"
            )
        with path.open("rb") as handle, np.load(handle) as saved:
            plain = embedder is None and "plain_weights" in saved.files
            head = read_head(saved, "plain_" if plain else "")
        return cls(head=head, embedder=embedder, rules=rules)

    def scores(
        self,
        candidates: Sequence[Candidate],
        *,
        text: str,
        sentences: Sequence[tuple[int, int]],
    ) -> tuple[dict[tuple[int, int], float], set[tuple[int, int]]]:
        """Every pair's score (the head's, raised to 1 where the rules join and ``rules`` is
        set) and the vetoed pairs."""
        if self.head is None:
            raise ConfigError("the same-happening pair scores need a learned head")
        pairs, rows, vetoes = pair_rows(
            candidates, text=text, sentences=sentences, embedder=self.embedder
        )
        found = self.head.scores(rows) if len(rows) else np.zeros(0)
        scores = {pair: float(s) for pair, s in zip(pairs, found, strict=True)}
        if self.rules:
            for i, j in pairs:
                if retold(candidates[i], candidates[j]) is not None:
                    scores[(i, j)] = 1.0
        return scores, {pair for pair, v in zip(pairs, vetoes, strict=True) if v}

    def groups(
        self,
        candidates: Sequence[Candidate],
        *,
        text: str,
        sentences: Sequence[tuple[int, int]],
    ) -> list[list[int]]:
        """The candidates (by index) that tell one happening, each group in order. A text of no
        more than ``SHORT`` sentences (a note, a snippet) tells its news once: nothing is joined
        there."""
        if len(candidates) < 2 or len(sentences) <= SHORT:
            return [[n] for n in range(len(candidates))]
        if self.head is None:
            return rule_groups(candidates)
        scores, vetoes = self.scores(candidates, text=text, sentences=sentences)
        return linked_groups(len(candidates), scores, vetoes, threshold=self.head.threshold)
