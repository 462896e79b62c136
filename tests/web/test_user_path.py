"""A user's path over the demo, in Chromium at 1280 px: filter by type, brush the timeline, open an
event (the map zoomed in on it has place labels), export CSV and Parquet, follow an actor from
the actor graph, share the URL and open it again; at every step the status, banner, timeline,
map and actor graph count the same events. Then the shared URL at phone width (390 px).
Screenshots at both widths."""

from __future__ import annotations

import csv
import io
import json
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from frontlines.api.routes.page import static_dir
from tests.web.conftest import browser_page, settle, shown_events

pytest.importorskip("playwright.sync_api", reason="Playwright is missing: pip install -e '.[dev]'")
pytestmark = pytest.mark.slow

READY = "document.body.dataset.state === 'ready'"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def api(url: str, path: str, **params: object) -> Any:
    query = f"?{urllib.parse.urlencode(params)}" if params else ""
    with urllib.request.urlopen(f"{url}{path}{query}", timeout=30) as response:
        return json.load(response)


def download(url: str, href: str) -> bytes:
    with urllib.request.urlopen(f"{url}{href}", timeout=30) as response:
        return bytes(response.read())


def counts_agree(tab: Any, total: int, *, graph: bool = False) -> None:
    """Status, banner, timeline and map (and the actor graph, when shown) count the same."""
    assert tab.get_attribute("body", "data-total") == str(total)
    assert tab.get_attribute("#fictional-banner", "data-total") == str(total)
    assert tab.get_attribute("#timeline", "data-total") == str(total)
    if graph:
        assert tab.get_attribute("#graph", "data-events") == str(total)
        return
    located = int(tab.get_attribute("body", "data-events"))
    assert shown_events(tab) == located <= total


def wait_ready(tab: Any, *, map_shown: bool = True) -> None:
    tab.wait_for_function(READY, timeout=30_000)
    if map_shown:
        settle(tab)


def choose(tab: Any, selector: str, value: str) -> None:
    tab.evaluate("document.body.dataset.state = 'loading'")
    tab.select_option(selector, value)
    wait_ready(tab)


def brush(tab: Any, start: float, end: float) -> None:
    box = tab.locator("#timeline svg").bounding_box()
    tab.evaluate("document.body.dataset.state = 'loading'")
    tab.mouse.move(box["x"] + box["width"] * start, box["y"] + 30)
    tab.mouse.down()
    tab.mouse.move(box["x"] + box["width"] * end, box["y"] + 30, steps=5)
    tab.mouse.up()
    wait_ready(tab)


def open_an_event(tab: Any) -> str:
    """Click clusters until a single marker shows, then open it; returns its id."""
    for _ in range(12):
        if tab.locator(".ev-marker").count():
            break
        tab.locator(".marker-cluster").first.click()
        settle(tab)
    marker = tab.locator(".ev-marker").first
    event_id = str(marker.get_attribute("data-event-id"))
    marker.click()
    tab.wait_for_selector("#panel blockquote.evidence", timeout=15_000)
    tab.wait_for_selector(f'.ev-marker.selected[data-event-id="{event_id}"]', timeout=5_000)
    return event_id


def zoom_in_on(tab: Any, selector: str, *, zoom: int) -> None:
    """Turn the mouse wheel over an element (Leaflet zooms around the pointer) up to ``zoom``."""
    for _ in range(12):
        if int(tab.get_attribute("#map", "data-zoom")) >= zoom:
            return
        box = tab.locator(selector).bounding_box()
        tab.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        tab.mouse.wheel(0, -240)
        tab.wait_for_timeout(400)
        settle(tab)
    raise AssertionError(f"the map did not zoom in to {zoom}")


def test_a_users_path_keeps_every_view_in_agreement(
    chromium: Path, demo_server: str, screenshots: Path
) -> None:
    everything = api(demo_server, "/api/stats")["total"]
    battles = api(demo_server, "/api/events", type="Battles", limit=1)["total"]
    assert 0 < battles < everything
    with browser_page(chromium, f"{demo_server}/") as tab:
        tab.set_viewport_size(DESKTOP)
        settle(tab)
        counts_agree(tab, everything)

        # filter by type
        choose(tab, "#f-type", "Battles")
        counts_agree(tab, battles)
        assert "type=Battles" in tab.url
        # the clusters take the colour of their main type: here every cluster is battles
        assert tab.locator(".ev-cluster").count() == tab.locator(".ev-cluster.t-battles").count()

        # brush the timeline: fewer events, still one count everywhere
        brush(tab, 0.5, 0.95)
        query = urllib.parse.parse_qs(urllib.parse.urlparse(tab.url).query)
        assert set(query) >= {"type", "from", "to"}
        dates = {"from": query["from"][0], "to": query["to"][0]}
        brushed = api(demo_server, "/api/events", type="Battles", limit=1, **dates)["total"]
        assert 0 < brushed <= battles
        counts_agree(tab, brushed)

        # open an event: its marker is highlighted, and the map around it has place names
        event_id = open_an_event(tab)
        assert f"#event={event_id}" in tab.url
        zoom_in_on(tab, f'.ev-marker[data-event-id="{event_id}"]', zoom=8)
        tab.wait_for_function("Number(document.querySelector('#map').dataset.labels) > 0")
        assert tab.locator(".place-label.k-city").count() >= 1
        if (static_dir() / "vendor" / "admin1" / "admin1-borders.json").is_file():
            tab.wait_for_selector('#map[data-admin1="true"]', state="attached", timeout=10_000)
        tab.screenshot(path=screenshots / "user-path-desktop-event.png")

        # export CSV and Parquet: the links carry the filters and give what is shown
        href = tab.get_attribute("#export-csv", "href")
        assert href is not None and "format=csv" in href and "type=Battles" in href
        rows = list(csv.DictReader(io.StringIO(download(demo_server, href).decode("utf-8"))))
        assert {row["event_type"] for row in rows} == {"Battles"}
        assert 0 < len(rows) <= brushed  # ACLED's CSV leaves out events ACLED would not code
        assert all(dates["from"] <= row["event_date"] <= dates["to"] for row in rows)
        pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow comes with the scale extra")
        parquet = tab.get_attribute("#export-parquet", "href")
        assert parquet is not None and "type=Battles" in parquet
        table = pq.read_table(io.BytesIO(download(demo_server, parquet)))
        assert table.num_rows == brushed  # every event shown, in one GeoParquet file

        # the actor graph follows the filters; follow the opened event's actor from it
        tab.click("#tab-graph")
        tab.wait_for_selector("#graph svg .node", timeout=15_000)
        wait_ready(tab, map_shown=False)
        counts_agree(tab, brushed, graph=True)
        event = api(demo_server, f"/api/events/{urllib.parse.quote(event_id)}")
        actors = {ref["id"] for ref in (event["actor1"], event["actor2"]) if ref}
        node = next(
            (n for n in tab.locator("#graph svg .node").all()
             if n.get_attribute("data-actor-id") in actors),
            tab.locator("#graph svg .node").first,
        )  # fmt: skip
        node.click()
        tab.wait_for_selector("#panel button.follow", timeout=15_000)
        actor = tab.text_content("#panel h2")
        assert actor
        tab.evaluate("document.body.dataset.state = 'loading'")
        tab.click("#panel button.follow")
        wait_ready(tab, map_shown=False)
        assert tab.input_value("#f-actor") == actor
        followed = api(demo_server, "/api/events", type="Battles", actor=actor, limit=1, **dates)
        assert followed["total"] <= brushed
        counts_agree(tab, followed["total"], graph=True)
        assert "actor=" in tab.url
        tab.screenshot(path=screenshots / "user-path-desktop-graph.png")
        tab.click("#tab-map")
        settle(tab)
        counts_agree(tab, followed["total"])
        shared = tab.url

    # the shared URL opens the same view, on a desktop and on a phone
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        with browser_page(chromium, shared) as again:
            again.set_viewport_size(viewport)
            settle(again)
            assert again.input_value("#f-type") == "Battles"
            assert again.input_value("#f-actor") == actor
            assert again.text_content("#range-label") == f"Dates: {dates['from']} to {dates['to']}"
            counts_agree(again, followed["total"])
            again.screenshot(path=screenshots / f"user-path-{name}-shared.png", full_page=True)


def test_the_page_works_at_phone_width(chromium: Path, demo_server: str, screenshots: Path) -> None:
    with browser_page(chromium, f"{demo_server}/") as tab:
        tab.set_viewport_size(PHONE)
        tab.wait_for_timeout(500)
        box = tab.locator("#map").bounding_box()
        assert box is not None
        assert box["width"] >= 350 and box["height"] >= 300
        assert tab.locator("#filters").is_visible()
        scroll = tab.evaluate("document.documentElement.scrollWidth")
        assert scroll <= 400  # nothing wider than the phone
        tab.wait_for_function("Number(document.querySelector('#map').dataset.labels) > 0")
        tab.screenshot(path=screenshots / "user-path-phone.png", full_page=True)
