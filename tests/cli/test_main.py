"""The command line as a user runs it: real subprocesses, a real store, the real pipeline."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from frontlines.ingest.ingester import demo_corpus_paths
from frontlines.store import EventQuery, open_store

ARTICLE = (
    "---\ntitle: Shelling near Saraqib\noutlet: Test Post\npublished: 2024-11-05\n"
    "fictional: true\n---\n"
    "SARAQIB, Syria (Test Wire) — Syrian government forces shelled the town of Saraqib in "
    "Idlib province on Monday, killing three civilians, the Syrian Observatory for Human Rights "
    "said. Rebels reportedly fired back.\n"
)
CONTRACT_KEYS = {
    "frontlines_version",
    "pipeline",
    "article",
    "events",
    "actors",
    "relations",
    "claims",
    "places",
    "framing",
}


def run(
    *args: str, env: dict[str, str], stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "frontlines", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


@pytest.fixture
def cli_env(tmp_path: Path, session_cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["FRONTLINES_DB"] = str(tmp_path / "cli.duckdb")
    env["FRONTLINES_CACHE_DIR"] = str(session_cache)
    return env


def test_cli_analyze_prints_every_contract_key(tmp_path: Path, cli_env: dict[str, str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run("analyze", str(path), "--format", "json", env=cli_env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= CONTRACT_KEYS
    assert data["article"]["published"] == "2024-11-05"
    assert data["article"]["fictional"] is True
    text = ARTICLE.split("---\n", 2)[2]
    for place in data["places"]:
        assert text[place["start"] : place["end"]] == place["text"]


def test_cli_analyze_reads_stdin_with_a_published_date(cli_env: dict[str, str]) -> None:
    result = run(
        "analyze",
        "-",
        "--published",
        "2024-11-05",
        env=cli_env,
        stdin=b"Rebels attacked an army post near Kharkiv on Sunday.",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["article"]["published"] == "2024-11-05"


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        (None, (), "no such file"),
        (b"", (), "the text is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", (), "binary data"),
        (b"Fine text.", ("--published", "2999-12-31"), "is in the future"),
    ],
)
def test_cli_bad_input_gives_one_error_line_and_nonzero_exit(
    tmp_path: Path,
    cli_env: dict[str, str],
    content: bytes | None,
    extra: tuple[str, ...],
    message: str,
) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    result = run("analyze", str(path), *extra, env=cli_env)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert str(path) in lines[0]


def test_cli_ingest_twice_keeps_the_same_row_counts(cli_env: dict[str, str]) -> None:
    sample = [str(path) for path in demo_corpus_paths()[:4]]
    first = run("ingest", *sample, env=cli_env)
    assert first.returncode == 0, first.stderr
    with open_store(Path(cli_env["FRONTLINES_DB"])) as store:
        before = store.counts()
    second = run("ingest", *sample, env=cli_env)
    assert second.returncode == 0, second.stderr
    assert "4 duplicate" in second.stderr
    with open_store(Path(cli_env["FRONTLINES_DB"])) as store:
        assert store.counts() == before
        assert before["articles"] == 4

    exported = run("events", "--format", "csv", env=cli_env)
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    header = exported.stdout.splitlines()[0].split(",")
    assert header[:4] == ["event_id_cnty", "event_date", "year", "time_precision"]
    assert all(row["fictional"] in ("true", "True", "1") for row in rows)


def test_cli_ingest_reports_a_bad_input_and_stores_the_good_ones(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("ingest", str(good), str(empty), str(tmp_path / "missing.txt"), env=cli_env)
    assert result.returncode == 1
    assert "empty.txt: the text is empty" in result.stderr
    assert "missing.txt" in result.stderr
    with open_store(Path(cli_env["FRONTLINES_DB"])) as store:
        assert store.counts()["articles"] == 1


def test_cli_kill_during_ingest_leaves_no_half_written_article(cli_env: dict[str, str]) -> None:
    db = Path(cli_env["FRONTLINES_DB"])
    process = subprocess.Popen(
        [sys.executable, "-m", "frontlines", "ingest", "--demo"],
        env=cli_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            break
        time.sleep(0.05)
    time.sleep(2.0)  # the pipeline loads, then articles are written one transaction each
    process.send_signal(signal.SIGKILL)
    process.wait()
    with open_store(db) as store:
        counts = store.counts()
        for article in store.articles(limit=1000):
            analysis = store.get_analysis(article.id)
            assert store.count_events(EventQuery(article_id=article.id)) == len(analysis.events)
        assert counts["articles"] == len(store.articles(limit=1000))


def test_cli_ingest_no_fuse_keeps_reports_only(cli_env: dict[str, str]) -> None:
    sample = [str(path) for path in demo_corpus_paths()[:3]]  # one clash told by three outlets
    result = run("ingest", "--no-fuse", *sample, env=cli_env)
    assert result.returncode == 0, result.stderr
    assert "fusion is off" in result.stderr
    with open_store(Path(cli_env["FRONTLINES_DB"])) as store:
        assert store.fusion_strictness() == "off"
        fused = store.events(EventQuery(limit=1000))
        assert fused and all(event.report_count == 1 for event in fused)
        assert len(fused) == len(store.events(EventQuery(level="reports", limit=1000)))


@pytest.mark.parametrize(
    "command",
    [("events",), ("events", "show", "evt_x"), ("events", "decisions"), ("serve", "--port", "0")],
)
def test_cli_read_commands_refuse_a_store_that_does_not_exist(
    tmp_path: Path, cli_env: dict[str, str], command: tuple[str, ...]
) -> None:
    missing = tmp_path / "typo" / "nowhere.duckdb"
    result = run(*command, "--db", str(missing), env=cli_env)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"{missing}: no store there" in lines[0]
    assert not missing.parent.exists()  # no folder, no empty store made behind the user's back


def test_cli_ingest_published_dates_the_articles_and_refuses_the_future(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Rebels attacked an army post near Kharkiv on Sunday, officials said.")
    future = run("ingest", str(path), "--published", "2999-12-31", env=cli_env)
    assert future.returncode == 1
    assert "in the future" in future.stderr
    done = run("ingest", str(path), "--published", "2024-11-05", env=cli_env)
    assert done.returncode == 0, done.stderr
    assert "undated" not in done.stderr
    assert "failures by cause: 0" in done.stderr
    exported = json.loads(run("events", "--format", "json", env=cli_env).stdout)
    assert [event["event_date"] for event in exported] == ["2024-11-03"]


def test_cli_lang_names_the_language_read_and_an_uninstalled_one_fails_in_one_line(
    cli_env: dict[str, str],
) -> None:
    assert run("--lang", "en", "where", env=cli_env).returncode == 0
    result = run("--lang", "zz", "where", env=cli_env)
    assert result.returncode == 1
    assert result.stderr.strip() == "error: language 'zz' is not installed (installed: en)"
