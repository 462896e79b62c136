from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest

from frontlines.errors import InputError, StageError
from frontlines.ingest.ingester import (
    NO_DATE_WARNING,
    Ingester,
    IngestReport,
    Watcher,
    ingest_paths,
)
from frontlines.model import Analysis, Article
from frontlines.readers.common import Item, ReadLimits, parse_published
from frontlines.settings import Settings
from frontlines.store import open_store
from frontlines.store.base import Store
from tests.cheap_analysis import cheap_analyze
from tests.readers.local_server import Routes, serve
from tests.wire_story import INDEPENDENT, REPRINTS, WIRE

FRENCH = (
    "Des obus ont frappé un marché de Kharkiv dimanche, faisant trois morts et onze blessés,"
    " a indiqué le gouverneur régional. Les équipes de secours ont travaillé toute la nuit."
)
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Desk</title>
<item><title>A</title><link>https://w.example/a</link>
<pubDate>Sun, 03 Nov 2024 10:00:00 GMT</pubDate>
<description>Fighting broke out near Saraqib on Sunday, a monitor said.</description></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Post</title>
<entry><title>B</title><id>urn:b</id><updated>2024-11-02T00:00:00Z</updated>
<content type="html">&lt;p&gt;Shells hit a market in Kharkiv, officials said.&lt;/p&gt;</content>
</entry></feed>"""
PAGE = (
    b"<!DOCTYPE html><html><head><title>Clash near Idlib</title>"
    b"<meta property='og:site_name' content='Test Post'>"
    b"<meta property='article:published_time' content='2024-10-30'></head><body><article>"
    b"<p>Government forces and rebels clashed near Idlib on Tuesday, a monitor said, and at least"
    b" five fighters were killed.</p></article></body></html>"
)
BILLION_LAUGHS = b"""<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rss version="2.0"><channel><item><description>&c;</description></item></channel></rss>"""


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_env({}, db_path=tmp_path / "store.duckdb", cache_dir=tmp_path / "cache")


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    with open_store(settings.db_path) as opened:
        yield opened


def ingest(
    sources: Sequence[str | Path], store: Store, settings: Settings, **options: object
) -> IngestReport:
    return ingest_paths(sources, store=store, settings=settings, analyze=cheap_analyze, **options)  # type: ignore[arg-type]


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def outcomes(report: IngestReport) -> dict[str, str]:
    return {result.input: result.outcome for result in report.results}


def test_ingest_stores_every_format_with_where_its_date_came_from(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    text = write(tmp_path / "in/a.txt", "---\npublished: 2024-11-05\noutlet: Notes\n---\n"
                 "Rebels shelled Idlib on Tuesday, residents said.")  # fmt: skip
    undated = write(tmp_path / "in/sub/b.md", "Clashes were reported in Saraqib, a monitor said.")
    os.utime(undated, (1_600_000_000, 1_600_000_000))  # the file's day never dates the story
    wire = write(
        tmp_path / "in/sub/c.txt",
        "IDLIB, Nov. 4, 2024 (Reuters) - Rebels shelled the city on Monday, residents said."
        " Two people were killed in the attack and several houses were destroyed.",
    )
    page = write(tmp_path / "in/c.html", PAGE)
    feed = write(tmp_path / "d.xml", RSS)
    atom = write(tmp_path / "e.atom", ATOM)
    record = {"text": "Protesters marched in Khartoum, witnesses said.", "SQLDATE": 20241101}
    lines = write(tmp_path / "f.jsonl", json.dumps(record))
    archive = write(tmp_path / "g.zip", zipped({"z.txt": b"Air strikes hit Ariha, medics said."}))
    stdin = io.BytesIO(b"Troops advanced on Bahri overnight, the army said.")
    report = ingest(
        [tmp_path / "in", feed, atom, lines, archive, "-"], store, settings, stdin=stdin
    )
    assert report.ok, report.results
    assert set(outcomes(report).values()) == {"stored"}
    assert len(report.results) == 9
    expected = {
        str(text): (date(2024, 11, 5), "front matter"),
        str(undated): (None, None),
        str(wire): (date(2024, 11, 4), "text"),
        str(page): (date(2024, 10, 30), "page"),
        f"{feed}#1": (date(2024, 11, 3), "feed"),
        f"{atom}#1": (date(2024, 11, 2), "feed"),
        f"{lines}:1": (date(2024, 11, 1), "input"),
        "stdin": (None, None),
    }
    for result in report.results:
        assert result.article_id is not None
        article = store.get_analysis(result.article_id).article
        assert article.language == "en"
        if result.input in expected:
            assert (article.published, article.published_source) == expected[result.input]
        assert store.article_metadata(result.article_id)["origin"] == result.input
    assert store.counts()["articles"] == 9
    assert set(report.seconds) == {"reading", "language", "syndication", "analysis", "storing"}
    assert report.summary() == (
        "9 inputs: 9 stored, 0 replaced, 0 syndicated, 0 duplicate, 0 skipped, 0 failed;"
        " 9 events stored; 3 undated (no publication date found)"
    )
    assert report.failures_line() == "failures by cause: 0"


def test_ingest_an_undated_article_is_stored_with_a_warning(
    store: Store, settings: Settings
) -> None:
    report = ingest(
        ["-"], store, settings, stdin=io.BytesIO(b"Troops advanced on Bahri, the army said.")
    )
    [result] = report.results
    assert result.article_id is not None
    analysis = store.get_analysis(result.article_id)
    assert NO_DATE_WARNING in analysis.warnings
    assert analysis.events[0].date_precision == "approximate"
    assert result.undated
    assert "undated: no publication date found" in result.line()


def test_ingest_published_dates_every_article_read(store: Store, settings: Settings) -> None:
    stdin = io.BytesIO(b"Troops advanced on Bahri on Tuesday, the army said.")
    [result] = ingest(["-"], store, settings, stdin=stdin, published=date(2024, 3, 14)).results
    assert result.article_id is not None and not result.undated
    article = store.get_analysis(result.article_id).article
    assert (article.published, article.published_source) == (date(2024, 3, 14), "input")


@dataclass
class Faulty:
    """An analysis with a bug for some texts: what a broken plugin stage or model gives."""

    def __call__(self, article: Article) -> Analysis:
        if "crash" in article.text:
            return cheap_analyze(article).events[99:100][0]  # type: ignore[return-value]
        return cheap_analyze(article)


def test_ingest_an_unexpected_exception_fails_its_input_alone(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    first = write(tmp_path / "a.txt", "Rebels shelled Idlib on Tuesday, residents said.")
    crash = write(tmp_path / "b.txt", "The crash of a drone near Idlib was reported.")
    last = write(tmp_path / "c.txt", "Clashes were reported in Saraqib, a monitor said.")
    report = ingest_paths([first, crash, last], store=store, settings=settings, analyze=Faulty())
    assert [result.outcome for result in report.results] == ["stored", "failed", "stored"]
    failed = report.results[1]
    assert failed.reason is not None and failed.reason.startswith(f"{crash}: IndexError")
    assert failed.cause == "unexpected IndexError"
    assert report.failures_line() == "failures by cause: unexpected IndexError 1"
    assert store.counts()["articles"] == 2


def test_ingest_a_stage_error_is_counted_under_its_stage(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    def refuse(article: Article) -> Analysis:
        raise StageError("x: stage 'events' failed", stage="events", article_id=article.id,
                         cause="KeyError")  # fmt: skip

    path = write(tmp_path / "a.txt", "Rebels shelled Idlib on Tuesday, residents said.")
    report = ingest_paths([path], store=store, settings=settings, analyze=refuse)
    assert report.failures_by_cause() == {"stage events (KeyError)": 1}


MEM = Path("/proc/self/mem")  # a regular file no one can read(), root included


@pytest.mark.skipif(not MEM.exists(), reason="needs Linux /proc")
def test_ingest_an_unreadable_file_is_one_failed_line(store: Store, settings: Settings) -> None:
    [result] = ingest([MEM], store, settings).results
    assert result.outcome == "failed"
    assert result.cause == "unreadable"
    assert result.reason == f"{MEM}: cannot be read (Input/output error)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_ingest_an_unreadable_folder_is_one_failed_line(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    write(tmp_path / "in/ok.txt", "Rebels shelled Idlib on Tuesday, residents said.")
    locked = tmp_path / "in/locked"
    write(locked / "x.txt", "Clashes were reported in Saraqib, a monitor said.")
    locked.chmod(0)
    try:
        report = ingest([tmp_path / "in"], store, settings)
    finally:
        locked.chmod(0o755)
    assert outcomes(report) == {str(locked): "failed", str(tmp_path / "in/ok.txt"): "stored"}
    assert report.failures_by_cause() == {"unreadable": 1}


def test_ingest_a_future_published_date_is_refused(store: Store, settings: Settings) -> None:
    with pytest.raises(InputError, match="in the future"):
        parse_published("2999-12-31", origin="--published")


def test_ingest_a_wire_story_reprinted_three_times_is_one_origin(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    paths = [
        write(
            tmp_path / "0-wire.txt", f"---\noutlet: Wire Agency\npublished: 2024-11-04\n---\n{WIRE}"
        )
    ]
    for number, (outlet, text) in enumerate(
        zip(("Daily Post", "Evening Star", "Metro"), REPRINTS, strict=True)
    ):
        front = f"---\noutlet: {outlet}\npublished: 2024-11-05\n---\n"
        paths.append(write(tmp_path / f"{number + 1}-copy.txt", front + text))
    paths.append(write(tmp_path / "5-other.txt", f"---\noutlet: Other\n---\n{INDEPENDENT}"))
    report = ingest(paths, store, settings)
    assert [result.outcome for result in report.results] == [
        "stored", "syndicated", "syndicated", "syndicated", "stored"
    ]  # fmt: skip
    original = report.results[0].article_id
    copies = [result for result in report.results if result.outcome == "syndicated"]
    assert {result.original_id for result in copies} == {original}
    assert all(
        result.reason and result.reason.startswith(f"copy of {original}") for result in copies
    )
    links = store.syndication_links()
    assert {(link.copy_id, link.original_id) for link in links} == {
        (result.article_id, original) for result in copies
    }
    assert all(0.6 <= link.similarity <= 1 for link in links)
    copy_id = copies[0].article_id
    assert copy_id is not None
    assert store.article_metadata(copy_id)["syndicated_from"]["article_id"] == original
    assert "3 syndicated" in report.summary()


def test_ingest_an_earlier_original_found_later_takes_over_the_links(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    copy = write(
        tmp_path / "copy.txt", f"---\noutlet: Daily Post\npublished: 2024-11-05\n---\n{REPRINTS[0]}"
    )
    other = write(
        tmp_path / "other.txt", f"---\noutlet: Metro\npublished: 2024-11-06\n---\n{REPRINTS[2]}"
    )
    wire = write(
        tmp_path / "wire.txt", f"---\noutlet: Wire Agency\npublished: 2024-11-04\n---\n{WIRE}"
    )
    first = ingest([copy, other], store, settings)
    assert [result.outcome for result in first.results] == ["stored", "syndicated"]
    second = ingest([wire], store, settings)
    [result] = second.results
    assert result.outcome == "stored"
    linked_to = {link.original_id for link in store.syndication_links()}
    assert linked_to == {result.article_id}
    assert len(store.syndication_links()) == 2


def test_ingest_a_non_english_article_is_stored_and_flagged(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    report = ingest([write(tmp_path / "fr.txt", FRENCH)], store, settings)
    [result] = report.results
    assert result.outcome == "skipped"
    assert result.reason == "stored; skipped extraction: language 'fr'"
    assert result.article_id is not None and store.has_article(result.article_id)
    analysis = store.get_analysis(result.article_id)
    assert analysis.article.language == "fr"
    assert analysis.events == ()
    assert analysis.pipeline == ()
    assert any("language 'fr'" in warning for warning in analysis.warnings)
    assert report.ok


def test_ingest_reads_the_language_of_the_setting_and_stores_the_others_unread(
    tmp_path: Path, store: Store, settings: Settings, example_plugin: object
) -> None:
    english = "Rebels shelled Idlib on Tuesday, killing two civilians, residents said."
    sources = [write(tmp_path / "fr.txt", FRENCH), write(tmp_path / "en.txt", english)]
    report = ingest(sources, store, replace(settings, language="fr"))
    by_name = {Path(result.input).name: result for result in report.results}
    assert by_name["fr.txt"].outcome == "stored"
    assert by_name["en.txt"].outcome == "skipped"
    assert by_name["en.txt"].reason == "stored; skipped extraction: language 'en'"
    unread = by_name["en.txt"].article_id
    assert unread is not None
    warnings = store.get_analysis(unread).warnings
    assert "skipped extraction: language 'en' is not French" in warnings


def test_ingest_bad_inputs_fail_alone_and_the_good_ones_are_stored(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    good = [
        write(tmp_path / "good/a.txt", "Rebels shelled Idlib on Tuesday, residents said."),
        write(tmp_path / "good/b.html", PAGE),
        write(tmp_path / "good/c.xml", RSS),
    ]
    big = tmp_path / "bad/big.txt"
    big.parent.mkdir(parents=True)
    with big.open("wb") as stream:
        for _ in range(50):
            stream.write(b"word " * 200_000)  # 50 MB in all
    bad = {
        "empty": write(tmp_path / "bad/empty.txt", b""),
        "binary": write(tmp_path / "bad/photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00"),
        "truncated": write(tmp_path / "bad/cut.html", PAGE[:120]),
        "malformed feed": write(
            tmp_path / "bad/broken.xml", b"<rss><channel><item><title>x</item>"
        ),
        "billion laughs": write(tmp_path / "bad/laughs.xml", BILLION_LAUGHS),
        "zip bomb": write(tmp_path / "bad/bomb.zip", zipped({"bomb.txt": b"\0" * 9_000_000})),
        "invalid utf-8": write(tmp_path / "bad/latin1.txt", "Caf\u00e9 bombed.".encode("latin-1")),
        "50 MB": big,
        "wrong types": write(tmp_path / "bad/records.jsonl", b'{"text": 42, "published": [1]}\n'),
        "missing": tmp_path / "bad/nowhere.txt",
    }
    expected = {
        "empty": "the text is empty",
        "binary": "binary data",
        "truncated": "the page is cut off",
        "malformed feed": "not well-formed XML",
        "billion laughs": "declares XML entities",
        "zip bomb": "a zip bomb?",
        "invalid utf-8": "not valid UTF-8",
        "50 MB": "over the limit of 10000000 bytes",
        "wrong types": "field 'text' must be a string",
        "missing": "no such file or folder",
    }
    sources: list[str | Path] = [good[0], *bad.values(), *good[1:]]
    report = ingest(sources, store, settings)
    assert not report.ok
    by_input = {result.input: result for result in report.results}
    origins = {
        "zip bomb": f"{bad['zip bomb']}!bomb.txt",
        "wrong types": f"{bad['wrong types']}:1",
    }
    for name, path in bad.items():
        result = by_input[origins.get(name, str(path))]
        assert result.outcome == "failed", name
        assert result.reason is not None
        assert expected[name] in result.reason, (name, result.reason)
        assert str(path) in result.reason, name
        assert "\n" not in result.reason
        assert result.article_id is None
    stored = [result for result in report.results if result.outcome == "stored"]
    assert len(stored) == 3
    assert store.counts()["articles"] == 3
    assert report.summary().startswith("13 inputs: 3 stored")
    assert report.summary().endswith(
        "10 failed; 3 events stored; 1 undated (no publication date found)"
    )
    assert report.failures_by_cause() == {"read": 10}


def test_ingest_running_again_stores_nothing_new(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    folder = tmp_path / "in"
    write(folder / "wire.txt", f"---\noutlet: Wire Agency\n---\n{WIRE}")
    write(folder / "copy.txt", f"---\noutlet: Daily Post\n---\n{REPRINTS[0]}")
    write(folder / "feed.xml", RSS)
    ingest([folder], store, settings)
    counts = store.counts()
    links = store.syndication_links()
    again = ingest([folder], store, settings)
    assert set(outcomes(again).values()) == {"duplicate"}
    assert store.counts() == counts
    assert store.syndication_links() == links


def test_ingest_an_interrupted_run_rerun_gives_the_rows_of_a_clean_run(
    tmp_path: Path, settings: Settings
) -> None:
    folder = tmp_path / "in"
    write(folder / "0-wire.txt", f"---\noutlet: Wire Agency\n---\n{WIRE}")
    for number, text in enumerate(REPRINTS):
        write(folder / f"{number + 1}-copy.txt", f"---\noutlet: Outlet {number}\n---\n{text}")
    for number in range(12):
        write(
            folder / f"x{number:02}.txt",
            f"Clashes were reported in district {number}, a monitor said.",
        )
    clean_db, killed_db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    with open_store(clean_db) as clean:
        ingest([folder], clean, settings)
        clean_counts, clean_links = clean.counts(), clean.syndication_links()
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from frontlines.ingest.ingester import ingest_paths\n"
        "from frontlines.settings import Settings\n"
        "from frontlines.store import open_store\n"
        "from tests.cheap_analysis import cheap_analyze\n"
        "def slow(article):\n"
        "    time.sleep(0.15)\n"
        "    return cheap_analyze(article)\n"
        "with open_store(sys.argv[1]) as store:\n"
        "    ingest_paths([sys.argv[2]], store=store, settings=Settings.from_env({}),\n"
        "                 analyze=slow, on_result=lambda r: print(r.outcome, flush=True))\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", script, str(killed_db), str(folder)],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).parents[2],
        text=True,
    )
    assert process.stdout is not None
    for _ in range(5):  # let it store a few articles, then kill it mid-run
        assert process.stdout.readline()
    process.kill()
    process.wait(timeout=30)
    with open_store(killed_db) as killed:
        assert 0 < killed.counts()["articles"] < clean_counts["articles"]
        ingest([folder], killed, settings)
        assert killed.counts() == clean_counts
        assert killed.syndication_links() == clean_links


def test_ingest_a_copy_stored_without_its_link_is_linked_on_the_next_run(
    tmp_path: Path, store: Store, settings: Settings
) -> None:
    wire = write(tmp_path / "wire.txt", f"---\noutlet: Wire Agency\n---\n{WIRE}")
    copy_text = f"---\noutlet: Daily Post\n---\n{REPRINTS[1]}"
    copy = write(tmp_path / "copy.txt", copy_text)
    ingest([wire], store, settings)
    article = Article.create(REPRINTS[1], outlet="Daily Post")
    store.save(cheap_analyze(article))  # as if the run had stopped between the save and the link
    assert store.syndication_links() == []
    [result] = ingest([copy], store, settings).results
    assert result.outcome == "duplicate"
    assert [link.copy_id for link in store.syndication_links()] == [article.id]


def test_ingest_item_outcomes_for_read_failures_and_skips(store: Store) -> None:
    ingester = Ingester.open(store=store, analyze=cheap_analyze)
    failed = ingester.ingest_item(Item.failed("x.txt", "x.txt: the text is empty"))
    skipped = ingester.ingest_item(Item(origin="y.jsonl:1", skip="no article text in the record"))
    assert (failed.outcome, failed.reason) == ("failed", "x.txt: the text is empty")
    assert (skipped.outcome, skipped.reason) == ("skipped", "no article text in the record")
    assert failed.line() == "failed      x.txt: the text is empty"
    assert skipped.line() == "skipped     y.jsonl:1: no article text in the record"


def test_ingest_watch_picks_up_new_files_once_they_settle(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "drop"
    write(folder / "a.txt", "Rebels shelled Idlib on Tuesday, residents said.")
    watcher = Watcher(str(folder), Ingester.open(store=store, analyze=cheap_analyze), ReadLimits())
    first = watcher.poll(now=time.time() + 10)
    assert [result.outcome for result in first] == ["stored"]
    assert watcher.poll(now=time.time() + 10) == []
    write(folder / "b.txt", "Clashes were reported in Saraqib, a monitor said.")
    assert watcher.poll(now=time.time()) == []  # still being written, perhaps
    [second] = watcher.poll(now=time.time() + 10)
    assert (second.input, second.outcome) == (str(folder / "b.txt"), "stored")


def test_ingest_watch_a_feed_url_stores_each_entry_once(store: Store) -> None:
    routes = Routes(bodies={"/feed": ("application/rss+xml", RSS)})
    with serve(routes) as base:
        watcher = Watcher(
            f"{base}/feed", Ingester.open(store=store, analyze=cheap_analyze), ReadLimits()
        )
        assert [result.outcome for result in watcher.poll()] == ["stored"]
        assert [result.outcome for result in watcher.poll()] == ["duplicate"]
        routes.bodies["/feed"] = ("application/rss+xml", RSS.replace(b"Sunday", b"Monday"))
        assert [result.outcome for result in watcher.poll()] == ["stored"]
    assert store.counts()["articles"] == 2


def frontlines(*args: str, db: Path, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    executable = Path(sys.executable).parent / "frontlines"
    env = {**os.environ, "FRONTLINES_DB": str(db), "FRONTLINES_CACHE_DIR": str(db.parent / "cache")}
    return subprocess.run(
        [str(executable), *args], input=stdin.decode(), capture_output=True, text=True,
        env=env, timeout=120, check=False,
    )  # fmt: skip


def test_ingest_cli_reports_each_input_and_exits_1_on_failure(tmp_path: Path) -> None:
    french = write(tmp_path / "fr.txt", FRENCH)
    empty = write(tmp_path / "empty.txt", b"")
    done = frontlines("ingest", str(french), str(empty), db=tmp_path / "cli.duckdb")
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert (
        f"skipped     {french}: stored; skipped extraction: language 'fr'; undated: no "
        "publication date found, events dated only where the text is"
    ) in lines
    assert f"failed      {empty}: the text is empty" in lines
    assert lines[-3].startswith("2 inputs: 0 stored") and "1 skipped, 1 failed" in lines[-3]
    assert lines[-2] == "failures by cause: read 1"
    assert lines[-1].startswith("time: reading ")
    again = frontlines("ingest", str(french), db=tmp_path / "cli.duckdb")
    assert again.returncode == 0
    assert f"duplicate   {french}" in again.stderr


def test_ingest_cli_watch_once_ingests_a_folder(tmp_path: Path) -> None:
    write(tmp_path / "drop/fr.txt", FRENCH)
    done = frontlines("watch", str(tmp_path / "drop"), "--once", db=tmp_path / "w.duckdb")
    assert done.returncode == 0, done.stderr
    assert "skipped extraction: language 'fr'" in done.stderr
    refused = frontlines("watch", str(tmp_path / "nope"), "--once", db=tmp_path / "w.duckdb")
    assert refused.returncode == 1
    assert "neither a folder nor an http(s) feed URL" in refused.stderr


def test_ingest_cli_says_what_to_do_while_another_process_holds_the_store(tmp_path: Path) -> None:
    db = tmp_path / "held.duckdb"
    with open_store(db):
        pass  # create it
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time, duckdb; c = duckdb.connect(sys.argv[1]); print('ready', flush=True);"
         " time.sleep(60)", str(db)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        french = write(tmp_path / "fr.txt", FRENCH)
        done = frontlines("ingest", str(french), db=db)
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert "is in use by another frontlines process" in line
    assert "frontlines ingest --to" in line
