from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest

from frontlines.errors import ConfigError
from frontlines.readers.common import ReadLimits
from frontlines.readers.folders import walk
from frontlines.readers.kinds import reader_table
from frontlines.readers.named_inputs import read_source

LIMITS = ReadLimits()


def test_the_built_in_kinds_are_registered_as_entry_points() -> None:
    registered = {entry.name for entry in entry_points(group="frontlines.readers")}
    assert {"text", "html", "feed", "jsonl", "zip"} <= registered
    table = reader_table()
    assert table.kind_by_name("story.HTM") == "html"
    assert table.kind_by_name("feed.atom") == "feed"
    assert table.kind_by_name("photo.jpeg") is None


def test_an_unknown_kind_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="no reader for 'pdf' inputs"):
        reader_table().get("pdf")


def test_a_plugin_reader_is_picked_by_its_extension(tmp_path: Path, example_plugin: Path) -> None:
    note = tmp_path / "inbox" / "raid.note"
    note.parent.mkdir()
    note.write_text("Raid on the depot\nGunmen raided a depot in Gao on Monday.\n", "utf-8")
    assert walk(note.parent) == [note]
    (item,) = read_source(str(note), limits=LIMITS)
    assert item.article is not None
    assert item.article.title == "Raid on the depot"
    assert item.article.text == "Gunmen raided a depot in Gao on Monday."


def test_a_plugin_reader_is_gone_without_the_plugin(tmp_path: Path) -> None:
    note = tmp_path / "raid.note"
    note.write_text("Raid\nGunmen raided a depot.\n", "utf-8")
    assert reader_table().kind_by_name(note.name) is None
    assert walk(tmp_path) == []
