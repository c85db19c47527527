"""Read exchange-format files line by line, keeping every good line and explaining every bad one.

A reader yields, in file order, either a ``ParsedLine`` (valid data) or a ``LineError`` (the line
number and a reason a registrar can act on). Nothing here touches a database: the import service,
the stand-alone CLI commands and the tests all use the same reader.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Literal

from .schemas import Kind, schema_errors

Format = Literal["jsonl", "csv"]

# Limits that separate a long narrative from a corrupt or hostile line.
MAX_LINE_BYTES = 1_000_000
MAX_NARRATIVE_CHARS = 50_000
MAX_TEXT_CHARS = 1_000
MAX_LIST_ITEMS = 200

_DATETIME_FIELDS = {
    "crime": ("recorded_at", "occurred_from", "occurred_to"),
    "order": ("made_on", "expires_on"),
}
_LONG_TEXT_FIELDS = {"narrative"}


@dataclass(frozen=True)
class ParsedLine:
    line: int
    data: dict[str, Any]


@dataclass(frozen=True)
class LineError:
    line: int
    reason: str
    raw: str

    def as_reject(self) -> dict[str, Any]:
        return {"line": self.line, "reason": self.reason, "raw": self.raw}


Parsed = ParsedLine | LineError


def record_key(kind: Kind, data: dict[str, Any]) -> tuple[str, str]:
    """The key that must be unique within one file: (force, crime_ref) or ("", order_ref)."""
    if kind == "crime":
        return (str(data.get("force") or ""), str(data["crime_ref"]))
    return ("", str(data["order_ref"]))


def parse_when(value: str) -> datetime:
    """Parse an exchange-format date or date-time (already shape-checked by the schema)."""
    text = value.strip().replace(" ", "T", 1)
    if len(text) == 10:
        return datetime.combine(date.fromisoformat(text), datetime.min.time())
    return datetime.fromisoformat(text)


def read_file(path: str | Path, kind: Kind, fmt: Format | None = None) -> Iterator[Parsed]:
    path = Path(path)
    fmt = fmt or ("csv" if path.suffix.lower() == ".csv" else "jsonl")
    with path.open("rb") as handle:
        yield from read_stream(handle, kind, fmt)


def read_stream(handle: IO[bytes], kind: Kind, fmt: Format = "jsonl") -> Iterator[Parsed]:
    if fmt == "csv":
        from .csvformat import csv_rows

        yield from _checked(csv_rows(handle, kind), kind)
    else:
        yield from _checked(_jsonl_objects(handle), kind)


def _jsonl_objects(handle: IO[bytes]) -> Iterator[Parsed]:
    for number, raw in enumerate(handle, start=1):
        if len(raw) > MAX_LINE_BYTES:
            yield LineError(
                number, f"line is {len(raw):,} bytes, over the {MAX_LINE_BYTES:,} limit", ""
            )
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield LineError(
                number, f"not UTF-8 (byte {exc.start + 1} cannot be decoded)", _printable(raw)
            )
            continue
        text = text.removeprefix("\ufeff").strip()
        if not text:
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield LineError(number, f"broken JSON: {exc.msg} at column {exc.colno}", text)
            continue
        if not isinstance(data, dict):
            yield LineError(number, "each line must be a JSON object", text)
            continue
        yield ParsedLine(number, data)


def _checked(items: Iterable[Parsed], kind: Kind) -> Iterator[Parsed]:
    seen: dict[tuple[str, str], int] = {}
    for item in items:
        if isinstance(item, LineError):
            yield item
            continue
        problem = validate(kind, item.data)
        if problem is None:
            key = record_key(kind, item.data)
            if key in seen:
                problem = f"duplicate reference {key[1]!r} in this file (first on line {seen[key]})"
            else:
                seen[key] = item.line
        if problem is None:
            yield item
        else:
            yield LineError(item.line, problem, json.dumps(item.data, ensure_ascii=False))


def validate(kind: Kind, data: dict[str, Any]) -> str | None:
    """Return why ``data`` is not a valid record of ``kind``, or None if it is."""
    errors = schema_errors(kind, data)
    if errors:
        return "; ".join(errors[:3])
    for field in _DATETIME_FIELDS.get(kind, ()):
        if field in data and not _is_real_date(data[field]):
            return f"{field}: {data[field]!r} is not a real date"
    outcome = data.get("outcome") or {}
    if "date" in outcome and not _is_real_date(outcome["date"]):
        return f"outcome.date: {outcome['date']!r} is not a real date"
    over = _over_limit(data, MAX_TEXT_CHARS)
    if over is None:
        return None
    path, why = over
    return f"{''.join(reversed(path)).removeprefix('.')}: {why}"


def _is_real_date(value: str) -> bool:
    try:
        parse_when(value)
    except ValueError:
        return False
    return True


def _over_limit(value: Any, limit: int) -> tuple[list[str], str] | None:
    """The first value over its limit: its path, innermost part first (".people", "[1]",
    ".forename"), and why. A narrative may be long, every other text short; a list's items
    share its field's limit. The path is built only for the value that is over, so a valid
    record (nearly every one) costs a walk and no strings."""
    if isinstance(value, str):
        if len(value) > limit:
            return [], f"{len(value):,} characters, over the {limit:,} limit"
    elif isinstance(value, dict):
        for key, item in value.items():
            found = _over_limit(
                item, MAX_NARRATIVE_CHARS if key in _LONG_TEXT_FIELDS else MAX_TEXT_CHARS
            )
            if found:
                found[0].append(f".{key}")
                return found
    elif isinstance(value, list):
        if len(value) > MAX_LIST_ITEMS:
            return [], f"{len(value):,} items, over the {MAX_LIST_ITEMS} limit"
        for index, item in enumerate(value):
            found = _over_limit(item, limit)
            if found:
                found[0].append(f"[{index}]")
                return found
    return None


def _printable(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace").strip()[:2000]


def write_jsonl(rows: Iterable[dict[str, Any]], handle: IO[str]) -> int:
    count = 0
    for row in rows:
        handle.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
        handle.write("\n")
        count += 1
    return count


def read_valid(
    path: str | Path, kind: Kind, each: Callable[[dict[str, Any]], object] | None = None
) -> list[dict[str, Any]]:
    """Every valid record of a file, raising on the first bad line (for stand-alone commands).

    ``each`` is called with each record as it is read, so work on it can start before the
    whole file is in."""
    out: list[dict[str, Any]] = []
    for item in read_file(path, kind):
        if isinstance(item, LineError):
            raise ValueError(f"{path}: line {item.line}: {item.reason}")
        out.append(item.data)
        if each is not None:
            each(item.data)
    return out


def text_stream(handle: IO[bytes]) -> io.TextIOWrapper:
    return io.TextIOWrapper(handle, encoding="utf-8", newline="")


__all__ = [
    "MAX_NARRATIVE_CHARS",
    "MAX_TEXT_CHARS",
    "LineError",
    "Parsed",
    "ParsedLine",
    "parse_when",
    "read_file",
    "read_stream",
    "read_valid",
    "record_key",
    "validate",
    "write_jsonl",
]
