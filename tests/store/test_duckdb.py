from __future__ import annotations

import dataclasses
import os
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from frontlines.errors import ConfigError, StoreError, StoreLockedError
from frontlines.store.base import EventLevel, EventQuery, Store
from frontlines.store.duckdb import DuckDBStore
from frontlines.store.duckdb_connect import spatial_extension_path
from tests.store.conftest import open_raw_duckdb
from tests.store.samples import (
    numbered_analysis,
    ruritania_analysis,
    syria_analysis,
    with_events,
)

ROOT = Path(__file__).resolve().parents[2]
LEVELS: tuple[EventLevel, ...] = ("fused", "reports")

HOLD_OPEN = """
import sys
from frontlines.store.duckdb import DuckDBStore
store = DuckDBStore.open(sys.argv[1])
sys.stdout.write("ready\\n")
sys.stdout.flush()
sys.stdin.read()
store.close()
"""

WRITE_FOREVER = """
import sys
from frontlines.store.duckdb import DuckDBStore
from tests.store.samples import numbered_analysis
store = DuckDBStore.open(sys.argv[1])
first = int(sys.argv[2])
for number in range(first, first + 100_000):
    store.save(numbered_analysis(number, events=20))
    sys.stdout.write(f"{number}\\n")
    sys.stdout.flush()
"""


def start_python(script: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )  # fmt: skip


def assert_consistent(store: Store) -> int:
    """Every stored article has its analysis and exactly the rows that analysis implies."""
    counts = store.counts()
    articles = store.articles(limit=1_000_000)
    analyses = [store.get_analysis(article.id) for article in articles]
    assert counts["articles"] == counts["analyses"] == len(analyses)
    assert counts["events"] == sum(len(analysis.events) for analysis in analyses)
    assert counts["actors"] == sum(len(analysis.actors) for analysis in analyses)
    assert counts["mentions"] == sum(
        len(analysis.events) + sum(len(actor.mentions) for actor in analysis.actors)
        for analysis in analyses
    )
    for analysis in analyses:
        assert store.count_events(EventQuery(article_id=analysis.article.id)) == len(
            analysis.events
        )
    return len(analyses)


def test_duckdb_stores_point_geometry_beside_lat_lon(tmp_path: Path) -> None:
    path = tmp_path / "geo.duckdb"
    with DuckDBStore.open(path) as store:
        store.save(syria_analysis())
        store.save(ruritania_analysis())
    with open_raw_duckdb(path) as con:
        events = dict(
            con.execute("SELECT event_id, ST_AsText(geom) FROM events ORDER BY event_id").fetchall()
        )
        places = con.execute(
            "SELECT count(*) FILTER (geom IS NOT NULL), count(*) FROM places"
        ).fetchone()
    assert events["evt_shelling"] == "POINT (36.63 35.93)"
    assert events["evt_protest"] == "POINT (14 50)"
    assert events["evt_talks"] is None
    assert places == (1, 2)


def test_duckdb_refuses_a_file_another_process_holds(tmp_path: Path) -> None:
    path = tmp_path / "held.duckdb"
    holder = start_python(HOLD_OPEN, str(path))
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "ready"
    with pytest.raises(
        StoreLockedError, match=rf"in use by another frontlines process.*serve.*PID {holder.pid}"
    ):
        DuckDBStore.open(path)
    holder.communicate(input="", timeout=60)
    with DuckDBStore.open(path) as store:
        assert store.count_events() == 0


def test_duckdb_survives_sigkill_in_the_middle_of_writes(tmp_path: Path) -> None:
    path = tmp_path / "crash.duckdb"
    committed = 0
    for _ in range(3):
        writer = start_python(WRITE_FOREVER, str(path), str(committed))
        assert writer.stdout is not None
        reported = [writer.stdout.readline() for _ in range(12)]
        assert all(line.strip().isdigit() for line in reported), reported
        threading.Event().wait(random.uniform(0.0, 0.05))
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=60)
        assert writer.returncode == -signal.SIGKILL
        with DuckDBStore.open(path) as store:
            stored = assert_consistent(store)
        assert stored >= committed + len(reported)
        committed = stored


def test_duckdb_memory_store_needs_no_file(tmp_path: Path) -> None:
    with DuckDBStore.open(":memory:") as store:
        assert store.save(syria_analysis()).outcome == "stored"
        assert store.count_events(EventQuery(country="Syria")) == 2
    assert list(tmp_path.iterdir()) == []


def test_duckdb_threads_can_share_one_store(tmp_path: Path) -> None:
    with DuckDBStore.open(tmp_path / "threads.duckdb") as store:

        def save_batch(first: int) -> None:
            for number in range(first, first + 5):
                store.save(numbered_analysis(number, events=3))

        threads = [threading.Thread(target=save_batch, args=(first,)) for first in (0, 5, 10, 15)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert store.counts()["articles"] == 20
        assert assert_consistent(store) == 20


def test_duckdb_spatial_extension_comes_from_the_python_package() -> None:
    found = spatial_extension_path()
    assert found.name == "spatial.duckdb_extension"
    assert "duckdb_extension_spatial" in found.parts


def test_duckdb_missing_extension_names_the_pip_command() -> None:
    with pytest.raises(ConfigError, match=r"pip install duckdb-extension-spatial==1\.5\.5"):
        spatial_extension_path(package="frontlines_no_such_package")
    with pytest.raises(ConfigError, match=r"no spatial.duckdb_extension file .*pip install"):
        spatial_extension_path(package="email")


def test_duckdb_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("shopping list\n" * 1000)
    with pytest.raises(StoreError, match=r"cannot open the store .*notes\.duckdb"):
        DuckDBStore.open(path)


def test_duckdb_closed_store_raises_store_error(tmp_path: Path) -> None:
    store = DuckDBStore.open(tmp_path / "closed.duckdb")
    store.close()
    with pytest.raises(StoreError, match="counting events failed"):
        store.count_events()


PAGES = (
    EventQuery(country="syria"),
    EventQuery(limit=2, offset=1),
    EventQuery(limit=3, sort="date"),
    EventQuery(admin1="Idlib", limit=1, offset=1),
)


def test_duckdb_read_only_pages_and_spellings_match_the_writable_store(tmp_path: Path) -> None:
    path = tmp_path / "spellings.duckdb"
    shouted = numbered_analysis(7, events=2)
    events = []
    for event in shouted.events:
        assert event.location is not None
        place = dataclasses.replace(event.location, country="SYRIA", admin1="IDLIB")
        events.append(dataclasses.replace(event, location=place))
    with DuckDBStore.open(path) as store:
        store.save(syria_analysis())
        store.save(with_events(shouted, *events))
        written = {
            (name, level): store.count_events(EventQuery(country=name, level=level))
            for name in ("syria", "Syria", "SYRIA", "Narnia")
            for level in LEVELS
        }
        idlib = store.events(EventQuery(admin1="idlib", level="reports"))
        pages = {query: store.events(query) for query in PAGES}
    with DuckDBStore.open(path, read_only=True) as reader:
        assert {query: reader.events(query) for query in PAGES} == pages
        read = {
            (name, level): reader.count_events(EventQuery(country=name, level=level))
            for (name, level) in written
        }
        assert reader.events(EventQuery(admin1="idlib", level="reports")) == idlib
    assert read == written
    assert written["syria", "reports"] > 2 and written["Narnia", "fused"] == 0
    assert len(idlib) >= 2
