"""The published JSON Schema of the analysis document (docs/contract.md)."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any


def analysis_schema() -> dict[str, Any]:
    text = files("frontlines.output_schema").joinpath("analysis.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
