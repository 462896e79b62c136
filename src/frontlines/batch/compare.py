"""Two outputs in the batch's layout, table by table: same rows, field by field.

``frontlines batch`` promises the tables ``ingest`` of the same inputs stores; ``compare_outputs``
checks it on a batch's folder and a store's ``store export`` (or any two such folders). Each
table's rows are matched by their key (an article's id, a report's article and sequence, a fused
event's id, an actor's article and id, a claim's or relation's article and sequence); rows on
one side only, and each field that differs in matched rows, are counted. The time an article was
ingested differs by nature and is left out.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontlines.batch.arrow import TABLE_NAMES
from frontlines.batch.parquet import iter_rows

KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("id",),
    "reports": ("article_id", "seq"),
    "events": ("id",),
    "actors": ("article_id", "id"),
    "claims": ("article_id", "seq"),
    "relations": ("article_id", "seq"),
}
IGNORED: dict[str, frozenset[str]] = {"articles": frozenset({"ingested_at"})}
EXAMPLES = 3  # differing keys kept per field


@dataclass
class TableDifference:
    """One table of two outputs: rows each side, keys on one side only, fields that differ."""

    table: str
    rows: tuple[int, int] = (0, 0)
    only_left: list[str] = field(default_factory=list)
    only_right: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)  # keys held by more than one row
    fields: Counter[str] = field(default_factory=Counter)  # field -> matched rows differing
    examples: dict[str, list[str]] = field(default_factory=dict)  # field -> some keys

    @property
    def same(self) -> bool:
        return not (self.only_left or self.only_right or self.repeated or self.fields)

    def line(self) -> str:
        left, right = self.rows
        head = f"{self.table}: {left} rows and {right} rows"
        if self.same:
            return f"{head}, the same"
        parts = [head]
        if self.only_left:
            parts.append(f"{len(self.only_left)} only left (e.g. {self.only_left[0]})")
        if self.only_right:
            parts.append(f"{len(self.only_right)} only right (e.g. {self.only_right[0]})")
        if self.repeated:
            parts.append(f"{len(self.repeated)} keys repeated (e.g. {self.repeated[0]})")
        for name, count in self.fields.most_common():
            parts.append(f"{name} differs in {count} (e.g. {', '.join(self.examples[name])})")
        return "; ".join(parts)


def compare_outputs(
    left: Path, right: Path, *, tables: Iterable[str] = TABLE_NAMES
) -> list[TableDifference]:
    """Each table of two output folders compared row by row and field by field."""
    return [
        compare_rows(table, iter_rows(left, table), iter_rows(right, table)) for table in tables
    ]


def compare_rows(
    table: str, left: Iterable[dict[str, Any]], right: Iterable[dict[str, Any]]
) -> TableDifference:
    """Rows of one table, matched by the table's key, compared field by field."""
    found = TableDifference(table)
    keyed_left, repeated_left = _keyed(table, left)
    keyed_right, repeated_right = _keyed(table, right)
    found.rows = (len(keyed_left) + len(repeated_left), len(keyed_right) + len(repeated_right))
    found.repeated = sorted(set(repeated_left) | set(repeated_right))
    found.only_left = sorted(set(keyed_left) - set(keyed_right))
    found.only_right = sorted(set(keyed_right) - set(keyed_left))
    for key in sorted(set(keyed_left) & set(keyed_right)):
        a, b = keyed_left[key], keyed_right[key]
        for name in sorted(set(a) | set(b)):
            if a.get(name) != b.get(name):
                found.fields[name] += 1
                examples = found.examples.setdefault(name, [])
                if len(examples) < EXAMPLES:
                    examples.append(key)
    return found


def _keyed(
    table: str, rows: Iterable[dict[str, Any]]
) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Rows by key (fields as canonical JSON, ignored fields left out); keys seen twice."""
    ignored = IGNORED.get(table, frozenset())
    keyed: dict[str, dict[str, str]] = {}
    repeated: list[str] = []
    for row in rows:
        key = "/".join(str(row[name]) for name in KEYS[table])
        if key in keyed:
            repeated.append(key)
            continue
        keyed[key] = {
            name: json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
            for name, value in row.items()
            if name not in ignored
        }
    return keyed, repeated
