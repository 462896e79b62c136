"""The DuckDB store as the server holds it: other processes read the file meanwhile, and each
write reaches them."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import duckdb
import pytest

from frontlines.errors import SchemaVersionError, StoreError, StoreLockedError
from frontlines.store.base import EventQuery, Store
from frontlines.store.duckdb import DuckDBStore
from frontlines.store.duckdb_shared import PAGE_ACTORS, SharedDuckDBStore
from frontlines.store.reading import open_for_reading
from tests.store.samples import numbered_analysis, ruritania_analysis, syria_analysis
from tests.store.test_duckdb import start_python

COUNT_EVENTS = """
import sys
from frontlines.store.reading import open_for_reading
with open_for_reading(sys.argv[1], wait_s=float(sys.argv[2])) as store:
    print(store.count_events(), store.backend)
"""
WRITE = """
import sys
from frontlines.store import open_store
with open_store(sys.argv[1]) as store:
    print(store.counts()["articles"])
"""


def read_elsewhere(path: Path, *, wait_s: float = 15.0) -> subprocess.CompletedProcess[str]:
    reader = start_python(COUNT_EVENTS, str(path), str(wait_s))
    out, _ = reader.communicate(input="", timeout=120)
    return subprocess.CompletedProcess(reader.args, reader.returncode, out, "")


def test_another_process_reads_while_the_server_holds_the_store(tmp_path: Path) -> None:
    path = tmp_path / "served.duckdb"
    with SharedDuckDBStore.open(path) as served:
        served.save(syria_analysis())
        events = served.count_events()
        assert events > 0
        assert read_elsewhere(path).stdout.split() == [str(events), "duckdb"]
        served.save(ruritania_analysis())  # a write reaches the next reader
        more = served.count_events()
        assert more > events
        assert read_elsewhere(path).stdout.split() == [str(more), "duckdb"]


def test_another_process_cannot_write_while_the_server_holds_the_store(tmp_path: Path) -> None:
    path = tmp_path / "served.duckdb"
    with SharedDuckDBStore.open(path) as served:
        writer = start_python(WRITE, str(path))
        _, _ = writer.communicate(input="", timeout=120)
        assert writer.returncode == 1
        served.save(numbered_analysis(1))
        assert served.counts()["articles"] == 1


def test_the_server_writes_after_other_readers_let_go(tmp_path: Path) -> None:
    path = tmp_path / "served.duckdb"
    with DuckDBStore.open(path) as store:
        store.save(numbered_analysis(1))
    holder = start_python(
        "import sys\nfrom frontlines.store.duckdb import DuckDBStore\n"
        "s = DuckDBStore.open(sys.argv[1], read_only=True)\nprint('ready', flush=True)\n"
        "sys.stdin.read()\ns.close()\n",
        str(path),
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    with SharedDuckDBStore(path, wait_s=0.3) as served:
        with pytest.raises(StoreLockedError):
            served.save(numbered_analysis(2))  # the other reader holds it past wait_s
        assert served.counts()["articles"] == 1  # nothing lost, reads go on
        holder.communicate(input="", timeout=60)
        served.save(numbered_analysis(2))
        assert served.counts()["articles"] == 2


def test_a_read_only_store_refuses_writes_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "ro.duckdb"
    with DuckDBStore.open(path) as store:
        store.save(numbered_analysis(1))
    with DuckDBStore.open(path, read_only=True) as store:
        assert store.syndication_links() == []  # no links table yet: none, not an error
        with pytest.raises(StoreError):
            store.save(numbered_analysis(2))
        assert store.counts()["articles"] == 1


def test_a_reader_refuses_an_unmigrated_store_it_cannot_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    duckdb.connect(str(path)).close()  # a DuckDB file frontlines never set up
    with pytest.raises(SchemaVersionError, match="older than this frontlines"):
        DuckDBStore.open(path, read_only=True)


def test_open_for_reading_without_a_server_opens_the_store_as_before(tmp_path: Path) -> None:
    path = tmp_path / "plain.duckdb"
    with DuckDBStore.open(path) as store:
        store.save(numbered_analysis(1))
    with open_for_reading(path) as store:
        assert store.counts()["articles"] == 1


def test_the_server_keeps_stats_and_actors_only_until_its_next_write(tmp_path: Path) -> None:
    with SharedDuckDBStore.open(tmp_path / "served.duckdb") as served:
        served.save(syria_analysis())
        first = served.event_stats()
        actors = served.actors()
        assert served.event_stats() == first and served.actors() == actors
        served.save(ruritania_analysis())
        assert served.event_stats().total == first.total + 2
        assert len(served.actors()) > len(actors)
        syria = served.event_stats(EventQuery(country="Syria"))
        assert syria.total == first.total != served.event_stats().total


def test_the_server_store_passes_on_every_store_method_the_embedded_store_has_its_own_of() -> None:
    # a Store method with a default body (``event_points``) would otherwise run the default
    # over the embedded store's other methods, never its own faster one
    own = {
        name
        for name, value in vars(DuckDBStore).items()
        if callable(value) and not name.startswith("_") and hasattr(Store, name)
    }
    assert own
    assert sorted(own - set(vars(SharedDuckDBStore))) == []


def _join_warming() -> None:
    for thread in threading.enumerate():
        if thread.name == "frontlines-warm":
            thread.join(timeout=30)


def test_the_server_computes_the_page_summaries_in_the_background(tmp_path: Path) -> None:
    path = tmp_path / "served.duckdb"
    with DuckDBStore.open(path) as store:
        store.save(syria_analysis())
        stats, actors = store.event_stats(), store.actors(limit=PAGE_ACTORS)
    with SharedDuckDBStore.open(path, warm=True) as served:
        _join_warming()
        kept = served._reading_store()._summaries
        assert len(kept) == 2
        assert served.event_stats() == stats and served.actors(limit=PAGE_ACTORS) == actors
        assert len(kept) == 2  # found kept, not computed again


def test_a_server_closed_while_warming_up_stays_closed(tmp_path: Path) -> None:
    path = tmp_path / "served.duckdb"
    with DuckDBStore.open(path) as store:
        store.save(syria_analysis())
    served = SharedDuckDBStore.open(path, warm=True)
    served.close()
    _join_warming()
    assert served._reader is None
    with DuckDBStore.open(path) as writer:  # nothing holds the file
        assert writer.count_events() > 0
