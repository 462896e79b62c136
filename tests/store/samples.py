"""Hand-written analyses for the store and export tests (no spaCy: built from frontlines.model)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

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

PIPELINE = (StageInfo("cleanup", "1"), StageInfo("events", "3"))

SYRIA_TEXT = (
    "Syrian government forces pounded Idlib with artillery on Tuesday, killing three civilians, "
    "the Syrian Observatory for Human Rights said. On Wednesday Hayat Tahrir al-Sham fighters, "
    "backed by the Turkistan Islamic Party, seized the town of Atarib from the army, HTS claimed."
)
RURITANIA_TEXT = (
    "Thousands of demonstrators gathered in Strelsau on Saturday. "
    "Talks on the border are expected next month."
)

ARMY = ActorRef(id="act_syria_army", name="Military Forces of Syria", kind="state forces")
CIVILIANS = ActorRef(id="act_syria_civilians", name="Civilians (Syria)", kind="civilians")
HTS = ActorRef(id="act_hts", name="Hayat Tahrir al-Sham", kind="rebel group")
TIP = ActorRef(id="act_tip", name="Turkistan Islamic Party", kind="rebel group")
PROTESTERS = ActorRef(id="act_rur_protesters", name="Protesters (Ruritania)", kind="protesters")


def span(article: Article, phrase: str) -> Mention:
    start = article.text.index(phrase)
    return article.mention(start, start + len(phrase))


def syria_analysis(*, frontlines_version: str = "0.1.0") -> Analysis:
    """Two events in Syria with every kind of derived row."""
    article = Article.create(
        SYRIA_TEXT,
        title="Shelling in Idlib, HTS takes Atarib",
        outlet="Testwire",
        url="https://example.org/syria",
        published=date(2024, 11, 27),
    )
    shelling = Event(
        id="evt_shelling",
        event_date=date(2024, 11, 26),
        date_precision="day",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1=ARMY,
        actor2=CIVILIANS,
        location=Location(
            name="Idlib",
            country="Syria",
            admin1="Idlib",
            admin2="Idlib",
            latitude=35.93,
            longitude=36.63,
            geo_precision=1,
            geonameid=169389,
        ),
        fatalities=3,
        quantities=(Quantity(what="fatalities", value=3, unit="people"),),
        certainty="reported",
        sources=("Syrian Observatory for Human Rights",),
        evidence=(span(article, "pounded Idlib with artillery"),),
        notes="On 26 November 2024, government forces shelled Idlib city, killing 3 civilians.",
    )
    takeover = Event(
        id="evt_atarib",
        event_date=date(2024, 11, 27),
        date_precision="day",
        event_type="Battles",
        sub_event_type="Non-state actor overtakes territory",
        actor1=HTS,
        assoc_actor_1=(TIP,),
        actor2=ARMY,
        location=Location(
            name="Atarib",
            country="Syria",
            admin1="Aleppo",
            latitude=36.141592653589793,
            longitude=36.83,
            geo_precision=2,
            note="town centre",
        ),
        quantities=(Quantity(what="advance", value=0.1 + 0.2, unit="km"),),  # float exactness
        certainty="claimed",
        sources=("HTS",),
        evidence=(span(article, "seized the town of Atarib"),),
        notes="On 27 November 2024, HTS took Atarib from the army.",
    )
    actors = (
        Actor(
            id=ARMY.id,
            name=ARMY.name,
            kind=ARMY.kind,
            country="Syria",
            aliases=("the army",),
            mentions=(span(article, "Syrian government forces"),),
        ),
        Actor(
            id=HTS.id,
            name=HTS.name,
            kind=HTS.kind,
            country="Syria",
            aliases=("HTS",),
            mentions=(span(article, "Hayat Tahrir al-Sham"), span(article, "HTS")),
        ),
        Actor(
            id=TIP.id,
            name=TIP.name,
            kind=TIP.kind,
            mentions=(span(article, "Turkistan Islamic Party"),),
        ),
    )
    observatory = span(article, "the Syrian Observatory for Human Rights said")
    return Analysis(
        frontlines_version=frontlines_version,
        pipeline=PIPELINE,
        article=article,
        events=(shelling, takeover),
        actors=actors,
        relations=(
            Relation(
                TIP.id,
                "supports",
                HTS.id,
                evidence=span(article, "backed by"),
                source_name=TIP.name,
                target_name=HTS.name,
            ),
            Relation(HTS.id, "fights", ARMY.id, evidence=span(article, "from the army")),
        ),
        claims=(
            Claim(
                source="Syrian Observatory for Human Rights",
                cue="said",
                text=observatory.text,
                start=observatory.start,
                end=observatory.end,
            ),
            Claim(
                source="HTS",
                cue="claimed",
                text="HTS claimed",
                start=SYRIA_TEXT.rindex("HTS claimed"),
                end=SYRIA_TEXT.rindex("HTS claimed") + len("HTS claimed"),
                hedge="claimed",
            ),
        ),
        places=(
            Place(
                text="Idlib",
                start=span(article, "Idlib").start,
                end=span(article, "Idlib").end,
                name="Idlib",
                country="Syria",
                admin1="Idlib",
                latitude=35.93,
                longitude=36.63,
                geonameid=169389,
            ),
            Place(
                text="Atarib",
                start=span(article, "Atarib").start,
                end=span(article, "Atarib").end,
                name="Atarib",
                country="Syria",
            ),
        ),
        framing=(
            Framing(
                text="pounded",
                start=span(article, "pounded").start,
                end=span(article, "pounded").end,
            ),
        ),
        warnings=("a test warning",),
    )


def ruritania_analysis() -> Analysis:
    """A fictional article: one protest and one expected event with no date, type or place."""
    article = Article.create(
        RURITANIA_TEXT, outlet="Northern Gazette", published=date(2025, 3, 2), fictional=True
    )
    protest = Event(
        id="evt_protest",
        event_date=date(2025, 3, 1),
        date_precision="week",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1=PROTESTERS,
        location=Location(
            name="Strelsau", country="Ruritania", latitude=50.0, longitude=14.0, geo_precision=3
        ),
        fatalities=0,
        quantities=(Quantity(what="protesters", low=2000, high=5000, qualifier="thousands"),),
        evidence=(span(article, "demonstrators gathered in Strelsau"),),
        notes="Demonstrators gathered in Strelsau.",
    )
    talks = Event(
        id="evt_talks",
        event_date=None,
        date_precision="approximate",
        event_type=None,
        sub_event_type=None,
        certainty="expected",
        evidence=(span(article, "Talks on the border are expected"),),
        notes="Talks are expected.",
    )
    return Analysis(
        frontlines_version="0.1.0", pipeline=PIPELINE, article=article, events=(protest, talks)
    )


def numbered_analysis(number: int, *, events: int = 1) -> Analysis:
    """A small distinct analysis with ``events`` dated events starting 2024-01-01 + number days."""
    text = f"Report {number}: " + " ".join(f"clash {i} near the river." for i in range(events))
    article = Article.create(text, outlet="Bulk News", published=date(2024, 1, 1))
    made = tuple(
        Event(
            id=f"evt_{i}",
            event_date=date(2024, 1, 1) + timedelta(days=number),
            date_precision="day",
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1=ARMY,
            actor2=HTS,
            # a degree of latitude (over 100 km) apart per number: distinct events, never fused
            location=Location(
                name="Idlib", country="Syria", latitude=35.93 + number % 40, longitude=36.63
            ),
            evidence=(span(article, f"clash {i} near"),),
            notes=f"Clash {i}.",
        )
        for i in range(events)
    )
    return Analysis(
        frontlines_version="0.1.0",
        pipeline=PIPELINE,
        article=article,
        events=made,
        actors=(
            Actor(
                id=ARMY.id,
                name=ARMY.name,
                kind=ARMY.kind,
                mentions=tuple(event.evidence[0] for event in made),
            ),
        ),
    )


def with_events(analysis: Analysis, *events: Event) -> Analysis:
    return replace(analysis, events=events)
