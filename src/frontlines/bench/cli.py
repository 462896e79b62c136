"""``frontlines bench``: parse the options, call the library, print the Markdown table."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from frontlines.bench.floors import FLOORS_PATH, Floors, check_floors, updated_floors
from frontlines.bench.realnews import SPLITS
from frontlines.bench.report import Figure, figures_from_dict
from frontlines.bench.runner import KNOWN, run_benchmarks
from frontlines.cli.options import choice
from frontlines.errors import InputError
from frontlines.settings import Settings

DATA_ENV = "FRONTLINES_BENCH_DATA"
DEFAULT_DATA = "../shared/data"
DEFAULT_OUT = "bench-out"


@click.command(name="bench")
@click.option(
    "--only",
    multiple=True,
    type=choice(KNOWN),
    help="Run only this one (repeatable); api runs only when named.",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"The shared data folder (default: ${DATA_ENV}, else {DEFAULT_DATA}).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path(DEFAULT_OUT),
    show_default=True,
    help="Where results.json and results.md are written.",
)
@click.option(
    "--sample",
    type=choice(("gate", "full")),
    default="full",
    show_default=True,
    help="gate: the fixed sample the floors are checked on (<10 min); full: the whole bench.",
)
@click.option(
    "--split",
    "splits",
    multiple=True,
    type=choice(SPLITS),
    help="realnews: score this split of the real-news gold (repeatable; default dev and test).",
)
@click.option(
    "--check",
    is_flag=True,
    help="Fail when a gated figure drops below its floor or a figure breaks its limit.",
)
@click.option(
    "--update-floors", is_flag=True, help="Raise the committed floors from this gate run."
)
@click.option(
    "--allow-lower",
    is_flag=True,
    help="With --update-floors: also lower floors (explain why in the commit).",
)
@click.option(
    "--from-results",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="With --update-floors or --check: read figures from this results.json instead of running.",
)
@click.option(
    "--floors",
    "floors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=FLOORS_PATH,
    show_default=True,
    help="The committed floors file.",
)
@click.option(
    "--api-events",
    type=click.IntRange(min=1),
    default=None,
    help="api: events in the synthetic store (default 100,000 on gate, 1,000,000 on full).",
)
@click.option(
    "--api-db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="api: a synthetic store to reuse (built there first when it does not exist).",
)
@click.option("--progress/--no-progress", default=True, help="Show progress bars on stderr.")
def bench_command(
    *,
    only: tuple[str, ...],
    data_dir: Path | None,
    out_dir: Path,
    sample: str,
    splits: tuple[str, ...],
    check: bool,
    update_floors: bool,
    allow_lower: bool,
    from_results: Path | None,
    floors_path: Path,
    progress: bool,
    api_events: int | None,
    api_db: Path | None,
) -> None:
    """Measure frontlines on the public gold data sets and print the table of figures."""
    if from_results is not None:
        data = json.loads(from_results.read_text(encoding="utf-8"))
        figures = figures_from_dict(data)
        run_sample = str(data.get("sample"))
    else:
        report = run_benchmarks(
            data_dir=data_dir or Path(os.environ.get(DATA_ENV) or DEFAULT_DATA),
            only=only or None,
            out_dir=out_dir,
            settings=Settings.from_env(),
            sample="gate" if sample == "gate" else "full",
            progress=progress,
            splits=tuple(split for split in SPLITS if split in splits) or SPLITS,
            api_events=api_events,
            api_db=api_db,
        )
        click.echo(report.to_markdown())
        click.echo(f"written: {out_dir / 'results.json'}, {out_dir / 'results.md'}", err=True)
        figures = list(report.figures)
        run_sample = report.sample
    if update_floors:
        _update(figures, sample=run_sample, allow_lower=allow_lower, path=floors_path)
    if check:
        _check(figures, sample=run_sample, path=floors_path)


def _update(figures: list[Figure], *, sample: str, allow_lower: bool, path: Path) -> None:
    if sample != "gate":
        raise InputError("floors are set from a gate run: use --sample gate")
    floors, changes = updated_floors(figures, Floors.load(path), allow_lower=allow_lower)
    floors.write(path)
    click.echo(f"{path}: " + ("; ".join(changes) or "no floor changed"), err=True)


def _check(figures: list[Figure], *, sample: str, path: Path) -> None:
    if sample != "gate":
        raise InputError("the floors are for the gate sample: use --sample gate with --check")
    drops = check_floors(figures, Floors.load(path))
    if drops:
        lines = "\n".join(f"  {drop.describe()}" for drop in drops)
        raise click.ClickException(
            f"{len(drops)} figure(s) below their floor or past their limit:\n{lines}"
        )
    click.echo("gate: every gated figure is at or above its floor, every limit kept", err=True)


if __name__ == "__main__":
    bench_command()
