"""The server address file beside a DuckDB store: written while serving, ignored when stale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from frontlines.store.server_address import (
    address_file,
    advertised,
    server_address,
    server_url,
)


def test_the_address_is_there_while_the_server_runs_and_gone_after(tmp_path: Path) -> None:
    store = tmp_path / "team.duckdb"
    with advertised(store, url="http://127.0.0.1:8123") as file:
        assert file == tmp_path / "team.duckdb.server.json"
        found = server_address(store)
        assert found is not None
        assert (found.url, found.pid) == ("http://127.0.0.1:8123", os.getpid())
        assert "token" not in file.read_text(encoding="utf-8")
    assert not address_file(store).exists()
    assert server_address(store) is None


def test_an_address_left_by_a_dead_server_is_ignored(tmp_path: Path) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    store = tmp_path / "team.duckdb"
    payload = {"url": "http://127.0.0.1:8123", "pid": int(gone.stdout)}
    address_file(store).write_text(json.dumps(payload), encoding="utf-8")
    assert server_address(store) is None


def test_a_damaged_address_file_is_ignored(tmp_path: Path) -> None:
    store = tmp_path / "team.duckdb"
    for text in ("{not json", "[]", '{"url": 5, "pid": 1}', '{"url": "http://x:1", "pid": true}'):
        address_file(store).write_text(text, encoding="utf-8")
        assert server_address(store) is None


def test_a_server_on_every_interface_is_reached_on_the_loopback() -> None:
    assert server_url("0.0.0.0", 8000) == "http://127.0.0.1:8000"
    assert server_url("::", 8000) == "http://[::1]:8000"
    assert server_url("10.0.0.5", 80) == "http://10.0.0.5:80"
