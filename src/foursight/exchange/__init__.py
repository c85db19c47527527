"""The Foursight exchange format (JSON Lines with JSON Schemas, and a CSV form).

Pure Python: no Django. Used by the importer, the stand-alone CLI commands and the engines.
"""

from .reading import (
    LineError,
    Parsed,
    ParsedLine,
    parse_when,
    read_file,
    read_stream,
    read_valid,
    record_key,
    validate,
    write_jsonl,
)
from .schemas import schema, schema_errors

__all__ = [
    "LineError",
    "Parsed",
    "ParsedLine",
    "parse_when",
    "read_file",
    "read_stream",
    "read_valid",
    "record_key",
    "schema",
    "schema_errors",
    "validate",
    "write_jsonl",
]
