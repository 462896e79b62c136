"""The acled-notes benchmark: analyse ACLED's ``notes`` and compare with ACLED's own coding.

Input is the notes text, published on the event date (the base for relative dates). Figures cover
the whole sample; a table splits the main ones by country so a regression shows where it happened.
The gate sample is 500 records and the full one 3,000, both fixed and stratified by country
(see ``acled_data``); the full run also scores a held-out sample of 3,000 other notes, so a gain
that only fits the notes someone read shows up as a gap. Given the gazetteer, admin names also
match as names of one area, and a second table reports how the gazetteer covers ACLED's place
names (``location``): of the distinct places of every record, the share it holds by name within
25 km of ACLED's point, and in ACLED's admin1 too. Given the actor knowledge base's names by actor
id, a predicted actor also matches by the names the knowledge base gives it (its ``acled_name``).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from frontlines.bench.acled_data import (
    CSV_NAME,
    SAMPLE_SIZES,
    AcledRecord,
    read_records,
    stratified_sample,
)
from frontlines.bench.acled_scoring import Comparison, Coverage, NameLookup, compare, coverage
from frontlines.bench.metrics import ACC_KM, accuracy, confusion, macro_f1, share
from frontlines.bench.protocols import Analyse, Progress
from frontlines.bench.report import (
    BenchResult,
    Better,
    Figure,
    Sample,
    Table,
    format_value,
    share_figures,
)
from frontlines.model import EVENT_TYPES

NAME = "acled-notes"
NEAR_KM = 25.0  # the test for a town ACLED placed exactly
FOLDER = "acled_notes"
# Countries whose admin1 accuracy is a figure of its own (villages cities500 lacks).
ADMIN1_COUNTRIES = ("Burkina Faso",)
# The place figures reported again with the shared gazetteer files loaded.
PLACE_FIGURES = (
    "admin1 accuracy",
    *(f"admin1 accuracy, {country}" for country in ADMIN1_COUNTRIES),
    "admin2 accuracy",
    "location with coordinates (share)",
    "location within 25 km, geo_precision 1",
    "location within 161 km, geo_precision 1",
)


def _flags(comparisons: Sequence[Comparison], field: str) -> list[bool]:
    values = (getattr(c, field) for c in comparisons)
    return [value for value in values if value is not None]


def _within(comparisons: Sequence[Comparison], *, km: float = ACC_KM) -> list[bool]:
    return [c.error_km < km for c in comparisons if c.error_km is not None]


def acled_figures(comparisons: Sequence[Comparison], *, dataset: str, command: str) -> list[Figure]:
    def figure(
        name: str,
        value: float | None,
        size: int,
        *,
        unit: str = "share",
        better: Better = "higher",
        note: str = "",
    ) -> Figure:
        return Figure(
            name=f"acled-notes: {name}",
            value=value,
            unit=unit,
            better=better,
            dataset=dataset,
            size=size,
            command=command,
            note=note,
        )

    n = len(comparisons)
    types = [(c.record.event_type, c.event_type) for c in comparisons]
    subs = [(c.record.sub_event_type, c.sub_event_type) for c in comparisons]
    figures = [
        figure("notes with an event (share)", share([c.has_event for c in comparisons]), n),
        figure("event_type accuracy", accuracy(types), n),
        figure("event_type macro-F1", macro_f1(types), n),
        figure("sub_event_type accuracy", accuracy(subs), n),
        figure("sub_event_type macro-F1", macro_f1(subs), n),
    ]
    for field in ("actor1", "actor2", "country", "admin1", "admin2"):
        flags = _flags(comparisons, field)
        label = f"{field} match" if field.startswith("actor") else f"{field} accuracy"
        figures.append(figure(label, share(flags), len(flags)))
    for country in ADMIN1_COUNTRIES:
        flags = _flags([c for c in comparisons if c.record.country == country], "admin1")
        figures.append(figure(f"admin1 accuracy, {country}", share(flags), len(flags)))
    figures.append(figure("event_date exact", share([c.date for c in comparisons]), n))
    fatal = [c for c in comparisons if c.record.fatalities > 0]
    errors = [abs(c.fatalities - c.record.fatalities) for c in comparisons]
    figures += [
        figure("fatalities exact (null = 0)", share([c.fatalities_exact for c in comparisons]), n),
        figure(
            "fatalities exact where ACLED > 0",
            share([c.fatalities_exact for c in fatal]),
            len(fatal),
        ),
        figure(
            "fatalities mean absolute error",
            statistics.fmean(errors) if errors else None,
            n,
            unit="fatalities",
            better="lower",
        ),
        figure("location with coordinates (share)", share([c.located for c in comparisons]), n),
    ]
    exact = [c for c in comparisons if c.record.geo_precision == 1]
    figures.append(
        figure(
            "location within 25 km, geo_precision 1",
            share(_within(exact, km=NEAR_KM)),
            len(_within(exact, km=NEAR_KM)),
            note="no coordinates counts as a miss",
        )
    )
    for precision in (1, 2, 3):
        chosen = [c for c in comparisons if c.record.geo_precision == precision]
        located = [c.error_km for c in chosen if c.located and c.error_km is not None]
        figures += [
            figure(
                f"location within 161 km, geo_precision {precision}",
                share(_within(chosen)),
                len(_within(chosen)),
                note="no coordinates counts as a miss",
            ),
            figure(
                f"location median error km, geo_precision {precision}",
                statistics.median(located) if located else None,
                len(located),
                unit="km",
                better="lower",
                note="events with coordinates only",
            ),
        ]
    figures.append(
        figure(
            "pipeline errors",
            float(sum(c.failed for c in comparisons)),
            n,
            unit="count",
            better="lower",
            note="notes the pipeline raised a FrontlinesError on",
        )
    )
    return figures


def by_country(comparisons: Sequence[Comparison]) -> Table:
    groups: dict[str, list[Comparison]] = {}
    for c in comparisons:
        groups.setdefault(c.record.country, []).append(c)
    rows = []
    for country, group in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        values = [
            accuracy([(c.record.event_type, c.event_type) for c in group]),
            accuracy([(c.record.sub_event_type, c.sub_event_type) for c in group]),
            share(_flags(group, "actor1")),
            share(_flags(group, "admin1")),
            share([c.date for c in group]),
            share([c.fatalities_exact for c in group]),
            share(_within(group)),
        ]
        rows.append((country, str(len(group)), *(format_value(v, unit="share") for v in values)))
    columns = (
        "country",
        "n",
        "event_type",
        "sub_event_type",
        "actor1",
        "admin1",
        "date",
        "fatalities",
        "≤161 km",
    )
    return Table(title="acled-notes by country", columns=columns, rows=tuple(rows))


def distinct_places(records: Sequence[AcledRecord]) -> list[AcledRecord]:
    """One record per (country, location, point): each place counts once however often coded."""
    seen: dict[tuple[str, str, float | None, float | None], AcledRecord] = {}
    for record in records:
        key = (record.country, record.location, record.latitude, record.longitude)
        seen.setdefault(key, record)
    return list(seen.values())


def coverage_table(covered: Sequence[tuple[str, Coverage]]) -> Table:
    groups: dict[str, list[Coverage]] = {}
    for country, found in covered:
        groups.setdefault(country, []).append(found)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    rows = []
    for country, group in [*ordered, ("all", [found for _, found in covered])]:
        values = (
            share([c.named for c in group]),
            share([c.near for c in group]),
            share([c.same_admin1 for c in group]),
        )
        rows.append((country, str(len(group)), *(format_value(v, unit="share") for v in values)))
    return Table(
        title="acled-notes gazetteer coverage of ACLED locations by country (distinct places)",
        columns=("country", "places", "named", "≤25 km", "≤25 km, same admin1"),
        rows=tuple(rows),
    )


def coverage_figures(
    covered: Sequence[tuple[str, Coverage]], *, dataset: str, command: str
) -> list[Figure]:
    near = [c.near for _, c in covered]
    same_admin1 = [c.same_admin1 for _, c in covered]
    return share_figures(
        {
            "≤25 km": (share(near), len(near)),
            "≤25 km and same admin1": (share(same_admin1), len(same_admin1)),
        },
        prefix="acled-notes: gazetteer coverage of locations, ",
        dataset=dataset,
        command=command,
        note="an entry of the location's name within 25 km of ACLED's point",
    )


def confusion_table(comparisons: Sequence[Comparison]) -> Table:
    matrix = confusion([(c.record.event_type, c.event_type) for c in comparisons])
    predicted = [*EVENT_TYPES, "(none)"]
    rows = tuple(
        (gold, *(str(row.get(label, 0)) for label in predicted)) for gold, row in matrix.items()
    )
    return Table(
        title="acled-notes event_type confusion (rows: ACLED, columns: predicted)",
        columns=("ACLED \\ predicted", *predicted),
        rows=rows,
    )


HELD_OUT = (
    "event_type macro-F1",
    "sub_event_type macro-F1",
    "event_date exact",
    "fatalities exact (null = 0)",
    "country accuracy",
    "admin1 accuracy",
)


def held_out_figures(
    every: Sequence[AcledRecord],
    *,
    used: Sequence[AcledRecord],
    analyse: Analyse,
    progress: Progress,
    command: str,
    gazetteer: NameLookup | None,
    kb_names: Mapping[str, Sequence[str]] | None = None,
) -> list[Figure]:
    """The headline figures again on a second sample that shares no note with the first.

    Rules get written by reading the errors of the first sample; this one shows how much of a
    gain carries over to notes nobody looked at."""
    seen = {record.event_id for record in used}
    rest = [record for record in every if record.event_id not in seen]
    records = stratified_sample(rest, size=len(used))
    comparisons = _compare_all(
        records,
        analyse=analyse,
        progress=progress,
        label=f"{NAME} held-out",
        gazetteer=gazetteer,
        kb_names=kb_names,
    )
    dataset = f"{FOLDER} (held-out: {len(records)} other notes, by country)"
    return [
        replace(figure, name=figure.name.replace(f"{NAME}: ", f"{NAME} held-out: "))
        for figure in acled_figures(comparisons, dataset=dataset, command=command)
        if figure.name.removeprefix(f"{NAME}: ") in HELD_OUT
    ]


def _compare_all(
    records: Sequence[AcledRecord],
    *,
    analyse: Analyse,
    progress: Progress,
    label: str,
    gazetteer: NameLookup | None,
    kb_names: Mapping[str, Sequence[str]] | None,
) -> list[Comparison]:
    return [
        compare(
            record,
            analyse(record.notes, record.event_date),
            gazetteer=gazetteer,
            kb_names=kb_names,
        )
        for record in progress(records, label=label)
    ]


def run_acled_notes(
    *,
    data_dir: Path,
    sample: Sample,
    analyse: Analyse,
    progress: Progress,
    command: str,
    gazetteer: NameLookup | None = None,
    kb_names: Mapping[str, Sequence[str]] | None = None,
) -> BenchResult:
    path = data_dir / FOLDER / CSV_NAME
    if not path.is_file():
        return BenchResult(name=NAME, status="skipped", reason=f"{path} not found")
    started = time.perf_counter()
    every = read_records(path)
    records = stratified_sample(every, size=SAMPLE_SIZES[sample])
    comparisons = _compare_all(
        records,
        analyse=analyse,
        progress=progress,
        label=NAME,
        gazetteer=gazetteer,
        kb_names=kb_names,
    )
    dataset = f"{FOLDER} ({len(records)} of {len(every)}, by country)"
    figures = acled_figures(comparisons, dataset=dataset, command=command)
    if sample == "full":
        figures += held_out_figures(
            every,
            used=records,
            analyse=analyse,
            progress=progress,
            command=command,
            gazetteer=gazetteer,
            kb_names=kb_names,
        )
    tables = [by_country(comparisons), confusion_table(comparisons)]
    if gazetteer is not None:
        places = distinct_places(every)
        covered = [
            (record.country, found)
            for record in places
            if (found := coverage(record, gazetteer)) is not None
        ]
        where = f"{FOLDER} ({len(covered)} distinct locations of all {len(every)} records)"
        figures += coverage_figures(covered, dataset=where, command=command)
        tables.append(coverage_table(covered))
    return BenchResult(
        name=NAME,
        status="ok",
        figures=tuple(figures),
        tables=tuple(tables),
        seconds=time.perf_counter() - started,
        details={
            "sample_ids": [record.event_id for record in records],
            "event_type_confusion": confusion(
                [(c.record.event_type, c.event_type) for c in comparisons]
            ),
            "sub_event_type_confusion": confusion(
                [(c.record.sub_event_type, c.sub_event_type) for c in comparisons]
            ),
        },
    )


def beside_loaded(
    result: BenchResult, loaded: BenchResult, *, label: str, note: str
) -> BenchResult:
    """``result`` with the place figures of ``loaded`` (the same notes, the gazetteer with more
    files loaded) added under "acled-notes <label>: ", and a table of both side by side."""
    if loaded.status != "ok":
        return result
    mine = {figure.name: figure for figure in result.figures}
    added: list[Figure] = []
    rows: list[tuple[str, ...]] = []
    for figure in loaded.figures:
        short = figure.name.removeprefix(f"{NAME}: ")
        if short not in PLACE_FIGURES:
            continue
        added.append(replace(figure, name=f"{NAME} {label}: {short}", note=note))
        without = mine.get(figure.name)
        rows.append(
            (
                short,
                format_value(without.value if without else None, unit=figure.unit),
                format_value(figure.value, unit=figure.unit),
                str(figure.size),
            )
        )
    table = Table(
        title=f"acled-notes places: as installed and {label}",
        columns=("figure", "as installed", label, "n"),
        rows=tuple(rows),
    )
    return replace(
        result,
        figures=(*result.figures, *added),
        tables=(*result.tables, table),
        seconds=result.seconds + loaded.seconds,
    )
