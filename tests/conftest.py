"""Shared fixtures: one spaCy model and one set of resources per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from frontlines.resources import Resources
from frontlines.settings import Settings


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session")
def settings(session_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    db = tmp_path_factory.mktemp("db") / "session.duckdb"
    return Settings.from_env({}, cache_dir=session_cache, db_path=db)


@pytest.fixture(scope="session")
def resources(settings: Settings) -> Resources:
    return Resources(settings)


@pytest.fixture(scope="session")
def nlp(resources: Resources) -> Any:
    return resources.nlp


@pytest.fixture
def env_for_cli(
    tmp_path: Path, session_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A fresh store path for CLI tests, and the session's cache, through the environment."""
    db = tmp_path / "cli.duckdb"
    monkeypatch.setenv("FRONTLINES_DB", str(db))
    monkeypatch.setenv("FRONTLINES_CACHE_DIR", str(session_cache))
    yield db
