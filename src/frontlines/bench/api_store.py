"""A large synthetic store for the API benchmark, built in bulk: a template of synthetic
analyses stored through the store (real rows, fusion off so every report is its own event), then
copied in DuckDB's own SQL, each copy with its own article and fused ids, dates and places. A
million events take a minute or two instead of the hours that saving them one analysis at a time
would. The events are made up (``synthetic``): places, actors and dates drawn from a seeded
generator, marked fictional.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from pathlib import Path

from frontlines.model import (
    EVENT_TYPES,
    ActorRef,
    Analysis,
    Article,
    Event,
    Location,
    Mention,
    StageInfo,
)
from frontlines.store.base import Store
from frontlines.store.duckdb import DuckDBStore
from frontlines.store.duckdb_connect import connect, load_spatial, spatial_extension_path
from frontlines.store.duckdb_schema import ARTICLE_TABLES
from frontlines.store.grid import GRID_X, GRID_Y

PLACES = (
    ("Saraqib", "Syria", "Idlib", 35.86, 36.80),
    ("Kharkiv", "Ukraine", "Kharkivska", 49.99, 36.23),
    ("El Fasher", "Sudan", "North Darfur", 13.63, 25.35),
    ("Sagaing", "Myanmar", "Sagaing", 21.88, 95.98),
    ("Menaka", "Mali", "Menaka", 15.92, 2.40),
    ("Goma", "Democratic Republic of Congo", "North Kivu", -1.68, 29.22),
)
ACTOR_COUNT = 40
TEMPLATE_EVENTS = 10_000
# Per table: the key columns a copy suffixes, and the JSON columns holding article ids.
KEYS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(ARTICLE_TABLES, ("article_id",)),
    "articles": ("id",),
    "fused_events": ("article_id", "event_id", "block_id"),
    "fused_members": ("article_id", "fused_article_id", "fused_id", "block_id"),
}
JSON_IDS: dict[str, tuple[str, ...]] = {"fused_events": ("origins", "reports")}
# Each copy moves its events in time and space, so filters and boxes see a real spread.
_DLAT = "((k % 11) - 5) * 0.3"
_DLON = "(((k // 11) % 11) - 5) * 0.3"
SPREAD = {
    "event_date": "(event_date + to_days(CAST((k * 37) % 730 AS INTEGER)))::DATE",
    "latitude": f"latitude + {_DLAT}",
    "longitude": f"longitude + {_DLON}",
    "geom": f"ST_Point(longitude + {_DLON}, latitude + {_DLAT})",
    "grid_x": GRID_X.replace("longitude", f"(longitude + {_DLON})"),
    "grid_y": GRID_Y.replace("latitude", f"(latitude + {_DLAT})"),
}


def synthetic(article_number: int, events: int, rng: random.Random) -> Analysis:
    """A made-up article with ``events`` events at the places above, between random actors."""
    actors = [
        ActorRef(id=f"act_{i}", name=f"Armed Group {i}", kind="rebel group")
        for i in range(ACTOR_COUNT)
    ]
    text = f"Report {article_number}. " + " ".join(
        f"Event {i} happened near the town." for i in range(events)
    )
    article = Article.create(
        text, outlet=f"Outlet {article_number % 25}", published=date(2024, 1, 1), fictional=True
    )
    made = []
    for i in range(events):
        start = text.index(f"Event {i} ")
        name, country, admin1, lat, lon = rng.choice(PLACES)
        event_type = rng.choice(list(EVENT_TYPES))
        made.append(Event(
            id=f"evt_{article_number}_{i}",
            event_date=date(2023, 1, 1) + timedelta(days=rng.randrange(730)),
            date_precision="day",
            event_type=event_type,
            sub_event_type=EVENT_TYPES[event_type][0],
            actor1=rng.choice(actors),
            actor2=rng.choice(actors),
            location=Location(name=name, country=country, admin1=admin1,
                              latitude=lat + rng.uniform(-1, 1), longitude=lon + rng.uniform(-1, 1),
                              geo_precision=1),
            fatalities=rng.randrange(10),
            evidence=(Mention(text=text[start:start + 7], start=start, end=start + 7),),
            notes="synthetic",
        ))  # fmt: skip
    return Analysis(
        frontlines_version="0.1.0",
        pipeline=(StageInfo("synthetic", "1"),),
        article=article,
        events=tuple(made),
    )


def save_synthetic(
    store: Store, total: int, *, per_article: int = 100, per_batch: int = 50
) -> None:
    """Store ``total`` synthetic events, ``per_batch`` articles per transaction (save_many)."""
    rng = random.Random(7)  # noqa: S311 -- synthetic data, not secrets
    per_article = min(per_article, total)
    articles = max(1, total // per_article)
    for first in range(0, articles, per_batch):
        numbers = range(first, min(first + per_batch, articles))
        store.save_many([(synthetic(number, per_article, rng), None) for number in numbers])


def build_synthetic(path: Path, *, total: int, template: int = TEMPLATE_EVENTS) -> float:
    """Store about ``total`` synthetic events at ``path`` (a multiple of the template, stored
    through the store, then copied); seconds taken."""
    started = time.perf_counter()
    template = min(template, total)
    with DuckDBStore.open(path) as store:
        store.set_fusion_strictness("off")
        save_synthetic(store, template)
    if total // template > 1:
        _copy(path, copies=total // template)
    return time.perf_counter() - started


def _copy(path: Path, *, copies: int) -> None:
    con = connect(str(path))
    try:
        load_spatial(con, spatial_extension_path())
        con.execute("BEGIN TRANSACTION")
        for table, keys in KEYS.items():
            replaced = [f"{key} || '_' || k AS {key}" for key in keys]
            replaced += [
                f"regexp_replace({column}::VARCHAR, '(art_[0-9a-f]+)', '\\1_' || k, 'g')::JSON"
                f" AS {column}"
                for column in JSON_IDS.get(table, ())
            ]
            if table in ("events", "fused_events"):
                replaced += [f"{expr} AS {column}" for column, expr in SPREAD.items()]
            con.execute(f"CREATE TEMP TABLE template_{table} AS SELECT * FROM {table}")
            con.execute(
                f"INSERT INTO {table} SELECT t.* REPLACE ({', '.join(replaced)})"
                f" FROM template_{table} t, range(1, {copies}) r(k)"
            )
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()
