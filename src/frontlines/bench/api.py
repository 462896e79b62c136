"""The api benchmark: latency of the HTTP API's read paths over a large synthetic store.

Builds a store of synthetic events (``api_store``: 100,000 on the gate sample, 1,000,000 on the
full one, or ``events``; ``db`` reuses a store built before), starts ``frontlines serve`` on it
in its own process, times each request with urllib (one warm-up, then ``requests`` in a row) and
reports the median and 95th percentile in ms, and the server's peak resident memory (Linux's
VmHWM). Reported, never gated: speed targets live here, not in unit tests, and the machines are
noisy. Needs no data folder, so it runs only when named (``--only api``).
"""

from __future__ import annotations

import json
import logging
import math
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from frontlines.bench.api_store import build_synthetic
from frontlines.bench.report import BenchResult, Figure, Sample
from frontlines.errors import FrontlinesError

NAME = "api"
EVENTS: Mapping[Sample, int] = {"gate": 100_000, "full": 1_000_000}
REQUESTS = 30
START_TIMEOUT_S = 600.0
# What is timed: the page's first requests, a filter, a box, an actor and the map's download.
PATHS: Mapping[str, str] = {
    "default page": "/api/events",
    "filter": "/api/events?country=Sudan&event_type=Battles&date_from=2024-01-01",
    "bbox": "/api/events?bbox=35,34,38,37",
    "actor filter": "/api/events?actor=Armed%20Group%2017",
    "stats": "/api/stats",
    "geojson 10k": "/api/events?format=geojson&limit=10000",
    "clusters": "/api/clusters?bbox=-180,-90,180,90&zoom=2",
}
SLOW_PATHS = frozenset({"geojson 10k"})  # a tenth of the requests (at least 5)

logger = logging.getLogger(__name__)


class ServerStartError(FrontlinesError):
    """``frontlines serve`` exited or did not answer: there is nothing to time."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..1) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def timed_get(url: str) -> float:
    """Milliseconds to fetch and read ``url``."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=300) as response:  # noqa: S310 -- localhost only
        response.read()
    return (time.perf_counter() - started) * 1000


def latencies(url: str, *, requests: int) -> tuple[float, float]:
    """Median and 95th percentile (ms) of ``requests`` fetches after one warm-up."""
    timed_get(url)
    times = [timed_get(url) for _ in range(requests)]
    return statistics.median(times), percentile(times, 0.95)


def peak_rss_mb(pid: int) -> float | None:
    """The process' peak resident memory in MB (Linux's VmHWM), None where /proc lacks it."""
    status = Path(f"/proc/{pid}/status")
    try:
        lines = status.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


@contextmanager
def served(db: Path, *, log: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``frontlines serve --db db`` on a free port: its URL and process once it answers."""
    port = free_port()
    command = [sys.executable, "-m", "frontlines", "serve", "--db", str(db), "--port", str(port)]
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)  # noqa: S603
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(url, process, log=log)
            yield url, process
        finally:
            process.terminate()
            process.wait(timeout=60)


def _wait_until_up(url: str, process: subprocess.Popen[bytes], *, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if process.poll() is not None:
            raise ServerStartError(
                f"frontlines serve exited with {process.returncode}: {_tail(log)}"
            )
        try:
            with urllib.request.urlopen(f"{url}/api/stats?limit=1", timeout=5):  # noqa: S310
                return
        except OSError:
            if time.monotonic() > deadline:
                raise ServerStartError(f"frontlines serve did not answer: {_tail(log)}") from None
            time.sleep(0.3)


def _tail(log: Path) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-800:].strip()


def measure(url: str, *, requests: int) -> dict[str, tuple[float, float]]:
    """Median and p95 (ms) of every path, and of one event's detail."""
    with urllib.request.urlopen(f"{url}/api/events?limit=1", timeout=300) as first:  # noqa: S310
        items = json.load(first)["items"]
    paths = dict(PATHS)
    if items:
        paths["event detail"] = "/api/events/" + urllib.parse.quote(items[0]["id"])
    found: dict[str, tuple[float, float]] = {}
    for name, path in paths.items():
        count = max(5, requests // 10) if name in SLOW_PATHS else requests
        logger.info("api bench: %s (%d requests)", name, count)
        found[name] = latencies(url + path, requests=count)
    return found


def run_api(
    *,
    sample: Sample,
    command: str,
    events: int | None = None,
    db: Path | None = None,
    requests: int = REQUESTS,
) -> BenchResult:
    """Time the API over a synthetic store of ``events`` (by default the sample's size)."""
    total = events or EVENTS[sample]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="frontlines-api-bench-") as folder:
        store = db or Path(folder) / "bench.duckdb"
        build_s = None if store.exists() else build_synthetic(store, total=total)
        try:
            with served(store, log=Path(folder) / "serve.log") as (url, process):
                timings = measure(url, requests=requests)
                rss = peak_rss_mb(process.pid)
        except ServerStartError as error:
            return BenchResult(name=NAME, status="failed", reason=str(error))
    dataset = f"synthetic store ({'given' if build_s is None else 'built'}: {store.name})"
    return BenchResult(
        name=NAME,
        status="ok",
        figures=tuple(
            api_figures(
                timings, rss=rss, build_s=build_s, dataset=dataset, command=command, size=total
            )
        ),
        seconds=time.perf_counter() - started,
        details={"requests": requests, "paths": {**PATHS}},
    )


def api_figures(
    timings: Mapping[str, tuple[float, float]],
    *,
    rss: float | None,
    build_s: float | None,
    dataset: str,
    command: str,
    size: int,
) -> list[Figure]:
    def figure(name: str, value: float | None, unit: str) -> Figure:
        return Figure(
            name=f"api: {name}",
            value=None if value is None else round(value, 1),
            unit=unit,
            better="lower",
            dataset=dataset,
            size=size,
            command=command,
            note="not gated",
        )

    found = [
        figure(f"{name} {label} ms", value, "ms")
        for name, (median, p95) in timings.items()
        for label, value in (("p50", median), ("p95", p95))
    ]
    found.append(figure("server peak RSS MB", rss, "MB"))
    if build_s is not None:
        found.append(figure("store build s", build_s, "s"))
    return found
