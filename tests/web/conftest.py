"""A real `frontlines serve` over a store of the hand-written samples, and a headless Chromium.

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
from dataclasses import dataclass
from pathlib import Path

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


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, page_assets: Path) -> Iterator[Server]:
    """`frontlines serve` for real, on a free localhost port."""
    folder = tmp_path_factory.mktemp("serve")
    samples = build_store(folder / "demo.duckdb")
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("frontlines")), "serve",
        "--db", str(folder / "demo.duckdb"), "--host", "127.0.0.1", "--port", str(port),
    ]  # fmt: skip
    env = {**os.environ, "FRONTLINES_API_TOKEN": TOKEN, "FRONTLINES_CACHE_DIR": str(folder)}
    log = (folder / "serve.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield Server(url=url, samples=samples)
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the browser tests save screenshots: $FRONTLINES_SCREENSHOTS, else a temp folder."""
    chosen = os.environ.get("FRONTLINES_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
