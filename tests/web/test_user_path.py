"""A user's path over the demo, in Chromium: filter by type, brush the timeline, open an event,
follow an actor in the graph, share the URL, export CSV; every view agrees on the count. Then
the same page at phone width (390 px). Screenshots at both widths."""

from __future__ import annotations

import csv
import io
import json
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import browser_page, settle, shown_events

pytest.importorskip("playwright.sync_api", reason="Playwright is missing: pip install -e '.[dev]'")
pytestmark = pytest.mark.slow

READY = "document.body.dataset.state === 'ready'"


def api(url: str, path: str, **params: object) -> Any:
    query = f"?{urllib.parse.urlencode(params)}" if params else ""
    with urllib.request.urlopen(f"{url}{path}{query}", timeout=30) as response:
        return json.load(response)


def counts_agree(tab: Any, total: int) -> None:
    """Status, banner and map all count the same events."""
    assert tab.get_attribute("body", "data-total") == str(total)
    assert tab.get_attribute("#fictional-banner", "data-total") == str(total)
    located = int(tab.get_attribute("body", "data-events"))
    assert shown_events(tab) == located <= total


def choose(tab: Any, selector: str, value: str) -> None:
    tab.evaluate("document.body.dataset.state = 'loading'")
    tab.select_option(selector, value)
    tab.wait_for_function(READY, timeout=20_000)
    settle(tab)


def test_a_users_path_keeps_every_view_in_agreement(
    chromium: Path, demo_server: str, screenshots: Path
) -> None:
    battles = api(demo_server, "/api/events", type="Battles", limit=1)["total"]
    everything = api(demo_server, "/api/stats")["total"]
    assert 0 < battles < everything
    with browser_page(chromium, f"{demo_server}/") as tab:
        counts_agree(tab, everything)
        choose(tab, "#f-type", "Battles")
        counts_agree(tab, battles)
        assert "type=Battles" in tab.url
        # the clusters take the colour of their main type: here every cluster is battles
        assert tab.locator(".ev-cluster").count() == tab.locator(".ev-cluster.t-battles").count()

        # brush the timeline: fewer events, still one count everywhere
        box = tab.locator("#timeline svg").bounding_box()
        tab.evaluate("document.body.dataset.state = 'loading'")
        tab.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + 30)
        tab.mouse.down()
        tab.mouse.move(box["x"] + box["width"] * 0.95, box["y"] + 30, steps=5)
        tab.mouse.up()
        tab.wait_for_function(READY, timeout=20_000)
        settle(tab)
        shared = tab.url
        query = urllib.parse.parse_qs(urllib.parse.urlparse(shared).query)
        assert set(query) >= {"type", "from", "to"}
        brushed = api(demo_server, "/api/events", type="Battles", limit=1,
                      **{"from": query["from"][0], "to": query["to"][0]})["total"]  # fmt: skip
        assert 0 < brushed <= battles
        counts_agree(tab, brushed)

        # open an event: its marker is highlighted
        for _ in range(12):
            if tab.locator(".ev-marker").count():
                break
            tab.locator(".marker-cluster").first.click()
            settle(tab)
        marker = tab.locator(".ev-marker").first
        event_id = marker.get_attribute("data-event-id")
        marker.click()
        tab.wait_for_selector("#panel blockquote.evidence", timeout=15_000)
        tab.wait_for_selector(f'.ev-marker.selected[data-event-id="{event_id}"]', timeout=5_000)
        tab.screenshot(path=screenshots / "user-path-desktop.png")

        # export CSV: the link carries the filters, and gives ACLED rows of battles only
        href = tab.get_attribute("#export-csv", "href")
        assert href is not None and "format=csv" in href and "type=Battles" in href
        with urllib.request.urlopen(f"{demo_server}{href}", timeout=30) as response:
            rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8"))))
        assert {row["event_type"] for row in rows} == {"Battles"}
        assert 0 < len(rows) <= brushed

        # follow an actor in the graph: the actor filter narrows map and graph together
        tab.click("#tab-graph")
        tab.wait_for_selector("#graph svg .node", timeout=15_000)
        nodes = tab.locator("#graph svg .node").count()
        actor = rows[0]["actor1_frontlines"] or rows[0]["actor1"]
        tab.evaluate("document.body.dataset.state = 'loading'")
        tab.fill("#f-actor", actor)
        tab.dispatch_event("#f-actor", "change")
        tab.wait_for_function(READY, timeout=20_000)
        tab.wait_for_selector("#graph svg", timeout=15_000)
        assert tab.locator("#graph svg .node").count() <= nodes
        assert "actor=" in tab.url

    # the shared URL opens the same view
    with browser_page(chromium, shared) as again:
        assert again.input_value("#f-type") == "Battles"
        counts_agree(again, brushed)


def test_the_page_works_at_phone_width(chromium: Path, demo_server: str, screenshots: Path) -> None:
    with browser_page(chromium, f"{demo_server}/") as tab:
        tab.set_viewport_size({"width": 390, "height": 844})
        tab.wait_for_timeout(500)
        box = tab.locator("#map").bounding_box()
        assert box is not None
        assert box["width"] >= 350 and box["height"] >= 300
        assert tab.locator("#filters").is_visible()
        scroll = tab.evaluate("document.documentElement.scrollWidth")
        assert scroll <= 400  # nothing wider than the phone
        tab.screenshot(path=screenshots / "user-path-phone.png", full_page=True)
