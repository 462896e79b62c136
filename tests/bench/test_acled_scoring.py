from __future__ import annotations

from dataclasses import replace
from datetime import date

from frontlines.bench.acled_data import AcledRecord
from frontlines.bench.acled_scoring import (
    AdminLevel,
    actor_variants,
    admin_key,
    admin_match,
    compare,
    country_key,
    coverage,
    primary_event,
)
from frontlines.geo.entry import (
    MATCH_FOLD,
    MATCH_SKELETON,
    NAME_MAIN,
    Candidate,
    Entry,
    EntryKind,
)
from frontlines.geo.names import fold
from frontlines.model import Actor, Analysis, Article, Event, Location
from frontlines.stages.resources import Resources

GOLD = AcledRecord(
    event_id="UKR1",
    notes="On 16 February 2024, Russian forces shelled Krasnopillia (Sumy). Casualties unknown.",
    event_date=date(2024, 2, 16),
    event_type="Explosions/Remote violence",
    sub_event_type="Shelling/artillery/missile attack",
    actor1="Military Forces of Russia (2000-)",
    actor2="",
    country="Ukraine",
    admin1="Sumy",
    admin2="Sumskyi",
    latitude=50.7746,
    longitude=35.2597,
    geo_precision=2,
    fatalities=0,
)


def analysed(*events: Event, actors: tuple[Actor, ...] = ()) -> Analysis:
    return Analysis(
        frontlines_version="t",
        pipeline=(),
        article=Article.create(GOLD.notes),
        events=events,
        actors=actors,
    )


def shelling(**changes: object) -> Event:
    russia = Actor(id="rus", name="Russian forces", kind="state forces")
    event = Event(
        id="e1",
        event_date=date(2024, 2, 16),
        date_precision="day",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1=russia.ref(),
        location=Location(
            name="Krasnopillia",
            country="Ukraine",
            admin1="Sumy Oblast",
            admin2="Sumy Raion",
            latitude=50.77,
            longitude=35.26,
        ),
    )
    return replace(event, **changes)  # type: ignore[arg-type]


def test_acled_scoring_actor_variants_accept_acronyms_years_countries_plurals() -> None:
    assert "military force of russia" in actor_variants("Military Forces of Russia (2000-)")
    jnim = actor_variants(
        "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    )
    assert {"jnim", "group for support of islam and muslim", "islamic state greater sahara"} <= jnim
    assert "islamic state" not in jnim
    assert actor_variants("Rioters") <= actor_variants("Rioters (Burkina Faso)")
    assert actor_variants("Ye Special Task Force") & actor_variants("YSTF: Ye Special Task Forces")


def test_acled_scoring_admin_and_country_keys_ignore_generic_words() -> None:
    assert admin_key("Sumy Oblast") == admin_key("Sumy")
    assert admin_key("Kayin State") == "kayin"
    assert admin_key("State") == "state"
    assert country_key("Democratic Republic of Congo") == country_key(
        "Congo, The Democratic Republic of the"
    )
    assert country_key("Ukraine") == "UA"


def test_acled_scoring_compare_matches_fields_and_aliases() -> None:
    russia = Actor(
        id="rus",
        name="Russian forces",
        kind="state forces",
        aliases=("Military Forces of Russia (2000-)",),
    )
    result = compare(GOLD, analysed(shelling(), actors=(russia,)))
    assert result.has_event and not result.failed
    assert result.event_type == GOLD.event_type
    assert result.actor1 is True
    assert result.actor2 is None  # ACLED names no actor2
    assert (result.country, result.admin1, result.admin2) == (True, True, False)
    assert result.located and result.error_km is not None and result.error_km < 2
    assert result.date and result.fatalities_exact


def test_acled_scoring_without_alias_the_actor_does_not_match() -> None:
    result = compare(GOLD, analysed(shelling()))
    assert result.actor1 is False


def test_acled_scoring_kb_names_count_for_the_predicted_actor_only() -> None:
    analysis = analysed(shelling())  # actor1 is "Russian forces", id "rus"
    label = ("Military Forces of Russia (2000-)",)
    assert compare(GOLD, analysis, kb_names={"rus": label}).actor1 is True
    assert compare(GOLD, analysis, kb_names={"ukr": label}).actor1 is False
    assert compare(GOLD, analysis, kb_names={"rus": ("Russian Army",)}).actor1 is False


def test_acled_scoring_no_event_or_failure_scores_as_missing_with_zero_fatalities() -> None:
    for analysis in (analysed(), None):
        result = compare(GOLD, analysis)
        assert not result.has_event
        assert result.event_type is None
        assert result.actor1 is False
        assert not result.located
        assert result.fatalities == 0 and result.fatalities_exact
    assert compare(GOLD, None).failed


def test_acled_scoring_primary_event_prefers_an_acled_type() -> None:
    untyped = shelling(id="e0", event_type=None, sub_event_type=None)
    typed = shelling()
    event = primary_event(analysed(untyped, typed))
    assert event is not None and event.id == "e1"
    only = primary_event(analysed(untyped))
    assert only is not None and only.id == "e0"


def area(
    entry_id: int, name: str, kind: EntryKind, *, code: str = "BD", lat: float = 22.4
) -> Entry:
    return Entry(
        id=entry_id,
        name=name,
        kind=kind,
        country_code=code,
        country=None,
        admin1=name if kind == "admin1" else "Chattogram",
        admin2=None,
        latitude=lat,
        longitude=91.8,
        population=1000,
    )


class Names:
    """A gazetteer of a few hand-made entries, each under the names given."""

    def __init__(self, entries: dict[Entry, tuple[str, ...]], *, loose: dict[str, Entry]) -> None:
        self.entries = entries
        self.loose = loose  # names that match only by consonant skeleton

    def lookup(self, name: str) -> list[Candidate]:
        found = [
            Candidate(entry, MATCH_FOLD, NAME_MAIN)
            for entry, names in self.entries.items()
            if fold(name) in {fold(n) for n in names}
        ]
        if fold(name) in self.loose:
            found.append(Candidate(self.loose[fold(name)], MATCH_SKELETON, NAME_MAIN))
        return found


CHATTOGRAM = area(1, "Chattogram", "admin1")
NAMES = Names(
    {
        CHATTOGRAM: ("Chattogram", "Chittagong"),
        area(2, "Chattogram", "admin2"): ("Chattogram", "Chittagong District"),
        area(3, "Barishal", "admin1"): ("Barishal", "Barisal"),
        area(4, "Chittagong", "admin1", code="IN"): ("Chittagong",),
        area(5, "Bibir Hat", "city", lat=22.69): ("Bibir Hat",),
    },
    loose={"barishol": area(3, "Barishal", "admin1")},
)


def test_acled_scoring_admin_names_of_one_area_match_through_the_gazetteer() -> None:
    def same(gold: str, predicted: str, level: AdminLevel = "admin1") -> bool:
        return admin_match(gold, predicted, level=level, country="Bangladesh", gazetteer=NAMES)

    assert same("Chittagong", "Chattogram")
    assert same("Chittagong District", "Chattogram", "admin2")
    assert not admin_match("Chittagong", "Chattogram", level="admin1", country="Bangladesh")
    assert not same("Chittagong", "Barishal")  # another area
    assert not same("Barishol", "Barishal")  # a skeleton match is no name of the area
    assert not same("Barisal", "Barishal", "admin2")  # names of an admin1, not of an admin2
    assert not admin_match(
        "Chittagong", "Chattogram", level="admin1", country="India", gazetteer=NAMES
    )
    assert same("Barisal Division", "Barisal")  # still the plain string comparison


def test_acled_scoring_a_part_of_an_admin1_matches_the_whole_area() -> None:
    def same(gold: str, predicted: str, level: AdminLevel = "admin1") -> bool:
        return admin_match(gold, predicted, level=level, country="Myanmar")

    assert same("Shan-South", "Shan")
    assert same("Bago-East", "Bago Region")
    assert not same("Shan-South", "Kachin")  # another area
    assert not same("Yangon-East", "Yangon", "admin2")  # admin2 parts are ACLED's own districts
    assert not same("Shan", "Shan-South")  # the part is finer than the whole, not the reverse
    assert not same("South-West", "South")  # Cameroon's South-West is no part of its South
    assert not same("Kasai-Central", "Kasai")  # DR Congo's provinces


def test_acled_scoring_admin_names_in_the_real_gazetteer(resources: Resources) -> None:
    gazetteer = resources.gazetteer
    for gold, predicted in (("Chittagong", "Chattogram"), ("Barisal", "Barishal")):
        assert admin_match(
            gold, predicted, level="admin1", country="Bangladesh", gazetteer=gazetteer
        )
    assert not admin_match(
        "Chittagong", "Dhaka", level="admin1", country="Bangladesh", gazetteer=gazetteer
    )


def test_acled_scoring_coverage_wants_the_name_near_the_point_and_in_the_admin1() -> None:
    record = replace(
        GOLD, country="Bangladesh", admin1="Chittagong", location="Bibir Hat", latitude=22.7
    )
    found = coverage(replace(record, longitude=91.8), NAMES)
    assert found is not None and found.named and found.near and found.same_admin1
    far = coverage(replace(record, longitude=93.0), NAMES)
    assert far is not None and far.named and not far.near and not far.same_admin1
    elsewhere = coverage(replace(record, longitude=91.8, admin1="Barisal"), NAMES)
    assert elsewhere is not None and elsewhere.near and not elsewhere.same_admin1
    unknown = coverage(replace(record, location="Nowhere"), NAMES)
    assert unknown is not None and not unknown.named
    assert coverage(replace(record, location=""), NAMES) is None
