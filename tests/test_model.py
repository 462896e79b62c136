from __future__ import annotations

from datetime import date

import pytest

from frontlines.model import (
    Actor,
    ActorRef,
    Analysis,
    Article,
    Claim,
    Event,
    Framing,
    Location,
    Mention,
    Place,
    Quantity,
    Relation,
    StageInfo,
)

TEXT = "Rebels shelled Saraqib on Monday, killing 3 people, a monitor said."


def sample_analysis() -> Analysis:
    article = Article.create(TEXT, outlet="Test Post", published=date(2024, 11, 5))
    rebels = Actor(
        id="syr-opposition",
        name="Syrian opposition forces",
        kind="rebel group",
        country="Syria",
        aliases=("Rebels",),
        mentions=(article.mention(0, 6),),
    )
    evidence = (article.mention(0, len(TEXT)),)
    event = Event(
        id=Event.make_id(article.id, evidence),
        event_date=date(2024, 11, 4),
        date_precision="day",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1=rebels.ref(),
        location=Location(
            name="Saraqib",
            country="Syria",
            admin1="Idlib",
            latitude=35.86,
            longitude=36.8,
            geo_precision=1,
            geonameid=163270,
        ),
        fatalities=3,
        quantities=(
            Quantity(what="fatalities", value=3),
            Quantity(what="depth", low=7, high=10, unit="km"),
        ),
        sources=("a monitor",),
        evidence=evidence,
        notes="On 4 November 2024, rebels shelled Saraqib (Idlib). 3 fatalities.",
    )
    return Analysis(
        frontlines_version="0.1.0",
        pipeline=(StageInfo("cleanup", "1"),),
        article=article,
        events=(event,),
        actors=(rebels,),
        relations=(Relation("a", "fights", "b", evidence=article.mention(0, 6)),),
        claims=(Claim(source="a monitor", cue="said", text=TEXT[:50], start=0, end=50),),
        places=(Place(text="Saraqib", start=15, end=22, name="Saraqib", role="place"),),
        framing=(Framing(text="Rebels", start=0, end=6),),
    )


def test_model_article_id_depends_on_outlet_url_and_text() -> None:
    same = Article.make_id(text=TEXT, outlet="A", url="u")
    assert same == Article.make_id(text=TEXT, outlet="A", url="u")
    assert same != Article.make_id(text=TEXT, outlet="B", url="u")
    assert same != Article.make_id(text=TEXT + ".", outlet="A", url="u")


def test_model_mention_checks_offsets_against_the_text() -> None:
    article = Article.create(TEXT)
    assert article.mention(15, 22).text == "Saraqib"
    with pytest.raises(ValueError, match="run past"):
        article.mention(0, len(TEXT) + 1)
    with pytest.raises(ValueError, match="invalid offsets"):
        Mention(text="x", start=5, end=2)


def test_model_event_rejects_a_sub_type_of_another_type() -> None:
    with pytest.raises(ValueError, match="does not belong"):
        Event(
            id="e",
            event_date=None,
            date_precision="day",
            event_type="Battles",
            sub_event_type="Air/drone strike",
        )


def test_model_event_rejects_unknown_certainty() -> None:
    with pytest.raises(ValueError, match="certainty"):
        Event(
            id="e",
            event_date=None,
            date_precision="day",
            event_type=None,
            sub_event_type=None,
            certainty="sure",
        )


def test_model_analysis_round_trips_through_its_dict() -> None:
    analysis = sample_analysis()
    data = analysis.to_dict(include_text=True)
    assert Analysis.from_dict(data) == analysis


def test_model_quantity_writes_a_range_or_a_value() -> None:
    assert Quantity(what="depth", low=7, high=10, unit="km").to_dict() == {
        "what": "depth",
        "low": 7,
        "high": 10,
        "unit": "km",
        "qualifier": None,
    }
    assert Quantity(what="villages", value=15, qualifier="over").to_dict()["value"] == 15


def test_model_pipeline_version_changes_with_a_stage_version() -> None:
    first = sample_analysis()
    second = Analysis(
        frontlines_version="0.1.0", pipeline=(StageInfo("cleanup", "2"),), article=first.article
    )
    assert first.pipeline_version != second.pipeline_version
    assert first.pipeline_version.startswith("0.1.0:")


def test_model_actor_ref_keeps_id_name_kind() -> None:
    assert ActorRef(id="x", name="X", kind="state").to_dict() == {
        "id": "x",
        "name": "X",
        "kind": "state",
    }
