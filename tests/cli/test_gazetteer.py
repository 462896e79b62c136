"""``frontlines gazetteer add`` and ``status`` as a user runs them, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from frontlines.geo.gazetteer import Gazetteer
from frontlines.settings import Settings

ADMIN1 = "BF.01\tBoucle du Mouhoun\tBoucle du Mouhoun\t6930701\n"


def run(*args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, FRONTLINES_CACHE_DIR=str(cache))
    return subprocess.run(
        [sys.executable, "-m", "frontlines", "gazetteer", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


def test_cli_gazetteer_add_twice_then_status(tmp_path: Path, settings: Settings) -> None:
    built = Gazetteer.open(cache_dir=settings.cache_dir)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / built.path.name).symlink_to(built.path)
    table = tmp_path / "admin1CodesASCII.txt"
    table.write_text(ADMIN1, encoding="utf-8")
    first = run("add", str(table), "--no-progress", cache=cache)
    assert first.returncode == 0, first.stderr
    assert "admin codes, 1 rows" in first.stdout
    again = run("add", str(table), cache=cache)
    assert again.returncode == 0 and "already loaded" in again.stdout
    status = run("status", cache=cache)
    assert status.returncode == 0
    assert "admin1CodesASCII.txt" in status.stdout
    assert "GeoNames (https://www.geonames.org/), CC BY 4.0" in status.stdout
    missing = run("add", str(tmp_path / "nothing.txt"), cache=cache)
    assert missing.returncode != 0
    assert "no such file" in missing.stderr
