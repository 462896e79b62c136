"""The map of a store too large to load whole: the server's clusters (GET /api/clusters), then
a view's events once it holds few enough. The sample store is small, so the test lowers the
page's limit (``window.frontlinesDetailLimit``) before the page's scripts run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import SETTLED, Server, shown_events

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is missing: pip install -e '.[dev]'"
)


def density_total(tab: Any) -> int:
    texts = tab.locator(".ev-cluster.density span").all_text_contents()
    return sum(int(text) for text in texts)


def test_density_shows_every_event_as_counts_then_events_on_zoom(
    chromium: Path, server: Server, screenshots: Path
) -> None:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), args=["--no-sandbox", "--disable-gpu"]
        )
        tab = browser.new_page(viewport={"width": 1400, "height": 850}, bypass_csp=True)
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.add_init_script("window.frontlinesDetailLimit = 3;")
        tab.goto(f"{server.url}/")
        tab.wait_for_selector("body[data-state=ready][data-mode=clusters]", state="attached")
        tab.wait_for_function(SETTLED, timeout=15_000)
        located = int(tab.get_attribute("body", "data-events") or 0)
        assert located == 7
        assert density_total(tab) == located
        assert tab.locator(".ev-marker").count() == 0
        tab.screenshot(path=screenshots / "page-density.png")
        zoom = int(tab.get_attribute("#map", "data-zoom") or 0)
        tab.locator(".ev-cluster.density").first.click()
        tab.wait_for_function(
            f"Number(document.querySelector('#map').dataset.zoom) > {zoom}", timeout=15_000
        )
        tab.wait_for_function(
            "document.body.dataset.state === 'ready'"
            " && document.querySelectorAll('.ev-marker, .marker-cluster').length > 0",
            timeout=15_000,
        )
        tab.wait_for_function(SETTLED, timeout=15_000)
        assert 0 < shown_events(tab) <= located
        browser.close()
    assert errors == []
