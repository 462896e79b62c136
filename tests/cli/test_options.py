"""Every option of every command: any case is taken, a wrong value is refused by name.

Options are parsed as the command line parses them (``make_context``), without running the
command, so the test covers every choice and date option of every command, plugins' included.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date

import click
import pytest
from click.testing import CliRunner

from frontlines.cli.main import cli, register_plugin_commands
from frontlines.cli.options import DateParam, FilterParam

WRONG = "no-such-value"


def commands() -> Iterator[tuple[list[str], click.Command]]:
    register_plugin_commands()
    pending: list[tuple[list[str], click.Command]] = [([], cli)]
    while pending:
        path, command = pending.pop()
        yield path, command
        if isinstance(command, click.Group):
            pending.extend(([*path, name], sub) for name, sub in command.commands.items())


def checked_options() -> list[tuple[list[str], click.Command, click.Option]]:
    found = []
    for path, command in commands():
        for param in command.params:
            free_text = isinstance(param.type, FilterParam) and param.type.spec.kind == "text"
            typed = isinstance(param.type, click.Choice | DateParam | FilterParam) and not free_text
            if isinstance(param, click.Option) and typed and not param.is_flag:
                found.append((path, command, param))
    return found


CHECKED = checked_options()


def parse(command: click.Command, args: list[str]) -> click.Context:
    """Parse ``args`` with a stand-in for each required argument (ids, files)."""
    arguments = [
        "x" for param in command.params if isinstance(param, click.Argument) and param.required
    ]
    return command.make_context(command.name or "frontlines", [*args, *arguments])


def good_value(param: click.Option) -> str:
    if isinstance(param.type, click.Choice):
        return str(param.type.choices[-1])
    if isinstance(param.type, DateParam):
        return "2024-11-27"
    assert isinstance(param.type, FilterParam)
    return {"count": "3", "bbox": "36,35,38,37"}.get(param.type.spec.kind, "x")


def label(item: tuple[list[str], click.Command, click.Option]) -> str:
    return " ".join(["frontlines", *item[0], item[2].opts[0]])


def test_the_checked_options_cover_the_enums_and_dates() -> None:
    names = {label(item) for item in CHECKED}
    for expected in (
        "frontlines events --type",
        "frontlines events --sub-type",
        "frontlines events --certainty",
        "frontlines events --format",
        "frontlines events --from",
        "frontlines events --min-fatalities",
        "frontlines analyze --published",
        "frontlines analyze --format",
        "frontlines bench --only",
    ):
        assert expected in names


@pytest.mark.parametrize("item", CHECKED, ids=label)
def test_any_case_is_taken(item: tuple[list[str], click.Command, click.Option]) -> None:
    _, command, param = item
    value = good_value(param)
    context = parse(command, [param.opts[0], value.swapcase()])
    given = context.params[param.name or ""]
    given = given[0] if isinstance(given, tuple) else given
    if isinstance(param.type, click.Choice):
        assert given == value  # the vocabulary's own spelling
    elif isinstance(param.type, DateParam):
        assert given == date(2024, 11, 27)


@pytest.mark.parametrize("item", CHECKED, ids=label)
def test_a_wrong_value_names_the_option_and_the_valid_values(
    item: tuple[list[str], click.Command, click.Option],
) -> None:
    _, command, param = item
    with pytest.raises(click.BadParameter) as raised:
        parse(command, [param.opts[0], WRONG])
    message = raised.value.format_message()
    assert param.opts[0] in message
    assert WRONG in message
    if isinstance(param.type, click.Choice):
        assert all(str(choice) in message for choice in param.type.choices)


@pytest.mark.parametrize("item", CHECKED, ids=label)
def test_help_lists_the_valid_values(item: tuple[list[str], click.Command, click.Option]) -> None:
    path, _, param = item
    if not isinstance(param.type, click.Choice):
        return
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())  # help wraps lines
    assert all(str(choice) in text for choice in param.type.choices)


def test_a_wrong_date_blames_the_option_given_in_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "frontlines", "events", "--from", "27/11/2024"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "'--from'" in lines[0]
    assert "--published" not in lines[0]
    assert "YYYY-MM-DD" in lines[0]
