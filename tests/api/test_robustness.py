"""No request knocks the server over: every route, fuzzed, answers without a 500, without an
absolute path or a store's internals; bodies over the limit or without a token are refused
before they are read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontlines.api import create_app
from frontlines.store.base import Store
from frontlines.store.duckdb import DuckDBStore
from tests.api.conftest import TOKEN, api_settings

AUTH = {"Authorization": f"Bearer {TOKEN}"}
EDGE_NUMBERS = st.sampled_from([
    "0", "-1", "1e309", "nan", "inf", "-inf", "2", str(2**63), str(2**64), str(-(2**63) - 1),
    "+-1", "²", "٣", "1_000", " 1", "0x10", "1.5", "", "9" * 400,
])  # fmt: skip
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=()), max_size=40
)  # surrogates included: a query or body may carry anything
VALUES = st.one_of(TEXT, EDGE_NUMBERS)
ABSOLUTE_PATH = re.compile(r"(?:^|[\s'\"(])/(?:tmp|home|root|var|usr|work)/")


@pytest.fixture(scope="module")
def fuzz_client(
    tmp_path_factory: pytest.TempPathFactory, shared_store: Store
) -> Iterator[TestClient]:
    tmp = tmp_path_factory.mktemp("fuzz")
    app = create_app(shared_store, api_settings(tmp, max_request_bytes=1_000_000))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    query: tuple[str, ...]


def api_routes(client: TestClient) -> list[Route]:
    """Every operation the API documents, with its query parameters' names."""
    paths = client.get("/openapi.json").json()["paths"]
    return [
        Route(
            method.upper(),
            path,
            tuple(p["name"] for p in operation.get("parameters", ()) if p["in"] == "query"),
        )
        for path, operations in paths.items()
        for method, operation in operations.items()
    ]


def check(response: Any) -> None:
    assert response.status_code < 500, (response.status_code, response.text[:300])
    assert not ABSOLUTE_PATH.search(response.text[:5000]), response.text[:300]
    assert "duckdb" not in response.text[:5000].lower() or response.status_code < 400


def _quoted(value: str) -> str:
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def _fill(path: str, value: str) -> str:
    """The path with every parameter set to ``value``, percent-encoded (any character)."""
    return re.sub(r"\{[^}]+\}", lambda _match: _quoted(value) or "x", path)


def _url(path: str, query: dict[str, str]) -> str:
    """The URL with its query string encoded by hand, so any text (a lone surrogate, a control
    character) reaches the server as a client could send it."""
    if not query:
        return path
    return path + "?" + "&".join(f"{_quoted(k)}={_quoted(v)}" for k, v in query.items())


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_robustness_every_route_answers_any_query_without_a_500(
    fuzz_client: TestClient, data: st.DataObject
) -> None:
    route = data.draw(st.sampled_from(api_routes(fuzz_client)))
    names = [*route.query, "nonsense"]
    query = data.draw(st.dictionaries(st.sampled_from(names), VALUES, max_size=4))
    path = _fill(route.path, data.draw(VALUES))
    method = route.method
    headers = AUTH if data.draw(st.booleans()) else {}
    if method == "GET":
        check(fuzz_client.get(_url(path, query), headers=headers))
    else:
        body = data.draw(
            st.one_of(
                st.binary(max_size=200),
                TEXT.map(lambda text: text.encode("utf-8", "surrogatepass")),
                st.dictionaries(st.sampled_from(["text", "published", "url", "replace",
                                                 "outlet", "first", "second"]), VALUES,
                                max_size=4).map(_json_bytes),
            )
        )  # fmt: skip
        check(fuzz_client.request(method, _url(path, query), content=body, headers=headers))


def _json_bytes(record: dict[str, str]) -> bytes:
    """JSON that may hold lone surrogates, written the way a careless client would."""
    import json

    return json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")


@pytest.mark.parametrize(
    "bbox", ["+-1,0,0,0", "²,0,0,0", "1e309,0,0,0", "nan,0,0,0", "0,0,0", "a,b,c,d"]
)
def test_robustness_a_bad_bbox_is_a_400(fuzz_client: TestClient, bbox: str) -> None:
    response = fuzz_client.get("/api/events", params={"bbox": bbox})
    assert response.status_code == 400, response.text


def test_robustness_an_offset_past_any_store_is_a_422(fuzz_client: TestClient) -> None:
    for path in ("/api/events", "/api/actors", "/api/relations"):
        assert fuzz_client.get(path, params={"offset": 2**63}).status_code == 422


def test_robustness_a_404_names_no_file(fuzz_client: TestClient) -> None:
    response = fuzz_client.get("/api/articles/art_nope")
    assert response.status_code == 404
    assert "duckdb" not in response.text and "/" not in response.json()["detail"]


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_robustness_big_bodies_without_a_token_are_refused_unread(
    tmp_path: Path, shared_store: Store
) -> None:
    body = b"x" * 2_000_000  # under the default limit: refused for want of a token, or on a read
    app = create_app(shared_store, api_settings(tmp_path))
    with TestClient(app, raise_server_exceptions=False) as client:
        routes = [(r.method, _fill(r.path, "x")) for r in api_routes(client)]
        before = rss_mib()
        for _ in range(10):
            for method, path in routes:
                response = client.request(method, path, content=body)
                assert response.status_code in (401, 413), (method, path, response.status_code)
        grown = rss_mib() - before
    assert grown < 50, f"the server grew by {grown:.0f} MiB"


def test_robustness_a_token_holder_over_the_limit_gets_413(
    tmp_path: Path, shared_store: Store
) -> None:
    app = create_app(shared_store, api_settings(tmp_path, max_request_bytes=1_000))
    with TestClient(app) as client:
        response = client.post("/api/analyze", content=b"{" + b" " * 5_000 + b"}", headers=AUTH)
        assert response.status_code == 413

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it streams
            yield from (b" " * 600, b" " * 600)

        streamed = client.post(
            "/api/analyze", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
        )
        assert streamed.status_code == 413


def test_robustness_a_store_failure_tells_the_client_nothing_of_the_store(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = api_settings(tmp_path)
    store = DuckDBStore.open(settings.db_path)
    with TestClient(create_app(store, settings), raise_server_exceptions=False) as client:
        store.close()  # the store fails under the server, as a full disk or a lost file would
        response = client.get("/api/events")
    assert response.status_code == 500
    detail = response.json()["detail"]
    assert "server's log" in detail
    assert str(tmp_path) not in response.text and "duckdb" not in response.text.lower()
    assert any(record.levelname == "ERROR" for record in caplog.records)  # logged server-side
