"""`frontlines store copy`, and the same demo ingest giving the same events on both backends."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.store.postgres_cluster import Cluster


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "frontlines", *args]
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=900, check=False
    )
    assert done.returncode == 0, done.stderr
    return done


def events_json(db: str, env: dict[str, str]) -> list[dict[str, object]]:
    found = run("events", "--db", db, "--format", "json", "--limit", "1000", env=env).stdout
    return list(json.loads(found))


def test_cli_store_demo_ingest_and_copies_give_the_same_events_on_both_backends(
    tmp_path: Path, session_cache: Path, postgres_cluster: Cluster
) -> None:
    env = {**os.environ, "FRONTLINES_CACHE_DIR": str(session_cache)}
    duck, pg = str(tmp_path / "demo.duckdb"), postgres_cluster.new_database()
    run("ingest", "--demo", "--db", duck, env=env)
    run("ingest", "--demo", "--db", pg, env=env)
    on_duckdb = events_json(duck, env)
    assert on_duckdb and events_json(pg, env) == on_duckdb

    copied, back = postgres_cluster.new_database(), str(tmp_path / "back.duckdb")
    report = run("store", "copy", duck, copied, env=env).stderr
    assert "copied" in report and "articles" in report
    run("store", "copy", copied, back, env=env)
    assert events_json(copied, env) == on_duckdb
    assert events_json(back, env) == on_duckdb
