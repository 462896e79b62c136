"""One laptop, one DuckDB store, a running server: ``ingest`` sends to it and the read-only
commands work beside it. Real processes: ``frontlines serve`` on a free port, the real pipeline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontlines.ingest.ingester import demo_corpus_paths
from frontlines.store.server_address import address_file
from tests.serving import running_server

TOKEN = "laptop-token-51c2"


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "frontlines", *args],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory, session_cache: Path) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("laptop")
    return {
        **os.environ,
        "FRONTLINES_DB": str(folder / "team.duckdb"),
        "FRONTLINES_CACHE_DIR": str(session_cache),
        "FRONTLINES_API_TOKEN": TOKEN,
    }


@pytest.fixture(scope="module")
def server(env: dict[str, str]) -> Iterator[str]:
    """``frontlines serve --create`` over the store; its URL once it answers."""
    with running_server(env) as url:
        yield url
    assert not address_file(env["FRONTLINES_DB"]).exists()  # gone with the server


def test_ingest_goes_to_the_server_and_reads_work_beside_it(
    server: str, env: dict[str, str], tmp_path: Path
) -> None:
    articles = [str(path) for path in demo_corpus_paths()[:3]]  # one clash, three outlets
    sent = run("ingest", *articles, env=env)
    assert sent.returncode == 0, sent.stderr
    assert "held by `frontlines serve`" in sent.stderr and server in sent.stderr
    assert "3 inputs: 3 stored" in sent.stderr
    again = run("ingest", *articles, env=env)
    assert "3 inputs: 0 stored" in again.stderr and "3 duplicate" in again.stderr

    listed = run("events", "--format", "json", env=env)  # while the server runs
    assert listed.returncode == 0, listed.stderr
    served_events = json.loads(listed.stdout)
    assert served_events
    shown = run("events", "show", served_events[0]["id"], "--format", "json", env=env)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["id"] == served_events[0]["id"]
    assert run("events", "decisions", env=env).returncode == 0
    with urllib.request.urlopen(f"{server}/api/events?limit=100") as answer:
        assert json.load(answer)["total"] == len(served_events)

    local = {**env, "FRONTLINES_DB": str(tmp_path / "local.duckdb")}
    assert run("ingest", *articles, env=local).returncode == 0
    local_events = json.loads(run("events", "--format", "json", env=local).stdout)
    assert served_events == local_events  # stored and fused exactly as ingest does


def test_a_wrong_or_missing_token_is_one_line_and_stores_nothing(
    server: str, env: dict[str, str], tmp_path: Path
) -> None:
    text = tmp_path / "new.txt"
    text.write_text("Rebels shelled an army post near Ariha on 3 May 2024.\n", encoding="utf-8")
    wrong = run("ingest", str(text), env={**env, "FRONTLINES_API_TOKEN": "wrong"})
    assert wrong.returncode == 1
    [line] = error_lines(wrong.stderr)
    assert "refused the token" in line
    missing = run("ingest", "--to", server, str(text), env={**env, "FRONTLINES_API_TOKEN": ""})
    assert missing.returncode == 1
    [line] = error_lines(missing.stderr)
    assert "needs its API token: set FRONTLINES_API_TOKEN" in line
    listed = json.loads(run("events", "--format", "json", env=env).stdout)
    assert all("Ariha" not in json.dumps(event) for event in listed)


def test_a_command_that_writes_says_what_to_do(server: str, env: dict[str, str]) -> None:
    merged = run("events", "merge", "evt_a", "evt_b", env=env)
    assert merged.returncode == 1
    [line] = error_lines(merged.stderr)
    assert "in use by another frontlines process" in line
    bad = run("ingest", "--to", "ftp://nowhere", "x.txt", env=env)
    assert bad.returncode == 1
    [line] = error_lines(bad.stderr)
    assert "give the server's address" in line


def test_serve_on_a_port_in_use_says_so_in_one_line(server: str, env: dict[str, str]) -> None:
    port = server.rsplit(":", 1)[1]
    second = run("serve", "--port", port, env=env)
    assert second.returncode == 1
    [line] = error_lines(second.stderr)
    assert f"cannot listen on 127.0.0.1:{port}" in line
