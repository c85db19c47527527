"""The exchange format's JSON Schemas (copied from shared/formats), compiled once."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, Literal

import fastjsonschema
from jsonschema import Draft202012Validator, FormatChecker

Kind = Literal["crime", "order", "result"]

_SCHEMA_FILES: dict[str, str] = {
    "crime": "crime-record.schema.json",
    "order": "order.schema.json",
    "result": "screening-result.schema.json",
}


@cache
def schema(kind: Kind) -> dict[str, Any]:
    text = (
        resources.files("foursight.exchange")
        .joinpath("schemas", _SCHEMA_FILES[kind])
        .read_text(encoding="utf-8")
    )
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def validator(kind: Kind) -> Draft202012Validator:
    return Draft202012Validator(schema(kind), format_checker=FormatChecker(formats=["date"]))


@cache
def fast_check(kind: Kind) -> Callable[[Any], Any]:
    """A compiled validator (fastjsonschema) for the common case: a valid line.

    The schemas use only keywords draft-07 shares with 2020-12, so the compiled form is exact;
    jsonschema then explains any line it rejects, in words a registrar can act on.
    """
    compiled_schema = {k: v for k, v in schema(kind).items() if k != "$schema"}
    return fastjsonschema.compile(compiled_schema, formats={"date": _is_iso_date})


def _is_iso_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def schema_errors(kind: Kind, data: Any) -> list[str]:
    """Human-readable schema violations, most specific first; empty when valid."""
    try:
        fast_check(kind)(data)
    except fastjsonschema.JsonSchemaException:
        pass
    else:
        return []
    errors = sorted(validator(kind).iter_errors(data), key=lambda e: (len(e.path), e.message))
    return [_describe(e.json_path, e.message) for e in errors]


def _describe(json_path: str, message: str) -> str:
    where = json_path.removeprefix("$").lstrip(".")
    return f"{where}: {message}" if where else message
