"""Shared fixtures: one spaCy model and one set of resources per test session."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from frontlines.settings import Settings
from frontlines.stages.resources import Resources
from tests.store.postgres_cluster import PACKAGE, Cluster, install, running_cluster


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


EXAMPLE_PLUGIN = Path(__file__).parent / "plugins"


@pytest.fixture
def example_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The plugin of tests/plugins made visible as pip would install it: its package importable
    and a dist-info folder with its entry points (read from its pyproject.toml) on sys.path.
    Nothing of frontlines is touched; the plugin is gone again after the test."""
    project = tomllib.loads((EXAMPLE_PLUGIN / "pyproject.toml").read_text("utf-8"))["project"]
    site = tmp_path / "site-packages"
    dist_info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n",
        "utf-8",
    )
    groups = [
        "\n".join([f"[{group}]", *(f"{name} = {value}" for name, value in entries.items())])
        for group, entries in project["entry-points"].items()
    ]
    (dist_info / "entry_points.txt").write_text("\n\n".join(groups) + "\n", "utf-8")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.syspath_prepend(str(EXAMPLE_PLUGIN))
    return site


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """A throw-away PostgreSQL + PostGIS cluster for the session (installed when root can)."""
    bin_dir = install()
    if bin_dir is None:
        pytest.skip(f"PostgreSQL is not installed and cannot be (apt-get install {PACKAGE})")
    with running_cluster(bin_dir) as cluster:
        yield cluster


@pytest.fixture
def postgres_url(postgres_cluster: Cluster) -> str:
    """A fresh, empty database on the session's cluster."""
    return postgres_cluster.new_database()
