"""The learned event filter: its features from small hand-made events, its heads' arithmetic, and
what the shipped heads do with a conflict report and with a report of no conflict."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from frontlines.embeddings import SentenceEmbedder, tokenizer_path
from frontlines.errors import ConfigError
from frontlines.extract.event_filter import (
    EVENT_FEATURES,
    EventFilter,
    Head,
    event_row,
    evidence_sentences,
    is_recent,
)
from frontlines.model import ActorRef, Event, Mention

needs_tokenizer = pytest.mark.skipif(
    not tokenizer_path().is_file(), reason="MiniLM tokenizer absent: run make setup"
)


def _event(
    text: str,
    words: str,
    *,
    day: date | None = None,
    precision: str = "day",
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    fatalities: int | None = None,
) -> Event:
    start = text.index(words)
    mention = Mention(text=words, start=start, end=start + len(words))
    return Event(
        id="e",
        event_date=day,
        date_precision=precision if day else "approximate",
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=ActorRef(id="a", name="Army", kind="state forces"),
        fatalities=fatalities,
        evidence=(mention,),
    )


def _bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for line in text.split("\n"):
        bounds.append((start, start + len(line)))
        start += len(line) + 1
    return bounds


def test_evidence_sentences_are_those_holding_a_mention() -> None:
    text = "First line.\nTroops clashed with rebels.\nLast line."
    event = _event(text, "clashed")
    assert evidence_sentences(event, _bounds(text)) == [1]


def test_recent_means_dated_within_days_of_publication() -> None:
    text = "Troops clashed."
    published = date(2024, 3, 10)
    assert is_recent(_event(text, "clashed", day=date(2024, 3, 8)), published)
    assert not is_recent(_event(text, "clashed", day=date(2023, 3, 8)), published)
    assert not is_recent(_event(text, "clashed", day=date(2024, 3, 8)), None)
    assert not is_recent(_event(text, "clashed"), published)


def test_event_row_has_one_value_per_named_feature() -> None:
    text = "Troops clashed with rebels, killing 4."
    event = _event(text, "clashed", day=date(2024, 3, 9), fatalities=4)
    row = event_row(
        event,
        logits=[1.5, -0.5],
        held=[0],
        text_length=len(text),
        published=date(2024, 3, 10),
        lede_similarity=0.9,
    )
    assert len(row) == len(EVENT_FEATURES)
    named = dict(zip(EVENT_FEATURES, row, strict=True))
    assert named["best evidence sentence"] == 1.5
    assert named["mean evidence sentence"] == 0.5
    assert named["recent date"] == 1.0
    assert named["toll"] == 1.0
    assert named["violence"] == 1.0
    assert named["strategic"] == 0.0


def test_head_is_a_logistic_over_standardised_features() -> None:
    head = Head(
        weights=np.array([2.0, 0.0]),
        bias=0.0,
        mean=np.array([1.0, 5.0]),
        scale=np.array([1.0, 1.0]),
        threshold=0.5,
    )
    scores = head.scores(np.array([[1.0, 9.0], [2.0, 0.0]]))
    assert scores[0] == pytest.approx(0.5)
    assert scores[1] == pytest.approx(1 / (1 + np.exp(-2.0)))


def test_missing_heads_raise_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="event-filter heads"):
        EventFilter.load(embedder=None, model_file="models/no-such/heads.npz")  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def learned() -> EventFilter:
    return EventFilter.load(embedder=SentenceEmbedder.load())


CONFLICT = (
    "Militants kill 14 soldiers in attack on army post in northern Mali\n"
    "Suspected jihadist militants attacked an army post near Boni in central Mali on Sunday, "
    "killing 14 soldiers, the army said.\n"
    "The attackers arrived on motorcycles before dawn and set fire to vehicles.\n"
    "The army said it killed several assailants in the fighting.\n"
    "Mali has struggled to contain an insurgency since 2012."
)
QUIET = (
    "Earthquake kills dozens in western Nepal\n"
    "A magnitude 6.4 earthquake struck western Nepal late on Friday, killing at least 40 people "
    "and flattening hundreds of homes, officials said.\n"
    "Rescue teams worked through the night to reach remote villages.\n"
    "The prime minister flew to the area on Saturday.\n"
    "Nepal lies on a major fault line and suffers frequent quakes."
)


@needs_tokenizer
def test_shipped_heads_keep_a_fresh_attack_over_a_disaster(learned: EventFilter) -> None:
    published = date(2024, 3, 11)
    attack = _event(CONFLICT, "attacked", day=date(2024, 3, 10), fatalities=14)
    quake = _event(
        QUIET,
        "killing",
        day=date(2024, 3, 8),
        event_type="Violence against civilians",
        sub_event_type="Attack",
        fatalities=40,
    )
    fight = learned.judge(
        text=CONFLICT, sentences=_bounds(CONFLICT), events=[attack], published=published
    )
    calm = learned.judge(text=QUIET, sentences=_bounds(QUIET), events=[quake], published=published)
    assert fight.article_score > calm.article_score
    assert fight.event_scores[0] > calm.event_scores[0]
    assert fight.kept == (True,)
    assert learned.keep(
        text=QUIET, sentences=_bounds(QUIET), events=[quake], published=published
    ) == [event for event, kept in zip([quake], calm.kept, strict=True) if kept]


@needs_tokenizer
def test_switched_off_heads_keep_every_candidate(learned: EventFilter) -> None:
    from dataclasses import replace

    quake = _event(QUIET, "killing", day=date(2024, 3, 8), fatalities=40)
    neither = replace(learned, use_events=False, use_article=False)
    verdict = neither.judge(
        text=QUIET, sentences=_bounds(QUIET), events=[quake], published=date(2024, 3, 11)
    )
    assert verdict.kept == (True,)
    assert learned.judge(text=QUIET, sentences=[], events=[], published=None).kept == ()
