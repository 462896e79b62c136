"""``frontlines gazetteer``: build the cache, add GeoNames and UCDP files to it, list what it
holds."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from frontlines.settings import Settings


@click.group(name="gazetteer", invoke_without_command=True)
@click.pass_context
def gazetteer(context: click.Context) -> None:
    """Build the gazetteer cache if it is missing (about a minute, once), and say where it is.

    Add villages the shipped gazetteer lacks with ``frontlines gazetteer add`` (GeoNames dumps,
    UCDP GED CSVs); list them with ``frontlines gazetteer status``.
    """
    if context.invoked_subcommand is not None:
        return
    from frontlines.geo.build import cache_path
    from frontlines.geo.gazetteer import Gazetteer

    settings = Settings.from_env()
    path = cache_path(settings.cache_dir)
    if not path.exists():
        click.echo(f"building the gazetteer into {path} (once; about a minute)...", err=True)
    Gazetteer.open(cache_dir=settings.cache_dir).close()
    click.echo(f"gazetteer: {path} ({path.stat().st_size // 1_000_000} MB)")


@gazetteer.command(name="add")
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--sha256",
    "checksums",
    multiple=True,
    help="Expected SHA-256 of the file (repeatable, in the order of the sources).",
)
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on stderr.")
def add(*, sources: tuple[str, ...], checksums: tuple[str, ...], progress: bool) -> None:
    """Load GeoNames dumps and UCDP GED CSVs into the gazetteer.

    SOURCES are files (a country file XX.txt or XX.zip, allCountries.zip, alternateNamesV2.zip,
    admin1CodesASCII.txt, admin2Codes.txt, cities500.zip; a UCDP GED CSV, global or any subset),
    URLs, or GeoNames dump names ("BF", "allCountries.zip"), fetched from GeoNames' download
    server. A download resumes where it stopped and is checked against the server's checksum
    where it gives one. Adding a file twice changes nothing.
    """
    from frontlines.errors import InputError
    from frontlines.geo.download import download, geonames_url, is_url

    settings = Settings.from_env()
    if checksums and len(checksums) != len(sources):
        raise InputError("give one --sha256 per source, or none")
    for index, source in enumerate(sources):
        expected = checksums[index] if checksums else None
        path = Path(source)
        url = source if is_url(source) else None
        if url is None and not path.exists():
            url = geonames_url(source)
            if url is None:
                raise InputError(f"{source}: no such file, and not a GeoNames dump name or URL")
        date = None
        if url is not None:
            with _Bar(f"downloading {url}", 0, enabled=progress) as bar:
                fetched = download(
                    url,
                    folder=settings.cache_dir / "downloads",
                    progress=bar.update,
                    size=bar.set_length,
                )
            path, date = fetched.path, fetched.date
        _add_one(path, name=url or str(path), date=date, sha256=expected, progress=progress)


def _add_one(
    path: Path, *, name: str, date: str | None, sha256: str | None, progress: bool
) -> None:
    from frontlines.geo.load import add_file
    from frontlines.geo.stream import data_size

    settings = Settings.from_env()
    with _Bar(f"loading {path.name}", data_size(path), enabled=progress) as bar:
        added = add_file(
            path,
            cache_dir=settings.cache_dir,
            name=name,
            date=date,
            sha256=sha256,
            progress=bar.update,
        )
    source = added.source
    if not added.loaded:
        click.echo(f"{name}: already loaded on {source.added[:10]} (nothing changed)")
        return
    click.echo(
        f"{name}: {source.kind}, {source.rows:,} rows, {source.places:,} places,"
        f" {source.names:,} names"
    )


class _Bar:
    """A progress bar on stderr (or nowhere), told bytes as they are read."""

    def __init__(self, label: str, length: int, *, enabled: bool) -> None:
        self._bar = click.progressbar(
            length=length or 1, label=label, file=sys.stderr, hidden=not enabled
        )

    def __enter__(self) -> _Bar:
        self._bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.__exit__(None, None, None)

    def update(self, done: int) -> None:
        self._bar.update(done)

    def set_length(self, total: int) -> None:
        self._bar.length = total


@gazetteer.command(name="status")
def status() -> None:
    """List the files added to the gazetteer: licence, date, counts."""
    from frontlines.geo.added import added_path, sources
    from frontlines.geo.build import cache_path

    settings = Settings.from_env()
    path = cache_path(settings.cache_dir)
    built = "built" if path.exists() else "not built yet (run: frontlines gazetteer)"
    click.echo(f"gazetteer: {path} ({built})")
    click.echo("shipped: GeoNames cities500 and admin areas (CC BY 4.0), UCDP GED Ukraine places")
    added = sources(added_path(settings.cache_dir))
    if not added:
        click.echo("added: none (frontlines gazetteer add FILE|URL ...)")
        return
    click.echo(f"added ({added_path(settings.cache_dir)}):")
    for source in added:
        click.echo(
            f"  {source.name}\n    {source.kind}; {source.licence}\n"
            f"    date {source.date or 'unknown'}; added {source.added};"
            f" {source.rows:,} rows, {source.places:,} places, {source.names:,} names;"
            f" sha256 {source.sha256[:12]}"
        )
