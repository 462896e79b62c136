"""The page in headless Chromium, started by the test against a real `frontlines serve`."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.api.samples import SCRIPT
from tests.web.conftest import Server

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--window-size=1400,850",
)  # fmt: skip


def run_chromium(chromium: Path, tmp_path: Path, url: str, *extra: str) -> str:
    command = [
        str(chromium), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=15000", *extra, url,
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done.stdout.decode("utf-8")


def test_page_shows_markers_and_the_fictional_label(
    chromium: Path, server: Server, tmp_path: Path, screenshots: Path
) -> None:
    dom = run_chromium(chromium, tmp_path, f"{server.url}/", "--dump-dom")
    assert 'data-state="ready"' in dom, dom[-3000:]
    assert 'data-events="7"' in dom
    markers = len(re.findall(r'class="[^"]*ev-marker', dom))
    cluster_counts = re.findall(r"marker-cluster[^>]*><div[^>]*><span>(\d+)</span>", dom)
    clustered = sum(int(n) for n in cluster_counts)
    assert markers + clustered == 7 and markers >= 1
    assert "FICTIONAL: 6 of the 7 events" in dom
    shot = screenshots / "page-map.png"
    run_chromium(chromium, tmp_path, f"{server.url}/", f"--screenshot={shot}")
    assert shot.stat().st_size > 10_000


def test_page_keeps_a_script_in_an_article_inert(
    chromium: Path, server: Server, tmp_path: Path
) -> None:
    article_id = server.samples[-1].article.id
    dom = run_chromium(chromium, tmp_path, f"{server.url}/#article={article_id}", "--dump-dom")
    assert 'data-state="ready"' in dom
    assert "<title>frontlines</title>" in dom  # the script would have set it to PWNED
    escaped = SCRIPT.replace("<", "&lt;").replace(">", "&gt;")
    assert escaped in dom  # shown as text...
    assert SCRIPT not in dom  # ...never as a script element
    assert '<img src="x"' not in dom
    assert "Convoy ambush &lt;img" in dom
