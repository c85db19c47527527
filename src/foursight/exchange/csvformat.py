"""The CSV form of the exchange format: the same fields as the JSON Lines form, flattened.

Columns (documented in docs/import-formats.md):

* scalar fields by name: ``crime_ref``, ``force``, ``recorded_at``, ``classification``, ...;
* lists as one cell with items separated by ``|``: ``included_classifications``, ``flags``,
  ``order_refs``, ``conditions``;
* nested objects with an underscore: ``location_postcode``, ``outcome_code``;
* people with a numbered prefix, as many as the header has: ``person1_role``,
  ``person1_forename``, ..., ``person2_role``, ...; ``person1_online_handles`` is a ``|`` list.
  For orders the subject is ``subject_forename`` ... and protected people ``protected1_forename``.

Empty cells are left out, so a CSV row becomes exactly the JSON object it stands for.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import IO, Any

from .reading import LineError, Parsed, ParsedLine
from .schemas import Kind

LIST_SEPARATOR = "|"
_LIST_FIELDS = {"included_classifications", "flags", "order_refs", "conditions", "online_handles"}
_INT_FIELDS = {"outcome_code"}
_FLOAT_FIELDS = {"location_lat", "location_lon"}
_NESTED = ("location", "outcome")
_PERSON_PREFIX = re.compile(r"^(person|protected)(\d+)_(.+)$")


def csv_rows(handle: IO[bytes], kind: Kind) -> Iterator[Parsed]:
    raw = handle.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        yield LineError(line, f"not UTF-8 (the file cannot be decoded at line {line})", "")
        return
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for row in reader:
        line = _start_line(reader.line_num, row)
        if None in row:
            yield LineError(line, "more cells than header columns", _joined(row))
            continue
        try:
            yield ParsedLine(line, row_to_record(row, kind))
        except ValueError as exc:
            yield LineError(line, str(exc), _joined(row))


def _start_line(end_line: int, row: dict[str | None, Any]) -> int:
    # A quoted cell may hold newlines; report the line where the row starts.
    embedded = sum(str(v).count("\n") for v in row.values() if isinstance(v, str))
    return end_line - embedded


def _joined(row: dict[str | None, Any]) -> str:
    return ",".join(str(v) for v in row.values() if v)


def row_to_record(row: dict[str | None, Any], kind: Kind) -> dict[str, Any]:
    record: dict[str, Any] = {}
    people: dict[tuple[str, int], dict[str, Any]] = {}
    for column, cell in row.items():
        if column is None or cell is None or str(cell).strip() == "":
            continue
        name = column.strip()
        value = str(cell).strip()
        person = _PERSON_PREFIX.match(name)
        if person:
            group, number, field = person.group(1), int(person.group(2)), person.group(3)
            people.setdefault((group, number), {})[field] = _typed(field, value)
        elif name.startswith("subject_"):
            field = name.removeprefix("subject_")
            record.setdefault("subject", {})[field] = _typed(field, value)
        elif name.split("_", 1)[0] in _NESTED and "_" in name:
            outer, inner = name.split("_", 1)
            record.setdefault(outer, {})[inner] = _typed(name, value)
        else:
            record[name] = _typed(name, value)
    for (group, _number), person_data in sorted(people.items(), key=lambda item: item[0][1]):
        record.setdefault("people" if group == "person" else "protected", []).append(person_data)
    return record


def _typed(field: str, value: str) -> Any:
    if field in _LIST_FIELDS:
        return [item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()]
    if field in _INT_FIELDS:
        try:
            return int(value)
        except ValueError:
            raise ValueError(f"{field}: {value!r} is not a whole number") from None
    if field in _FLOAT_FIELDS:
        try:
            return float(value)
        except ValueError:
            raise ValueError(f"{field}: {value!r} is not a number") from None
    return value


CRIME_COLUMNS = [
    "crime_ref",
    "force",
    "recorded_at",
    "occurred_from",
    "occurred_to",
    "classification",
    "included_classifications",
    "flags",
    "narrative",
    "relationship",
    "order_refs",
    "officer_in_charge",
    "location_address",
    "location_postcode",
    "location_lat",
    "location_lon",
    "outcome_code",
    "outcome_date",
]
PERSON_FIELDS = [
    "role",
    "person_ref",
    "forename",
    "surname",
    "dob",
    "gender",
    "address",
    "postcode",
    "phone",
    "email",
    "online_handles",
]
ORDER_COLUMNS = ["order_ref", "type", "made_on", "expires_on", "status", "conditions"]


def record_to_row(record: dict[str, Any], kind: Kind) -> dict[str, str]:
    """Flatten one exchange record to CSV cells (the inverse of ``row_to_record``)."""
    row: dict[str, str] = {}
    for key, value in record.items():
        if key in ("people", "protected"):
            prefix = "person" if key == "people" else "protected"
            for number, person in enumerate(value, start=1):
                for field, item in person.items():
                    row[f"{prefix}{number}_{field}"] = _cell(item)
        elif key == "subject":
            for field, item in value.items():
                row[f"subject_{field}"] = _cell(item)
        elif isinstance(value, dict):
            for field, item in value.items():
                row[f"{key}_{field}"] = _cell(item)
        else:
            row[key] = _cell(value)
    return row


def _cell(value: Any) -> str:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return "" if value is None else str(value)
