"""Opening a DuckDB file for frontlines: no downloads, the spatial extension from its package.

DuckDB lets one process write a file at a time, or several read it (``read_only``); opening a
file another process holds against it is a StoreLockedError that says so.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import duckdb

from frontlines.errors import ConfigError, StoreError, StoreLockedError

SPATIAL_PACKAGE = "duckdb_extension_spatial"


def spatial_extension_path(*, package: str = SPATIAL_PACKAGE) -> Path:
    """The spatial extension shipped in a Python package, so nothing is ever downloaded."""
    pip = f"pip install duckdb-extension-spatial=={duckdb.__version__}"
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"the DuckDB spatial extension ({package}) is not installed: run {pip}")
    root = Path(next(iter(spec.submodule_search_locations)))
    preferred = root / "extensions" / f"v{duckdb.__version__}" / "spatial.duckdb_extension"
    if preferred.is_file():
        return preferred
    found = sorted(root.rglob("spatial.duckdb_extension"))
    if not found:
        raise ConfigError(f"no spatial.duckdb_extension file in {root}: run {pip}")
    return found[-1]


def connect(location: str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    # Never fetch an extension behind the user's back: spatial is loaded from its package file.
    config: dict[str, str | bool | int | float | list[str]] = {
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
    }
    try:
        return duckdb.connect(location, read_only=read_only, config=config)
    except duckdb.IOException as exc:
        message = first_line(exc)
        if "Could not set lock" in message:
            pid = re.search(r"PID \d+", message)
            holder = f", {pid.group(0)}" if pid else ""
            raise StoreLockedError(
                f"{location} is in use by another frontlines process (e.g. `frontlines serve`"
                f"{holder}): stop it, or reach the data through that process"
            ) from None
        raise StoreError(f"cannot open the store {location}: {message}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"cannot open the store {location}: {first_line(exc)}") from exc


def load_spatial(con: duckdb.DuckDBPyConnection, extension: Path) -> None:
    quoted = str(extension).replace("'", "''")
    try:
        con.execute(f"LOAD '{quoted}'")
    except duckdb.Error as exc:
        raise ConfigError(
            f"cannot load the spatial extension {extension}: {first_line(exc)}; run "
            f"pip install duckdb-extension-spatial=={duckdb.__version__}"
        ) from exc


def first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
