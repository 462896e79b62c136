"""An analyze callable that builds a small Analysis without spaCy: one event per article."""

from __future__ import annotations

from frontlines.model import Analysis, Article, Event, StageInfo


def cheap_analyze(article: Article) -> Analysis:
    end = article.text.find(".") + 1 or len(article.text)
    evidence = (article.mention(0, end),)
    event = Event(
        id=Event.make_id(article.id, evidence),
        event_date=article.published,
        date_precision="day" if article.published else "approximate",
        event_type="Battles",
        sub_event_type="Armed clash",
        evidence=evidence,
        notes="A clash was reported.",
    )
    return Analysis(
        frontlines_version="test",
        pipeline=(StageInfo(name="cheap", version="1"),),
        article=article,
        events=(event,),
    )
