"""A real ``frontlines serve`` process for tests that talk to it over HTTP."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(env: dict[str, str]) -> Iterator[str]:
    """``frontlines serve --create`` with ``env`` on a free port; its URL once it answers,
    stopped with SIGTERM on leaving."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "frontlines", "serve", "--create", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/stats", timeout=5):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                _, stderr = process.communicate(timeout=30)
                pytest.fail(f"frontlines serve did not start: {stderr}")
            time.sleep(0.2)
    try:
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=60)
