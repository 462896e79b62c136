"""Hand-written reports and analyses for the fusion tests (no spaCy)."""

from __future__ import annotations

from datetime import date

from frontlines.fusion import Report
from frontlines.model import ActorRef, Analysis, Article, Event, Location, Mention, StageInfo

RUSSIA = ActorRef(id="rus-forces", name="Military Forces of Russia", kind="state forces")
CIVILIANS = ActorRef(id="civ-ukraine", name="Civilians (Ukraine)", kind="civilians")
HTS = ActorRef(id="hts", name="Hayat Tahrir al-Sham", kind="rebel group")
ARMY = ActorRef(id="syr-army", name="Military Forces of Syria", kind="state forces")
KHARKIV = Location(
    name="Kharkiv", country="Ukraine", admin1="Kharkiv", latitude=49.99, longitude=36.23,
    geo_precision=1, geonameid=706483,
)  # fmt: skip
SALTIVKA = Location(
    name="Saltivka", country="Ukraine", admin1="Kharkiv", latitude=50.02, longitude=36.30,
    geo_precision=1, geonameid=None,
)  # fmt: skip
SARAQIB = Location(
    name="Saraqib", country="Syria", admin1="Idlib", latitude=35.86, longitude=36.80,
    geo_precision=1, geonameid=164816,
)  # fmt: skip
PIPELINE = (StageInfo("hand", "1"),)


def make_event(
    article: Article,
    phrase: str,
    *,
    when: date | None = date(2024, 11, 14),
    precision: str = "day",
    sub_event_type: str = "Shelling/artillery/missile attack",
    event_type: str = "Explosions/Remote violence",
    actor1: ActorRef | None = RUSSIA,
    actor2: ActorRef | None = CIVILIANS,
    where: Location | None = KHARKIV,
    fatalities: int | None = 4,
    certainty: str = "reported",
    sources: tuple[str, ...] = (),
    event_id: str | None = None,
) -> Event:
    start = article.text.index(phrase)
    evidence = (Mention(text=phrase, start=start, end=start + len(phrase)),)
    return Event(
        id=event_id or Event.make_id(article.id, evidence),
        event_date=when,
        date_precision=precision,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=actor1,
        actor2=actor2,
        location=where,
        fatalities=fatalities,
        certainty=certainty,
        sources=sources,
        evidence=evidence,
        notes="A hand-written event.",
    )


def make_article(
    text: str, *, outlet: str, published: date = date(2024, 11, 15), fictional: bool = True
) -> Article:
    return Article.create(
        text, outlet=outlet, published=published, title=text[:30], fictional=fictional
    )


def as_report(
    article: Article, event: Event, *, seq: int = 0, original: str | None = None
) -> Report:
    return Report(
        event=event,
        article_id=article.id,
        seq=seq,
        outlet=article.outlet,
        title=article.title,
        published=article.published,
        fictional=article.fictional,
        pipeline_version="test",
        original_id=original,
    )


def one_report(
    text: str, phrase: str, *, outlet: str, published: date = date(2024, 11, 15), **event: object
) -> Report:
    article = make_article(text, outlet=outlet, published=published)
    return as_report(article, make_event(article, phrase, **event))  # type: ignore[arg-type]


def analysis_of(article: Article, *events: Event) -> Analysis:
    return Analysis(frontlines_version="test", pipeline=PIPELINE, article=article, events=events)


KHARKIV_TEXTS = {
    "Frontline Wire": (
        "A Russian ballistic missile struck a nine-storey apartment block in Kharkiv on "
        "Thursday morning, killing four people and wounding at least 21, officials said."
    ),
    "Eastern Front Herald": (
        "Four residents died when a Russian missile hit a residential building in Kharkiv's "
        "Saltivskyi district on Thursday, the regional governor said."
    ),
    "Levant Ledger": (
        "Rescuers pulled bodies from the rubble of a Kharkiv apartment block hit by a Russian "
        "missile on Thursday; at least seven people were killed, volunteers said."
    ),
}
