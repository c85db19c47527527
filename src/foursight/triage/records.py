"""Crime records and orders as exchange-format dicts, as the pure engines expect them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from foursight.people.models import PersonMention
from foursight.records.models import CrimeRecord, LabelKind, ProtectiveOrder


def as_exchange(record: CrimeRecord) -> dict[str, Any]:
    """The record as imported, with the classifications and flags staff have changed since."""
    data = dict(record.source)
    labels = [label for label in record.labels.all() if not label.removed]
    data["included_classifications"] = [lb.code for lb in labels if lb.kind == LabelKind.CLASS]
    data["flags"] = [lb.code for lb in labels if lb.kind == LabelKind.FLAG]
    return data


def person_ids(mentions: Iterable[PersonMention]) -> dict[tuple[str, int], str]:
    """(source_ref, index) -> person id; unlinked mentions stand alone."""
    out: dict[tuple[str, int], str] = {}
    for m in mentions:
        ref = m.record.crime_ref if m.record_id else m.order.order_ref  # type: ignore[union-attr]
        out[(ref, m.index)] = f"P{m.person_id}" if m.person_id else f"M{m.pk}"
    return out


def orders_as_exchange(orders: Iterable[ProtectiveOrder]) -> list[dict[str, Any]]:
    return [dict(o.source) for o in orders]
