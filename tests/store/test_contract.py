"""What every store backend must do, run against each backend the harness fixture names."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from frontlines.errors import InputError, NotFoundError, SchemaVersionError, StoreError
from frontlines.store.base import EventPoint, EventQuery, Store
from frontlines.store.duckdb_schema import MIGRATIONS
from tests.store.conftest import Harness
from tests.store.samples import (
    ARMY,
    numbered_analysis,
    ruritania_analysis,
    syria_analysis,
    with_events,
)

EMPTY = {
    "articles": 0, "analyses": 0, "mentions": 0, "actors": 0, "places": 0, "events": 0,
    "claims": 0, "relations": 0, "framing": 0, "article_links": 0,
    "schema_migrations": len(MIGRATIONS),
}  # fmt: skip


def event_ids(store: Store, **filters: object) -> list[str]:
    return [stored.event.id for stored in store.events(EventQuery(**filters))]  # type: ignore[arg-type]


@pytest.fixture
def filled(store: Store) -> Store:
    store.save(syria_analysis())
    store.save(ruritania_analysis())
    return store


def test_contract_save_stores_the_article_and_every_derived_row(store: Store) -> None:
    analysis = syria_analysis()
    result = store.save(analysis)
    assert (result.article_id, result.outcome, result.events) == (analysis.article.id, "stored", 2)
    mentions = (
        sum(len(actor.mentions) for actor in analysis.actors)
        + len(analysis.places)
        + sum(len(event.evidence) for event in analysis.events)
        + len(analysis.claims)
        + len(analysis.framing)
    )
    assert store.counts() == {
        **EMPTY, "articles": 1, "analyses": 1, "mentions": mentions, "actors": 3, "places": 2,
        "events": 2, "claims": 2, "relations": 2, "framing": 1,
    }  # fmt: skip
    assert store.has_article(analysis.article.id)
    assert store.get_article(analysis.article.id) == analysis.article


def test_contract_get_analysis_round_trips_exactly(filled: Store) -> None:
    for analysis in (syria_analysis(), ruritania_analysis()):
        stored = filled.get_analysis(analysis.article.id)
        assert stored == analysis
        assert stored.to_dict(include_text=True) == analysis.to_dict(include_text=True)


def test_contract_events_round_trip_with_their_article(filled: Store) -> None:
    analysis = syria_analysis()
    stored = filled.events(EventQuery(article_id=analysis.article.id, sort="date"))
    assert [item.event for item in stored] == list(analysis.events)
    first = stored[0]
    assert (first.article_id, first.outlet, first.title, first.url, first.published) == (
        analysis.article.id, "Testwire", analysis.article.title, analysis.article.url,
        date(2024, 11, 27),
    )  # fmt: skip
    assert first.fictional is False
    assert first.pipeline_version == analysis.pipeline_version
    assert first.ingested_at is not None
    assert first.ingested_at.tzinfo is not None
    assert abs((datetime.now(UTC) - first.ingested_at).total_seconds()) < 600


def test_contract_duplicate_save_changes_nothing(store: Store) -> None:
    original = syria_analysis()
    store.save(original, metadata={"feed": "first"})
    before = store.counts()
    second = with_events(syria_analysis(frontlines_version="9.9.9"))
    result = store.save(second, metadata={"feed": "second"})
    assert (result.outcome, result.events) == ("duplicate", 0)
    assert store.counts() == before
    assert store.get_analysis(original.article.id) == original
    assert store.article_metadata(original.article.id) == {"feed": "first"}


def test_contract_replace_swaps_the_derived_rows(store: Store) -> None:
    original = syria_analysis()
    store.save(original, metadata={"feed": "first"})
    first_seen = store.events(EventQuery(article_id=original.article.id))[0].ingested_at
    newer = syria_analysis(frontlines_version="0.2.0")
    newer = replace(newer, events=newer.events[1:], claims=())
    result = store.save(newer, replace=True)
    assert (result.outcome, result.events) == ("replaced", 1)
    assert store.get_analysis(original.article.id) == newer
    counts = store.counts()
    assert (counts["articles"], counts["events"], counts["claims"]) == (1, 1, 0)
    stored = store.events(EventQuery(article_id=original.article.id))
    assert [item.event.id for item in stored] == ["evt_atarib"]
    assert stored[0].pipeline_version == newer.pipeline_version != original.pipeline_version
    assert stored[0].ingested_at == first_seen
    assert store.article_metadata(original.article.id) == {"feed": "first"}


def test_contract_replace_of_a_new_article_stores_it(store: Store) -> None:
    assert store.save(syria_analysis(), replace=True).outcome == "stored"


def test_contract_metadata_is_kept_and_must_be_json(store: Store) -> None:
    analysis = syria_analysis()
    store.save(analysis, metadata={"tags": ["idlib"], "feed": {"url": "https://x.test/rss"}})
    assert store.article_metadata(analysis.article.id) == {
        "tags": ["idlib"], "feed": {"url": "https://x.test/rss"},
    }  # fmt: skip
    other = ruritania_analysis()
    with pytest.raises(InputError, match="not JSON-serialisable"):
        store.save(other, metadata={"when": object()})
    assert not store.has_article(other.article.id)
    store.save(other)
    assert store.article_metadata(other.article.id) == {}


def test_contract_failed_write_leaves_nothing(store: Store) -> None:
    analysis = syria_analysis()
    clash = analysis.events[0]
    twice = with_events(analysis, clash, replace(clash, notes="the same id again"))
    with pytest.raises(StoreError, match=analysis.article.id):
        store.save(twice)
    huge = with_events(analysis, replace(clash, fatalities=10**15))
    with pytest.raises(StoreError):
        store.save(huge)
    assert store.counts() == EMPTY
    assert not store.has_article(analysis.article.id)


def test_contract_failed_replace_keeps_the_original(store: Store) -> None:
    original = syria_analysis()
    store.save(original)
    before = store.counts()
    clash = original.events[0]
    with pytest.raises(StoreError):
        store.save(with_events(original, clash, clash), replace=True)
    assert store.counts() == before
    assert store.get_analysis(original.article.id) == original


def test_contract_missing_things_raise_not_found(store: Store) -> None:
    for read in (store.get_article, store.get_analysis, store.article_metadata):
        with pytest.raises(NotFoundError, match="art_missing"):
            read("art_missing")
    assert not store.has_article("art_missing")


def test_contract_articles_lists_newest_first_with_pagination(store: Store) -> None:
    saved = [numbered_analysis(number).article for number in range(3)]
    for number in range(3):
        store.save(numbered_analysis(number))
    listed = store.articles(limit=10)
    assert {article.id for article in listed} == {article.id for article in saved}
    assert listed[0] == saved[-1]
    assert len(store.articles(limit=2)) == 2
    assert store.articles(limit=2, offset=2) == listed[2:]


def test_contract_filters_select_the_right_events(filled: Store) -> None:
    expectations: list[tuple[dict[str, object], set[str]]] = [
        ({}, {"evt_shelling", "evt_atarib", "evt_protest", "evt_talks"}),
        ({"date_from": date(2024, 11, 27)}, {"evt_atarib", "evt_protest"}),
        ({"date_from": date(2024, 11, 26), "date_to": date(2024, 11, 26)}, {"evt_shelling"}),
        ({"date_to": date(2024, 12, 31)}, {"evt_shelling", "evt_atarib"}),
        ({"country": "syria"}, {"evt_shelling", "evt_atarib"}),
        ({"admin1": "ALEPPO"}, {"evt_atarib"}),
        ({"event_type": "Battles"}, {"evt_atarib"}),
        ({"sub_event_type": "Peaceful protest"}, {"evt_protest"}),
        ({"actor": ARMY.id}, {"evt_shelling", "evt_atarib"}),
        ({"actor": "tahrir"}, {"evt_atarib"}),
        ({"actor": "act_tip"}, {"evt_atarib"}),
        ({"actor": "turkistan"}, {"evt_atarib"}),
        ({"actor": "civilians (syria)"}, {"evt_shelling"}),
        ({"actor": "nobody"}, set()),
        ({"source": "syrian observatory for human rights"}, {"evt_shelling"}),
        ({"source": "Northern Gazette"}, {"evt_protest", "evt_talks"}),
        ({"source": "testwire"}, {"evt_shelling", "evt_atarib"}),
        ({"source": "Syrian"}, set()),
        ({"certainty": "claimed"}, {"evt_atarib"}),
        ({"certainty": "expected"}, {"evt_talks"}),
        ({"text": "Pounded idlib"}, {"evt_shelling"}),
        ({"text": "took atarib"}, {"evt_atarib"}),
        ({"text": "100%_"}, set()),
        ({"bbox": (36.0, 35.0, 37.0, 36.0)}, {"evt_shelling"}),
        ({"bbox": (36.63, 35.93, 36.83, 36.2)}, {"evt_shelling", "evt_atarib"}),
        ({"bbox": (-10.0, 40.0, 20.0, 60.0)}, {"evt_protest"}),
        ({"article_id": ruritania_analysis().article.id}, {"evt_protest", "evt_talks"}),
        ({"fictional": True}, {"evt_protest", "evt_talks"}),
        ({"fictional": False}, {"evt_shelling", "evt_atarib"}),
        ({"country": "Syria", "certainty": "reported"}, {"evt_shelling"}),
        ({"country": "x'; DROP TABLE events; --"}, set()),
    ]
    for filters, expected in expectations:
        assert set(event_ids(filled, **filters)) == expected, filters
        assert filled.count_events(EventQuery(**filters)) == len(expected), filters  # type: ignore[arg-type]
    assert filled.counts()["events"] == 4


def test_contract_sort_puts_undated_events_last(filled: Store) -> None:
    assert event_ids(filled, sort="date") == [
        "evt_shelling", "evt_atarib", "evt_protest", "evt_talks",
    ]  # fmt: skip
    assert event_ids(filled, sort="-date") == [
        "evt_protest", "evt_atarib", "evt_shelling", "evt_talks",
    ]  # fmt: skip


def test_contract_pages_are_slices_of_the_whole_listing(filled: Store) -> None:
    # several events a day and one undated: a page's date bound must keep ties and the undated
    for number in range(4):
        filled.save(numbered_analysis(number, events=3))

    def keys(**filters: object) -> list[tuple[str, str]]:
        found = filled.events(EventQuery(**filters))  # type: ignore[arg-type]
        return [(item.article_id, item.event.id) for item in found]

    for sort in ("date", "-date"):
        whole = keys(sort=sort, limit=100)
        assert len(whole) == 16
        for limit in (1, 2, 5):
            for offset in range(len(whole) + 1):
                page = keys(sort=sort, limit=limit, offset=offset)
                assert page == whole[offset : offset + limit], (sort, limit, offset)
        assert keys(sort=sort, limit=0) == []


def test_contract_pagination_covers_every_event_once(store: Store) -> None:
    for number in range(6):
        store.save(numbered_analysis(number, events=2))
    pages = [event_ids(store, sort="date", limit=5, offset=offset) for offset in (0, 5, 10)]
    assert [len(page) for page in pages] == [5, 5, 2]
    keys = [
        (item.article_id, item.event.id) for item in store.events(EventQuery(sort="date", limit=12))
    ]
    assert len(set(keys)) == 12
    assert store.count_events(EventQuery(limit=1)) == 12
    assert len(list(store.iter_events(EventQuery(sort="date"), page=5))) == 12
    dates = [
        item.event.event_date or date.min
        for item in store.iter_events(EventQuery(sort="date"), page=5)
    ]
    assert dates == sorted(dates)


def test_contract_schema_is_current_and_survives_reopening(harness: Harness) -> None:
    with harness.open() as store:
        version = store.schema_version()
        store.save(syria_analysis())
    assert version >= 1
    with harness.open() as store:
        assert store.schema_version() == version
        assert store.count_events() == 2


def test_contract_newer_schema_is_refused(harness: Harness) -> None:
    with harness.open() as store:
        version = store.schema_version()
    harness.set_schema_version(version + 1)
    with pytest.raises(SchemaVersionError, match=f"schema version {version + 1}"):
        harness.open()


@pytest.fixture
def listed(store: Store) -> Store:
    """Dated events sharing dates within an article, two undated ones, and the sample stories."""
    for number in range(5):
        store.save(numbered_analysis(number, events=3))
    undated = numbered_analysis(40, events=2)
    store.save(
        with_events(
            undated,
            *(
                replace(event, event_date=None, date_precision="approximate")
                for event in undated.events
            ),
        )
    )
    store.save(syria_analysis())
    store.save(ruritania_analysis())
    return store


@pytest.mark.parametrize("level", ["fused", "reports"])
@pytest.mark.parametrize("sort", ["-date", "date"])
def test_contract_keyset_pages_are_the_slices_of_the_whole_listing(
    listed: Store, level: str, sort: str
) -> None:
    whole = [
        (stored.article_id, stored.event.id)
        for stored in listed.events(EventQuery(level=level, sort=sort, limit=1000))  # type: ignore[arg-type]
    ]
    assert len(whole) > 10
    for limit in range(1, len(whole) + 2):
        after: tuple[str, str] | None = None
        for start in range(0, len(whole) + 1, limit):
            page = listed.events(EventQuery(level=level, sort=sort, limit=limit, after=after))  # type: ignore[arg-type]
            keys = [(stored.article_id, stored.event.id) for stored in page]
            assert keys == whole[start : start + limit], (limit, start)
            if not keys:
                break
            after = keys[-1]


def test_contract_keyset_paging_keeps_the_filters_and_refuses_an_unknown_event(
    listed: Store,
) -> None:
    battles = event_ids(listed, event_type="Battles", limit=1000)
    first = listed.events(EventQuery(event_type="Battles", limit=2))
    rest = listed.events(
        EventQuery(event_type="Battles", after=(first[-1].article_id, first[-1].event.id))
    )
    assert [stored.event.id for stored in (*first, *rest)] == battles
    with pytest.raises(InputError, match="not stored"):
        listed.events(EventQuery(after=("art_missing", "evt_missing")))
    with pytest.raises(InputError, match="not both"):
        EventQuery(after=("art", "evt"), offset=5)


def test_contract_clusters_count_located_events_per_grid_square(listed: Store) -> None:
    located = [
        stored
        for stored in listed.events(EventQuery(limit=1000))
        if stored.event.location is not None and stored.event.location.latitude is not None
    ]
    for zoom in (0, 6, 12):
        clusters = listed.clusters(zoom=zoom)
        assert sum(cluster.count for cluster in clusters) == len(located)
        assert [c.count for c in clusters] == sorted((c.count for c in clusters), reverse=True)
        for cluster in clusters:
            west, south, east, north = cluster.bbox
            assert west <= cluster.longitude <= east
            assert south <= cluster.latitude <= north
            inside = listed.count_events(EventQuery(bbox=cluster.bbox))
            assert inside >= cluster.count
    boxed = listed.clusters(EventQuery(bbox=(-10.0, 40.0, 20.0, 60.0)), zoom=4)
    assert sum(cluster.count for cluster in boxed) == listed.count_events(
        EventQuery(bbox=(-10.0, 40.0, 20.0, 60.0))
    )
    assert listed.clusters(EventQuery(country="Nowhere"), zoom=3) == []


def test_contract_box_pages_are_the_slices_of_the_box_listing(store: Store) -> None:
    """Events on the box's edge cells and inside it, the latest on the edge: every page of the
    box, by offset, holds the same events as its slice of the whole box's listing."""
    box = (36.6251, 35.0, 37.0, 60.0)
    for number in range(12):
        analysis = numbered_analysis(number, events=2)
        edge = 36.6252 if number % 2 else 36.9
        moved = [
            replace(e, location=replace(e.location, longitude=edge))  # type: ignore[type-var]
            for e in analysis.events
        ]
        store.save(with_events(analysis, *moved))
    whole = event_keys(store, bbox=box, limit=1000)
    assert len(whole) == 24
    for limit in (1, 2, 3, 5, 7, 24):
        for offset in range(0, 25, limit):
            page = event_keys(store, bbox=box, limit=limit, offset=offset)
            assert page == whole[offset : offset + limit], (limit, offset)


def event_keys(store: Store, **filters: object) -> list[tuple[str, str]]:
    found = store.events(EventQuery(**filters))  # type: ignore[arg-type]
    return [(stored.article_id, stored.event.id) for stored in found]


def test_contract_stats_count_each_event_once_per_source_or_outlet(store: Store) -> None:
    analysis = syria_analysis()
    first, *rest = analysis.events
    credited = replace(first, sources=(*first.sources, "Testwire", "testwire"))
    store.save(with_events(analysis, credited, *rest))
    store.save(ruritania_analysis())
    for level in ("fused", "reports"):
        query = EventQuery(level=level, limit=1000)
        expected: dict[str, int] = {}
        for stored in store.events(query):
            for name in {*stored.event.sources, stored.outlet} - {None}:
                expected[str(name)] = expected.get(str(name), 0) + 1
        assert dict(store.event_stats(query).by_source) == expected
        assert expected["Testwire"] == 2


@pytest.mark.parametrize("level", ["fused", "reports"])
def test_contract_iter_events_streams_the_whole_listing_page_after_page(
    listed: Store, level: str
) -> None:
    whole = listed.events(EventQuery(level=level, limit=1000))  # type: ignore[arg-type]
    for page in (1, 2, 7):
        streamed = list(listed.iter_events(EventQuery(level=level), page=page))  # type: ignore[arg-type]
        assert streamed == whole
        skipped = list(listed.iter_events(EventQuery(level=level, offset=3), page=page))  # type: ignore[arg-type]
        assert skipped == whole[3:]


@pytest.mark.parametrize(
    "query",
    [
        EventQuery(),
        EventQuery(level="reports", sort="date"),
        EventQuery(limit=4, offset=3, sort="date"),
        EventQuery(country="syria"),
    ],
)
def test_contract_event_points_are_the_events_as_a_map_reads_them(
    listed: Store, query: EventQuery
) -> None:
    points = listed.event_points(query)
    assert points == [EventPoint.of(stored) for stored in listed.events(query)]
    assert points
