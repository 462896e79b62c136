"""One settings object, built from keyword arguments and FRONTLINES_* environment variables.

Settings are passed in wherever they are needed; nothing reads the environment behind your back.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "frontlines"

DEFAULT_PIPELINE: tuple[str, ...] = (
    "cleanup",
    "parse",
    "places",
    "actors",
    "events",
    "claims",
    "relations",
    "framing",
)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything configurable, with its default and the environment variable that sets it."""

    # A file path (the embedded DuckDB store), or a URL kept as written (postgresql://...).
    db_path: Path | str = field(
        default_factory=lambda: Path(platformdirs.user_data_dir(APP_NAME)) / "frontlines.duckdb",
        metadata={
            "env": "FRONTLINES_DB",
            "help": "the store: the embedded store's file, or a URL (postgresql://...)",
        },
    )
    cache_dir: Path = field(
        default_factory=lambda: Path(platformdirs.user_cache_dir(APP_NAME)),
        metadata={
            "env": "FRONTLINES_CACHE_DIR",
            "help": "where the gazetteer and models are cached",
        },
    )
    language: str = field(
        default="en",
        metadata={
            "env": "FRONTLINES_LANG",
            "help": "the language read (ISO 639-1): its spaCy model, word lists, dates and "
            "models; en is the one shipped",
        },
    )
    spacy_model: str | None = field(
        default=None,
        metadata={
            "env": "FRONTLINES_SPACY_MODEL",
            "help": "spaCy pipeline package to load (default: the language's)",
        },
    )
    pipeline: tuple[str, ...] = field(
        default=DEFAULT_PIPELINE,
        metadata={"env": "FRONTLINES_PIPELINE", "help": "comma-separated stage names, in order"},
    )
    event_detector: bool = field(
        default=False,
        metadata={
            "env": "FRONTLINES_EVENT_DETECTOR",
            "help": "1 to let the learned sentence detector drop rule events it is sure are none",
        },
    )
    event_filter: str = field(
        default="article",
        metadata={
            "env": "FRONTLINES_EVENT_FILTER",
            "help": "the learned MiniLM event filter: article (default), both, events or off",
        },
    )
    join_retellings: bool = field(
        default=True,
        metadata={
            "env": "FRONTLINES_JOIN_RETELLINGS",
            "help": "0 to keep apart the events the same-happening rules take for one told again",
        },
    )
    retellings: str = field(
        default="rules",
        metadata={
            "env": "FRONTLINES_RETELLINGS",
            "help": "how retellings are found: rules (default), model (the learned pair head) "
            "or both",
        },
    )
    max_article_bytes: int = field(
        default=10_000_000,
        metadata={"env": "FRONTLINES_MAX_ARTICLE_BYTES", "help": "largest accepted article"},
    )
    api_token: str | None = field(
        default=None,
        repr=False,
        metadata={
            "env": "FRONTLINES_API_TOKEN",
            "help": "bearer token for writes (POST /api/articles); unset: no writes",
        },
    )
    analyze_requires_token: bool = field(
        default=True,
        metadata={
            "env": "FRONTLINES_ANALYZE_REQUIRES_TOKEN",
            "help": "0 to let anyone POST /api/analyze without the API token (it costs CPU)",
        },
    )
    max_request_bytes: int = field(
        default=25_000_000,
        metadata={
            "env": "FRONTLINES_MAX_REQUEST_BYTES",
            "help": "largest HTTP request body the API reads (413 above it)",
        },
    )
    read_requires_token: bool = field(
        default=False,
        metadata={
            "env": "FRONTLINES_READ_REQUIRES_TOKEN",
            "help": "1 to ask the API token of reads too (default: reads are open)",
        },
    )

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, overridden by FRONTLINES_* variables, overridden by keyword arguments."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for spec in fields(cls):
            name = spec.metadata.get("env")
            if name and env.get(name):
                values[spec.name] = _coerce(spec.name, env[name])
        values.update({key: value for key, value in overrides.items() if value is not None})
        settings = cls()
        return replace(settings, **{k: _coerce(k, v) for k, v in values.items()})


def _coerce(name: str, value: object) -> Any:
    if not isinstance(value, str):
        if name in ("db_path", "cache_dir") and isinstance(value, os.PathLike):
            return Path(value)
        return value
    if name == "db_path" and _URL.match(value):
        return value  # Path() would fold the '//' of a URL
    if name in ("db_path", "cache_dir"):
        return Path(value).expanduser()
    if name == "language":
        return value.strip().lower()
    if name == "pipeline":
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if name in ("max_article_bytes", "max_request_bytes"):
        return int(value)
    if name in (
        "read_requires_token",
        "analyze_requires_token",
        "event_detector",
        "join_retellings",
    ):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return value


BOOLEANS = ("read_requires_token", "analyze_requires_token", "event_detector", "join_retellings")


def describe_settings() -> list[tuple[str, str, str]]:
    """(setting, environment variable, help) for every setting: feeds CLI help and the docs."""
    return [
        (spec.name, str(spec.metadata.get("env", "")), str(spec.metadata.get("help", "")))
        for spec in fields(Settings)
    ]
