from __future__ import annotations

from dataclasses import replace
from datetime import date

from frontlines.bench.realnews_gold import GoldArticle, parse_articles
from frontlines.bench.realnews_scoring import (
    actor_right,
    date_right,
    fatalities_right,
    match_events,
    score_article,
)
from frontlines.model import Actor, ActorRef, Analysis, Article, Event, Location, StageInfo

TEXT = (
    "Militants attacked an army post in Moroto on Saturday, killing three soldiers. "
    "Police said the attack was the worst since 2013, when a bombing killed 40. "
    "Troops were deployed to the area on Sunday."
)
ATTACK = (0, 78)
BACKGROUND = (79, 153)
RESPONSE = (154, len(TEXT))


def gold_article(**overrides: object) -> GoldArticle:
    record: dict[str, object] = {
        "id": "wikievents:doc1",
        "published": "2016-05-16",
        "country": "Uganda",
        "events": [
            {
                "evidence": [list(ATTACK)],
                "event_type": "Battles",
                "sub_event_type": "Armed clash",
                "event_date": "2016-05-14",
                "date_precision": "day",
                "actor1": ["Unidentified Armed Group (Uganda)", "militants"],
                "actor2": ["Military Forces of Uganda (1986-)", "army", "soldiers"],
                "location": {
                    "name": "Moroto",
                    "country": "Uganda",
                    "latitude": 2.53,
                    "longitude": 34.67,
                    "radius_km": 25,
                },
                "fatalities": 3,
            }
        ],
        "not_events": [
            {"evidence": [list(BACKGROUND)], "cause": "background", "note": "2013 bombing"},
            {"evidence": [list(RESPONSE)], "cause": "response", "note": "deployment"},
        ],
    }
    record.update(overrides)
    return parse_articles([record], file="test.yaml")[0]


ARTICLE = Article.create(TEXT, published=date(2016, 5, 16))
MILITANTS = ActorRef(id="a1", name="militants", kind="armed_group")
ARMY = ActorRef(id="a2", name="the army", kind="military")


def event(
    span: tuple[int, int],
    *,
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    day: date | None = date(2016, 5, 14),
    point: tuple[float, float] | None = (2.55, 34.60),
    actor1: ActorRef | None = MILITANTS,
    actor2: ActorRef | None = ARMY,
    fatalities: int | None = 3,
) -> Event:
    evidence = (ARTICLE.mention(*span),)
    location = (
        Location(name="Moroto", country="Uganda", latitude=point[0], longitude=point[1])
        if point
        else None
    )
    return Event(
        id=Event.make_id(ARTICLE.id, evidence),
        event_date=day,
        date_precision="day",
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=actor1,
        actor2=actor2,
        location=location,
        fatalities=fatalities,
        evidence=evidence,
    )


def analysis(*events: Event) -> Analysis:
    army = Actor(id="a2", name="Ugandan army", kind="military", aliases=("UPDF",))
    return Analysis(
        frontlines_version="test",
        pipeline=(StageInfo(name="hand", version="1"),),
        article=ARTICLE,
        events=events,
        actors=(army,),
    )


def test_a_right_event_matches_and_is_right_in_every_field() -> None:
    score = score_article(gold_article(), analysis(event(ATTACK)))
    assert len(score.matched) == 1 and not score.missed and not score.extras
    assert score.matched[0].all_right


def test_extras_take_the_cause_of_the_not_event_they_overlap() -> None:
    predicted = analysis(
        event(ATTACK),
        event(
            BACKGROUND,
            event_type="Explosions/Remote violence",
            sub_event_type="Remote explosive/landmine/IED",
            day=date(2016, 5, 16),
        ),
        event(RESPONSE, day=date(2016, 5, 15), point=None),
    )
    score = score_article(gold_article(), predicted)
    assert [extra.cause for extra in score.extras] == ["background", "response"]


def test_a_second_coding_of_a_gold_event_is_a_retelling_and_others_are_unexplained() -> None:
    predicted = analysis(event(ATTACK), event((0, 40)), event((0, 10), day=None, point=None))
    score = score_article(gold_article(not_events=[]), predicted)
    assert len(score.matched) == 1
    # the third one cannot match (no date, no place) but overlaps the gold evidence too
    assert [extra.cause for extra in score.extras] == ["retelling", "retelling"]
    far = event((79, 100), day=date(2016, 1, 1), point=(0.3, 32.6))
    assert score_article(gold_article(not_events=[]), analysis(far)).extras[0].cause == (
        "unexplained"
    )


def test_matching_needs_the_type_family_and_a_near_date_or_place() -> None:
    gold = gold_article()
    # a riot is a demonstration, not political violence: no match
    riot = event(ATTACK, event_type="Riots", sub_event_type="Violent demonstration")
    assert match_events(gold.events, [riot], aliases={}, kb_names={}) == []
    # same family, a day off, far away: matches on the date, the sub-type is then wrong
    shelling = event(
        ATTACK,
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        day=date(2016, 5, 15),
        point=(0.3, 32.6),
    )
    score = score_article(gold, analysis(shelling))
    assert len(score.matched) == 1
    fields = score.matched[0].fields
    assert fields["event_type"] is False and fields["place"] is False and fields["date"] is False
    # two days off and far away: no match
    late = event(ATTACK, day=date(2016, 5, 17), point=(0.3, 32.6))
    assert match_events(gold.events, [late], aliases={}, kb_names={}) == []
    # two days off but in the gold radius: matches on the place
    assert match_events(
        gold.events, [event(ATTACK, day=date(2016, 5, 17))], aliases={}, kb_names={}
    ) == [(0, 0)]


def test_matching_is_one_to_one_and_prefers_the_overlapping_evidence() -> None:
    gold = gold_article()
    pairs = match_events(gold.events, [event(RESPONSE), event(ATTACK)], aliases={}, kb_names={})
    assert pairs == [(0, 1)]


def test_actors_match_any_acceptable_name_through_aliases_and_the_knowledge_base() -> None:
    names = ("Military Forces of Uganda (1986-)", "army")
    updf = ActorRef(id="kb:updf", name="UPDF", kind="military")
    assert not actor_right(names, updf, aliases={}, kb_names={})
    kb_names = {"kb:updf": ("Military Forces of Uganda",)}
    assert actor_right(names, updf, aliases={}, kb_names=kb_names)
    assert actor_right(names, updf, aliases={"kb:updf": ("the ARMY",)}, kb_names={})
    assert actor_right((), None, aliases={}, kb_names={})
    assert not actor_right((), updf, aliases={}, kb_names={})
    assert not actor_right(names, None, aliases={}, kb_names={})


def test_fatalities_null_counts_as_zero_only_where_the_gold_says_zero() -> None:
    assert fatalities_right(0, None)
    assert fatalities_right(None, None)
    assert not fatalities_right(None, 0)
    assert not fatalities_right(3, None)
    assert fatalities_right(3, 3)


def test_dates_follow_the_gold_precision() -> None:
    day = gold_article().events[0]
    assert date_right(day, date(2016, 5, 14))
    assert not date_right(day, date(2016, 5, 15))
    week = replace(day, date_precision="week")
    assert date_right(week, date(2016, 5, 20)) and not date_right(week, date(2016, 5, 21))
    month = replace(day, date_precision="month")
    assert date_right(month, date(2016, 5, 30)) and not date_right(month, date(2016, 6, 1))
    assert date_right(replace(day, event_date=None), date(2016, 5, 30)) is None


def test_a_non_conflict_article_is_quiet_without_acled_events() -> None:
    gold = gold_article(events=[], not_events=[])
    assert score_article(gold, analysis()).quiet
    assert score_article(gold, None).failed
    loud = score_article(gold, analysis(event(ATTACK)))
    assert loud.non_conflict and not loud.quiet and loud.extras[0].cause == "unexplained"
