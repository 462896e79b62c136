"""What a benchmark run produces: figures, breakdown tables, and the report that writes them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Better = Literal["higher", "lower"]
Sample = Literal["gate", "full"]
Status = Literal["ok", "skipped", "failed"]

# Units whose values lie in 0..1, so one absolute tolerance fits them all; only these are gated.
GATED_UNITS = frozenset({"share", "auc"})


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured number, with what it was measured on and how to reproduce it."""

    name: str
    value: float | None
    unit: str
    better: Better | None
    dataset: str
    size: int
    command: str
    note: str = ""

    @property
    def gated(self) -> bool:
        return self.unit in GATED_UNITS and self.better is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "better": self.better,
            "gated": self.gated,
            "dataset": self.dataset,
            "size": self.size,
            "command": self.command,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Table:
    """A breakdown (by country, a confusion matrix) shown after the main table."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "columns": list(self.columns),
            "rows": [list(r) for r in self.rows],
        }

    def to_markdown(self) -> str:
        return f"### {self.title}\n\n" + markdown_table(self.columns, self.rows)


@dataclass(frozen=True, slots=True)
class BenchResult:
    """The outcome of one benchmark: its figures, or why it was skipped."""

    name: str
    status: Status
    figures: tuple[Figure, ...] = ()
    tables: tuple[Table, ...] = ()
    reason: str = ""
    seconds: float = 0.0
    details: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status,
            "reason": self.reason,
            "seconds": round(self.seconds, 2),
            "figures": [figure.to_dict() for figure in self.figures],
            "tables": [table.to_dict() for table in self.tables],
            "details": dict(self.details),
        }


@dataclass(frozen=True, slots=True)
class BenchReport:
    """Every benchmark's result for one run."""

    sample: Sample
    results: tuple[BenchResult, ...]
    frontlines_version: str
    pipeline: tuple[str, ...]
    data_dir: str

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(figure for result in self.results for figure in result.figures)

    @property
    def skipped(self) -> tuple[BenchResult, ...]:
        return tuple(result for result in self.results if result.status == "skipped")

    @property
    def failed(self) -> tuple[BenchResult, ...]:
        return tuple(result for result in self.results if result.status == "failed")

    def to_dict(self) -> dict[str, Any]:
        return {
            "sample": self.sample,
            "frontlines_version": self.frontlines_version,
            "pipeline": list(self.pipeline),
            "data_dir": self.data_dir,
            "results": [result.to_dict() for result in self.results],
        }

    def to_markdown(self) -> str:
        rows = [
            (
                figure.name,
                format_value(figure.value, unit=figure.unit),
                figure.dataset,
                str(figure.size),
                f"`{figure.command}`",
            )
            for figure in self.figures
        ]
        parts = [
            f"## frontlines {self.frontlines_version} benchmarks (sample: {self.sample})",
            markdown_table(("figure", "value", "data set", "size", "command"), rows),
        ]
        for result in self.results:
            if result.status != "ok":
                parts.append(f"- {result.name}: {result.status} ({result.reason})")
        parts.extend(table.to_markdown() for result in self.results for table in result.tables)
        return "\n\n".join(parts) + "\n"

    def write(self, out_dir: Path) -> tuple[Path, Path]:
        """Write results.json and results.md into ``out_dir``; return their paths."""
        out_dir.mkdir(parents=True, exist_ok=True)
        json_path = out_dir / "results.json"
        md_path = out_dir / "results.md"
        json_path.write_text(json.dumps(self.to_dict(), indent=2) + "\n", encoding="utf-8")
        md_path.write_text(self.to_markdown(), encoding="utf-8")
        return json_path, md_path


def share_figures(
    shares: Mapping[str, tuple[float | None, int]],
    *,
    prefix: str,
    dataset: str,
    command: str,
    note: str = "",
) -> list[Figure]:
    """Figures that are shares (higher is better) from ``{measure: (value, size)}``."""
    return [
        Figure(
            name=f"{prefix}{measure}",
            value=value,
            unit="share",
            better="higher",
            dataset=dataset,
            size=size,
            command=command,
            note=note,
        )
        for measure, (value, size) in shares.items()
    ]


def format_value(value: float | None, *, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit in GATED_UNITS:
        return f"{value:.3f}"
    if unit == "count":
        return str(int(value))
    return f"{value:.1f}"


def markdown_table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines.extend("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows)
    return "\n".join(lines)


def figures_from_dict(data: Mapping[str, Any]) -> list[Figure]:
    """The figures of a results.json document."""
    return [
        Figure(
            name=item["name"],
            value=item["value"],
            unit=item["unit"],
            better=item["better"],
            dataset=item["dataset"],
            size=int(item["size"]),
            command=item["command"],
            note=item.get("note", ""),
        )
        for result in data.get("results", ())
        for item in result.get("figures", ())
    ]
