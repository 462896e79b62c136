from __future__ import annotations

import jsonschema  # type: ignore[import-untyped]

from frontlines.output_schema import analysis_schema
from tests.test_model import sample_analysis


def test_schema_accepts_a_full_analysis() -> None:
    jsonschema.validate(sample_analysis().to_dict(), analysis_schema())


def test_schema_rejects_an_unknown_event_type() -> None:
    data = sample_analysis().to_dict()
    data["events"][0]["event_type"] = "Skirmish"
    errors = list(jsonschema.Draft202012Validator(analysis_schema()).iter_errors(data))
    assert errors


def test_schema_requires_every_contract_key() -> None:
    required = set(analysis_schema()["required"])
    assert {
        "frontlines_version",
        "pipeline",
        "article",
        "events",
        "actors",
        "relations",
        "claims",
        "places",
        "framing",
    } <= required
