"""The shared gazetteer files of the bench: which are loaded, in what order, into a temporary
copy of the cache (the cache itself is left as it was)."""

from __future__ import annotations

from pathlib import Path

from frontlines.bench.shared_gazetteer import loaded_cache, shared_files
from frontlines.geo.added import added_path, sources
from frontlines.geo.gazetteer import Gazetteer
from frontlines.stages.resources import Resources
from tests.geo.test_load import ADMIN1, DUMP, UCDP, write


def data_folder(root: Path) -> Path:
    (root / "geonames").mkdir(parents=True)
    (root / "ucdp_ged_syria").mkdir()
    write(root / "geonames", "BF.txt", DUMP)
    write(root / "geonames", "admin1CodesASCII.txt", ADMIN1)
    write(root / "geonames", "PROVENANCE.md", "# where these files came from\n")
    write(root / "ucdp_ged_syria", "ged.csv", UCDP)
    write(root / "ucdp_ged_syria", "ged.utf8.csv", UCDP)
    return root


def test_admin_tables_come_first_and_one_copy_of_a_ged_file(tmp_path: Path) -> None:
    root = data_folder(tmp_path / "data")
    names = [str(path.relative_to(root)) for path in shared_files(root)]
    assert names == [
        "geonames/admin1CodesASCII.txt",
        "geonames/BF.txt",
        "ucdp_ged_syria/ged.utf8.csv",
    ]


def test_no_shared_files_without_the_folders(tmp_path: Path) -> None:
    assert shared_files(tmp_path) == []


def test_loaded_cache_is_a_copy_with_the_files_added(tmp_path: Path, resources: Resources) -> None:
    gazetteer = resources.gazetteer
    root = data_folder(tmp_path / "data")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / gazetteer.path.name).symlink_to(gazetteer.path)
    with loaded_cache(shared_files(root), cache_dir=cache) as folder:
        assert sorted(source.kind for source in sources(added_path(folder))) == [
            "admin codes",
            "geonames",
            "ucdp ged",
        ]
        loaded = Gazetteer.open(cache_dir=folder)
        try:
            found = [c.entry for c in loaded.lookup("Tondobiga") if c.entry.country_code == "BF"]
        finally:
            loaded.close()
        assert [entry.admin1 for entry in found] == ["Sahel"]
    assert not folder.exists()
    assert not added_path(cache).exists()
