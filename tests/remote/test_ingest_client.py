"""The ingest client against a real ``frontlines serve`` (the cleanup pipeline: no spaCy) whose
request limit is small: batches over it go in halves, an article over it fails alone, inputs that
cannot be read fail here, and every outcome comes back in input order."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontlines.errors import AuthError
from frontlines.readers.common import ReadLimits
from frontlines.remote.ingest_client import Server, send_to_server
from tests.serving import running_server

TOKEN = "client-token-93b1"
LIMIT = 4_000  # the server's FRONTLINES_MAX_REQUEST_BYTES


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, session_cache: Path) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("client")
    env = {
        **os.environ,
        "FRONTLINES_DB": str(folder / "served.duckdb"),
        "FRONTLINES_CACHE_DIR": str(session_cache),
        "FRONTLINES_API_TOKEN": TOKEN,
        "FRONTLINES_PIPELINE": "cleanup",
        "FRONTLINES_MAX_REQUEST_BYTES": str(LIMIT),
    }
    with running_server(env) as url:
        yield url


VOCABULARY = tuple(
    " ".join((
        "the army said rebels attacked a checkpoint near the river on monday and police",
        "arrested several men after protesters gathered outside the market while residents",
        "fled from the village where shelling damaged houses and a school according to",
        "local officials",
    )).split()
)  # fmt: skip


def article(folder: Path, name: str, words: int) -> str:
    """An English text of about ``words`` words, its own shuffle: no two are reprints."""
    path = folder / name
    rng = random.Random(name)
    body = " ".join(rng.choice(VOCABULARY) for _ in range(words))
    path.write_text(f"Clashes were reported on Monday. {body}.\n", encoding="utf-8")
    return str(path)


def test_batches_over_the_limit_go_in_halves_and_outcomes_keep_their_order(
    server: str, tmp_path: Path
) -> None:
    sources = [
        article(tmp_path, "a.txt", 170),  # about 1 kB each: four of them pass the limit
        str(tmp_path / "missing.txt"),
        article(tmp_path, "b.txt", 170),
        article(tmp_path, "huge.txt", 900),  # alone over the limit
        article(tmp_path, "c.txt", 170),
        article(tmp_path, "d.txt", 170),
    ]
    report = send_to_server(
        sources,
        server=Server(url=server, token=TOKEN),
        limits=ReadLimits.from_max_bytes(1_000_000),
        max_request_bytes=1_000_000,  # the client does not know the server's limit
    )
    got = [(Path(result.input).name, result.outcome) for result in report.results]
    assert got == [
        ("a.txt", "stored"),
        ("missing.txt", "failed"),
        ("b.txt", "stored"),
        ("huge.txt", "failed"),
        ("c.txt", "stored"),
        ("d.txt", "stored"),
    ]
    assert "refused the batch" in str(report.results[3].reason)
    again = send_to_server(
        sources[:1],
        server=Server(url=server, token=TOKEN),
        limits=ReadLimits.from_max_bytes(1_000_000),
        max_request_bytes=LIMIT,
    )
    assert [result.outcome for result in again.results] == ["duplicate"]


def test_a_wrong_token_stops_the_run_in_one_line(server: str, tmp_path: Path) -> None:
    with pytest.raises(AuthError, match="refused the token: wrong API token"):
        send_to_server(
            [article(tmp_path, "a.txt", 10)],
            server=Server(url=server, token="wrong"),
            limits=ReadLimits.from_max_bytes(1_000_000),
            max_request_bytes=LIMIT,
        )
