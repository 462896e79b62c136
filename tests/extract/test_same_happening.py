"""The same-happening pair head: average linkage that never chains across a veto, the vetoes
read from small hand-written reports, and whole reports through the pipeline (a strike told in
the headline, lede and body is one event; two strikes in two towns the same day are two)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from frontlines.document import Document
from frontlines.embeddings import tokenizer_path
from frontlines.errors import ConfigError
from frontlines.extract.classify import Context
from frontlines.extract.event_filter import Head
from frontlines.extract.mentions import EventMention
from frontlines.extract.quantities import Figures
from frontlines.extract.roles import Roles
from frontlines.extract.same_happening import (
    EMBEDDED,
    MODEL_FILE,
    PAIR_FEATURES,
    Candidate,
    SameHappening,
    linked_groups,
    pair_row,
    retold,
    rule_groups,
    vetoed,
)
from frontlines.model import SUB_EVENT_TYPES, ActorRef, Event, Location
from frontlines.pipeline import Pipeline, run_stage
from frontlines.readers.common import make_article
from frontlines.settings import Settings
from frontlines.stages.events import Events, EventsConfig, event_candidates
from frontlines.stages.resources import Resources

RETOLD = (
    "Airstrike kills 12 at market in Idlib.\n"
    "An airstrike on a crowded market in the Syrian city of Idlib killed 12 civilians on Tuesday, "
    "rescuers said.\n"
    "The White Helmets said the jets struck shortly after noon.\n"
    "The bombing of the market was the deadliest in the province this month.\n"
    "The government has not commented."
)
TWO_TOWNS = (
    "Russian forces shelled Kharkiv on Monday, killing three people, the regional governor said.\n"
    "On the same day, Russian artillery shelled Zaporizhzhia, wounding five residents.\n"
    "The shelling of Kharkiv destroyed a school.\n"
    "In Zaporizhzhia, the shells hit a hospital courtyard."
)
PUBLISHED = date(2024, 3, 6)


def test_groups_join_the_best_pair_first_and_stop_at_the_threshold() -> None:
    scores = {(0, 1): 0.9, (0, 2): 0.2, (1, 2): 0.3, (0, 3): 0.1, (1, 3): 0.1, (2, 3): 0.8}
    assert linked_groups(4, scores, set(), threshold=0.5) == [[0, 1], [2, 3]]
    assert linked_groups(4, scores, set(), threshold=0.95) == [[0], [1], [2], [3]]


def test_groups_never_chain_across_a_veto() -> None:
    # A–B and B–C score high, but A and C are vetoed (two towns): B joins one of them only.
    scores = {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.9}
    groups = linked_groups(3, scores, {(0, 2)}, threshold=0.5)
    assert groups == [[0, 1], [2]]


def test_average_linkage_keeps_a_group_whose_mean_falls_short_apart() -> None:
    # C scores high with A but low with B: the mean over the group stays under the threshold.
    scores = {(0, 1): 0.9, (0, 2): 0.7, (1, 2): 0.1}
    assert linked_groups(3, scores, set(), threshold=0.5) == [[0, 1], [2]]


@pytest.fixture(scope="module")
def candidates_of(resources: Resources) -> Callable[[str], list[Candidate]]:
    pipeline = Pipeline.from_settings(Settings.from_env({}), resources=resources)
    stage = next(s for s in pipeline.stages if isinstance(s, Events))
    before = pipeline.stages[: pipeline.stages.index(stage)]

    def read(text: str) -> list[Candidate]:
        doc = Document(article=make_article(text, origin="test", published=PUBLISHED))
        for step in before:
            doc = run_stage(step, doc)
        found = event_candidates(
            doc, lexicon=stage.lexicon, forces_of=stage.forces_of, countries=stage.countries
        )
        return found.candidates

    return read


@pytest.mark.slow
def test_strikes_in_two_towns_are_vetoed(candidates_of: Callable[[str], list[Candidate]]) -> None:
    found = candidates_of(TWO_TOWNS)
    towns = [c for c in found if c.towns]
    assert len(towns) >= 2
    kharkiv = next(c for c in towns if "Kharkiv" in c.towns)
    zaporizhzhia = next(c for c in towns if "Zaporizhzhya" in c.towns)
    assert vetoed(kharkiv, zaporizhzhia) == "towns"


def _acled(events: tuple[Event, ...]) -> list[Event]:
    return [event for event in events if event.event_type is not None]


@pytest.mark.slow
@pytest.mark.skipif(not tokenizer_path().is_file(), reason="MiniLM tokenizer absent: make setup")
@pytest.mark.parametrize("joined", [True, False])
def test_a_strike_told_in_headline_lede_and_body_is_one_event(
    resources: Resources, joined: bool
) -> None:
    settings = Settings.from_env({}, join_retellings=joined)
    pipeline = Pipeline.from_settings(settings, resources=resources)
    events = _acled(pipeline(make_article(RETOLD, origin="test", published=PUBLISHED)).events)
    assert len(events) == 1
    assert events[0].sub_event_type == "Air/drone strike"
    assert events[0].fatalities == 12
    told = {RETOLD[: m.start].count("\n") for m in events[0].evidence}  # line numbers
    assert {1, 2, 3} <= told


@pytest.mark.slow
@pytest.mark.skipif(not tokenizer_path().is_file(), reason="MiniLM tokenizer absent: make setup")
def test_two_strikes_in_two_towns_the_same_day_are_two_events(resources: Resources) -> None:
    pipeline = Pipeline.from_settings(Settings.from_env({}), resources=resources)
    events = _acled(pipeline(make_article(TWO_TOWNS, origin="test", published=PUBLISHED)).events)
    places = sorted(e.location.name or "" for e in events if e.location is not None)
    assert places == ["Kharkiv", "Zaporizhzhya"]
    assert [e.fatalities for e in events if e.location and e.location.name == "Kharkiv"] == [3]


def _head_file(path: Path, width: int) -> Path:
    np.savez(
        path,
        weights=np.ones(width),
        bias=np.float64(0.0),
        mean=np.zeros(width),
        scale=np.ones(width),
        threshold=np.float64(0.5),
    )
    return path


def test_a_head_of_another_width_is_refused(tmp_path: Path) -> None:
    stale = _head_file(tmp_path / "stale.npz", len(PAIR_FEATURES) - 1)
    with pytest.raises(ConfigError, match="features"):
        SameHappening.load(embedder=None, model_file=str(stale))
    fresh = _head_file(tmp_path / "fresh.npz", len(PAIR_FEATURES))
    loaded = SameHappening.load(embedder=None, model_file=str(fresh))
    assert loaded.head is not None and loaded.head.threshold == 0.5


def test_the_setting_reaches_the_stage_config() -> None:
    assert Settings.from_env({"FRONTLINES_JOIN_RETELLINGS": "0"}).join_retellings is False
    assert Settings.from_env({}).join_retellings is True


DAY = date(2024, 3, 5)
KHARKIV = (49.99, 36.23)
ODESA = (46.48, 30.72)
REBELS = ActorRef(id="rebels", name="Rebels", kind="rebel group")
ARMY = ActorRef(id="army", name="Army", kind="state forces")


def _told(
    sub_event_type: str,
    *sentences: int,
    at: tuple[float, float] = KHARKIV,
    town: str = "Kharkiv",
    actor1: ActorRef | None = None,
    actor2: ActorRef | None = None,
    ordinal: str | None = None,
    day: date = DAY,
) -> Candidate:
    """A would-be event told in ``sentences`` (one mention each), as the rules build it."""
    mentions = tuple(
        EventMention(
            sentence=n,
            start=100 * n,
            end=100 * n + 50,
            head=0,
            triggers=(),
            status="strong",
            family="violence",
            context=Context(frames=frozenset()),
            roles=Roles(),
            event_type=("Explosions/Remote violence", sub_event_type),
            date=None,
            iterative=False,
            figures=Figures(),
            certainty="reported",
            sources=(),
            ordinal=ordinal,
        )
        for n in sentences
    )
    event = Event(
        id=f"e{sentences[0]}-{sub_event_type}",
        event_date=day,
        date_precision="day",
        event_type=SUB_EVENT_TYPES[sub_event_type],
        sub_event_type=sub_event_type,
        actor1=actor1,
        actor2=actor2,
        location=Location(name=town, country="Ukraine", latitude=at[0], longitude=at[1]),
    )
    return Candidate(cluster=mentions, event=event, towns=frozenset({town}))


def test_two_types_read_from_one_sentence_are_one_happening() -> None:
    bomb, attack = _told("Suicide bomb", 4), _told("Attack", 4)
    assert retold(bomb, attack) == "one sentence"
    # "shelling of rebel areas ... shelling by the rebels": the same words, opposite sides.
    on_rebels = _told("Shelling/artillery/missile attack", 6, actor2=REBELS)
    by_rebels = _told("Shelling/artillery/missile attack", 6, actor1=REBELS)
    assert retold(on_rebels, by_rebels) is None


def test_the_same_count_is_the_same_happening_and_another_count_never() -> None:
    told = _told("Remote explosive/landmine/IED", 2, ordinal="second")
    again = _told("Suicide bomb", 11, ordinal="second")
    assert retold(told, again) == "counted alike"
    first = _told("Suicide bomb", 11, ordinal="first")
    assert vetoed(told, first) == "counted"
    assert retold(told, first) is None


def test_the_lede_retold_in_the_body_is_one_happening_only_nearby_and_in_its_town() -> None:
    lede = _told("Air/drone strike", 1, actor1=ARMY)
    body = _told("Air/drone strike", 4)
    assert retold(lede, body) == "lede retold"
    far_on = _told("Air/drone strike", 12)
    assert retold(lede, far_on) is None
    elsewhere = _told("Air/drone strike", 4, at=ODESA, town="Odesa")
    assert vetoed(lede, elsewhere) == "towns"
    assert retold(lede, elsewhere) is None
    by_others = _told("Air/drone strike", 4, actor1=REBELS)
    assert retold(lede, by_others) is None
    next_day = _told("Air/drone strike", 4, day=date(2024, 3, 7))
    assert vetoed(lede, next_day) == "dates"
    shelled = _told("Shelling/artillery/missile attack", 4)
    assert vetoed(lede, shelled) == "means"


def test_a_lede_summing_strikes_on_several_towns_joins_each_towns_own_telling() -> None:
    # "Two bombings killed 48 in Kharkiv and Odesa": the lede told once per town (split_towns).
    lede = [
        replace(
            _told("Suicide bomb", 0, town=t, at=at),
            cluster=tuple(
                replace(m, site=(0, 7)) for m in _told("Suicide bomb", 0, town=t, at=at).cluster
            ),
        )
        for t, at in (("Kharkiv", KHARKIV), ("Odesa", ODESA))
    ]
    far_on = _told("Attack", 14, town="Odesa", at=ODESA, actor1=REBELS)
    assert retold(lede[1], far_on) == "lede town retold"
    assert vetoed(lede[0], far_on) == "towns"
    assert retold(lede[0], far_on) is None
    # A lede that names its one town is not a summary: far on, it is another strike.
    whole = _told("Suicide bomb", 0, town="Odesa", at=ODESA)
    assert retold(whole, far_on) is None
    next_day = _told("Attack", 14, town="Odesa", at=ODESA, day=date(2024, 3, 7))
    assert retold(lede[1], next_day) is None


def test_the_rules_join_by_complete_linkage() -> None:
    # The lede's strike in Kharkiv, told again in the body; a strike on Odesa stays apart, and
    # so does one the Kharkiv strike's retelling would have let in alone.
    found = [
        _told("Air/drone strike", 1),
        _told("Air/drone strike", 3),
        _told("Air/drone strike", 5, at=ODESA, town="Odesa"),
    ]
    assert rule_groups(found) == [[0, 1], [2]]
    report = [(n, n + 1) for n in range(12)]
    assert SameHappening().groups(found, text="", sentences=report) == [[0, 1], [2]]
    # A note of a few sentences tells its news once: nothing is joined there.
    note = report[:5]
    assert SameHappening().groups(found, text="", sentences=note) == [[0], [1], [2]]


def _silent_head(width: int, *, threshold: float = 0.5) -> Head:
    """A head that takes no pair for one happening (every score near 0)."""
    return Head(
        weights=np.zeros(width),
        bias=-20.0,
        mean=np.zeros(width),
        scale=np.ones(width),
        threshold=threshold,
    )


def test_both_raises_the_pairs_the_rules_join_and_model_alone_does_not() -> None:
    found = [
        _told("Air/drone strike", 1),
        _told("Air/drone strike", 3),
        _told("Air/drone strike", 5, at=ODESA, town="Odesa"),
    ]
    text = "".join(f"Sentence {n} of the report." + " " * 73 for n in range(12))
    report = [(100 * n, 100 * n + 27) for n in range(12)]
    head = _silent_head(len(PAIR_FEATURES))
    both = SameHappening(head=head, rules=True)
    scores, vetoes = both.scores(found, text=text, sentences=report)
    assert scores[(0, 1)] == 1.0  # the lede retold, by the rules
    assert scores[(0, 2)] < 0.01 and (0, 2) in vetoes  # two towns
    assert both.groups(found, text=text, sentences=report) == [[0, 1], [2]]
    alone = SameHappening(head=head, rules=False)
    assert alone.groups(found, text=text, sentences=report) == [[0], [1], [2]]


def test_a_pair_row_reads_the_distance_and_leaves_the_cosines_at_zero_without_embeddings() -> None:
    kharkiv, odesa = _told("Air/drone strike", 1), _told("Air/drone strike", 5, at=ODESA)
    row = dict(zip(PAIR_FEATURES, pair_row(kharkiv, odesa, vectors=None, lexicon={}), strict=True))
    assert 6.0 < row["place km"] < 7.0  # log(1 + ~480 km)
    assert row["same place"] == 0.0
    assert all(row[name] == 0.0 for name in EMBEDDED)
    assert row["first in lede"] == 1.0 and row["sentence gap"] == pytest.approx(np.log1p(4))


def test_the_shipped_head_loads_for_every_feature_and_without_embeddings() -> None:
    plain = SameHappening.load(embedder=None, model_file=MODEL_FILE)
    assert plain.head is not None and plain.head.weights.shape == (len(PAIR_FEATURES),)
    # Without the tokenizer, the head fitted with the cosines at 0 is read: it gives them no
    # weight, and it scores a probability for a row of every feature.
    cosines = [PAIR_FEATURES.index(name) for name in EMBEDDED]
    assert np.all(plain.head.weights[cosines] == 0.0)
    score = plain.head.scores(np.zeros((1, len(PAIR_FEATURES))))
    assert 0.0 < float(score[0]) < 1.0


def test_the_retellings_setting_picks_the_joining() -> None:
    assert Settings.from_env({}).retellings == "rules"
    assert Settings.from_env({"FRONTLINES_RETELLINGS": "both"}).retellings == "both"
    assert EventsConfig(retellings="model").retellings == "model"
    with pytest.raises(ConfigError, match="retellings"):
        EventsConfig(retellings="sometimes")


@pytest.mark.slow
@pytest.mark.skipif(not tokenizer_path().is_file(), reason="MiniLM tokenizer absent: make setup")
@pytest.mark.parametrize("mode", ["model", "both"])
def test_the_learned_joining_keeps_strikes_in_two_towns_apart(
    resources: Resources, mode: str
) -> None:
    settings = Settings.from_env({"FRONTLINES_RETELLINGS": mode})
    pipeline = Pipeline.from_settings(settings, resources=resources)
    analysis = pipeline(make_article(TWO_TOWNS, origin="test", published=PUBLISHED))
    places = sorted(e.location.name or "" for e in _acled(analysis.events) if e.location)
    assert places == ["Kharkiv", "Zaporizhzhya"]
    assert any(f"retold-{mode}" in stage.version for stage in analysis.pipeline)
