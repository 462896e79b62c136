from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from frontlines.errors import InputError
from frontlines.exports.events import CSV_COLUMNS, EXPORT_FORMATS, acled_record, write_events
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
    # the ACLED CSV leaves out what ACLED would not code: no event type, or no known country
    expected = 4 if events is None else len(events)
    assert written == (2 if fmt == "csv" and events is None else expected)
    return out.getvalue()


def csv_rows(text: str) -> dict[str, dict[str, str]]:
    return {row["frontlines_id"]: row for row in csv.DictReader(io.StringIO(text))}


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
        "source": "Testwire", "fatalities": "3",
        "timestamp": str(int(INGESTED.timestamp())), "certainty": "reported",
        "fictional": "false",
    }  # fmt: skip
    takeover = rows["evt_atarib"]
    assert (takeover["assoc_actor_1"], takeover["inter1"], takeover["inter2"]) == (
        "Turkistan Islamic Party", "2", "1",
    )  # fmt: skip
    assert (takeover["interaction"], takeover["civilian_targeting"]) == ("12", "")
    # ACLED writes 0 where no toll is reported; ours says it was not reported
    assert (takeover["fatalities"], takeover["fatalities_reported"]) == ("0", "false")
    assert shelling["credited_sources"] == "Syrian Observatory for Human Rights"  # not outlets
    assert shelling["event_id_cnty"].startswith("SYR")
    assert shelling["event_id_cnty"][3:].isdigit()


def test_export_csv_leaves_out_what_acled_would_not_code() -> None:
    rows = csv_rows(export("csv"))
    assert set(rows) == {"evt_shelling", "evt_atarib"}  # not the talks, not in Ruritania
    assert {item["id"] for item in json.loads(export("json"))} >= {"evt_protest", "evt_talks"}


def test_export_record_codes_sole_actors_precision_and_unknown_countries() -> None:
    records = {item.event.id: acled_record(item) for item in sample_events()}
    protest = records["evt_protest"]
    assert (protest["time_precision"], protest["inter1"], protest["inter2"]) == (2, 6, 0)
    assert (protest["interaction"], protest["disorder_type"]) == (60, "Demonstrations")
    assert (protest["iso"], protest["region"], protest["fictional"]) == (None, None, True)
    assert protest["event_id_cnty"].startswith("XXX")
    talks = records["evt_talks"]
    assert (talks["time_precision"], talks["event_type"], talks["year"]) == (3, None, None)
    assert (talks["inter1"], talks["interaction"], talks["latitude"]) == (None, None, None)


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
        feature["properties"]["frontlines_id"]: feature for feature in collection["features"]
    }
    assert set(features) == {item.event.id for item in sample_events()}  # every event
    assert features["evt_shelling"]["geometry"] == {"type": "Point", "coordinates": [36.63, 35.93]}
    assert features["evt_talks"]["geometry"] is None
    assert features["evt_protest"]["properties"]["fictional"] is True
    assert features["evt_shelling"]["properties"]["fictional"] is False
    assert features["evt_shelling"]["properties"]["inter2"] == 7
    assert all(feature["type"] == "Feature" for feature in features.values())


def test_export_table_fits_the_terminal_and_marks_fiction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "150")
    lines = export("table").splitlines()
    assert lines[0].split() == [
        "date", "type", "actor1", "actor2", "location", "fat", "certainty", "fictional",
    ]  # fmt: skip
    assert set(lines[1]) == {"-", " "}
    rows = lines[2:-1]
    assert lines[-1] == "(4 events)"
    assert sum("FICTIONAL" in row for row in rows) == 2
    starts = [row.index("Military Forces of Syria") for row in rows[:1]]
    assert starts == [lines[0].index("actor1")]
    assert "(not an ACLED event)" in "\n".join(rows)
    assert all(len(row) <= 150 for row in rows)


def test_export_table_wraps_long_cells_and_dashes_unknowns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    analysis = syria_analysis()
    event = analysis.events[1]  # no toll reported
    long_name = Event.from_dict(
        {**event.to_dict(), "actor1": {**event.to_dict()["actor1"], "name": "Democratic " * 4}}
    )
    lines = export("table", [stored(analysis, long_name)]).splitlines()
    body = "\n".join(lines[2:-1])
    assert all(len(line) <= 100 for line in lines)
    assert body.count("Democratic") == 4  # wrapped onto more lines, nothing cut
    assert "…" not in body
    assert "—" in body  # fatalities not reported
    assert "None" not in body


def test_export_every_format_handles_no_events() -> None:
    assert export("csv", []).splitlines() == [",".join(CSV_COLUMNS)]
    assert json.loads(export("json", [])) == []
    assert json.loads(export("geojson", [])) == {"type": "FeatureCollection", "features": []}
    assert export("table", []).splitlines()[-1] == "(0 events)"
    assert set(EXPORT_FORMATS) == {"table", "csv", "json", "geojson"}


def test_export_unknown_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown export format 'xlsx'"):
        write_events([], format="xlsx", out=io.StringIO())
