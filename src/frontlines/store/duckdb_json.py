"""Bulk inserts for DuckDB: a table's rows go in as one JSON parameter, typed by the schema.

One statement per table is far faster than ``executemany``, which converts every value through
the Python client one at a time.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from datetime import date

import duckdb

from frontlines.store.grid import GRID_X, GRID_Y


def json_insert_statements(
    con: duckdb.DuckDBPyConnection,
    *,
    columns: Mapping[str, Sequence[str]],
    geometry_tables: Collection[str] = (),
) -> dict[str, str]:
    """Per table, an INSERT of the rows given as one JSON array of objects.

    Tables in ``geometry_tables`` also get ``geom`` as a point from their longitude and latitude,
    and their map grid cell (``grid_x``, ``grid_y``) where the schema has it.
    """
    described = con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns"
        " WHERE table_schema = 'main'"
    ).fetchall()
    types = {(table, column): data_type for table, column, data_type in described}
    statements = {}
    for table, names in columns.items():
        structure = json.dumps([{column: types[table, column] for column in names}])
        listed = ", ".join(f'"{column}"' for column in names)
        targets, values = listed, listed
        if table in geometry_tables:
            targets += ", geom"
            values += ", ST_Point(longitude, latitude)"  # NULL when either is NULL
            if (table, "grid_x") in types:
                targets += ", grid_x, grid_y"
                values += f", {GRID_X}, {GRID_Y}"
        statements[table] = (
            f"INSERT INTO {table} ({targets}) SELECT {values} FROM (SELECT"
            f" unnest(json_transform_strict(?::JSON, '{structure}'), recursive := true))"
        )
    return statements


def rows_json(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """The rows as the JSON array of objects that a statement above takes."""
    objects = [dict(zip(columns, row, strict=True)) for row in rows]
    return json.dumps(objects, ensure_ascii=False, allow_nan=False, default=_json_scalar)


def _json_scalar(value: object) -> str:
    if isinstance(value, date):  # datetime too: ISO text, which DuckDB casts to the column type
        return value.isoformat()
    raise TypeError(f"cannot store a value of type {type(value).__name__}")
