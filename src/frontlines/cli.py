"""The ``frontlines`` command: parse arguments, call the library, print."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from frontlines import __version__
from frontlines.errors import FrontlinesError, InputError
from frontlines.model import Analysis, Article, Place
from frontlines.settings import Settings, describe_settings

F = TypeVar("F", bound=Callable[..., Any])

FORMATS_ANALYSIS = ("json", "table")
FORMATS_EVENTS = ("table", "csv", "json", "geojson")


def db_option(function: F) -> F:
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Store file (default: $FRONTLINES_DB, else a file in the user data folder).",
    )(function)


def settings_for(db: Path | None = None) -> Settings:
    return Settings.from_env(db_path=db)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Settings (environment variables):\n\n"
    + "\n\n".join(f"{env}: {help_}" for _, env, help_ in describe_settings() if env),
)
@click.version_option(__version__, prog_name="frontlines")
def cli() -> None:
    """frontlines: structured, sourced, geolocated conflict events from news text."""


def read_input_article(source: str, *, published: str | None, settings: Settings) -> Article:
    """One article from a path or '-' (stdin), with front matter and --published applied."""
    from frontlines.readers.text import article_from_text, decode_text, read_bytes

    if source == "-":
        data = sys.stdin.buffer.read(settings.max_article_bytes + 1)
        if len(data) > settings.max_article_bytes:
            raise InputError(f"stdin: over the limit of {settings.max_article_bytes} bytes")
        origin = "stdin"
    else:
        data = read_bytes(Path(source), max_bytes=settings.max_article_bytes)
        origin = source
    text = decode_text(data, origin=origin)
    return article_from_text(text, origin=origin, published=_checked_date(published, origin))


def _checked_date(value: str | None, origin: str) -> date | None:
    from frontlines.readers.common import parse_published

    return parse_published(value, origin=f"{origin}: --published")


@cli.command()
@click.argument("source", metavar="FILE|-")
@click.option("--published", help="Publication date, YYYY-MM-DD (the base for relative dates).")
@click.option("--format", "output_format", type=click.Choice(FORMATS_ANALYSIS), default="json")
def analyze(source: str, published: str | None, output_format: str) -> None:
    """Analyse one text and print the result; nothing is stored."""
    from frontlines.api_python import analyze_article

    settings = settings_for()
    article = read_input_article(source, published=published, settings=settings)
    analysis = analyze_article(article, settings=settings)
    if output_format == "json":
        click.echo(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_analysis_table(analysis))


@cli.command()
@click.argument("source", metavar="FILE|-")
@click.option("--format", "output_format", type=click.Choice(FORMATS_ANALYSIS), default="json")
def geoparse(source: str, output_format: str) -> None:
    """Print the places a text names, resolved against the gazetteer."""
    from frontlines.api_python import analyze_article

    settings = settings_for()
    article = read_input_article(source, published=None, settings=settings)
    places = analyze_article(article, settings=settings).places
    if output_format == "json":
        payload = [place.to_dict() for place in places]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        click.echo(render_places_table(places))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--demo", is_flag=True, help="Ingest the fictional demo corpus shipped with frontlines.")
@click.option("--replace", is_flag=True, help="Re-analyse articles already stored.")
@db_option
def ingest(paths: tuple[Path, ...], demo: bool, replace: bool, db: Path | None) -> None:
    """Analyse texts (files or folders) and store them."""
    from tqdm import tqdm

    from frontlines.api_python import analyze_article
    from frontlines.ingest import demo_corpus_paths, expand_inputs, ingest_paths
    from frontlines.store import open_store

    settings = settings_for(db)
    inputs = list(expand_inputs(paths))
    if demo:
        inputs.extend(demo_corpus_paths())
    if not inputs:
        raise InputError("ingest: give at least one file or folder, or --demo")
    with (
        open_store(settings.db_path) as store,
        tqdm(total=len(inputs), unit="article", file=sys.stderr, disable=None) as bar,
    ):

        def show(result: Any) -> None:
            bar.update(1)
            if result.outcome == "failed":
                tqdm.write(f"failed: {result.reason}", file=sys.stderr)
            elif result.outcome == "skipped":
                tqdm.write(f"skipped: {result.input}: {result.reason}", file=sys.stderr)

        report = ingest_paths(
            inputs,
            store=store,
            settings=settings,
            analyze=lambda article: analyze_article(article, settings=settings),
            replace=replace,
            on_result=show,
        )
    click.echo(report.summary(), err=True)
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.option("--from", "date_from", help="Earliest event date, YYYY-MM-DD.")
@click.option("--to", "date_to", help="Latest event date, YYYY-MM-DD.")
@click.option("--country")
@click.option("--admin1")
@click.option("--type", "event_type", help="ACLED event type, e.g. Battles.")
@click.option("--sub-type", "sub_event_type", help="ACLED sub-event type.")
@click.option("--actor", help="Actor id or part of its name.")
@click.option("--source", help="A source the event credits, or the article's outlet.")
@click.option("--certainty")
@click.option("--text", help="Free text in the evidence or notes.")
@click.option("--bbox", help="min_lon,min_lat,max_lon,max_lat")
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--sort", type=click.Choice(["date", "-date"]), default="-date", show_default=True)
@click.option("--format", "output_format", type=click.Choice(FORMATS_EVENTS), default="table")
@db_option
def events(output_format: str, db: Path | None, **filters: Any) -> None:
    """Query stored events (csv uses ACLED's column names)."""
    from frontlines.export import write_events
    from frontlines.store import EventQuery, open_store

    settings = settings_for(db)
    query = EventQuery(
        date_from=_checked_date(filters.pop("date_from"), "--from"),
        date_to=_checked_date(filters.pop("date_to"), "--to"),
        bbox=_parse_bbox(filters.pop("bbox")),
        **filters,
    )
    with open_store(settings.db_path) as store:
        found = store.events(query)
        write_events(found, format=output_format, out=sys.stdout)


def _parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    parts = value.split(",")
    numbers = [float(part) for part in parts if _is_number(part)]
    if len(parts) != 4 or len(numbers) != 4:
        raise InputError(f"--bbox {value!r}: expected four numbers min_lon,min_lat,max_lon,max_lat")
    return numbers[0], numbers[1], numbers[2], numbers[3]


def _is_number(text: str) -> bool:
    stripped = text.strip().lstrip("+-")
    return stripped.replace(".", "", 1).isdigit()


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the analysis document."""
    from frontlines.schema import analysis_schema

    click.echo(json.dumps(analysis_schema(), indent=2))


@cli.command()
def stages() -> None:
    """List the registered pipeline stages and the default pipeline."""
    from frontlines.pipeline import StageRegistry

    settings = settings_for()
    for name in StageRegistry.from_entry_points().names():
        used = "default" if name in settings.pipeline else ""
        click.echo(f"{name:<16}{used}")


def render_analysis_table(analysis: Analysis) -> str:
    article = analysis.article
    lines = [
        f"article {article.id}  published {article.published or '?'}"
        + ("  [FICTIONAL]" if article.fictional else ""),
        f"{len(analysis.events)} events, {len(analysis.actors)} actors, "
        f"{len(analysis.places)} places, {len(analysis.claims)} claims, "
        f"{len(analysis.relations)} relations",
        "",
    ]
    for event in analysis.events:
        where = event.location.name if event.location else "?"
        actor1 = event.actor1.name if event.actor1 else "?"
        actor2 = event.actor2.name if event.actor2 else "-"
        lines.append(
            f"{event.event_date or '?'} ({event.date_precision})  "
            f"{event.event_type or 'non-ACLED'} / {event.sub_event_type or '-'}  "
            f"{actor1} vs {actor2}  at {where}  fatalities {event.fatalities}  "
            f"[{event.certainty}]"
        )
    return "\n".join(lines)


def render_places_table(places: tuple[Place, ...]) -> str:
    rows = [f"{'text':<24}{'name':<24}{'country':<16}{'lat':>9}{'lon':>10}  role"]
    for place in places:
        lat = f"{place.latitude:.3f}" if place.latitude is not None else "-"
        lon = f"{place.longitude:.3f}" if place.longitude is not None else "-"
        rows.append(
            f"{place.text[:23]:<24}{(place.name or '-')[:23]:<24}"
            f"{(place.country or '-')[:15]:<16}{lat:>9}{lon:>10}  {place.role}"
        )
    return "\n".join(rows)


def register_plugin_commands() -> None:
    """Commands registered under the ``frontlines.commands`` entry points, built-in ones included."""
    from importlib.metadata import entry_points

    for entry in entry_points(group="frontlines.commands"):
        if entry.name not in cli.commands:
            cli.add_command(entry.load(), entry.name)


def main() -> None:
    register_plugin_commands()
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except FrontlinesError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
