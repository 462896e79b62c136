"""The import direction docs/architecture.md states holds for every module of the package.

The floors are read from the fenced ``floors`` block of docs/architecture.md, so the page and the
check cannot drift apart. A module may import its own room freely and any room on a lower floor;
an import of a room on its own floor or above (type-checking and function-level imports
included) is an upward import and fails the test.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "frontlines"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
FACADE = "__init__"  # the package itself: ``import frontlines``, ``from frontlines import x``
_FLOORS_BLOCK = re.compile(r"```floors\n(.*?)```", re.DOTALL)


@dataclass(frozen=True)
class Arrow:
    source: str  # the importing module
    target: str  # the imported module


def floors_of(page: str) -> dict[str, int]:
    """Room -> floor number from the page's ``floors`` block: ``N  room room ...`` per line."""
    match = _FLOORS_BLOCK.search(page)
    assert match is not None, "docs/architecture.md has no ```floors block"
    floors: dict[str, int] = {}
    for line in match.group(1).splitlines():
        number, _, rooms = line.partition(" ")
        for room in rooms.split():
            floors[room.strip(",")] = int(number)
    return floors


def modules_of(package: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package at ``package``."""
    found: dict[str, Path] = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def arrows_of(package: Path) -> list[Arrow]:
    """Every import of the package's own modules by its modules, wherever in the file it is."""
    modules = modules_of(package)
    name = package.name
    arrows: list[Arrow] = []
    for module, path in modules.items():
        here = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join([*here[: len(here) - node.level + 1], *filter(None, [base])])
                targets = [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            for target in targets:
                if target == name or target.startswith(name + "."):
                    arrows.append(Arrow(module, _longest_module(target, modules)))
    return arrows


def _longest_module(dotted: str, modules: dict[str, Path]) -> str:
    parts = dotted.split(".")
    while parts and ".".join(parts) not in modules:
        parts.pop()
    return ".".join(parts)


def room_of(module: str, floors: dict[str, int]) -> str:
    """The longest room the floors name that holds the module (``ingest.langid`` before
    ``ingest``), else its top-level room, else the package's façade."""
    parts = module.split(".")[1:]
    for length in range(len(parts), 1, -1):
        sub_room = ".".join(parts[:length])
        if sub_room in floors:
            return sub_room
    return parts[0] if parts else FACADE


def upward(arrows: list[Arrow], floors: dict[str, int]) -> list[str]:
    """The arrows that do not point to a lower floor (or stay in their own room), described."""
    wrong = []
    for arrow in arrows:
        source, target = room_of(arrow.source, floors), room_of(arrow.target, floors)
        if source != target and floors[target] >= floors[source]:
            wrong.append(
                f"{arrow.source} (floor {floors[source]}) imports {arrow.target} "
                f"(floor {floors[target]})"
            )
    return wrong


def test_every_room_of_the_package_has_a_floor() -> None:
    floors = floors_of(ARCHITECTURE.read_text("utf-8"))
    rooms = {room_of(module, floors) for module in modules_of(PACKAGE)}
    unplaced = sorted(rooms - set(floors))
    assert not unplaced, f"rooms missing from the floors of docs/architecture.md: {unplaced}"


def test_no_module_imports_upward() -> None:
    floors = floors_of(ARCHITECTURE.read_text("utf-8"))
    arrows = arrows_of(PACKAGE)
    assert len(arrows) > 100  # the parser sees the package's imports
    wrong = upward(arrows, floors)
    assert not wrong, "upward imports:\n" + "\n".join(wrong)


def write_package(root: Path, files: dict[str, str]) -> Path:
    package = root / "house"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return package


PAGE = "```floors\n1  model\n2  stages\n3  pipeline\n```\n"
SUB_ROOMS = "```floors\n1  model\n2  ingest ingest.langid\n3  pipeline\n4  ingest.ingester\n```\n"


@pytest.mark.parametrize(
    "line",
    [
        "from house.pipeline import run",
        "import house.pipeline",
        "from ..pipeline import run",
        "from house import pipeline",
    ],
)
def test_an_upward_import_is_caught_however_it_is_written(tmp_path: Path, line: str) -> None:
    package = write_package(
        tmp_path,
        {
            "__init__.py": "",
            "model.py": "",
            "pipeline.py": "from house.stages.shout import shout\nrun = 1\n",
            "stages/__init__.py": "",
            "stages/shout.py": f"def shout() -> None:\n    {line}\n",
        },
    )
    assert upward(arrows_of(package), floors_of(PAGE)) == [
        "house.stages.shout (floor 2) imports house.pipeline (floor 3)"
    ]


def test_downward_and_same_room_imports_pass(tmp_path: Path) -> None:
    package = write_package(
        tmp_path,
        {
            "__init__.py": "",
            "model.py": "",
            "pipeline.py": "from house.stages import shout\nfrom house.model import x\n",
            "stages/__init__.py": "",
            "stages/shout.py": "from house.stages.words import LOUD\nfrom . import words\n",
            "stages/words.py": "import house.model\n",
        },
    )
    arrows = arrows_of(package)
    assert Arrow("house.stages.shout", "house.stages.words") in arrows
    assert upward(arrows, floors_of(PAGE)) == []


def test_a_room_spans_floors_through_its_named_sub_rooms(tmp_path: Path) -> None:
    package = write_package(
        tmp_path,
        {
            "__init__.py": "",
            "model.py": "",
            "pipeline.py": "from house.ingest.langid import detect\n",
            "ingest/__init__.py": "",
            "ingest/langid.py": "from house.model import x\ndetect = 1\n",
            "ingest/ingester.py": (
                "from house.pipeline import run\nfrom house.ingest import langid\n"
            ),
            "ingest/other.py": "from house.pipeline import run\n",
        },
    )
    floors = floors_of(SUB_ROOMS)
    assert room_of("house.ingest.ingester", floors) == "ingest.ingester"
    assert room_of("house.ingest.other", floors) == "ingest"
    # the ingester (floor 4) may use the pipeline and its own room's language id; a module of
    # the room that the floors do not name sits on the room's own floor (2), below the pipeline
    assert upward(arrows_of(package), floors) == [
        "house.ingest.other (floor 2) imports house.pipeline (floor 3)"
    ]
