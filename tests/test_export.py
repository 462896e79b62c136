from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from frontlines.errors import InputError
from frontlines.export import CSV_COLUMNS, EXPORT_FORMATS, write_events
from frontlines.model import Analysis, Event
from frontlines.store.base import StoredEvent
from tests.store.samples import TIP, ruritania_analysis, syria_analysis

# ACLED's export columns, in ACLED's order.
ACLED_NAMES = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
INGESTED = datetime(2024, 11, 28, 12, 0, tzinfo=UTC)


def stored(analysis: Analysis, event: Event) -> StoredEvent:
    article = analysis.article
    return StoredEvent(
        event=event,
        article_id=article.id,
        outlet=article.outlet,
        title=article.title,
        url=article.url,
        published=article.published,
        fictional=article.fictional,
        pipeline_version=analysis.pipeline_version,
        ingested_at=INGESTED,
    )


def sample_events() -> list[StoredEvent]:
    return [
        stored(analysis, event)
        for analysis in (syria_analysis(), ruritania_analysis())
        for event in analysis.events
    ]


def export(fmt: str, events: list[StoredEvent] | None = None) -> str:
    out = io.StringIO()
    written = write_events(iter(sample_events() if events is None else events), format=fmt, out=out)
    assert written == (4 if events is None else len(events))
    return out.getvalue()


def csv_rows(text: str) -> dict[str, dict[str, str]]:
    return {row["event_id_cnty"]: row for row in csv.DictReader(io.StringIO(text))}


def test_export_csv_uses_acled_column_names_then_ours() -> None:
    header = export("csv").splitlines()[0].split(",")
    assert header == list(CSV_COLUMNS)
    assert header[: len(ACLED_NAMES) + 4] == [
        *ACLED_NAMES, "article_id", "certainty", "fictional", "pipeline_version",
    ]  # fmt: skip


def test_export_csv_fills_acled_codes() -> None:
    rows = csv_rows(export("csv"))
    shelling = rows["evt_shelling"]
    assert {key: shelling[key] for key in (
        "event_date", "year", "time_precision", "disorder_type", "actor1", "inter1", "actor2",
        "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
        "location", "latitude", "longitude", "geo_precision", "source", "fatalities", "timestamp",
        "certainty", "fictional",
    )} == {
        "event_date": "2024-11-26", "year": "2024", "time_precision": "1",
        "disorder_type": "Political violence", "actor1": "Military Forces of Syria",
        "inter1": "1", "actor2": "Civilians (Syria)", "inter2": "7", "interaction": "17",
        "civilian_targeting": "Civilian targeting", "iso": "760", "region": "Middle East",
        "country": "Syria", "admin1": "Idlib", "location": "Idlib", "latitude": "35.93",
        "longitude": "36.63", "geo_precision": "1",
        "source": "Testwire; Syrian Observatory for Human Rights", "fatalities": "3",
        "timestamp": str(int(INGESTED.timestamp())), "certainty": "reported",
        "fictional": "false",
    }  # fmt: skip
    takeover = rows["evt_atarib"]
    assert (takeover["assoc_actor_1"], takeover["inter1"], takeover["inter2"]) == (
        "Turkistan Islamic Party", "2", "1",
    )  # fmt: skip
    assert (takeover["interaction"], takeover["civilian_targeting"]) == ("12", "")
    assert takeover["fatalities"] == ""  # not reported is not zero


def test_export_csv_codes_sole_actors_precision_and_unknown_countries() -> None:
    rows = csv_rows(export("csv"))
    protest = rows["evt_protest"]
    assert (protest["time_precision"], protest["inter1"], protest["inter2"]) == ("2", "6", "0")
    assert (protest["interaction"], protest["disorder_type"]) == ("60", "Demonstrations")
    assert (protest["iso"], protest["region"], protest["fictional"]) == ("", "", "true")
    talks = rows["evt_talks"]
    assert (talks["time_precision"], talks["event_type"], talks["year"]) == ("3", "", "")
    assert (talks["inter1"], talks["interaction"], talks["latitude"]) == ("", "", "")


def test_export_csv_joins_associated_actors_like_acled() -> None:
    analysis = syria_analysis()
    event = analysis.events[1]
    second = TIP.__class__(id="act_x", name="Ahrar al-Sham", kind="rebel group")
    two = Event.from_dict({**event.to_dict(), "assoc_actor_1": [TIP.to_dict(), second.to_dict()]})
    row = csv_rows(export("csv", [stored(analysis, two)]))["evt_atarib"]
    assert row["assoc_actor_1"] == "Turkistan Islamic Party; Ahrar al-Sham"


def test_export_json_marks_fiction_and_keeps_the_contract_fields() -> None:
    items = json.loads(export("json"))
    assert [item["id"] for item in items] == [
        "evt_shelling", "evt_atarib", "evt_protest", "evt_talks",
    ]  # fmt: skip
    assert [item["fictional"] for item in items] == [False, False, True, True]
    originals = [item.event for item in sample_events()]
    assert [Event.from_dict(item) for item in items] == originals
    assert items[0]["outlet"] == "Testwire"
    assert items[0]["pipeline_version"] == syria_analysis().pipeline_version


def test_export_geojson_is_a_feature_collection_of_points() -> None:
    collection = json.loads(export("geojson"))
    assert collection["type"] == "FeatureCollection"
    features = {
        feature["properties"]["event_id_cnty"]: feature for feature in collection["features"]
    }
    assert features["evt_shelling"]["geometry"] == {"type": "Point", "coordinates": [36.63, 35.93]}
    assert features["evt_talks"]["geometry"] is None
    assert features["evt_protest"]["properties"]["fictional"] is True
    assert features["evt_shelling"]["properties"]["fictional"] is False
    assert features["evt_shelling"]["properties"]["inter2"] == 7
    assert all(feature["type"] == "Feature" for feature in features.values())


def test_export_table_is_fixed_width_and_marks_fiction() -> None:
    lines = export("table").splitlines()
    assert lines[0].split() == [
        "date", "type", "actor1", "actor2", "location", "fat", "certainty", "fictional",
    ]  # fmt: skip
    assert set(lines[1]) == {"-", " "}
    rows = lines[2:-1]
    assert lines[-1] == "(4 events)"
    assert [("FICTIONAL" in row) for row in rows] == [False, False, True, True]
    starts = [row.index("Military Forces of Syria") for row in rows[:1]]
    assert starts == [lines[0].index("actor1")]
    assert "(not a conflict event)" in rows[3]
    assert all(len(row) <= len(lines[1]) for row in rows)


def test_export_table_truncates_long_cells() -> None:
    analysis = syria_analysis()
    event = analysis.events[0]
    long_name = Event.from_dict(
        {**event.to_dict(), "actor1": {**event.to_dict()["actor1"], "name": "X" * 60}}
    )
    row = export("table", [stored(analysis, long_name)]).splitlines()[2]
    assert "X" * 23 + "…" in row
    assert "X" * 25 not in row


def test_export_every_format_handles_no_events() -> None:
    assert export("csv", []).splitlines() == [",".join(CSV_COLUMNS)]
    assert json.loads(export("json", [])) == []
    assert json.loads(export("geojson", [])) == {"type": "FeatureCollection", "features": []}
    assert export("table", []).splitlines()[-1] == "(0 events)"
    assert set(EXPORT_FORMATS) == {"table", "csv", "json", "geojson"}


def test_export_unknown_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown export format 'xlsx'"):
        write_events([], format="xlsx", out=io.StringIO())
