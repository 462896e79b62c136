from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.readers.folders import expand_sources, walk
from frontlines.readers.formats import kind_by_name


def test_folders_walk_finds_known_kinds_recursively_in_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a/c.html", "a/d.xml", "a/e/f.jsonl", "g.pdf", ".hidden.txt",
                 ".git/h.txt", "i.zip"):  # fmt: skip
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = [path.relative_to(tmp_path).as_posix() for path in walk(tmp_path)]
    assert found == ["b.txt", "i.zip", "a/c.html", "a/d.xml", "a/e/f.jsonl"]


def test_folders_do_not_follow_symlinked_folders(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert walk(tmp_path) == [tmp_path / "a.txt"]


def test_folders_expand_sources_keeps_files_urls_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "a.txt").write_text("x")
    (tmp_path / "empty").mkdir()
    sources: list[str | Path] = [
        tmp_path / "full",
        tmp_path / "empty",
        "https://x.example/feed",
        "-",
        "nope.txt",
    ]
    assert list(expand_sources(sources)) == [
        str(tmp_path / "full" / "a.txt"),
        str(tmp_path / "empty"),
        "https://x.example/feed",
        "-",
        "nope.txt",
    ]


NAME = st.text(st.characters(blacklist_characters="/\x00", codec="utf-8"), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.lists(NAME, max_size=2), NAME, st.sampled_from([".txt", ".html", ".pdf", ""])),
        max_size=6,
    )
)
def test_folders_any_tree_lists_only_visible_files_of_known_kinds(
    entries: list[tuple[list[str], str, str]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for parents, name, suffix in entries:
            path = root.joinpath(*parents, name + suffix)
            if any(part in (".", "..") for part in path.relative_to(root).parts):
                continue
            if path.is_dir() or any(ancestor.is_file() for ancestor in path.parents):
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("x")
        for found in walk(root):
            assert found.is_file()
            assert kind_by_name(found.name) is not None
            assert not any(part.startswith(".") for part in found.relative_to(root).parts)
