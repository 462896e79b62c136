"""The page driven by Playwright in Debian's headless Chromium (``executable_path``): brush the
timeline, open an event and its evidence, see sources disagree, open the actor graph."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import Server, browser_page, shown_events

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is missing: pip install -e '.[dev]'"
)


@pytest.fixture
def page(chromium: Path, server: Server) -> Iterator[Any]:
    with browser_page(chromium, f"{server.url}/") as tab:
        yield tab


def test_interactions_brush_filters_the_map(page: Any, screenshots: Path) -> None:
    assert shown_events(page) == 7
    box = page.locator("#timeline svg").bounding_box()
    y = box["y"] + 30
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
    page.mouse.up()
    page.wait_for_function("document.body.dataset.events === '1'", timeout=15_000)
    assert "to" in page.text_content("#range-label")
    page.wait_for_selector("body[data-state=ready]", state="attached")
    assert shown_events(page) == 1
    page.screenshot(path=screenshots / "page-brushed.png")


def test_interactions_event_panel_shows_highlighted_evidence(page: Any, screenshots: Path) -> None:
    page.select_option("#f-country", "Syria")
    page.wait_for_function("document.body.dataset.events === '2'", timeout=15_000)
    page.goto(page.url.split("#")[0] + "#event=evt_saraqib")
    page.reload()
    page.wait_for_selector("#panel blockquote.evidence", timeout=15_000)
    panel = page.locator("#panel")
    assert panel.locator(".fictional-badge").count() >= 2  # the event and its report
    assert "Armed clash" in panel.text_content()
    marks = {
        m.get_attribute("class"): m.text_content() for m in panel.locator("blockquote mark").all()
    }
    assert "Hayat Tahrir al-Sham" in marks.values()
    assert any("hl-date" in cls for cls in marks)
    assert any("hl-place" in cls for cls in marks)
    page.screenshot(path=screenshots / "page-event.png")


def test_interactions_disagreements_are_shown_side_by_side(page: Any, server: Server) -> None:
    detail = json.loads(page.evaluate("fetch('/api/events/evt_abu_shouk').then(r => r.text())"))
    detail["contested"] = {
        "fatalities": [
            {"value": 12, "sources": ["camp officials"]},
            {"value": 20, "sources": ["a rights group"]},
        ]
    }
    page.route(
        "**/api/events/evt_abu_shouk",
        lambda route: route.fulfill(status=200, json=detail),
    )
    page.locator(".ev-marker, .marker-cluster").first.wait_for(state="attached")
    page.evaluate("location.hash = '#event=evt_abu_shouk'")
    page.reload()
    page.wait_for_selector("#panel .contested", timeout=15_000)
    values = page.locator("#panel .side-by-side .contested-value").all_text_contents()
    assert len(values) == 2
    assert "12" in values[0] and "camp officials" in values[0]
    assert "20" in values[1] and "a rights group" in values[1]


def test_interactions_actor_graph_edges_open_their_evidence(page: Any, screenshots: Path) -> None:
    page.click("#tab-graph")
    page.wait_for_selector("#graph svg .edge", state="attached", timeout=15_000)
    assert page.locator("#graph svg .edge").count() == 4
    assert page.locator("#graph svg .node").count() == 8
    edge = page.locator('#graph svg .edge[data-type="controlled_by"]')
    edge.dispatch_event("click")
    page.wait_for_selector("#panel .edge-evidence", timeout=15_000)
    text = page.text_content("#panel")
    assert "Wagner Group" in text and "controlled by" in text
    assert "FICTIONAL" in text
    assert page.locator("#panel .edge-evidence mark.hl-evidence").count() == 1
    page.screenshot(path=screenshots / "page-graph.png")


def test_interactions_script_in_an_article_never_runs(page: Any, server: Server) -> None:
    article_id = server.samples[-1].article.id
    page.evaluate(f"location.hash = '#article={article_id}'")
    page.reload()
    page.wait_for_selector("#panel .article-text", timeout=15_000)
    assert "<script>" in page.text_content("#panel .article-text")
    assert page.evaluate("window.__pwned") is None
    assert page.title() == "frontlines"
