"""Downloads from a real HTTP server on localhost that honours Range requests."""

from __future__ import annotations

import base64
import hashlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from frontlines.errors import InputError
from frontlines.geo.download import download, geonames_url

BODY = b"".join(f"{index}\tVillage {index}\n".encode() for index in range(5000))


class Handler(BaseHTTPRequestHandler):
    body = BODY
    md5 = base64.b64encode(hashlib.md5(BODY).digest()).decode()

    def do_GET(self) -> None:
        start = 0
        ranged = self.headers.get("Range")
        if ranged and self.headers.get("If-Range") == '"v1"':
            start = int(ranged.removeprefix("bytes=").split("-")[0])
        part = self.body[start:]
        self.send_response(206 if start else 200)
        self.send_header("Content-Length", str(len(part)))
        self.send_header("ETag", '"v1"')
        self.send_header("Last-Modified", "Tue, 05 Mar 2024 10:00:00 GMT")
        if not start:
            self.send_header("Content-MD5", self.md5)
        self.end_headers()
        self.wfile.write(part)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_download_checks_the_servers_md5_and_keeps_the_date(server: str, tmp_path: Path) -> None:
    got = download(f"{server}/BF.txt", folder=tmp_path)
    assert got.path.read_bytes() == BODY
    assert got.date == "2024-03-05"
    # A finished download is not fetched again.
    assert download(f"{server}/BF.txt", folder=tmp_path).path == got.path


def test_download_resumes_a_partial_file(server: str, tmp_path: Path) -> None:
    first = download(f"{server}/BF.txt", folder=tmp_path)  # records the ETag and checksum
    first.path.rename(tmp_path / "BF.txt.part")
    with (tmp_path / "BF.txt.part").open("r+b") as handle:
        handle.truncate(1000)
    sizes: list[int] = []
    done: list[int] = []
    again = download(f"{server}/BF.txt", folder=tmp_path, size=sizes.append, progress=done.append)
    assert again.path.read_bytes() == BODY
    assert sizes == [len(BODY)] and sum(done) == len(BODY)


def test_download_refuses_a_corrupt_resume(server: str, tmp_path: Path) -> None:
    first = download(f"{server}/BF.txt", folder=tmp_path)
    first.path.rename(tmp_path / "BF.txt.part")
    with (tmp_path / "BF.txt.part").open("r+b") as handle:
        handle.truncate(1000)
        handle.seek(0)
        handle.write(b"XXXX")
    with pytest.raises(InputError, match="checksum"):
        download(f"{server}/BF.txt", folder=tmp_path)
    assert not (tmp_path / "BF.txt").exists()


def test_download_geonames_names_map_to_the_dump_server() -> None:
    assert geonames_url("BF") == "https://download.geonames.org/export/dump/BF.zip"
    assert geonames_url("allCountries.zip") == (
        "https://download.geonames.org/export/dump/allCountries.zip"
    )
    assert geonames_url("notes.txt") is None
