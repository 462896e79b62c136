"""A real `frontlines serve` over a store of the hand-written samples (and one over the demo
corpus, ingested by the real pipeline), and a headless Chromium.

Chromium is Debian's (/usr/bin/chromium). When it is missing and the tests run as root, it is
installed once per session with apt-get; otherwise the browser tests skip, naming what is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from frontlines.api.routes.page import static_dir
from tests.api.samples import Sample, build_store

CHROMIUM = Path("/usr/bin/chromium")
TOKEN = "web-test-token"


@dataclass(frozen=True)
class Server:
    url: str
    samples: list[Sample]


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists() and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-q"], check=False, env=env, capture_output=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "chromium"],
            check=False,
            env=env,
            capture_output=True,
        )
    if not CHROMIUM.exists():
        pytest.skip(f"no {CHROMIUM}: install Debian's chromium (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def page_assets() -> Path:
    vendor = static_dir() / "vendor"
    if not (vendor / "leaflet" / "leaflet.js").is_file():
        pytest.skip(f"the page's npm assets are not in {vendor}: run `make web`")
    return vendor


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes], *, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"frontlines serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/api/stats", timeout=2) as response:
                json.load(response)
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    pytest.fail(f"frontlines serve did not answer at {url} within {seconds}s")


@contextmanager
def serving(db: Path, folder: Path, cache: Path) -> Iterator[str]:
    """`frontlines serve --db DB` for real, on a free localhost port; yields its URL."""
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("frontlines")), "serve",
        "--db", str(db), "--host", "127.0.0.1", "--port", str(port),
    ]  # fmt: skip
    env = {**os.environ, "FRONTLINES_API_TOKEN": TOKEN, "FRONTLINES_CACHE_DIR": str(cache)}
    url = f"http://127.0.0.1:{port}"
    with (folder / "serve.log").open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            wait_until_up(url, process)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=20)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, page_assets: Path) -> Iterator[Server]:
    """`frontlines serve` over a store of the hand-written samples."""
    folder = tmp_path_factory.mktemp("serve")
    samples = build_store(folder / "demo.duckdb")
    with serving(folder / "demo.duckdb", folder, cache=folder) as url:
        yield Server(url=url, samples=samples)


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory, session_cache: Path) -> Path:
    """A store built from the real fictional demo corpus by the real pipeline, the way
    `make run` builds it: `python -m frontlines ingest --demo` in a subprocess. The gazetteer
    is built (once) in the session's cache."""
    folder = tmp_path_factory.mktemp("demo-store")
    db = folder / "demo.duckdb"
    env = {**os.environ, "FRONTLINES_DB": str(db), "FRONTLINES_CACHE_DIR": str(session_cache)}
    done = subprocess.run(
        [sys.executable, "-m", "frontlines", "ingest", "--demo"],
        env=env,
        capture_output=True,
        timeout=1200,
        check=False,
    )
    output = (done.stdout + done.stderr).decode(errors="replace")
    (folder / "ingest.log").write_text(output)
    assert done.returncode == 0, output[-3000:]
    assert db.is_file(), output[-3000:]
    return db


@pytest.fixture(scope="session")
def demo_server(
    page_assets: Path,
    demo_store: Path,
    session_cache: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """`frontlines serve` over the demo store; yields its URL."""
    folder = tmp_path_factory.mktemp("demo-serve")
    with serving(demo_store, folder, cache=session_cache) as url:
        yield url


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the browser tests save screenshots: $FRONTLINES_SCREENSHOTS, else a temp folder."""
    chosen = os.environ.get("FRONTLINES_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextmanager
def browser_page(chromium: Path, url: str) -> Iterator[Any]:
    """A Playwright tab in Debian's headless Chromium (``executable_path``), at `url` once the
    page reports ready; fails the test if the page raised a JavaScript error."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is missing: pip install -e '.[dev]'"
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), args=["--no-sandbox", "--disable-gpu"]
        )
        # Without the page's CSP, so that the test can evaluate code, and so that escaping alone
        # is what keeps article text inert (the CSP is a second line, checked in test_page.py).
        tab = browser.new_page(viewport={"width": 1400, "height": 850}, bypass_csp=True)
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.goto(url)
        tab.wait_for_selector("body[data-state=ready]", state="attached", timeout=30_000)
        settle(tab)
        yield tab
        browser.close()
        assert errors == []


SETTLED = """() => document.querySelector('.leaflet-overlay-pane path') !== null
    && document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim') === null"""


def settle(tab: Any) -> None:
    """Wait for the map to settle: the page is ready before the map has drawn its basemap and
    ended the zoom that fits the events (and the clusters' animations), and until then the
    markers on the page and a screenshot show a passing state."""
    for _ in range(2):  # twice, a moment apart: a zoom can start just after another ends
        tab.wait_for_function(SETTLED, timeout=15_000)
        tab.wait_for_timeout(300)


def shown_events(tab: Any) -> int:
    """Events on the map: single markers, plus the counts inside the clusters."""
    singles = tab.locator(".ev-marker").count()
    clusters = tab.locator(".marker-cluster span").all_text_contents()
    return int(singles) + sum(int(n) for n in clusters)
