"""The ``frontlines`` command: parse arguments, call the library, print."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from frontlines.cli.acled import import_acled
from frontlines.cli.events import SUBCOMMANDS as EVENT_COMMANDS
from frontlines.cli.gazetteer import gazetteer
from frontlines.cli.options import DateParam, choice, count_articles, filter_options, setup_logging
from frontlines.errors import FrontlinesError, InputError, StoreLockedError
from frontlines.model import Analysis, Article, Place
from frontlines.settings import Settings, describe_settings
from frontlines.version import __version__

if TYPE_CHECKING:
    from frontlines.remote.ingest_client import Server
    from frontlines.store.base import Store

logger = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])

UNKNOWN = "—"
FORMATS_ANALYSIS = ("json", "table")
FORMATS_EVENTS = ("table", "csv", "json", "geojson", "parquet")


def db_option(function: F) -> F:
    return click.option(
        "--db",
        "db",
        type=click.Path(dir_okay=False),  # a str: Path would fold a URL's '//'
        default=None,
        help="Store file or URL (default: $FRONTLINES_DB, else a file in the user data folder).",
    )(function)


def settings_for(db: str | Path | None = None) -> Settings:
    """The settings of this run: --db and the group's --lang over FRONTLINES_* variables."""
    context = click.get_current_context(silent=True)
    found = context.find_root().obj if context is not None else None
    language = found.get("language") if isinstance(found, dict) else None
    settings = Settings.from_env(db_path=db, language=language)
    from frontlines.languages import language_named

    language_named(settings.language)  # an uninstalled language fails here, in one line
    return settings


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Settings (environment variables):\n\n"
    + "\n\n".join(f"{env}: {help_}" for _, env, help_ in describe_settings() if env),
)
@click.version_option(__version__, prog_name="frontlines")
@click.option("-v", "--verbose", count=True, help="Say more on stderr (-vv: debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr; no progress bar.")
@click.option(
    "--lang",
    "language",
    default=None,
    metavar="CODE",
    help="The language read (ISO 639-1; default: $FRONTLINES_LANG, else en, the one shipped).",
)
@click.pass_context
def cli(context: click.Context, /, verbose: int, quiet: bool, language: str | None) -> None:
    """frontlines: structured, sourced, geolocated conflict events from news text.

    Every store command reads and writes one store: --db, else $FRONTLINES_DB, else
    the file shown by `frontlines where` (the one `make run` fills too).
    """
    setup_logging(verbose=verbose, quiet=quiet)
    context.obj = {"quiet": quiet, "language": language}


def _checked_date(value: date | None, origin: str) -> date | None:
    """``value``, unless it lies in the future (InputError naming ``origin``'s --published)."""
    from frontlines.readers.common import parse_published

    return parse_published(value, origin=f"{origin}: --published")


def read_input_article(source: str, *, published: date | None, settings: Settings) -> Article:
    """One article from a path or '-' (stdin), read by the reader its kind names (the table
    ``ingest`` uses too), with front matter and --published applied."""
    from frontlines.readers.common import ReadLimits
    from frontlines.readers.single import read_one_article

    return read_one_article(
        source,
        limits=ReadLimits.from_max_bytes(settings.max_article_bytes),
        stdin=sys.stdin.buffer,
        published=_checked_date(published, "stdin" if source == "-" else source),
    )


@cli.command()
@click.argument("source", metavar="FILE|-")
@click.option(
    "--published", type=DateParam(), help="Publication date (the base for relative dates)."
)
@click.option("--format", "output_format", type=choice(FORMATS_ANALYSIS), default="json")
def analyze(source: str, published: date | None, output_format: str) -> None:
    """Analyse one text and print the result; nothing is stored."""
    from frontlines.languages import analyze_supported
    from frontlines.python_api import analyze_article

    settings = settings_for()
    article = read_input_article(source, published=published, settings=settings)
    analysis = analyze_supported(
        article, lambda read: analyze_article(read, settings=settings), language=settings.language
    )
    for warning in analysis.warnings:
        click.echo(f"note: {warning}", err=True)
    if output_format == "json":
        click.echo(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(render_analysis_table(analysis))


@cli.command()
@click.argument("source", metavar="FILE|-")
@click.option("--format", "output_format", type=choice(FORMATS_ANALYSIS), default="json")
def geoparse(source: str, output_format: str) -> None:
    """Print the places a text names, resolved against the gazetteer."""
    from frontlines.python_api import analyze_article

    settings = settings_for()
    article = read_input_article(source, published=None, settings=settings)
    places = analyze_article(article, settings=settings).places
    if output_format == "json":
        payload = [place.to_dict() for place in places]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        click.echo(render_places_table(places))


@cli.command()
@click.argument("sources", nargs=-1, metavar="[FILE|FOLDER|URL|-]...")
@click.option(
    "--demo", is_flag=True, help="Ingest the fictional demo corpus shipped with frontlines."
)
@click.option("--replace", is_flag=True, help="Re-analyse articles already stored.")
@click.option(
    "--workers",
    type=click.IntRange(1),
    default=None,
    help="Analyse batches of articles in this many processes, storing a batch per transaction.",
)
@click.option(
    "--no-fuse", "no_fuse", is_flag=True,
    help="Keep reports only: set the store's fusion strictness to off (every report its own "
    "event) until `frontlines events strictness normal`.",
)  # fmt: skip
@click.option(
    "--published",
    type=DateParam(),
    help="Publication date, YYYY-MM-DD, of every article read (over the dates they state).",
)
@click.option(
    "--to", "to", metavar="URL", default=None,
    help="Send the articles to the `frontlines serve` at URL (http://HOST:PORT) with its token; "
    "automatic when a server holds the store.",
)  # fmt: skip
@click.option(
    "--token-env", default="FRONTLINES_API_TOKEN", show_default=True,
    help="Environment variable holding the server's API token (with --to, or a served store).",
)  # fmt: skip
@db_option
def ingest(
    *,
    sources: tuple[str, ...],
    demo: bool,
    replace: bool,
    workers: int | None,
    no_fuse: bool,
    published: date | None,
    to: str | None,
    token_env: str,
    db: str | None,
) -> None:
    """Read, analyse and store articles: text, HTML, RSS/Atom, JSON lines, zip, folders, stdin.

    Prints one line per article read (stored, duplicate, syndicated, skipped or failed, and
    why; undated when nothing dates it), a summary and the failures by cause; exits 1 when any
    input failed. Dates: --published, else the input's own (front matter, page, feed, JSON),
    else the date line or dateline at the top of the text; never the file's modification day.
    While `frontlines serve` holds the store, the articles go to it (see --to).
    """
    from tqdm import tqdm

    from frontlines.ingest.ingester import demo_corpus_paths, ingest_paths
    from frontlines.readers.folders import expand_sources
    from frontlines.remote.target import ingest_target

    settings = settings_for(db)
    day = _checked_date(published, "ingest")
    inputs = list(expand_sources(sources))
    if demo:
        inputs.extend(str(path) for path in demo_corpus_paths())
    if not inputs:
        raise InputError("ingest: give at least one file, folder, URL or '-', or --demo")
    target = ingest_target(settings.db_path, to=to, token_env=token_env)
    if target is not None:
        if no_fuse:
            raise InputError(
                "--no-fuse changes the store's setting, which the server holds: run `frontlines "
                "events strictness off` after stopping it, or leave --no-fuse out"
            )
        click.echo(target[1], err=True)
        _ingest_remote(inputs, server=target[0], settings=settings, replace=replace, day=day)
        return
    if no_fuse:
        with _open_for_writing(settings) as store:
            if store.fusion_strictness() != "off":
                store.set_fusion_strictness("off")
                click.echo("fusion is off for this store: every report is an event", err=True)
    if workers is not None:
        _ingest_batched(inputs, settings=settings, workers=workers, replace=replace)
        return
    quiet = bool((click.get_current_context().find_root().obj or {}).get("quiet"))
    total = count_articles(inputs)
    logger.info("ingesting %d inputs (%s articles) into %s", len(inputs), total, settings.db_path)
    with (
        _open_for_writing(settings) as store,
        tqdm(total=total, unit="article", file=sys.stderr, disable=True if quiet else None) as bar,
    ):

        def on_result(result: Any) -> None:
            if not quiet:
                tqdm.write(result.line(), file=sys.stderr)
            bar.update(1)

        report = ingest_paths(
            inputs,
            store=store,
            settings=settings,
            analyze=_analyzer(settings),
            replace=replace,
            published=day,
            stdin=sys.stdin.buffer,
            on_result=on_result,
        )
    if not quiet:
        click.echo(report.summary(), err=True)
        click.echo(report.failures_line(), err=True)
        click.echo(report.timing(), err=True)
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.argument("target", metavar="FOLDER|FEED_URL")
@click.option(
    "--interval", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
    help="Seconds between polls.",
)  # fmt: skip
@click.option("--once", is_flag=True, help="Poll once and exit (1 when an input failed).")
@db_option
def watch(target: str, interval: float, once: bool, db: str | None) -> None:
    """Ingest new files in a folder, or new entries of a feed, as they appear (by polling)."""
    import time

    from frontlines.ingest.ingester import Ingester, Watcher, failures_line, limits_for
    from frontlines.languages import language_named
    from frontlines.readers.fetch import is_url

    if not is_url(target) and not Path(target).is_dir():
        raise InputError(f"watch: {target} is neither a folder nor an http(s) feed URL")
    settings = settings_for(db)
    with _open_for_writing(settings) as store:
        language = language_named(settings.language)
        ingester = Ingester.open(store=store, analyze=_analyzer(settings), language=language)
        watcher = Watcher(target, ingester, limits_for(settings), settle_s=0.0 if once else 2.0)
        while True:
            results = watcher.poll()
            for result in results:
                if result.outcome != "duplicate":
                    click.echo(result.line(), err=True)
            if once:
                click.echo(failures_line(results), err=True)
                failed = any(result.outcome == "failed" for result in results)
                sys.exit(1 if failed else 0)
            time.sleep(interval)


def _ingest_batched(inputs: list[str], *, settings: Settings, workers: int, replace: bool) -> None:
    from frontlines.ingest.batched import ingest_batched

    with _open_for_writing(settings) as store:
        report = ingest_batched(
            inputs,
            store=store,
            settings=settings,
            workers=workers,
            replace=replace,
            stdin=sys.stdin.buffer,
            on_result=lambda result: click.echo(result.line(), err=True),
        )
    click.echo(report.summary(), err=True)
    click.echo(report.timing(), err=True)
    if not report.ok:
        sys.exit(1)


def _ingest_remote(
    inputs: list[str], *, server: Server, settings: Settings, replace: bool, day: date | None
) -> None:
    from frontlines.ingest.ingester import limits_for
    from frontlines.remote.ingest_client import send_to_server

    quiet = bool((click.get_current_context().find_root().obj or {}).get("quiet"))
    report = send_to_server(
        inputs,
        server=server,
        limits=limits_for(settings),
        max_request_bytes=settings.max_request_bytes,
        replace=replace,
        published=day,
        stdin=sys.stdin.buffer,
        on_result=None if quiet else lambda result: click.echo(result.line(), err=True),
    )
    if not quiet:
        click.echo(report.summary(), err=True)
        click.echo(report.failures_line(), err=True)
    if not report.ok:
        sys.exit(1)


def _analyzer(settings: Settings) -> Callable[[Article], Analysis]:
    from frontlines.python_api import analyze_article

    return lambda article: analyze_article(article, settings=settings)


def _open_for_writing(settings: Settings) -> Store:
    """The store, or a one-line error saying what to do while a server holds it."""
    from frontlines.store import open_store

    try:
        return open_store(settings.db_path)
    except StoreLockedError as error:
        raise StoreLockedError(
            f"{error}. While `frontlines serve` runs, stop it first, or send the articles to "
            "it: `frontlines ingest --to http://HOST:PORT` with its API token"
        ) from None


@cli.group(invoke_without_command=True)
@filter_options
@click.option(
    "--limit",
    type=click.IntRange(1, 1_000_000),
    default=100,
    show_default=True,
    help="At most this many events (csv and parquet: every match unless given).",
)
@click.option("--offset", type=click.IntRange(0), default=0)
@click.option("--sort", type=choice(["date", "-date"]), default="-date", show_default=True)
@click.option(
    "--format",
    "output_format",
    type=choice(FORMATS_EVENTS),
    default="table",
    help="table (fits the terminal), csv (ACLED's columns and values; non-ACLED events left "
    "out), json or geojson (every event), parquet (GeoParquet with Arrow types; needs --output "
    "on a terminal).",
)
@click.option(
    "--output",
    "-o",
    "output",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write to FILE instead of standard output.",
)
@click.option(
    "--reports", is_flag=True, help="One row per article's report instead of per fused event."
)
@db_option
@click.pass_context
def events(
    context: click.Context,
    /,
    output_format: str,
    output: str | None,
    db: str | None,
    reports: bool,
    **filters: Any,
) -> None:
    """Query stored events, one per happening however many reports (csv: ACLED's columns).

    The subcommands show one event with its reports, and split or merge events when fusion
    got them wrong.
    """
    from frontlines.exports.output import FILE_FORMATS, write_events_to
    from frontlines.store import EventQuery
    from frontlines.store.reading import open_for_reading

    context.obj = {**(context.obj or {}), "db": db}
    if context.invoked_subcommand is not None:
        return
    settings = settings_for(db)
    first, last = filters.get("date_from"), filters.get("date_to")
    if first is not None and last is not None and first > last:
        raise click.BadParameter(f"{first} is after --to {last}", param_hint="'--from'")
    query = EventQuery(level="reports" if reports else "fused", **filters)
    logger.info("reading %s", settings.db_path)
    given = context.get_parameter_source("limit") is not click.core.ParameterSource.DEFAULT
    with open_for_reading(settings.db_path) as store:
        every = output_format in FILE_FORMATS and not given  # streamed a page at a time
        found = store.iter_events(query) if every else store.events(query)
        count = write_events_to(found, format=output_format, output=output, level=query.level)
    logger.info("%d events from %s", count, settings.db_path)


for _command in EVENT_COMMANDS:
    events.add_command(_command)
cli.add_command(gazetteer)
cli.add_command(import_acled)


@cli.command(name="where")
@db_option
def where_command(db: str | None) -> None:
    """Print the store file the commands use (--db, else $FRONTLINES_DB, else the default)."""
    click.echo(settings_for(db).db_path)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the analysis document."""
    from frontlines.output_schema import analysis_schema

    click.echo(json.dumps(analysis_schema(), indent=2))


@cli.command()
def stages() -> None:
    """List the registered pipeline stages and the default pipeline."""
    from frontlines.pipeline import StageRegistry

    settings = settings_for()
    for name in StageRegistry.from_entry_points().names():
        used = "default" if name in settings.pipeline else ""
        click.echo(f"{name:<16}{used}")


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--token-env",
    default="FRONTLINES_API_TOKEN",
    show_default=True,
    help="Environment variable holding the API token that writes (POST /api/articles) need; "
    "while it is unset the API takes no writes.",
)
@click.option("--create", is_flag=True, help="Make an empty store when --db names none yet.")
@click.option(
    "--open-analyze",
    is_flag=True,
    help="Let POST /api/analyze run without the API token (it costs CPU; default: token needed).",
)
def serve(
    *,
    db: str | None,
    host: str,
    port: int,
    token_env: str,
    create: bool,
    open_analyze: bool,
) -> None:
    """Serve the page (map, timeline, actor graph) and the HTTP API, with its docs at /docs."""
    import os
    from dataclasses import replace

    from frontlines.api import require_server_extra

    require_server_extra(purpose="frontlines serve")
    from frontlines.api.server import serve as run_server

    settings = settings_for(db)
    settings = replace(
        settings,
        api_token=os.environ.get(token_env) or None,
        analyze_requires_token=settings.analyze_requires_token and not open_analyze,
    )
    if not create:
        from frontlines.store import require_existing

        require_existing(settings.db_path)
    click.echo(f"serving {settings.db_path} at http://{host}:{port}/ (API docs at /docs)", err=True)
    if host not in ("127.0.0.1", "localhost", "::1") and not settings.read_requires_token:
        click.echo(f"warning: reads are open to anyone who can reach {host}", err=True)
    run_server(settings=settings, host=host, port=port)


def render_analysis_table(analysis: Analysis) -> str:
    article = analysis.article
    lines = [
        f"article {article.id}  published {article.published or UNKNOWN}"
        + ("  [FICTIONAL]" if article.fictional else ""),
        f"{len(analysis.events)} events, {len(analysis.actors)} actors, "
        f"{len(analysis.places)} places, {len(analysis.claims)} claims, "
        f"{len(analysis.relations)} relations",
        "",
    ]
    for event in analysis.events:
        place = event.location.name if event.location else UNKNOWN
        actor1 = event.actor1.name if event.actor1 else UNKNOWN
        actor2 = event.actor2.name if event.actor2 else UNKNOWN
        fatalities = UNKNOWN if event.fatalities is None else event.fatalities
        lines.append(
            f"{event.event_date or UNKNOWN} ({event.date_precision})  "
            f"{event.event_type or 'non-ACLED'} / {event.sub_event_type or UNKNOWN}  "
            f"{actor1} vs {actor2}  at {place}  fatalities {fatalities}  "
            f"[{event.certainty}]"
        )
    return "\n".join(lines)


def render_places_table(places: tuple[Place, ...]) -> str:
    rows = [f"{'text':<24}{'name':<24}{'country':<16}{'lat':>9}{'lon':>10}  role"]
    for place in places:
        lat = f"{place.latitude:.3f}" if place.latitude is not None else UNKNOWN
        lon = f"{place.longitude:.3f}" if place.longitude is not None else UNKNOWN
        rows.append(
            f"{place.text[:23]:<24}{(place.name or UNKNOWN)[:23]:<24}"
            f"{(place.country or UNKNOWN)[:15]:<16}{lat:>9}{lon:>10}  {place.role}"
        )
    return "\n".join(rows)


def register_plugin_commands() -> None:
    """Commands registered under ``frontlines.commands`` entry points, built-in ones included."""
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
    except click.UsageError as error:
        # One line: what was wrong, with the option as given, and where the help is.
        hint = f" (see '{error.ctx.command_path} --help')" if error.ctx is not None else ""
        click.echo(f"error: {error.format_message()}{hint}", err=True)
        sys.exit(error.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except FrontlinesError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
