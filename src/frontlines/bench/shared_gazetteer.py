"""The team's shared GeoNames and UCDP files, loaded into a gazetteer cache of their own.

Benchmarks report place figures twice: with the gazetteer as installed, and with these files
added as a user would add them (``frontlines gazetteer add``). The loaded cache lives in a
temporary folder beside nothing else: the user's own cache is never written.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from frontlines.geo.build import build, cache_path
from frontlines.geo.load import add_file

# Admin code tables first (the dumps' places take their area names from them), then the
# country dumps, then UCDP GED (placed in the areas of the towns already loaded).
GEONAMES_FOLDER = "geonames"
ADMIN_TABLES = ("admin1CodesASCII.txt", "admin2Codes.txt")
UCDP_FOLDERS = ("ucdp_ged_syria", "ucdp_ged_ukraine")
LABEL = "with the shared GeoNames and UCDP files"


def shared_files(data_dir: Path) -> list[Path]:
    """The shared files present under ``data_dir``, in load order ([] when there are none)."""
    folder = data_dir / GEONAMES_FOLDER
    found = [folder / name for name in ADMIN_TABLES if (folder / name).is_file()]
    if folder.is_dir():
        found += sorted(
            path
            for path in folder.glob("*.txt")
            if path.name not in ADMIN_TABLES and len(path.stem) == 2 and path.stem.isupper()
        )
    for name in UCDP_FOLDERS:
        found += _ucdp_files(data_dir / name)
    return found


def _ucdp_files(folder: Path) -> list[Path]:
    """A folder's GED CSVs, one per stem: the UTF-8 copy where both are there."""
    paths = sorted(folder.glob("*.csv")) if folder.is_dir() else []
    utf8 = {
        path.name.removesuffix(".utf8.csv") for path in paths if path.name.endswith(".utf8.csv")
    }
    return [path for path in paths if path.name.endswith(".utf8.csv") or path.stem not in utf8]


@contextmanager
def loaded_cache(files: list[Path], *, cache_dir: Path) -> Iterator[Path]:
    """A temporary cache folder: the built gazetteer of ``cache_dir`` (built there first if
    missing) with ``files`` added."""
    base = cache_path(Path(cache_dir))
    if not base.exists():
        build(base)
    with tempfile.TemporaryDirectory(prefix="frontlines-gazetteer-") as folder:
        loaded = Path(folder)
        shutil.copy(base, loaded / base.name)
        for path in files:
            add_file(path, cache_dir=loaded)
        yield loaded
