"""What the commands share: the event filter options, dates, logging and the article count.

The filter options come from ``frontlines.filters`` (the API's definition too); values of a closed
vocabulary are taken in any case, and every error names the option as it was given.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from frontlines.errors import InputError
from frontlines.filters import FILTERS, Filter, filter_value
from frontlines.readers.formats import SINGLE_ARTICLE, kind_by_name

F = TypeVar("F", bound=Callable[..., Any])
LOG_FORMAT = "%(levelname)s %(name)s: %(message)s"


class DateParam(click.ParamType[date, Any]):
    """YYYY-MM-DD; a wrong value is blamed on the option it was given to."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            self.fail(f"{value!r} is not a date; use YYYY-MM-DD, e.g. 2024-11-27", param, ctx)


class FilterParam(click.ParamType[Any, Any]):
    """A filter of ``frontlines.filters`` whose value is checked the way the API checks it."""

    def __init__(self, spec: Filter) -> None:
        self.spec = spec
        self.name = {"count": "N", "bbox": "MIN_LON,MIN_LAT,MAX_LON,MAX_LAT"}.get(spec.kind, "TEXT")

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return filter_value(self.spec, value, label="value")
        except InputError as error:
            self.fail(str(error), param, ctx)


class AnyCaseChoice(click.Choice[str]):
    """A choice taken in any case whose error lists the values as they are spelled."""

    def __init__(self, values: Iterable[str]) -> None:
        super().__init__(tuple(values), case_sensitive=False)

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        """The values as spelled when they fit on a line; a long list is in the option's help."""
        listed = "|".join(map(str, self.choices))
        in_help = "One of:" in (getattr(param, "help", None) or "")
        return "VALUE" if in_help and len(listed) > 50 else f"[{listed}]"

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        return f"{value!r} is not one of: {', '.join(map(str, self.choices))} (any case)."


def choice(values: Iterable[str]) -> click.Choice[str]:
    """Any-case choice: ``--format CSV`` is ``csv``; the values show in --help and errors."""
    return AnyCaseChoice(values)


def _param_type(spec: Filter) -> click.ParamType[Any, Any]:
    if spec.kind == "choice":
        return choice(spec.choices)
    if spec.kind == "date":
        return DateParam()
    return FilterParam(spec)


def filter_options(function: F) -> F:
    """The event filters of ``frontlines.filters`` as options, in their order."""
    for spec in reversed([spec for spec in FILTERS if spec.cli]):
        function = click.option(
            spec.option, spec.field, type=_param_type(spec), help=spec.describe()
        )(function)
    return function


def setup_logging(*, verbose: int, quiet: bool) -> None:
    """Warnings by default, -v info, -vv debug, -q errors only; on stderr."""
    levels = (logging.WARNING, logging.INFO, logging.DEBUG)
    level = logging.ERROR if quiet else levels[min(verbose, 2)]
    logging.basicConfig(level=level, format=LOG_FORMAT, force=True)
    if verbose < 2:  # third-party chatter stays out unless -vv
        for noisy in ("urllib3", "httpx", "filelock", "asyncio"):
            logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


def count_articles(sources: Iterable[str]) -> int | None:
    """How many articles the sources hold, to show a rate and an ETA; None when unknowable.

    A text or HTML file is one article, a JSON lines file one per non-empty line, a zip one per
    readable member; a feed, URL or stdin cannot be counted before it is read.
    """
    total = 0
    for source in sources:
        count = _count_in(source)
        if count is None:
            return None
        total += count
    return total


def _count_in(source: str) -> int | None:
    path = Path(source)
    if source == "-" or not path.is_file():
        return None
    kind = kind_by_name(path.name)
    if kind in SINGLE_ARTICLE:
        return 1
    if kind == "jsonl" and path.suffix.lower() != ".json":
        with path.open("rb") as stream:
            return sum(1 for line in stream if line.strip())
    if kind == "zip":
        try:
            with zipfile.ZipFile(path) as archive:
                names = [info.filename for info in archive.infolist() if not info.is_dir()]
        except (zipfile.BadZipFile, OSError):
            return 1
        return sum(1 for name in names if kind_by_name(name) in SINGLE_ARTICLE) or None
    return None
