"""One definition of the output: ``model.py``. The JSON Schema, the API models and
docs/contract.md are checked against it field by field, so none of them can drift.

For every dataclass of the analysis the schema's object has exactly its fields, each of the
same shape (string, integer, date, array of..., object of..., nullable or not) and, where the
model has a vocabulary, the same values. Every API model that carries a dataclass's fields
carries all of them (less the ones it leaves out on purpose, listed here) with the same shapes.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest
from pydantic import BaseModel

from frontlines import model
from frontlines.api import payloads
from frontlines.output_schema import analysis_schema

CONTRACT = Path(__file__).resolve().parents[1] / "docs" / "contract.md"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

# The fields whose values come from one of the model's vocabularies.
VOCABULARIES: dict[tuple[type, str], tuple[object, ...]] = {
    (model.Event, "date_precision"): model.DATE_PRECISIONS,
    (model.Event, "event_type"): tuple(model.EVENT_TYPES),
    (model.Event, "sub_event_type"): tuple(model.SUB_EVENT_TYPES),
    (model.Event, "certainty"): model.CERTAINTIES,
    (model.ActorRef, "kind"): model.ACTOR_KINDS,
    (model.Actor, "kind"): model.ACTOR_KINDS,
    (model.Relation, "type"): model.RELATION_TYPES,
    (model.Place, "role"): get_args(model.PlaceRole),
    (model.Location, "geo_precision"): get_args(model.GeoPrecision),
}
# Fields the schema may leave out of "required": written only on request, or added later.
OPTIONAL_IN_SCHEMA = {
    (model.Article, "text"),  # to_dict(include_text=True) only
    (model.Quantity, "value"),  # value, or low and high: the schema's oneOf says which
    (model.Quantity, "low"),
    (model.Quantity, "high"),
}
# The API models that carry a dataclass's fields, and those they leave out on purpose.
API_MODELS: dict[type[BaseModel], tuple[type, frozenset[str]]] = {
    payloads.MentionOut: (model.Mention, frozenset()),
    payloads.ActorRefOut: (model.ActorRef, frozenset()),
    payloads.LocationOut: (model.Location, frozenset()),
    payloads.QuantityOut: (model.Quantity, frozenset()),
    payloads.ClaimOut: (model.Claim, frozenset()),
    payloads.EventOut: (model.Event, frozenset()),
    payloads.RelationOut: (model.Relation, frozenset()),
    # the actor's mentions are served with its articles, not with the actor
    payloads.ActorOut: (model.Actor, frozenset({"mentions"})),
    # a reference to an article: what a list shows
    payloads.ArticleRefOut: (model.Article, frozenset({"text", "language", "published_source"})),
    payloads.ArticleOut: (model.Article, frozenset({"published_source"})),
}


def dataclass_of(out: type[BaseModel]) -> type | None:
    for api_model, (cls, _) in API_MODELS.items():
        if issubclass(out, api_model) and api_model is out:
            return cls
    return None


def shape_of_type(hint: Any) -> Any:
    """A comparable description of a Python type: 'string', ('array', ...), ('null', ...)."""
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        members = [arg for arg in get_args(hint) if arg is not type(None)]
        assert len(members) == 1, f"unexpected union {hint}"
        return ("nullable", shape_of_type(members[0]))
    if origin in (tuple, list, Sequence) or origin is typing.Sequence:
        return ("array", shape_of_type(get_args(hint)[0]))
    if origin is typing.Literal:
        return shape_of_type(type(get_args(hint)[0]))
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        cls = dataclass_of(hint)
        assert cls is not None, f"{hint.__name__} has no dataclass in API_MODELS"
        return ("object", cls.__name__)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return ("object", hint.__name__)
    simple = {str: "string", int: "integer", float: "number", bool: "boolean", date: "date"}
    return simple[hint]


def shape_of_node(node: Mapping[str, Any], cls_hint: str | None = None) -> Any:
    """The same description for a JSON Schema node."""
    if "oneOf" in node and any(option.get("type") == "null" for option in node["oneOf"]):
        (inner,) = [option for option in node["oneOf"] if option.get("type") != "null"]
        return ("nullable", shape_of_node(inner, cls_hint))
    if "enum" in node:
        values = node["enum"]
        kinds = {type(value) for value in values if value is not None}
        assert len(kinds) == 1, f"mixed enum {values}"
        base = shape_of_type(kinds.pop())
        return ("nullable", base) if None in values else base
    kind = node["type"]
    if isinstance(kind, list):
        assert "null" in kind and len(kind) == 2, f"unexpected type list {kind}"
        (inner,) = [k for k in kind if k != "null"]
        return ("nullable", shape_of_node({**node, "type": inner}, cls_hint))
    if kind == "array":
        return ("array", shape_of_node(node["items"], cls_hint))
    if kind == "object":
        return ("object", cls_hint)
    if kind == "string" and node.get("pattern") == DATE_PATTERN:
        return "date"
    return {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}[
        kind
    ]


def nested_class(hint: Any) -> type | None:
    """The dataclass a field holds (itself, in an Optional or in a tuple), if any."""
    if dataclasses.is_dataclass(hint):
        return hint if isinstance(hint, type) else None
    for arg in get_args(hint):
        found = nested_class(arg)
        if found is not None:
            return found
    return None


def object_node(node: Mapping[str, Any]) -> Mapping[str, Any]:
    """The object schema inside a node that may be nullable or an array of objects."""
    if any(option.get("type") == "null" for option in node.get("oneOf", ())):
        node = next(option for option in node["oneOf"] if option.get("type") != "null")
    if node.get("type") == "array":
        return object_node(node["items"])
    return node


def schema_problems(node: Mapping[str, Any], cls: type, where: str) -> list[str]:
    problems: list[str] = []
    hints = get_type_hints(cls)
    fields = {spec.name: spec for spec in dataclasses.fields(cls)}
    properties = node.get("properties", {})
    if set(properties) != set(fields):
        problems.append(
            f"{where}: schema has {sorted(set(properties) - set(fields))} beyond {cls.__name__}, "
            f"lacks {sorted(set(fields) - set(properties))}"
        )
    required = set(node.get("required", ()))
    for name, spec in fields.items():
        if name not in properties:
            continue
        here = f"{where}.{name}"
        inner = nested_class(hints[name])
        expected = shape_of_type(hints[name])
        found = shape_of_node(properties[name], inner.__name__ if inner else None)
        if found != expected:
            problems.append(f"{here}: schema says {found}, model says {expected}")
        vocabulary = VOCABULARIES.get((cls, name))
        enum = properties[name].get("enum")
        if vocabulary is not None or enum is not None:
            values = tuple(value for value in enum or () if value is not None)
            if values != tuple(vocabulary or ()):
                problems.append(f"{here}: schema enum {values}, model {vocabulary}")
        no_default = spec.default is dataclasses.MISSING and spec.default_factory is (
            dataclasses.MISSING
        )
        if no_default and name not in required and (cls, name) not in OPTIONAL_IN_SCHEMA:
            problems.append(f"{here}: the model has no default, the schema does not require it")
        if inner is not None:
            problems.extend(schema_problems(object_node(properties[name]), inner, here))
    if not required <= set(properties):
        problems.append(f"{where}: requires unknown keys {sorted(required - set(properties))}")
    return problems


def api_problems(out: type[BaseModel], cls: type, left_out: frozenset[str]) -> list[str]:
    problems = []
    hints = get_type_hints(cls)
    for spec in dataclasses.fields(cls):
        if spec.name in left_out:
            continue
        field = out.model_fields.get(spec.name)
        if field is None:
            problems.append(f"{out.__name__} lacks {cls.__name__}.{spec.name}")
            continue
        expected = shape_of_type(hints[spec.name])
        found = shape_of_type(field.annotation)
        if found != expected:
            problems.append(f"{out.__name__}.{spec.name}: {found}, model says {expected}")
    return problems


def test_the_json_schema_matches_the_model_field_by_field() -> None:
    assert schema_problems(analysis_schema(), model.Analysis, "analysis") == []


def test_every_vocabulary_of_the_model_is_checked_in_the_schema() -> None:
    schema_text = str(analysis_schema())
    for values in VOCABULARIES.values():
        assert all(repr(value) in schema_text for value in values)


def test_the_api_models_match_the_model_field_by_field() -> None:
    problems = [
        problem
        for out, (cls, left_out) in API_MODELS.items()
        for problem in api_problems(out, cls, left_out)
    ]
    assert problems == []


def test_contract_page_names_every_field_of_the_output() -> None:
    page = CONTRACT.read_text("utf-8")
    named = set(re.findall(r"`([a-z_0-9]+)`", page))
    classes = [model.Analysis, model.Article, model.Event, model.ActorRef, model.Actor]
    classes += [model.Location, model.Quantity, model.Mention, model.Claim, model.Relation]
    classes += [model.Place, model.Framing, model.StageInfo]
    missing = {
        f"{cls.__name__}.{spec.name}"
        for cls in classes
        for spec in dataclasses.fields(cls)
        if spec.name not in named
    }
    assert not missing, f"docs/contract.md does not name {sorted(missing)}"


# The checks must catch drift: each case edits the schema or an API model the way a careless
# change would, and the check has to say so.


def _events(schema: dict[str, Any]) -> dict[str, Any]:
    events: dict[str, Any] = schema["properties"]["events"]["items"]["properties"]
    return events


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda s: _events(s).pop("notes"), "lacks ['notes']"),
        (lambda s: _events(s).update(mood={"type": "string"}), "['mood'] beyond Event"),
        (lambda s: _events(s).update(fatalities={"type": "integer"}), "analysis.events.fatalities"),
        (lambda s: _events(s)["certainty"]["enum"].pop(), "schema enum"),
        (
            lambda s: _events(s)["location"]["properties"].pop("admin3"),
            "analysis.events.location: schema has [] beyond Location, lacks ['admin3']",
        ),
    ],
)
def test_schema_drift_is_caught(edit: Any, expected: str) -> None:
    schema = analysis_schema()
    edit(schema)
    problems = schema_problems(schema, model.Analysis, "analysis")
    assert any(expected in problem for problem in problems), problems


def test_api_model_drift_is_caught() -> None:
    class NarrowLocationOut(payloads.Out):
        name: str
        country: str | None

    problems = api_problems(NarrowLocationOut, model.Location, frozenset())
    assert "NarrowLocationOut.name: string, model says ('nullable', 'string')" in problems
    assert "NarrowLocationOut lacks Location.geonameid" in problems
