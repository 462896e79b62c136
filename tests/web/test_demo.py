"""End to end over the real demo: the fictional demo corpus ingested by the real pipeline
(`python -m frontlines ingest --demo`), served by `frontlines serve`, and the page driven by
Playwright in Debian's headless Chromium. Load the page and see a marker for every located demo
event, brush the timeline, open an event and its highlighted evidence, open the actor graph.
Screenshots go to the `screenshots` folder; the map is also copied to DEMO_MAP_COPY."""

from __future__ import annotations

import json
import re
import shutil
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import browser_page, settle, shown_events

pytest.importorskip("playwright.sync_api", reason="Playwright is missing: pip install -e '.[dev]'")

DEMO_MAP_COPY = Path("/tmp/frontlines-demo-map.png")


def api(url: str, path: str, **params: object) -> Any:
    query = f"?{urllib.parse.urlencode(params)}" if params else ""
    with urllib.request.urlopen(f"{url}{path}{query}", timeout=30) as response:
        return json.load(response)


def located(url: str, **params: object) -> list[dict[str, Any]]:
    """The located events the API gives as GeoJSON (what the page puts on the map)."""
    found = api(url, "/api/events", format="geojson", limit=10_000, **params)
    assert found["total"] == len(found["features"]) + found["unlocated"]
    return list(found["features"])


def reveal_a_marker(tab: Any) -> Any:
    """A single event marker: when every event sits in a cluster, click clusters (Leaflet zooms
    in on them, or spreads them out at the last zoom) until one shows."""
    for _ in range(12):
        if tab.locator(".ev-marker").count():
            break
        tab.locator(".marker-cluster").first.click()
        settle(tab)  # Leaflet's zoom and spiderfy animations
    marker = tab.locator(".ev-marker").first
    marker.wait_for(state="visible", timeout=5_000)
    return marker


@pytest.fixture
def demo_page(chromium: Path, demo_server: str) -> Iterator[Any]:
    with browser_page(chromium, f"{demo_server}/") as tab:
        yield tab


def test_demo_map_shows_every_located_event_marked_fictional(
    demo_page: Any, demo_server: str, screenshots: Path
) -> None:
    features = located(demo_server)
    stats = api(demo_server, "/api/stats")
    assert len(features) > 10
    assert stats["fictional"] == stats["total"] > 0  # the demo corpus is all invented
    assert demo_page.get_attribute("body", "data-events") == str(len(features))
    assert shown_events(demo_page) == len(features)  # markers, plus those inside clusters
    banner = demo_page.locator("#fictional-banner")
    assert banner.is_visible()
    assert f"FICTIONAL: {stats['fictional']} of the {stats['total']} events" in banner.inner_text()
    status = demo_page.text_content("#status")
    assert f"{len(features)} events on the map" in status
    assert f"({len(features)} FICTIONAL)" in status
    shot = screenshots / "demo-map.png"
    demo_page.screenshot(path=shot)
    assert shot.stat().st_size > 10_000
    shutil.copyfile(shot, DEMO_MAP_COPY)
    reveal_a_marker(demo_page)
    singles = demo_page.locator(".ev-marker").count()
    assert demo_page.locator(".ev-marker.fictional").count() == singles >= 1


def test_demo_brushing_the_timeline_shows_fewer_events(
    demo_page: Any, demo_server: str, screenshots: Path
) -> None:
    everything = len(located(demo_server))
    box = demo_page.locator("#timeline svg").bounding_box()
    y = box["y"] + 30
    demo_page.mouse.move(box["x"] + box["width"] * 0.45, y)
    demo_page.mouse.down()
    demo_page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=5)
    demo_page.mouse.up()
    demo_page.wait_for_function(
        f"document.body.dataset.events !== '{everything}'"
        " && document.body.dataset.state === 'ready'",
        timeout=15_000,
    )
    settle(demo_page)
    label = demo_page.text_content("#range-label")
    dates = re.fullmatch(r"Dates: (\d{4}-\d\d-\d\d) to (\d{4}-\d\d-\d\d)", label)
    assert dates, label
    expected = located(demo_server, date_from=dates[1], date_to=dates[2])
    assert 0 < len(expected) < everything
    assert demo_page.get_attribute("body", "data-events") == str(len(expected))
    assert shown_events(demo_page) == len(expected)
    demo_page.screenshot(path=screenshots / "demo-brushed.png")


def test_demo_event_panel_shows_highlighted_evidence(
    demo_page: Any, demo_server: str, screenshots: Path
) -> None:
    marker = reveal_a_marker(demo_page)
    event_id = marker.get_attribute("data-event-id")
    assert event_id
    marker.click()
    demo_page.wait_for_selector("#panel blockquote.evidence", timeout=15_000)
    detail = api(demo_server, f"/api/events/{urllib.parse.quote(event_id)}")
    sentences = [s["text"] for r in detail["reports"] for s in r["sentences"]]
    assert sentences, detail
    panel = demo_page.locator("#panel")
    assert panel.locator(".fictional-badge").count() >= 2  # the event and its report
    quotes = panel.locator("blockquote.evidence")
    shown = [" ".join(q.split()) for q in quotes.all_text_contents()]
    assert {" ".join(s.split()) for s in sentences} <= set(shown)
    assert quotes.first.locator("mark").count() >= 1
    assert panel.locator("blockquote.evidence mark.hl-evidence").count() >= 1
    demo_page.screenshot(path=screenshots / "demo-event.png")


def test_demo_actor_graph_has_nodes_and_edges(
    demo_page: Any, demo_server: str, screenshots: Path
) -> None:
    relations = api(demo_server, "/api/relations", limit=10_000)["items"]
    edges = {(r["source"], r["type"], r["target"]) for r in relations}
    nodes = {actor for r in relations for actor in (r["source"], r["target"])}
    assert edges and len(nodes) >= 2
    demo_page.click("#tab-graph")
    demo_page.wait_for_selector("#graph svg .edge", state="attached", timeout=15_000)
    assert demo_page.locator("#graph svg .edge").count() == len(edges)
    assert demo_page.locator("#graph svg .node").count() == len(nodes)
    demo_page.screenshot(path=screenshots / "demo-graph.png")
    demo_page.locator("#graph svg .edge").first.dispatch_event("click")
    demo_page.wait_for_selector("#panel .edge-evidence", timeout=15_000)
    assert demo_page.locator("#panel .edge-evidence mark").count() >= 1
    assert demo_page.locator("#panel .fictional-badge").count() >= 1
    demo_page.screenshot(path=screenshots / "demo-graph-edge.png")
