"""A throw-away PostgreSQL 15 + PostGIS 3 cluster for the tests, started as a user would.

Debian's ``postgresql-15-postgis-3`` is installed with apt-get when missing and the tests run as
root; the cluster lives in a temporary folder, listens on a free local port, trusts local users,
and is stopped (and its folder removed) when the session ends. Each test gets a database of its
own, copied from a template that already has PostGIS.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

PACKAGE = "postgresql-15-postgis-3"
TEMPLATE = "frontlines_template"


def _bin_dir() -> Path | None:
    for version in ("15", "16", "17"):
        folder = Path(f"/usr/lib/postgresql/{version}/bin")
        if (folder / "initdb").exists() and Path(f"/usr/share/postgresql/{version}").exists():
            postgis = list(
                Path(f"/usr/share/postgresql/{version}/extension").glob("postgis.control")
            )
            if postgis:
                return folder
    return None


def install() -> Path | None:
    """The server's bin folder, installing the Debian package first when root can."""
    found = _bin_dir()
    if found is not None or os.geteuid() != 0 or shutil.which("apt-get") is None:
        return found
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = ["apt-get", "install", "-y", "--no-install-recommends", PACKAGE]
    if subprocess.run(command, env=env, capture_output=True, check=False).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, check=False)
        subprocess.run(command, env=env, capture_output=True, check=False)
    return _bin_dir()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    """A running cluster: ``url(name)`` for a database on it, ``new_database()`` for a fresh one."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._numbers = itertools.count(1)

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str, *, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as con:
            con.execute(sql)

    def new_database(self) -> str:
        name = f"store_{os.getpid()}_{next(self._numbers)}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)


@contextlib.contextmanager
def running_cluster(bin_dir: Path) -> Iterator[Cluster]:
    """initdb + pg_ctl start in a temporary folder (as the postgres user when root)."""
    root = Path(tempfile.mkdtemp(prefix="frontlines-pg-"))
    data, sockets = root / "data", root / "sockets"
    sockets.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(root, user="postgres")
        shutil.chown(sockets, user="postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()

    def run(*command: str) -> None:
        subprocess.run([*as_user, *command], check=True, capture_output=True)

    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(
        str(bin_dir / "pg_ctl"),
        "-D",
        str(data),
        "-o",
        options,
        "-l",
        str(root / "log"),
        "-w",
        "start",
    )
    try:
        cluster = Cluster(port)
        cluster.admin(f"CREATE DATABASE {TEMPLATE}")
        cluster.admin("CREATE EXTENSION postgis", database=TEMPLATE)
        yield cluster
    finally:
        subprocess.run(
            [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)
