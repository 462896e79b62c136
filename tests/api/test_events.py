from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from frontlines.api.payloads import Feature, FeatureCollection, FeatureProperties, PointGeometry
from frontlines.store.base import EventQuery, Store, StoredEvent
from tests.api.samples import SCRIPT, Sample


def ids(page: dict[str, Any]) -> set[str]:
    return {item["id"] for item in page["items"]}


def test_events_lists_every_event_newest_first(client: TestClient, samples: list[Sample]) -> None:
    page = client.get("/api/events").json()
    assert page["total"] == sum(len(s.events) for s in samples) == 7
    dates = [item["event_date"] for item in page["items"]]
    assert dates == sorted(dates, reverse=True)


def test_events_items_carry_the_contract_fields_and_the_article(client: TestClient) -> None:
    page = client.get("/api/events", params={"actor": "act_hts"}).json()
    (saraqib,) = page["items"]
    assert saraqib["event_type"] == "Battles"
    assert saraqib["actor1"] == {
        "id": "act_hts",
        "name": "Hayat Tahrir al-Sham",
        "kind": "rebel group",
    }
    assert saraqib["location"]["latitude"] == 35.86
    assert saraqib["fatalities"] == 7
    assert saraqib["fictional"] is True
    assert saraqib["article"]["outlet"] == "Levant Ledger"
    assert saraqib["article"]["fictional"] is True
    evidence = saraqib["evidence"][0]
    assert evidence["text"] == "militants attacked Syrian army positions"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "sudan"}, {"evt_abu_shouk", "evt_fasher_air"}),
        ({"admin1": "Aleppo"}, {"evt_tal_rifaat"}),
        ({"event_type": "Battles"}, {"evt_saraqib"}),
        ({"sub_event_type": "Air/drone strike"}, {"evt_fasher_air"}),
        ({"actor": "rapid support"}, {"evt_abu_shouk", "evt_fasher_air"}),
        ({"source": "Meridian Post"}, {"evt_tal_rifaat"}),
        ({"source": "camp officials"}, {"evt_abu_shouk"}),
        ({"certainty": "claimed"}, {"evt_fasher_air"}),
        ({"text": "apartment block"}, {"evt_kharkiv"}),
        ({"date_from": "2024-11-14", "date_to": "2024-11-18"}, {"evt_kharkiv", "evt_butembo"}),
        ({"bbox": "36,35,38,37"}, {"evt_saraqib", "evt_tal_rifaat"}),
        ({"fictional": "false"}, {"evt_butembo"}),
    ],
)
def test_events_filters(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    assert ids(response.json()) == expected
    assert response.json()["total"] == len(expected)


def test_events_paginates_and_sorts(client: TestClient) -> None:
    oldest = client.get("/api/events", params={"sort": "date", "limit": 3}).json()
    assert [item["event_date"] for item in oldest["items"]] == [
        "2024-10-17", "2024-11-05", "2024-11-14",
    ]  # fmt: skip
    second = client.get("/api/events", params={"sort": "date", "limit": 3, "offset": 3}).json()
    assert second["total"] == 7 and second["offset"] == 3 and len(second["items"]) == 3
    assert not ids(oldest) & ids(second)


def test_events_geojson_gives_points_in_lon_lat_order(client: TestClient) -> None:
    collection = client.get("/api/events", params={"format": "geojson", "country": "Ukraine"})
    data = collection.json()
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["type"] == "Feature" and feature["id"] == "evt_kharkiv"
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.23, 49.99]}
    assert feature["properties"]["actor1"] == "Military Forces of Russia"
    assert feature["properties"]["fictional"] is True
    assert data["unlocated"] == 0 and data["total"] == 1


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"bbox": "1,2,3"}, 400, "four numbers"),
        ({"bbox": "10,0,5,1"}, 400, "min_lon"),
        ({"bbox": "0,0,200,1"}, 400, "-180..180"),
        ({"event_type": "Skirmish"}, 400, "unknown event_type"),
        ({"certainty": "maybe"}, 400, "unknown certainty"),
        ({"date_from": "2024-12-01", "date_to": "2024-01-01"}, 400, "after date_to"),
        ({"date_from": "yesterday"}, 400, "not a date"),
        ({"limit": "0"}, 422, "greater than or equal"),
        ({"limit": "100001"}, 422, "less than or equal"),
        ({"offset": "-1"}, 422, "greater than or equal"),
        ({"sort": "fatalities"}, 422, "date"),
        ({"format": "kml"}, 422, "geojson"),
    ],
)
def test_events_rejects_bad_parameters(
    client: TestClient, params: dict[str, str], status: int, words: str
) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == status
    assert words in response.text


def test_events_detail_has_reports_claims_and_highlighted_sentences(client: TestClient) -> None:
    detail = client.get("/api/events/evt_saraqib").json()
    assert detail["report_count"] == 1 and detail["article_count"] == 1
    assert detail["contested"] == {}
    (report,) = detail["reports"]
    assert report["article"]["title"] == "Seven killed as fighting flares near Saraqib"
    assert report["article"]["fictional"] is True
    (sentence,) = report["sentences"]
    assert sentence["text"].startswith("SARAQIB — Seven fighters were killed on Thursday")
    assert sentence["text"].endswith("a military source said.")
    kinds = {(h["kind"], h["text"]) for h in sentence["highlights"]}
    assert ("evidence", "militants attacked Syrian army positions") in kinds
    assert ("actor", "Hayat Tahrir al-Sham") in kinds
    assert ("place", "Saraqib") in kinds
    assert ("date", "on Thursday") in kinds
    assert ("quantity", "Seven") in kinds
    assert [claim["source"] for claim in report["claims"]] == ["a military source"]


def test_events_detail_offsets_point_into_the_article(
    client: TestClient, samples: list[Sample]
) -> None:
    text = samples[0].text
    detail = client.get("/api/events/evt_saraqib").json()
    sentence = detail["reports"][0]["sentences"][0]
    assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    for highlight in sentence["highlights"]:
        assert text[highlight["start"] : highlight["end"]] == highlight["text"]


def test_events_detail_of_an_unknown_event_is_404(client: TestClient) -> None:
    response = client.get("/api/events/evt_nope")
    assert response.status_code == 404
    assert response.json()["error"] == "NotFoundError"
    assert "evt_nope" in response.json()["detail"]


def test_events_script_in_an_article_stays_inert_text(client: TestClient) -> None:
    response = client.get("/api/events/evt_douentza")
    assert response.headers["content-type"] == "application/json"
    detail = response.json()
    assert detail["sources"] == [SCRIPT]
    assert detail["location"]["note"] == SCRIPT
    assert SCRIPT.encode() in response.content  # verbatim text in JSON, which no browser runs
    assert response.headers["x-content-type-options"] == "nosniff"


def test_events_cursor_pages_are_the_slices_of_the_whole_listing(client: TestClient) -> None:
    whole = [
        item["id"] for item in client.get("/api/events", params={"limit": 1000}).json()["items"]
    ]
    for limit in range(1, len(whole) + 1):
        seen: list[str] = []
        params: dict[str, Any] = {"limit": limit}
        while True:
            page = client.get("/api/events", params=params).json()
            seen.extend(item["id"] for item in page["items"])
            assert page["total"] == len(whole)
            if page["next_cursor"] is None:
                break
            params = {"limit": limit, "cursor": page["next_cursor"]}
        assert seen == whole, limit


def test_events_cursor_refuses_a_made_up_cursor_and_an_offset_beside_it(
    client: TestClient,
) -> None:
    assert client.get("/api/events", params={"cursor": "not-a-cursor"}).status_code == 400
    first = client.get("/api/events", params={"limit": 1}).json()
    both = {"cursor": first["next_cursor"], "offset": 2}
    assert client.get("/api/events", params=both).status_code == 400


def feature(stored: StoredEvent) -> Feature | None:
    """The event as a GeoJSON point built through the API models (the document the direct
    writer must match), or None when it has no coordinates."""
    event = stored.event
    location = event.location
    if location is None or location.latitude is None or location.longitude is None:
        return None
    return Feature(
        id=event.id,
        geometry=PointGeometry(coordinates=(location.longitude, location.latitude)),
        properties=FeatureProperties(
            event_date=event.event_date,
            date_precision=event.date_precision,
            event_type=event.event_type,
            sub_event_type=event.sub_event_type,
            actor1=event.actor1.name if event.actor1 else None,
            actor2=event.actor2.name if event.actor2 else None,
            location=location.name,
            country=location.country,
            admin1=location.admin1,
            geo_precision=location.geo_precision,
            fatalities=event.fatalities,
            certainty=event.certainty,
            fictional=stored.fictional,
            article_id=stored.article_id,
            outlet=stored.outlet,
            report_count=stored.report_count,
            independent_source_count=stored.independent_source_count,
        ),
    )


@pytest.mark.parametrize("params", [{}, {"level": "reports"}, {"limit": "2", "offset": "1"}])
def test_events_geojson_is_the_feature_collection_of_the_events(
    client: TestClient, shared_store: Store, params: dict[str, str]
) -> None:
    query = EventQuery(
        level="reports" if "level" in params else "fused",
        limit=int(params.get("limit", 100)),
        offset=int(params.get("offset", 0)),
    )
    found = shared_store.events(query)
    features = [f for f in (feature(stored) for stored in found) if f is not None]
    expected = FeatureCollection(
        features=features,
        total=shared_store.count_events(query),
        unlocated=len(found) - len(features),
        limit=query.limit,
        offset=query.offset,
    )
    response = client.get("/api/events", params={"format": "geojson", **params})
    assert response.json() == json.loads(expected.model_dump_json())
    assert features
