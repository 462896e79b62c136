"""Benchmark (not a test): GET /api/events latency over 100,000 synthetic stored events, and the
time the page takes to show them all in headless Chromium.

    .venv/bin/python web/bench_api.py [--events 100000] [--requests 50] [--out bench-out/api.json]
        [--no-page] [--page-runs 1] [--no-requests] [--db STORE]

Builds a synthetic store in a temporary folder (in bulk: ``frontlines.bench.api_store``), starts
`frontlines serve` on a free localhost port, times requests with urllib, then loads the page with
Playwright and Debian's chromium. ``frontlines bench --only api`` reports the same requests'
figures; this script adds the page (loaded ``--page-runs`` times, each in a fresh browser) and
the server's peak resident memory (VmHWM) after all of it.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from frontlines.bench.api import peak_rss_mb
from frontlines.bench.api_store import build_synthetic


def build(path: Path, *, total: int) -> float:
    """A store of ``total`` synthetic events, built in bulk; seconds taken."""
    return build_synthetic(path, total=total)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def timed_get(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 -- localhost only
        response.read()
    return (time.perf_counter() - started) * 1000


def latencies(url: str, *, requests: int) -> dict[str, float]:
    timed_get(url)  # warm-up
    times = sorted(timed_get(url) for _ in range(requests))
    return {
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1),
    }


def page_seconds(url: str, events: int) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        started = time.perf_counter()
        page.goto(url)
        page.wait_for_selector(
            f'body[data-state=ready][data-events="{events}"]', state="attached", timeout=600_000
        )
        elapsed = time.perf_counter() - started
        browser.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--out", type=Path, default=Path("bench-out/api.json"))
    parser.add_argument("--no-page", action="store_true", help="Leave out the Chromium page load.")
    parser.add_argument("--page-runs", type=int, default=1, help="Page loads, each timed.")
    parser.add_argument("--no-requests", action="store_true", help="Leave out the API timings.")
    parser.add_argument(
        "--db", type=Path, help="A store this benchmark built before (kept): no build."
    )
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="frontlines-bench-"))
    db = options.db or folder / "bench.duckdb"
    report: dict[str, object] = {"events": options.events}
    if options.db is None:
        report["build_s"] = round(build(db, total=options.events), 1)
    port = free_port()
    serve = Path(sys.executable).with_name("frontlines")
    command = [str(serve), "serve", "--db", str(db), "--port", str(port)]
    log = (folder / "serve.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            time.sleep(0.3)
            if process.poll() is not None:
                raise SystemExit(f"frontlines serve exited: see {folder / 'serve.log'}")
            try:
                timed_get(f"{base}/api/stats")
                break
            except OSError:
                continue
        runs = {
            "events_default_page": "/api/events",
            "events_filtered": "/api/events?country=Sudan&event_type=Battles&date_from=2024-01-01",
            "events_bbox": "/api/events?bbox=35,34,38,37",
            "events_actor": "/api/events?actor=Armed%20Group%2017",
            "events_geojson_10000": "/api/events?format=geojson&limit=10000",
            "stats": "/api/stats",
        }
        with urllib.request.urlopen(f"{base}/api/events?limit=1", timeout=600) as first:  # noqa: S310
            runs["event_detail"] = "/api/events/" + json.load(first)["items"][0]["id"]
        for name, path in runs.items() if not options.no_requests else ():
            count = options.requests if "10000" not in path else max(5, options.requests // 10)
            report[name] = latencies(base + path, requests=count)
        if not options.no_page:
            loads = [page_seconds(base + "/", options.events) for _ in range(options.page_runs)]
            report["page_shows_all_s"] = round(statistics.median(loads), 2)
            report["page_loads_s"] = [round(seconds, 2) for seconds in loads]
        report["server_peak_rss_mb"] = peak_rss_mb(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps(report, indent=2))
    sys.stdout.write(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
