"""The action plan as CSV, in the columns of the common NPCC template (docs/action-plan.md).

Reading turns each line into a ``ParsedRow`` or a list of reasons it cannot be used; it never
touches the database. Forces word statuses and dates in many ways, so both are read leniently
and written one way.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO
from urllib.parse import urlparse

from foursight.measures.registry import REGISTRY

from .models import PeriodRule, Status

# Export headers, in order: the seven NPCC template columns, then Foursight's own.
RECOMMENDATION = "Recommendation number"
REQUIREMENT = "Evidence requirement of progress or completion"
OWNER = "Recommendation owner"
UPDATE = "Force update"
DATE = "Date"
STATUS = "Status"
DOCUMENTS = "Supporting documents"
REC_TITLE = "Recommendation title"
REC_TEXT = "Recommendation text"
REC_DUE = "Recommendation due date"
DUE = "Due date"
MEASURES = "Live measures"

HEADERS = [RECOMMENDATION, REQUIREMENT, OWNER, UPDATE, DATE, STATUS, DOCUMENTS,
           REC_TITLE, REC_TEXT, REC_DUE, DUE, MEASURES]  # fmt: skip
REQUIRED = [RECOMMENDATION, REQUIREMENT, STATUS]

# Other headings forces use for the same columns (compared lower-case, spaces collapsed).
ALIASES: dict[str, str] = {
    "recommendation": RECOMMENDATION,
    "recommendation no": RECOMMENDATION,
    "recommendation no.": RECOMMENDATION,
    "rec": RECOMMENDATION,
    "rec no": RECOMMENDATION,
    "rec number": RECOMMENDATION,
    "evidence requirement": REQUIREMENT,
    "evidence requirements": REQUIREMENT,
    "evidence requirement of progress/completion": REQUIREMENT,
    "sub-point": REQUIREMENT,
    "sub point": REQUIREMENT,
    "subpoint": REQUIREMENT,
    "owner": OWNER,
    "lead": OWNER,
    "recommendation lead": OWNER,
    "update": UPDATE,
    "force response": UPDATE,
    "progress update": UPDATE,
    "date of update": DATE,
    "update date": DATE,
    "rag status": STATUS,
    "current status": STATUS,
    "supporting documentation": DOCUMENTS,
    "supporting document": DOCUMENTS,
    "documents": DOCUMENTS,
    "evidence": DOCUMENTS,
    "measures": MEASURES,
    "linked measures": MEASURES,
    "deadline": DUE,
    "target date": DUE,
}

STATUS_WORDINGS: dict[str, str] = {}
for _status, _words in {
    Status.COMPLETE: ["complete", "completed", "done", "closed", "achieved", "met", "fully met",
                      "fully complete", "fully completed", "finished", "complete and closed",
                      "complete closed"],
    Status.IN_PROGRESS: ["in progress", "progress", "ongoing", "on going", "underway", "under way",
                         "started", "partially complete", "partially completed", "partly complete",
                         "part complete", "partially met", "on track", "in hand", "progressing",
                         "work in progress", "wip"],
    Status.NOT_STARTED: ["not started", "not yet started", "not begun", "to start", "yet to start",
                         "not commenced", "planned", "pending"],
}.items():  # fmt: skip
    for _word in _words:
        STATUS_WORDINGS[_word] = _status

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y"]
MONTH_FORMATS = ["%B %Y", "%b %Y"]


class CsvFormatError(ValueError):
    """The file as a whole cannot be read (no header row, a required column missing)."""


@dataclass
class ParsedRow:
    line: int
    columns: frozenset[str]
    rec_number: str
    rec_title: str = ""
    rec_text: str = ""
    rec_due: date | None = None
    number: str = ""
    text: str = ""
    owner: str = ""
    update_text: str = ""
    update_date: date | None = None
    status: str = Status.NOT_STARTED
    due_date: date | None = None
    documents: list[tuple[str, str]] = field(default_factory=list)
    measures: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def has(self, column: str) -> bool:
        return column in self.columns


@dataclass
class BadRow:
    line: int
    reasons: list[str]
    raw: list[str]

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


# --- reading --------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\ufeff", "")).strip()


def canonical_header(header: str) -> str | None:
    key = _squash(header).lower().rstrip(":*").strip()
    for known in HEADERS:
        if key == known.lower():
            return known
    return ALIASES.get(key)


def parse_status(text: str) -> str | None:
    """A status from the wordings forces use; an empty cell means not started."""
    if not text.strip():
        return Status.NOT_STARTED
    key = re.sub(r"[^a-z ]", " ", _squash(text).lower().replace("-", " "))
    key = re.sub(r"\s+", " ", key).strip()
    key = re.sub(r"^(action|status) ", "", key)
    return STATUS_WORDINGS.get(key)


def parse_date(text: str) -> date | None:
    """A date in any of the forms forces write; a month alone means its first day.

    Raises ValueError for text that is not a date; returns None for an empty cell.
    """
    cleaned = _squash(text)
    if not cleaned:
        return None
    cleaned = re.sub(r"^(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}(:\d{2})?$", r"\1", cleaned)
    cleaned = re.sub(r"\b(\d{1,2})(st|nd|rd|th)\b", r"\1", cleaned, flags=re.IGNORECASE)
    for fmt in DATE_FORMATS + MONTH_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{text.strip()!r} is not a date (use YYYY-MM-DD, for example 2025-03-27)")


_SEPARATOR = r"(?:\s*[:.\-\u2013\u2014)]\s*|\s+|$)"  # "7.1 ", "7.1: ", "7.1 - ", "7.1) "
_REC = re.compile(
    r"^(?:recommendation|rec\.?|r)?\s*(\d+[a-z]?)" + _SEPARATOR + r"(.*)$", re.I | re.S
)
_SUB = re.compile(r"^(\d+(?:\.\d+)*(?:[a-z]|\([a-z0-9]+\))?)" + _SEPARATOR + r"(.*)$", re.I | re.S)
_DOC = re.compile(r"^(.*?)\s*<([^<>\s]+)>$")
_MEASURE = re.compile(r"^([a-z0-9_]+)(?:\s*\(\s*([a-z0-9_]+)\s*\))?$")


def belongs_to(number: str, rec: str) -> bool:
    rest = number[len(rec) :] if number.lower().startswith(rec.lower()) else None
    return rest is not None and (rest == "" or rest[0] in ".(" or rest.isalpha())


def is_web_address(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in {"http", "https"} and bool(parsed.netloc)


def parse_documents(cell: str) -> tuple[list[tuple[str, str]], list[str]]:
    """Each line is 'Title <https://...>', a bare https address, or just a title."""
    documents, problems = [], []
    for raw_line in cell.splitlines():
        line = raw_line.strip()
        if not line:
            continue
        match = _DOC.match(line)
        title, url = (match.group(1).strip(), match.group(2)) if match else (line, "")
        if not match and re.match(r"^[a-z][a-z0-9+.\-]*://", line, re.I):
            title, url = line, line
        if url and not is_web_address(url):
            problems.append(f"supporting document link {url!r} is not an http or https address")
            continue
        documents.append((title or url, url))
    return documents, problems


def parse_measures(cell: str) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """'usage_gap; stalking_crimes (since_report)' -> [(key, period rule)], problems, warnings."""
    measures, problems, warnings = [], [], []
    for item in re.split(r"[;,\n]", cell):
        item = item.strip()
        if not item:
            continue
        match = _MEASURE.match(item)
        if not match:
            problems.append(f"live measure {item!r} is not a measure key")
            continue
        key, rule = match.group(1), match.group(2) or PeriodRule.LAST_12_MONTHS
        if rule not in PeriodRule.values:
            problems.append(
                f"period {rule!r} for {key} is not one of {', '.join(PeriodRule.values)}"
            )
            continue
        if key not in REGISTRY:
            warnings.append(f"measure {key!r} is not in this version of Foursight")
        measures.append((key, rule))
    return measures, problems, warnings


def _parse_line(line: int, cells: dict[str, str], columns: frozenset[str]) -> ParsedRow | BadRow:
    reasons: list[str] = []
    raw = list(cells.values())
    rec_cell = cells.get(RECOMMENDATION, "").strip()
    rec_match = _REC.match(rec_cell)
    if not rec_cell:
        return BadRow(line, ["the recommendation number is empty"], raw)
    if not rec_match or rec_match.group(2)[:1].isdigit():
        return BadRow(line, [f"{rec_cell!r} is not a recommendation number"], raw)
    row = ParsedRow(line=line, columns=columns, rec_number=rec_match.group(1))
    row.rec_text = _squash(cells.get(REC_TEXT, "")) or rec_match.group(2).strip()
    row.rec_title = _squash(cells.get(REC_TITLE, ""))

    requirement = cells.get(REQUIREMENT, "").strip()
    sub_match = _SUB.match(requirement)
    if not requirement:
        reasons.append("the evidence requirement is empty")
    elif not sub_match or not belongs_to(sub_match.group(1), row.rec_number):
        reasons.append(
            f"the evidence requirement must start with its number, for example "
            f"{row.rec_number}.1 (this line is for recommendation {row.rec_number})"
        )
    elif not sub_match.group(2).strip():
        reasons.append(f"evidence requirement {sub_match.group(1)} has no text")
    else:
        row.number, row.text = sub_match.group(1), sub_match.group(2).strip()

    status = parse_status(cells.get(STATUS, ""))
    if status is None:
        reasons.append(
            f"status {cells.get(STATUS, '').strip()!r} is not recognised (use Not started, "
            "In progress or Complete)"
        )
    else:
        row.status = status
    for column, attribute in ((DATE, "update_date"), (DUE, "due_date"), (REC_DUE, "rec_due")):
        try:
            setattr(row, attribute, parse_date(cells.get(column, "")))
        except ValueError as exc:
            reasons.append(f"{column.lower()}: {exc}")
    row.owner = _squash(cells.get(OWNER, ""))
    row.update_text = cells.get(UPDATE, "").strip().replace("\r\n", "\n")
    row.documents, problems = parse_documents(cells.get(DOCUMENTS, ""))
    reasons += problems
    row.measures, problems, row.warnings = parse_measures(cells.get(MEASURES, ""))
    reasons += problems
    if len(row.owner) > 200:
        reasons.append("the owner is longer than 200 characters")
    return BadRow(line, reasons, raw) if reasons else row


def decode(data: bytes) -> str:
    """UTF-8 (with or without Excel's byte-order mark), else Windows-1252 as Excel saves it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


@dataclass
class ReadResult:
    rows: list[ParsedRow]
    bad: list[BadRow]
    ignored_columns: list[str]


def read_plan_csv(text: str) -> ReadResult:
    """Parse a whole file. Raises CsvFormatError if the header row is unusable."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    header_line = 0
    for cells in reader:
        if any(c.strip() for c in cells):
            header, header_line = cells, reader.line_num
            break
    if header is None:
        raise CsvFormatError("the file is empty: the first line must name the columns")
    mapping: dict[int, str] = {}
    ignored: list[str] = []
    for index, name in enumerate(header):
        canonical = canonical_header(name)
        if canonical is None or canonical in mapping.values():
            if name.strip():
                ignored.append(name.strip())
            continue
        mapping[index] = canonical
    missing = [c for c in REQUIRED if c not in mapping.values()]
    if missing:
        raise CsvFormatError(
            f"line {header_line}: the header row has no {', '.join(repr(m) for m in missing)} "
            "column (see docs/action-plan.md for the columns)"
        )
    columns = frozenset(mapping.values())
    rows: list[ParsedRow] = []
    bad: list[BadRow] = []
    start = reader.line_num + 1
    for cells in reader:
        line, start = start, reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        named = {mapping[i]: cells[i] for i in mapping if i < len(cells)}
        parsed = _parse_line(line, named, columns)
        if isinstance(parsed, ParsedRow):
            rows.append(parsed)
        else:
            bad.append(parsed)
    return ReadResult(rows, bad, ignored)


# --- writing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CsvRow:
    rec_number: str
    rec_title: str
    rec_text: str
    rec_due: date | None
    number: str
    text: str
    owner: str
    update_text: str
    update_date: date | None
    status: str
    due_date: date | None
    documents: tuple[tuple[str, str], ...]
    measures: tuple[tuple[str, str], ...]

    def cells(self) -> list[str]:
        return [
            self.rec_number,
            f"{self.number} {self.text}",
            self.owner,
            self.update_text,
            _iso(self.update_date),
            Status(self.status).label if self.status in Status.values else self.status,
            "\n".join(format_document(title, url) for title, url in self.documents),
            self.rec_title,
            self.rec_text,
            _iso(self.rec_due),
            _iso(self.due_date),
            "; ".join(format_measure(key, rule) for key, rule in self.measures),
        ]


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def format_document(title: str, url: str) -> str:
    if not url:
        return title
    return url if title == url else f"{title} <{url}>"


def format_measure(key: str, rule: str) -> str:
    return key if rule == PeriodRule.LAST_12_MONTHS else f"{key} ({rule})"


def iter_csv_lines(rows: Iterable[CsvRow]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for cells in [HEADERS, *(row.cells() for row in rows)]:
        writer.writerow(cells)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def write_plan_csv(rows: Iterable[CsvRow], out: IO[str]) -> None:
    for line in iter_csv_lines(rows):
        out.write(line)


def plan_csv_text(rows: Iterable[CsvRow]) -> str:
    return "".join(iter_csv_lines(rows))
