from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from frontlines.api import require_server_extra
from frontlines.api.routes.page import static_dir
from frontlines.errors import MissingDependencyError


def test_app_missing_server_extra_names_the_pip_command() -> None:
    with pytest.raises(MissingDependencyError, match=re.escape('pip install "frontlines[server]"')):
        require_server_extra(modules=("fastapi", "no_such_module_frontlines"), purpose="the API")


def test_app_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/api/events", "/api/events/{event_id}", "/api/actors", "/api/actors/{actor_id}",
        "/api/relations", "/api/articles", "/api/articles/{article_id}", "/api/analyze",
        "/api/stats",
    } <= paths.keys()  # fmt: skip
    assert "401" in paths["/api/articles"]["post"]["responses"]


def test_app_docs_load_nothing_from_a_cdn(client: TestClient) -> None:
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()


def test_app_page_is_served_with_a_strict_policy(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert 'id="map"' in response.text and 'id="timeline"' in response.text
    assert client.get("/static/js/main.js").status_code == 200


def test_app_page_sources_never_write_html_and_load_no_cdn() -> None:
    sources = [*sorted((static_dir() / "js").glob("*.js")), static_dir() / "index.html"]
    assert sources
    for path in sources:
        text = Path(path).read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in text, f"{path.name} uses {sink}"
        assert not re.search(r"(src|href)=\"https?://", text), f"{path.name} loads from the web"
