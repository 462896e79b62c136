"""The batch commands as a user runs them, where the scale extra is missing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from frontlines.batch.ray_analysis import ray_module
from frontlines.errors import MissingDependencyError

WITHOUT_RAY = (
    "import sys; sys.modules['ray'] = None; sys.argv = ['frontlines', *sys.argv[1:]];"
    " from frontlines.cli.main import main; main()"
)


def test_batch_without_ray_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # as on a default install
    with pytest.raises(MissingDependencyError, match=r'pip install "frontlines\[scale\]"'):
        ray_module()


def test_batch_command_without_ray_fails_with_one_line_before_writing(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Rebels shelled Idlib on Monday.", encoding="utf-8")
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_RAY, "batch", str(source), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "error: frontlines batch needs the Python package 'ray[data]', which is not installed:"
        ' run pip install "frontlines[scale]"'
    ]
    assert not out.exists()
