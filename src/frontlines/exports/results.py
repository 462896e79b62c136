"""Query results of the Python API: stored events with ``to_arrow()``, ``to_pandas()`` and
``to_parquet()``.

>>> import frontlines
>>> found = frontlines.query_events(type="battles", country="Syria")
>>> found.to_pandas()[["event_date", "sub_event_type", "location.name", "fatalities"]]

The filters are the command line's and the API's (``type``, ``sub_type``, ``from``/``date_from``,
``to``/``date_to``, ``country``, ``actor``, ``min_fatalities``...), any case for the closed
vocabularies. pyarrow is needed for the Arrow and Parquet methods and pandas for ``to_pandas``;
both come with ``pip install "frontlines[scale]"`` and neither is imported before it is used.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

from frontlines.errors import MissingDependencyError
from frontlines.filters import query_fields
from frontlines.settings import Settings
from frontlines.store.base import EventLevel, EventQuery, StoredEvent

if TYPE_CHECKING:
    from frontlines.store.base import Store


@dataclass(frozen=True, slots=True)
class EventResults:
    """The events a query found, in its order; iterate, index, or convert them."""

    items: tuple[StoredEvent, ...]
    level: EventLevel = "fused"

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[StoredEvent]:
        return iter(self.items)

    def __getitem__(self, index: int) -> StoredEvent:
        return self.items[index]

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table``: the columns of ``frontlines batch``'s events (or reports) table,
        with Arrow types and a GeoParquet ``geometry`` column (WKB points)."""
        from frontlines.exports.parquet import to_arrow

        return to_arrow(self.items, level=self.level)

    def to_pandas(self, *, flatten: bool = True) -> Any:
        """A ``pandas.DataFrame`` of ``to_arrow()``; ``flatten`` turns each struct column into
        one column per field (``location.latitude``, ``actor1.name``)."""
        if importlib.util.find_spec("pandas") is None:
            raise MissingDependencyError(
                package="pandas", extra="scale", purpose="EventResults.to_pandas()"
            )
        table = self.to_arrow()
        return (table.flatten() if flatten else table).to_pandas()

    def to_parquet(self, sink: str | Path | IO[bytes]) -> int:
        """Write the events as one GeoParquet file; returns how many rows."""
        from frontlines.exports.parquet import write_parquet

        return write_parquet(self.items, sink, level=self.level)


def query_events(
    db: str | Path | Store | None = None,
    *,
    level: EventLevel = "fused",
    limit: int | None = None,
    offset: int = 0,
    sort: Literal["date", "-date"] = "-date",
    settings: Settings | None = None,
    **filters: Any,
) -> EventResults:
    """The stored events matching every filter given (all of them unless ``limit``).

    ``db`` is an open store, a store file or URL, or None for the one the settings name (the
    CLI's default). ``level="reports"`` gives one row per article's report.
    """
    fields = query_fields(filters)
    query = EventQuery(
        **fields, level=level, sort=sort, offset=offset, limit=1 if limit is None else limit
    )
    if db is not None and not isinstance(db, str | Path):
        return EventResults(items=_run(db, query, limit=limit), level=level)
    from frontlines.store import open_store

    location = db if db is not None else (settings or Settings.from_env()).db_path
    with open_store(location, create=False) as store:
        return EventResults(items=_run(store, query, limit=limit), level=level)


def _run(store: Store, query: EventQuery, *, limit: int | None) -> tuple[StoredEvent, ...]:
    if limit is not None:
        return tuple(store.events(query))
    return tuple(store.iter_events(query))
