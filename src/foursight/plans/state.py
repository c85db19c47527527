"""A row's state as plain data: what the history stores, the CSV writes and a publication shows.

The current plan reads the rows themselves; an earlier return ("as at" a date) reads, for each
row, the last history entry dated on or before that date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch

from .csvformat import CsvRow
from .models import MeasureLink, Plan, Recommendation, RowUpdate, SubPoint, SupportingDocument

State = dict[str, Any]


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def row_state(subpoint: SubPoint) -> State:
    return {
        "number": subpoint.number,
        "text": subpoint.text,
        "owner": subpoint.owner,
        "status": subpoint.status,
        "status_date": _iso(subpoint.status_date),
        "update_text": subpoint.update_text,
        "update_date": _iso(subpoint.update_date),
        "due_date": _iso(subpoint.due_date),
        "documents": [d.as_state() for d in subpoint.documents.all() if d.withdrawn_at is None],
        "measures": [
            {"key": link.measure_key, "period": link.period_rule}
            for link in subpoint.measure_links.all()
        ],
    }


def plan_rows(plan: Plan) -> list[tuple[Recommendation, list[SubPoint]]]:
    """Recommendations in order, each with its rows, documents and measure links prefetched."""
    subpoints = SubPoint.objects.prefetch_related(
        Prefetch("documents", SupportingDocument.objects.filter(withdrawn_at__isnull=True)),
        Prefetch("measure_links", MeasureLink.objects.order_by("pk")),
    ).select_related("recommendation")
    recs = plan.recommendations.prefetch_related(Prefetch("subpoints", subpoints))
    return [(rec, list(rec.subpoints.all())) for rec in recs]


def states_as_at(plan: Plan, as_at: date | None) -> list[tuple[Recommendation, list[State]]]:
    """Each recommendation with its rows' states: current if as_at is None, else as at the date.

    A row with no update on or before the date was not yet in the plan, and is left out.
    """
    if as_at is None:
        return [(rec, [row_state(s) for s in subs]) for rec, subs in plan_rows(plan)]
    latest: dict[int, RowUpdate] = {}
    updates = RowUpdate.objects.filter(
        subpoint__recommendation__plan=plan, as_at__lte=as_at
    ).order_by("as_at", "recorded_at", "pk")
    for update in updates:
        latest[update.subpoint_id] = update
    result = []
    for rec, subs in plan_rows(plan):
        states = [latest[s.pk].state for s in subs if s.pk in latest]
        if states:
            result.append((rec, states))
    return result


def csv_rows(plan: Plan, as_at: date | None = None) -> list[CsvRow]:
    """Rows for the CSV. A recommendation's title, text and due date go on its first row only,
    as in forces' tables where those cells span the recommendation's rows."""
    rows = []
    for rec, states in states_as_at(plan, as_at):
        for index, state in enumerate(states):
            first = index == 0
            rows.append(
                CsvRow(
                    rec_number=rec.number,
                    rec_title=rec.title if first else "",
                    rec_text=rec.text if first else "",
                    rec_due=rec.due_date if first else None,
                    number=state["number"],
                    text=state["text"],
                    owner=state["owner"],
                    update_text=state["update_text"],
                    update_date=_date(state["update_date"]),
                    status=state["status"],
                    due_date=_date(state["due_date"]),
                    documents=tuple((d["title"], d["url"]) for d in state["documents"]),
                    measures=tuple((m["key"], m["period"]) for m in state["measures"]),
                )
            )
    return rows


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    old: str
    new: str


FIELD_LABELS = {
    "text": "Evidence requirement",
    "owner": "Owner",
    "status": "Status",
    "update_text": "Force update",
    "update_date": "Date of update",
    "due_date": "Due date",
    "documents": "Supporting documents",
    "measures": "Live measures",
}


def describe(value: Any, field: str) -> str:
    """A state value in words, for the history table."""
    from .models import Status

    if field == "status":
        return Status(value).label if value in Status.values else "(none)"
    if field == "documents":
        return "; ".join(d["title"] for d in value) or "(none)"
    if field == "measures":
        return "; ".join(m["key"] for m in value) or "(none)"
    if field in {"update_date", "due_date"} and value:
        return f"{date.fromisoformat(value):%-d %B %Y}"
    return str(value) if value else "(none)"


def changes(update: RowUpdate) -> list[Change]:
    return [
        Change(
            field,
            FIELD_LABELS.get(field, field),
            describe(update.previous.get(field), field) if update.previous else "(new row)",
            describe(update.state.get(field), field),
        )
        for field in update.changed
        if field in FIELD_LABELS
    ]
