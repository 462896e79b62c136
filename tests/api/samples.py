"""Hand-written analyses for the API and page tests, saved into a real DuckDB store (no spaCy).

Like the demo corpus, every article here is invented (``fictional=True``) except ``WIRE``, a
non-fictional control. ``SCRIPT_ARTICLE`` carries a script tag that must stay inert text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from frontlines.model import (
    Actor,
    ActorRef,
    Analysis,
    Article,
    Claim,
    Event,
    Location,
    Mention,
    Place,
    Quantity,
    Relation,
    StageInfo,
)
from frontlines.store.duckdb import DuckDBStore

PIPELINE = (StageInfo("cleanup", "1"), StageInfo("events", "1"))

HTS = ActorRef(id="act_hts", name="Hayat Tahrir al-Sham", kind="rebel group")
SYRIA_ARMY = ActorRef(id="act_syria_army", name="Military Forces of Syria", kind="state forces")
SNA = ActorRef(id="act_sna", name="Syrian National Army", kind="rebel group")
TURKEY = ActorRef(id="act_turkey", name="Military Forces of Turkey", kind="state forces")
CIVILIANS = ActorRef(id="act_syria_civilians", name="Civilians (Syria)", kind="civilians")
RSF = ActorRef(id="act_rsf", name="Rapid Support Forces", kind="rebel group")
SAF = ActorRef(id="act_saf", name="Military Forces of Sudan", kind="state forces")
RUSSIA = ActorRef(id="act_russia", name="Military Forces of Russia", kind="state forces")
UKRAINE = ActorRef(id="act_ukraine", name="Military Forces of Ukraine", kind="state forces")
WAGNER = ActorRef(id="act_wagner", name="Wagner Group", kind="mercenary")

SCRIPT = "<script>window.__pwned = 1; document.title = 'PWNED';</script>"
ATTACK_IN_TITLE = '<img src=x onerror="window.__pwned = 2">'


@dataclass
class Sample:
    """One article and what was found in it, built phrase by phrase from its text."""

    text: str
    title: str
    outlet: str
    published: date
    fictional: bool = True
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.article = Article.create(
            self.text,
            title=self.title,
            outlet=self.outlet,
            url=f"https://{self.outlet.lower().replace(' ', '')}.example/{self.published}",
            published=self.published,
            fictional=self.fictional,
        )

    def span(self, phrase: str, *, occurrence: int = 0) -> Mention:
        start = -1
        for _ in range(occurrence + 1):
            start = self.text.index(phrase, start + 1)
        return self.article.mention(start, start + len(phrase))

    def actor(self, ref: ActorRef, *phrases: str, country: str | None = None) -> None:
        self.actors[ref.id] = Actor(
            id=ref.id,
            name=ref.name,
            kind=ref.kind,
            country=country,
            mentions=tuple(self.span(p) for p in phrases),
        )

    def place(self, phrase: str, *, name: str, country: str, lat: float, lon: float) -> None:
        mention = self.span(phrase)
        self.places.append(
            Place(
                text=phrase,
                start=mention.start,
                end=mention.end,
                name=name,
                country=country,
                latitude=lat,
                longitude=lon,
            )
        )

    def relation(self, source: ActorRef, kind: str, target: ActorRef, phrase: str) -> None:
        self.relations.append(
            Relation(
                source.id,
                kind,
                target.id,
                evidence=self.span(phrase),
                source_name=source.name,
                target_name=target.name,
            )
        )

    def claim(self, source: str, cue: str, phrase: str, *, hedge: str | None = None) -> None:
        mention = self.span(phrase)
        self.claims.append(
            Claim(
                source=source,
                cue=cue,
                text=phrase,
                start=mention.start,
                end=mention.end,
                hedge=hedge,
            )
        )

    def analysis(self) -> Analysis:
        return Analysis(
            frontlines_version="0.1.0",
            pipeline=PIPELINE,
            article=self.article,
            events=tuple(self.events),
            actors=tuple(self.actors.values()),
            relations=tuple(self.relations),
            claims=tuple(self.claims),
            places=tuple(self.places),
        )


def event(
    sample: Sample,
    event_id: str,
    phrase: str,
    *,
    when: date | None,
    sub_event_type: str,
    event_type: str,
    actor1: ActorRef | None,
    actor2: ActorRef | None = None,
    where: Location | None = None,
    fatalities: int | None = None,
    certainty: str = "reported",
    sources: tuple[str, ...] = (),
    assoc_actor_1: tuple[ActorRef, ...] = (),
) -> Event:
    made = Event(
        id=event_id,
        event_date=when,
        date_precision="day" if when else "approximate",
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=actor1,
        assoc_actor_1=assoc_actor_1,
        actor2=actor2,
        location=where,
        fatalities=fatalities,
        quantities=(Quantity(what="fatalities", value=fatalities),) if fatalities else (),
        certainty=certainty,
        sources=sources,
        evidence=(sample.span(phrase),),
        notes=f"{sub_event_type} reported by {sample.outlet}.",
    )
    sample.events.append(made)
    return made


def saraqib() -> Sample:
    s = Sample(
        text=(
            "SARAQIB — Seven fighters were killed on Thursday when Hayat Tahrir al-Sham (HTS) "
            "militants attacked Syrian army positions on the eastern edge of Saraqib, a military "
            "source said.\n\nHTS, backed by the Turkistan Islamic Party, claimed the raid had "
            'killed "more than ten" government troops.'
        ),
        title="Seven killed as fighting flares near Saraqib",
        outlet="Levant Ledger",
        published=date(2024, 10, 18),
    )
    s.actor(HTS, "Hayat Tahrir al-Sham", country="Syria")
    s.actor(SYRIA_ARMY, "Syrian army", country="Syria")
    s.place("Saraqib", name="Saraqib", country="Syria", lat=35.86, lon=36.80)
    event(
        s,
        "evt_saraqib",
        "militants attacked Syrian army positions",
        when=date(2024, 10, 17),
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1=HTS,
        actor2=SYRIA_ARMY,
        where=Location(
            name="Saraqib",
            country="Syria",
            admin1="Idlib",
            latitude=35.86,
            longitude=36.80,
            geo_precision=1,
        ),
        fatalities=7,
        sources=("a military source",),
    )
    s.relation(HTS, "fights", SYRIA_ARMY, "attacked Syrian army positions")
    s.claim("a military source", "said", "a military source said")
    s.claim(
        "HTS",
        "claimed",
        'claimed the raid had killed "more than ten" government troops',
        hedge="claimed",
    )
    return s


def tal_rifaat() -> Sample:
    s = Sample(
        text=(
            "Artillery shells fired by the Turkish-backed Syrian National Army hit homes in Tal "
            "Rifaat on Tuesday, killing three civilians, residents said. The Syrian National "
            "Army, supported by Turkish forces, said it had returned fire."
        ),
        title="Shelling kills three in Tal Rifaat",
        outlet="Meridian Post",
        published=date(2024, 11, 6),
    )
    s.actor(SNA, "Syrian National Army", country="Syria")
    s.actor(TURKEY, "Turkish forces", country="Turkey")
    event(
        s,
        "evt_tal_rifaat",
        "Artillery shells fired by the Turkish-backed Syrian National Army",
        when=date(2024, 11, 5),
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1=SNA,
        actor2=CIVILIANS,
        where=Location(
            name="Tell Rifaat",
            country="Syria",
            admin1="Aleppo",
            latitude=36.47,
            longitude=37.10,
            geo_precision=1,
        ),
        fatalities=3,
        sources=("residents",),
    )
    s.relation(TURKEY, "supports", SNA, "supported by Turkish forces")
    s.claim("residents", "said", "residents said")
    return s


def el_fasher() -> Sample:
    s = Sample(
        text=(
            "Rapid Support Forces shelling hit the Abu Shouk camp near El Fasher on Sunday, "
            "killing at least twelve displaced people, camp officials said. The army said its "
            "aircraft struck RSF positions east of the city."
        ),
        title="Camp near El Fasher shelled",
        outlet="Nile Valley Courier",
        published=date(2024, 12, 2),
    )
    s.actor(RSF, "Rapid Support Forces", country="Sudan")
    s.actor(SAF, "The army", country="Sudan")
    event(
        s,
        "evt_abu_shouk",
        "Rapid Support Forces shelling hit the Abu Shouk camp",
        when=date(2024, 12, 1),
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1=RSF,
        where=Location(
            name="Abu Shouk",
            country="Sudan",
            admin1="North Darfur",
            latitude=13.66,
            longitude=25.35,
            geo_precision=2,
        ),
        fatalities=12,
        sources=("camp officials",),
    )
    event(
        s,
        "evt_fasher_air",
        "its aircraft struck RSF positions",
        when=date(2024, 12, 1),
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1=SAF,
        actor2=RSF,
        where=Location(
            name="El Fasher",
            country="Sudan",
            admin1="North Darfur",
            latitude=13.63,
            longitude=25.35,
            geo_precision=2,
        ),
        certainty="claimed",
        sources=("the army",),
    )
    s.relation(SAF, "fights", RSF, "aircraft struck RSF positions")
    return s


def kharkiv() -> Sample:
    s = Sample(
        text=(
            "A Russian missile struck an apartment block in Kharkiv on 14 November 2024, killing "
            "four people, Ukrainian officials said. Wagner Group fighters, controlled by the "
            "Russian command, were reported near Kupiansk."
        ),
        title="Missile hits Kharkiv apartment block",
        outlet="Eastern Front Herald",
        published=date(2024, 11, 15),
    )
    s.actor(RUSSIA, "Russian", country="Russia")
    s.actor(WAGNER, "Wagner Group")
    event(
        s,
        "evt_kharkiv",
        "A Russian missile struck an apartment block in Kharkiv",
        when=date(2024, 11, 14),
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1=RUSSIA,
        actor2=UKRAINE,
        where=Location(
            name="Kharkiv",
            country="Ukraine",
            admin1="Kharkivska",
            latitude=49.99,
            longitude=36.23,
            geo_precision=1,
        ),
        fatalities=4,
        sources=("Ukrainian officials",),
    )
    s.relation(WAGNER, "controlled_by", RUSSIA, "controlled by the Russian command")
    return s


def wire() -> Sample:
    """Not fictional: a control for the fictional flags."""
    s = Sample(
        text="Protesters gathered in Butembo on Monday to denounce insecurity.",
        title="Protest in Butembo",
        outlet="Testwire",
        published=date(2024, 11, 19),
        fictional=False,
    )
    event(
        s,
        "evt_butembo",
        "Protesters gathered in Butembo",
        when=date(2024, 11, 18),
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1=None,
        where=Location(
            name="Butembo",
            country="Democratic Republic of Congo",
            admin1="North Kivu",
            latitude=0.14,
            longitude=29.29,
            geo_precision=1,
        ),
        fatalities=0,
    )
    return s


def script_article() -> Sample:
    """An article whose text and title carry markup that must never run."""
    s = Sample(
        text=f"Gunmen attacked a convoy near Douentza on Friday. {SCRIPT} Two drivers died.",
        title=f"Convoy ambush {ATTACK_IN_TITLE}",
        outlet="Sahel Dispatch",
        published=date(2024, 11, 23),
    )
    event(
        s,
        "evt_douentza",
        "Gunmen attacked a convoy near Douentza",
        when=date(2024, 11, 22),
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1=None,
        where=Location(
            name="Douentza",
            country="Mali",
            admin1="Mopti",
            latitude=15.0,
            longitude=-2.95,
            geo_precision=2,
            note=SCRIPT,
        ),
        fatalities=2,
        sources=(SCRIPT,),
    )
    return s


def all_samples() -> list[Sample]:
    return [saraqib(), tal_rifaat(), el_fasher(), kharkiv(), wire(), script_article()]


def build_store(path: Path) -> list[Sample]:
    """Save every sample into a new DuckDB store at ``path`` (closed again afterwards)."""
    samples = all_samples()
    with DuckDBStore.open(path) as store:
        for sample in samples:
            store.save(sample.analysis())
    return samples
