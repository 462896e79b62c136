from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from frontlines.extract.background import background_reason, stale
from frontlines.extract.lexicon import Lexicon
from frontlines.extract.triggers import find_triggers

pytestmark = pytest.mark.slow

Parse = Callable[[str], Any]


def _reason(sentence: Parse, lexicon: Lexicon, text: str, word: str) -> str | None:
    parsed = sentence(text)
    triggers = find_triggers(parsed, lexicon)
    token = next(t for t in parsed if t.lower_ == word)
    return background_reason(
        token,
        lexicon=lexicon,
        triggers=frozenset(t.index for t in triggers),
        protests=frozenset(t.index for t in triggers if t.frame == "protest"),
        dated=False,
    )


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Mosul, which the army captured in 2017, is quiet.", "captured"),
        ("Russian forces carried out 400 strikes on 11 settlements in a day.", "strikes"),
        ("A deal would end the fighting in the north.", "fighting"),
        ("Troops were not involved in combat.", "combat"),
        ("The militia had attacked the village before the truce.", "attacked"),
        ("The army was weakened after losing men in clashes with rebels.", "clashes"),
        ("Students protested against the killing of a journalist.", "killing"),
        ("They lack the capacity to sustain an offensive.", "offensive"),
        ("The port has been shelled repeatedly over the years by rebel gunboats.", "shelled"),
        ("Militias have long raided the villages along the valley.", "raided"),
        ("Drone strikes attributed to the rebels have hit the valley.", "strikes"),
        ("Fighting continues in the hills south of the capital.", "fighting"),
        ("Clashes are still continuing in the hills south of the capital.", "clashes"),
        ("Few novels capture the spirit of the uprising.", "capture"),
        ("Nobody was killed in the raid.", "killed"),
        ("The court ordered the police to arrest the suspects.", "arrest"),
        ("No one was injured when the shell landed.", "injured"),
        ("Police have been on alert since gunmen attacked a bus.", "attacked"),
        ("Pockets of IS militants have been mounting lightning attacks.", "attacks"),
        ("He has led operations against the rebels since fighting resumed.", "operations"),
        ("Five soldiers were killed in separate attacks in the south.", "attacks"),
        ("Police arrest an activist during a protest in Baton Rouge, July 9, 2016.", "arrest"),
        ("Bodies of people killed during a rally are seen at the mosque in Conakry.", "killed"),
        ("Sanders captured two party caucuses in Utah and Idaho.", "captured"),
        ("The women fought back tears as they spoke.", "fought"),
        ("Children were among the dead in both attacks.", "attacks"),
        ("Five soldiers were killed in separate attacks in the south.", "killed"),
        ("Eleven people were killed in various places across the state.", "killed"),
        ("The deceased died of different causes, the doctor said.", "died"),
    ],
)
def test_background_context_is_not_news(
    sentence: Parse, lexicon: Lexicon, text: str, word: str
) -> None:
    assert _reason(sentence, lexicon, text, word) is not None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Rebels captured the town on Monday.", "captured"),
        ("Gunmen have attacked a convoy near the border.", "attacked"),
        ("Police arrested five men after the clashes on Sunday.", "arrested"),
        ("Gunmen attacked a market in the past week.", "attacked"),
        ("Fighting continued near the dam.", "fighting"),
        ("A drone strike attributed to the rebels hit a bus.", "strike"),
        ("The attack came on Friday, when gunmen stormed a police post.", "stormed"),
        ("Police arrested an activist during a protest on July 9, 2016.", "arrested"),
    ],
)
def test_background_news_is_kept(sentence: Parse, lexicon: Lexicon, text: str, word: str) -> None:
    assert _reason(sentence, lexicon, text, word) is None


def test_background_stale_dates() -> None:
    published = date(2024, 11, 27)
    assert stale(date(2017, 1, 1), published, precision="approximate")
    assert stale(date(2024, 6, 1), published, precision="day")
    assert not stale(date(2024, 11, 20), published, precision="week")
    assert not stale(date(2017, 1, 1), None, precision="approximate")


def test_background_a_protest_going_on_for_weeks_is_still_news(
    sentence: Parse, lexicon: Lexicon
) -> None:
    text = "Teachers protested in Dhaka, continuing their sit-in for the past three weeks."
    assert _reason(sentence, lexicon, text, "protested") is None
    tally = "So far, 40 people have been killed in police firing for the past three weeks."
    assert _reason(sentence, lexicon, tally, "killed") is not None


def test_background_a_month_is_stale_only_once_it_is_over() -> None:
    published = date(2017, 8, 15)
    assert stale(date(2017, 6, 1), published, precision="day")
    assert stale(date(2017, 5, 1), published, precision="month")
    assert not stale(date(2017, 8, 1), published, precision="month")  # "in August": news


def test_background_a_week_or_month_over_before_the_report_is_context() -> None:
    # A report dates its own happenings by the day: "in April" read on 12 May, "last week"
    # (from Monday 1 February) read on Wednesday 10 February tell earlier happenings.
    assert stale(date(2016, 4, 1), date(2016, 5, 12), precision="month")
    assert stale(date(2016, 2, 1), date(2016, 2, 10), precision="week")
    assert stale(date(2017, 12, 1), date(2018, 1, 5), precision="month")
    # "last week" read on a Monday, "this week", "this month": the reporting days.
    assert not stale(date(2016, 2, 1), date(2016, 2, 8), precision="week")
    assert not stale(date(2016, 2, 8), date(2016, 2, 10), precision="week")
    assert not stale(date(2016, 6, 1), date(2016, 6, 21), precision="month")
    # A day is news for longer: a report may tell a happening of ten days ago by its day.
    assert not stale(date(2016, 2, 1), date(2016, 2, 11), precision="day")


def test_background_a_participle_that_says_who_a_noun_is_is_an_epithet(
    sentence: Parse, lexicon: Lexicon
) -> None:
    text = "The coalition fighting Islamic State militants lacks ground forces."
    reason = _reason(sentence, lexicon, text, "fighting")
    assert reason is not None and reason.startswith("epithet")
    news = "Rebels were fighting the army near Idlib."
    assert _reason(sentence, lexicon, news, "fighting") is None


def test_background_a_who_clause_says_who_someone_is(sentence: Parse, lexicon: Lexicon) -> None:
    text = "He said the man who attacked the officers was a coward."
    reason = _reason(sentence, lexicon, text, "attacked")
    assert reason is not None and reason.startswith("identifies")
    cleft = "Erdogan said it was government forces who attacked first."
    assert _reason(sentence, lexicon, cleft, "attacked") is None
    story = "A convoy was attacked by militants, who abducted ten civilians."
    assert _reason(sentence, lexicon, story, "abducted") is None
    dated = sentence("Leaders knew Abedi, the man who carried out the May 22 bombing in the city.")
    token = next(t for t in dated if t.lower_ == "bombing")
    reason = background_reason(token, lexicon=lexicon, triggers=frozenset({token.i}), dated=True)
    assert reason is not None and reason.startswith("identifies")
