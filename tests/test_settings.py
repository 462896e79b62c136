"""Settings: a store location is a file path or a URL, kept as the user wrote it."""

from __future__ import annotations

from pathlib import Path

from frontlines.settings import Settings


def test_settings_a_store_url_is_kept_as_written() -> None:
    url = "postgresql://analyst@localhost:5432/frontlines"
    assert Settings.from_env({"FRONTLINES_DB": url}).db_path == url
    assert Settings.from_env({}, db_path=url).db_path == url


def test_settings_a_store_file_is_a_path_with_home_expanded() -> None:
    settings = Settings.from_env({"FRONTLINES_DB": "~/events.duckdb"})
    assert settings.db_path == Path.home() / "events.duckdb"
