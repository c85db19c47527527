"""Searching and exporting the audit log (for auditors and the Information Commissioner)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet

from .models import AuditEntry

LONDON = ZoneInfo("Europe/London")
EXPORT_COLUMNS = [
    "sequence",
    "at",
    "actor",
    "role",
    "channel",
    "operation",
    "object_type",
    "object_ids",
    "fields",
    "recipient",
    "reason",
    "detail",
    "entry_hash",
]


@dataclass
class AuditQuery:
    actor: str = ""
    operation: str = ""
    object_type: str = ""
    reference: str = ""
    date_from: date | None = None
    date_to: date | None = None

    def as_detail(self) -> dict[str, str]:
        return {k: str(v) for k, v in self.__dict__.items() if v not in ("", None)}


def filter_entries(query: AuditQuery) -> QuerySet[AuditEntry]:
    entries = AuditEntry.objects.all()
    if query.actor:
        entries = entries.filter(actor_username__iexact=query.actor)
    if query.operation:
        entries = entries.filter(operation=query.operation)
    if query.object_type:
        entries = entries.filter(object_type=query.object_type)
    if query.reference:
        # object_ids is a JSON list of strings; a quoted match finds the exact reference.
        entries = entries.filter(Q(object_ids__icontains=f'"{query.reference}"'))
    if query.date_from:
        entries = entries.filter(at__gte=datetime.combine(query.date_from, time.min, LONDON))
    if query.date_to:
        entries = entries.filter(
            at__lt=datetime.combine(query.date_to + timedelta(days=1), time.min, LONDON)
        )
    return entries.order_by("-sequence")


def export_rows(entries: QuerySet[AuditEntry]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        value = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return value

    writer.writerow(EXPORT_COLUMNS)
    yield flush()
    for e in entries.order_by("sequence").iterator(chunk_size=2000):
        writer.writerow(_row(e))
        yield flush()


def _row(e: AuditEntry) -> list[Any]:
    return [
        e.sequence,
        e.at.isoformat(),
        e.actor_username,
        e.actor_role,
        e.channel,
        e.operation,
        e.object_type,
        "|".join(e.object_ids),
        "|".join(e.fields),
        e.recipient,
        e.reason,
        e.detail,
        e.entry_hash,
    ]
