"""State changes to the action plan: one function per action.

Each ``do_*`` function checks permission, makes the change, appends the row's history and writes
its audit entry in one transaction. Views and commands call these and nothing else to change a
plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from foursight.access.policy import Action, require
from foursight.audit import services as audit
from foursight.audit.models import Operation
from foursight.measures.registry import REGISTRY

from .csvformat import BadRow, ParsedRow, is_web_address, plan_csv_text, read_plan_csv
from .models import (
    MeasureLink,
    PeriodRule,
    Plan,
    Publication,
    Recommendation,
    RowUpdate,
    Status,
    SubPoint,
    SupportingDocument,
)
from .state import State, csv_rows, row_state

# Fields of a row's state that count as a change (dates set as a consequence do not).
CHANGE_FIELDS = ["text", "owner", "status", "update_text", "due_date", "documents", "measures"]
EVIDENCE_EXTENSIONS = {
    ".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".ods", ".csv", ".ppt", ".pptx", ".odp",
    ".txt", ".png", ".jpg", ".jpeg",
}  # fmt: skip
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
BLANK_STATE: State = {
    "number": "", "text": "", "owner": "", "status": Status.NOT_STARTED, "status_date": "",
    "update_text": "", "update_date": "", "due_date": "", "documents": [], "measures": [],
}  # fmt: skip


def default_title() -> str:
    return f"{settings.FORCE_NAME} Police action plan: the police response to stalking"


def current_plan() -> Plan | None:
    """The plan the app shows: the most recently created (a force normally has one)."""
    return Plan.objects.first()


def row_reference(subpoint: SubPoint) -> str:
    return f"plan-{subpoint.recommendation.plan_id}/{subpoint.number}"


def _create_plan(actor: Any, title: str = "", force: str = "") -> Plan:
    plan = Plan.objects.create(force=force or settings.FORCE_NAME, title=title or default_title())
    audit.log(actor, Operation.COLLECTION, "action_plan", [plan.pk], fields=["force", "title"])
    return plan


def do_create_plan(actor: Any, title: str = "", force: str = "") -> Plan:
    require(actor, Action.EDIT_PLAN)
    with transaction.atomic():
        return _create_plan(actor, title, force)


def _last_update(subpoint: SubPoint) -> RowUpdate | None:
    return subpoint.history.order_by("-as_at", "-recorded_at", "-pk").first()


def _has_evidence(state: State) -> bool:
    return bool(state["documents"] or state["measures"])


def _record(
    actor: Any,
    subpoint: SubPoint,
    previous: State,
    as_at: date,
    source: str,
    reason: str,
    *,
    date_counts: bool = False,
) -> RowUpdate | None:
    """Append the history entry for a row just saved; None if nothing that matters changed.

    A new date of update alone is a change only when ``date_counts`` (a CSV return that
    re-confirms a row); in the edit form every save carries today's date.
    """
    state = row_state(subpoint)
    changed = [f for f in CHANGE_FIELDS if not previous or previous.get(f) != state[f]]
    date_moved = previous.get("update_date", "") != state["update_date"]
    if not changed and not (date_counts and date_moved):
        return None
    if date_moved:
        changed.append("update_date")
    return RowUpdate.objects.create(
        subpoint=subpoint, as_at=as_at, by=actor, source=source,
        old_status=previous.get("status", ""), new_status=subpoint.status,
        changed=changed, previous=previous, state=state, reason=reason,
    )  # fmt: skip


def _set_measures(subpoint: SubPoint, wanted_links: Iterable[tuple[str, str]]) -> None:
    wanted = dict(wanted_links)
    for link in list(subpoint.measure_links.all()):
        rule = wanted.pop(link.measure_key, None)
        if rule is None:
            link.delete()
        elif link.period_rule != rule:
            link.period_rule = rule
            link.save(update_fields=["period_rule"])
    for key, rule in wanted.items():
        MeasureLink.objects.create(subpoint=subpoint, measure_key=key, period_rule=rule)


# --- editing one row ------------------------------------------------------------------------


@dataclass
class RowEdit:
    """What the edit form sends. ``measures=None`` leaves the linked measures as they are."""

    status: str
    update_text: str
    owner: str
    due_date: date | None
    as_at: date
    reason: str
    measures: list[str] | None = None
    period_rule: str = PeriodRule.LAST_12_MONTHS
    link_title: str = ""
    link_url: str = ""
    upload: UploadedFile | None = None
    upload_title: str = ""


def validate_upload(upload: UploadedFile) -> None:
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix not in EVIDENCE_EXTENSIONS:
        raise ValidationError(
            "The file must be a document, spreadsheet, presentation, text file or image "
            f"({', '.join(sorted(EVIDENCE_EXTENSIONS))})"
        )
    if (upload.size or 0) > MAX_EVIDENCE_BYTES:
        raise ValidationError("The file must be smaller than 10 MB")


def _check_edit(subpoint: SubPoint, edit: RowEdit) -> None:
    if not edit.reason.strip():
        raise ValidationError("Say why you are making this change")
    if edit.status not in Status.values:
        raise ValidationError("Choose a status")
    if edit.as_at > timezone.localdate():
        raise ValidationError("The date of the update cannot be in the future")
    last = _last_update(subpoint)
    if last is not None and edit.as_at < last.as_at:
        raise ValidationError(
            "The date of the update cannot be before the row's last update "
            f"({last.as_at:%-d %B %Y})"
        )
    linked = set(subpoint.measure_links.values_list("measure_key", flat=True))
    unknown = [key for key in edit.measures or [] if key not in REGISTRY and key not in linked]
    if unknown:
        raise ValidationError(f"Unknown measure: {', '.join(unknown)}")
    if edit.period_rule not in PeriodRule.values:
        raise ValidationError("Choose the period for the figures")
    if edit.link_url and not is_web_address(edit.link_url):
        raise ValidationError("The link must be a web address starting with https:// or http://")
    if edit.upload is not None:
        validate_upload(edit.upload)


def do_update_row(actor: Any, subpoint: SubPoint, edit: RowEdit) -> RowUpdate:
    """Change a row's status, update, owner, due date, evidence or measures, keeping history."""
    require(actor, Action.EDIT_PLAN)
    _check_edit(subpoint, edit)
    with transaction.atomic():
        row = (
            SubPoint.objects.select_for_update()
            .select_related("recommendation")
            .get(pk=subpoint.pk)
        )
        previous = row_state(row)
        if row.status != edit.status:
            row.status, row.status_date = edit.status, edit.as_at
        row.update_text = edit.update_text.strip().replace("\r\n", "\n")
        row.owner = edit.owner.strip()
        row.due_date = edit.due_date
        row.update_date = edit.as_at
        row.save()
        if edit.link_url:
            SupportingDocument.objects.create(
                subpoint=row, title=edit.link_title.strip() or edit.link_url, url=edit.link_url,
                added_by=actor,
            )  # fmt: skip
        if edit.upload is not None:
            filename = PurePath(edit.upload.name or "evidence").name
            document = SupportingDocument(
                subpoint=row, title=edit.upload_title.strip() or filename, added_by=actor
            )
            document.file.save(filename, edit.upload)
        if edit.measures is not None:
            _set_measures(row, [(key, edit.period_rule) for key in edit.measures])
        state = row_state(row)
        if row.status == Status.COMPLETE and not _has_evidence(state):
            raise ValidationError(
                "A row can only be marked complete with evidence: add a supporting document or "
                "link, or link a live measure"
            )
        update = _record(
            actor, row, previous, edit.as_at, "Edited in Foursight", edit.reason.strip()
        )
        if update is None:
            raise ValidationError("Nothing has changed: change a field or add evidence")
        audit.log(
            actor, Operation.ALTERATION, "action_plan_row", [row_reference(row)],
            fields=update.changed, reason=edit.reason.strip(),
            detail={"old_status": update.old_status, "new_status": update.new_status},
        )  # fmt: skip
    return update


# --- importing a CSV ------------------------------------------------------------------------


class RowRejected(Exception):
    pass


@dataclass
class PlanImportResult:
    plan: Plan
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    bad: list[BadRow] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    created_refs: list[str] = field(default_factory=list)
    updated_refs: list[str] = field(default_factory=list)
    changed_fields: set[str] = field(default_factory=set)
    recommendations_changed: list[str] = field(default_factory=list)


def do_import_plan(
    actor: Any, text: str, source_name: str, plan: Plan | None = None
) -> PlanImportResult:
    """Import a plan CSV. Good rows are kept, bad rows reported with line numbers and reasons.

    Raises csvformat.CsvFormatError if the file as a whole is unusable (nothing is imported).
    """
    require(actor, Action.EDIT_PLAN)
    parsed = read_plan_csv(text)
    today = timezone.localdate()
    with transaction.atomic():
        plan = plan or current_plan() or _create_plan(actor)
        result = PlanImportResult(plan=plan, ignored_columns=parsed.ignored_columns)
        result.bad = list(parsed.bad)
        result.read = len(parsed.rows) + len(parsed.bad)
        first_line: dict[tuple[str, str], int] = {}
        for row in parsed.rows:
            key = (row.rec_number, row.number.lower())
            if key in first_line:
                result.bad.append(
                    BadRow(row.line, [f"{row.number} is already on line {first_line[key]}"], [])
                )
                continue
            first_line[key] = row.line
            try:
                with transaction.atomic():
                    _import_row(actor, plan, row, f"{source_name} line {row.line}", today, result)
            except RowRejected as exc:
                result.bad.append(BadRow(row.line, [str(exc)], []))
        result.bad.sort(key=lambda b: b.line)
        _audit_import(actor, plan, source_name, result)
    return result


def _import_recommendation(plan: Plan, row: ParsedRow, result: PlanImportResult) -> Recommendation:
    rec = plan.recommendations.filter(number=row.rec_number).first()
    if rec is None:
        result.recommendations_changed.append(row.rec_number)
        return Recommendation.objects.create(
            plan=plan, number=row.rec_number, title=row.rec_title, text=row.rec_text,
            due_date=row.rec_due,
        )  # fmt: skip
    wanted = {"title": row.rec_title, "text": row.rec_text, "due_date": row.rec_due}
    changed = [name for name, value in wanted.items() if value and getattr(rec, name) != value]
    for name in changed:
        setattr(rec, name, wanted[name])
    if changed:
        rec.save(update_fields=changed)
        result.recommendations_changed.append(rec.number)
    return rec


def _wanted_state(row: ParsedRow, previous: State) -> State:
    """The state the line asks for; columns the file lacks keep the row's current values."""
    from .csvformat import DATE, DOCUMENTS, DUE, MEASURES, OWNER, UPDATE

    wanted = dict(previous) if previous else dict(BLANK_STATE)
    wanted |= {"text": row.text, "status": row.status}
    if row.has(OWNER) or not previous:
        wanted["owner"] = row.owner
    if row.has(UPDATE) or not previous:
        wanted["update_text"] = row.update_text
    if row.has(DATE) or not previous:
        wanted["update_date"] = row.update_date.isoformat() if row.update_date else ""
    if row.has(DUE) or not previous:
        wanted["due_date"] = row.due_date.isoformat() if row.due_date else ""
    if row.has(DOCUMENTS) or not previous:
        wanted["documents"] = [{"title": t, "url": u} for t, u in row.documents]
    if row.has(MEASURES) or not previous:
        wanted["measures"] = [{"key": k, "period": r} for k, r in row.measures]
    return wanted


def _same(previous: State, wanted: State) -> bool:
    def docs(state: State) -> list[tuple[str, str]]:
        return sorted((d["title"], d["url"]) for d in state["documents"])

    def measures(state: State) -> list[tuple[str, str]]:
        return sorted((m["key"], m["period"]) for m in state["measures"])

    plain = ["text", "owner", "status", "update_text", "update_date", "due_date"]
    return (
        all(previous[f] == wanted[f] for f in plain)
        and docs(previous) == docs(wanted)
        and measures(previous) == measures(wanted)
    )


def _set_documents(actor: Any, subpoint: SubPoint, wanted: list[dict[str, str]]) -> None:
    """Keep listed documents, withdraw the rest, add new ones. Uploads match by title."""
    remaining = [(d["title"], d["url"]) for d in wanted]
    for document in subpoint.current_documents():
        key = (document.title, document.url)
        if key in remaining:
            remaining.remove(key)
        else:
            document.withdrawn_at = timezone.now()
            document.save(update_fields=["withdrawn_at"])
    for title, url in remaining:
        SupportingDocument.objects.create(subpoint=subpoint, title=title, url=url, added_by=actor)


def _import_row(
    actor: Any, plan: Plan, row: ParsedRow, source: str, today: date, result: PlanImportResult
) -> None:
    as_at = row.update_date or today
    if as_at > today:
        raise RowRejected(f"the date {as_at:%Y-%m-%d} is in the future")
    rec = _import_recommendation(plan, row, result)
    subpoint = rec.subpoints.filter(number=row.number).first()
    previous = row_state(subpoint) if subpoint else {}
    wanted = _wanted_state(row, previous)
    if subpoint is not None and _same(previous, wanted):
        result.unchanged += 1
        return
    if subpoint is not None:
        last = _last_update(subpoint)
        if last is not None and as_at < last.as_at:
            raise RowRejected(
                f"the date {as_at:%Y-%m-%d} is before this row's last update "
                f"({last.as_at:%Y-%m-%d}); import earlier returns first"
            )
    else:
        subpoint = SubPoint(recommendation=rec, number=row.number)
    if subpoint.status != wanted["status"] or subpoint.pk is None:
        subpoint.status_date = as_at
    subpoint.text, subpoint.status, subpoint.owner = (
        wanted["text"],
        wanted["status"],
        wanted["owner"],
    )
    subpoint.update_text = wanted["update_text"]
    subpoint.update_date = (
        date.fromisoformat(wanted["update_date"]) if wanted["update_date"] else None
    )
    subpoint.due_date = date.fromisoformat(wanted["due_date"]) if wanted["due_date"] else None
    subpoint.save()
    _set_documents(actor, subpoint, wanted["documents"])
    _set_measures(subpoint, [(m["key"], m["period"]) for m in wanted["measures"]])
    update = _record(
        actor, subpoint, previous, as_at, source, "Imported from a plan CSV", date_counts=True
    )
    assert update is not None  # the line differs from the row, so something changed
    result.warnings += [(row.line, w) for w in row.warnings]
    if subpoint.status == Status.COMPLETE and not _has_evidence(update.state):
        result.warnings.append(
            (row.line, f"{row.number} is marked complete without supporting evidence")
        )
    if previous:
        result.updated += 1
        result.updated_refs.append(row_reference(subpoint))
        result.changed_fields.update(update.changed)
    else:
        result.created += 1
        result.created_refs.append(row_reference(subpoint))


def _audit_import(actor: Any, plan: Plan, source: str, result: PlanImportResult) -> None:
    reason = f"Imported from {source}"
    counts = {"read": result.read, "rejected": len(result.bad), "unchanged": result.unchanged}
    if result.recommendations_changed:
        audit.log(
            actor, Operation.ALTERATION, "action_plan_recommendation",
            [f"plan-{plan.pk}/{n}" for n in result.recommendations_changed],
            fields=["number", "title", "text", "due_date"], reason=reason,
        )  # fmt: skip
    if result.created_refs:
        audit.log(
            actor, Operation.COLLECTION, "action_plan_row", result.created_refs,
            fields=[*CHANGE_FIELDS, "update_date"], reason=reason, detail=counts,
        )  # fmt: skip
    if result.updated_refs:
        audit.log(
            actor, Operation.ALTERATION, "action_plan_row", result.updated_refs,
            fields=sorted(result.changed_fields), reason=reason, detail=counts,
        )  # fmt: skip


# --- export and publication -----------------------------------------------------------------


def do_export_plan(actor: Any, plan: Plan, as_at: date | None = None, recipient: str = "") -> str:
    """The plan (or an earlier return, as at a date) as CSV text. Logged as a disclosure."""
    require(actor, Action.VIEW_PLAN)
    rows = csv_rows(plan, as_at)
    with transaction.atomic():
        audit.log(
            actor, Operation.DISCLOSURE, "action_plan", [plan.pk],
            fields=["owner", "status", "update_text", "documents"],
            recipient=recipient or actor.get_username(),
            detail={"format": "csv", "rows": len(rows),
                    "as_at": as_at.isoformat() if as_at else ""},
        )  # fmt: skip
    return plan_csv_text(rows)


def do_publish(actor: Any, plan: Plan, as_at: date | None = None) -> Publication:
    """Publish the plan as at a date (default today), with each linked figure as at that date."""
    from .publishing import build_snapshot

    require(actor, Action.PUBLISH_PLAN)
    today = timezone.localdate()
    as_at = as_at or today
    if as_at > today:
        raise ValidationError("A plan cannot be published as at a date in the future")
    snapshot = build_snapshot(plan, as_at)
    if not snapshot["recommendations"]:
        raise ValidationError(f"The plan has no rows as at {as_at:%-d %B %Y}: nothing to publish")
    csv_text = plan_csv_text(csv_rows(plan, as_at))
    with transaction.atomic():
        publication = Publication.objects.create(
            plan=plan, as_at=as_at, published_by=actor, snapshot=snapshot, csv_text=csv_text
        )
        plan.published_at, plan.published_as_at = publication.published_at, as_at
        plan.save(update_fields=["published_at", "published_as_at"])
        audit.log(
            actor, Operation.DISCLOSURE, "action_plan", [plan.pk],
            fields=["owner", "status", "update_text", "documents", "figures"],
            recipient="the public (published action plan)",
            detail={"publication": publication.pk, "as_at": as_at.isoformat(),
                    "rows": snapshot["counts"]["total"]},
        )  # fmt: skip
    return publication
