"""State changes and audited reads for crime records: one function per action.

Each action checks permission, makes the change and writes its audit entry in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from foursight.access.policy import Action, require
from foursight.audit import services as audit
from foursight.audit.models import Operation

from .models import (
    CrimeRecord,
    ImportIssue,
    LabelKind,
    RecordChange,
    RecordLabel,
    RetentionReview,
)
from .reference import load_reference


def view_record(actor: Any, record: CrimeRecord, fields: Sequence[str]) -> None:
    """Check the user may see this record and log the consultation."""
    require(actor, Action.VIEW_RECORD, record)
    audit.consulted(actor, "crime_record", [record.crime_ref], fields=fields)


def _validate_label(kind: str, code: str) -> str:
    ref = load_reference()
    code = code.strip()
    if kind == LabelKind.CLASS:
        if ref.resolve(code) is None:
            raise ValidationError(f"{code!r} is not a class or offence code in the reference table")
        return ref.class_for_search(code)
    if kind == LabelKind.FLAG:
        if code not in ref.flags:
            raise ValidationError(f"{code!r} is not a flag in the reference table")
        return ""
    raise ValidationError(f"unknown label kind {kind!r}")


def do_add_label(actor: Any, record: CrimeRecord, kind: str, code: str, reason: str) -> RecordLabel:
    """Add an included classification or a flag, with the reason kept in the record's history."""
    require(actor, Action.EDIT_LABELS, record)
    if not reason.strip():
        raise ValidationError("Give a reason for the change")
    resolved = _validate_label(kind, code)
    code = resolved if kind == LabelKind.CLASS else code.strip()
    if kind == LabelKind.CLASS and record.principal_class == resolved:
        raise ValidationError(f"{code} is already the principal classification")
    with transaction.atomic():
        label = (
            RecordLabel.objects.select_for_update()
            .filter(record=record, kind=kind, code=code)
            .first()
        )
        if label is not None and not label.removed:
            raise ValidationError(f"{code} is already on this record")
        if label is None:
            label = RecordLabel.objects.create(
                record=record, kind=kind, code=code, resolved_class=resolved, origin="staff"
            )
        else:
            label.removed = False
            label.save(update_fields=["removed"])
        RecordChange.objects.create(
            record=record, by=actor, action="add", kind=kind, code=code, reason=reason.strip()
        )
        audit.log(
            actor,
            Operation.ALTERATION,
            "crime_record",
            [record.crime_ref],
            fields=["included_classifications" if kind == LabelKind.CLASS else "flags"],
            reason=reason.strip(),
        )
    return label


def do_remove_label(actor: Any, record: CrimeRecord, kind: str, code: str, reason: str) -> None:
    require(actor, Action.EDIT_LABELS, record)
    if not reason.strip():
        raise ValidationError("Give a reason for the change")
    with transaction.atomic():
        label = (
            RecordLabel.objects.select_for_update()
            .filter(record=record, kind=kind, code=code, removed=False)
            .first()
        )
        if label is None:
            raise ValidationError(f"{code} is not on this record")
        if label.origin == "rms":
            # Keep a marker so a re-import of the same RMS data does not bring it back.
            label.removed = True
            label.save(update_fields=["removed"])
        else:
            label.delete()
        RecordChange.objects.create(
            record=record, by=actor, action="remove", kind=kind, code=code, reason=reason.strip()
        )
        audit.log(
            actor,
            Operation.ALTERATION,
            "crime_record",
            [record.crime_ref],
            fields=["included_classifications" if kind == LabelKind.CLASS else "flags"],
            reason=reason.strip(),
        )


def do_review_retention(
    actor: Any, record: CrimeRecord, decision: str, reason: str, next_review: date | None
) -> RetentionReview:
    """Record a retention review; a decision to erase erases the record in the same transaction."""
    require(actor, Action.REVIEW_RETENTION, record)
    if not reason.strip():
        raise ValidationError("Give a reason for the decision")
    if decision == RetentionReview.Decision.RETAIN and next_review is None:
        raise ValidationError("Give the date of the next review")
    with transaction.atomic():
        review = RetentionReview.objects.create(
            record=record,
            record_ref=f"{record.force}/{record.crime_ref}",
            decided_by=actor,
            decision=decision,
            reason=reason.strip(),
            next_review_date=next_review,
        )
        if decision == RetentionReview.Decision.RETAIN:
            assert next_review is not None
            record.review_date = next_review
            record.save(update_fields=["review_date"])
            audit.log(
                actor,
                Operation.ALTERATION,
                "crime_record",
                [record.crime_ref],
                fields=["review_date"],
                reason=reason.strip(),
            )
        else:
            do_erase_record(actor, record, reason)
    return review


def do_erase_record(actor: Any, record: CrimeRecord, reason: str) -> None:
    """Erase a record and everything derived from it.

    Removes the record, its versions, history, labels, people mentions (and so their links and
    link decisions), breach links, screening result and triage decisions, and its full-text
    index entry (by trigger on SQLite; the PostgreSQL index is on the row itself). The audit
    entry keeps the reference but none of the erased content.
    """
    require(actor, Action.ERASE_RECORD, record)
    from foursight.people.linking import refresh_names
    from foursight.people.models import Person
    from foursight.triage.models import ScreeningResult

    with transaction.atomic():
        ref = record.crime_ref
        people = list(record.people.exclude(person=None).values_list("person_id", flat=True))
        series = getattr(getattr(record, "screening", None), "series_id", "")
        record.delete()
        # Other records' results in the same series quote this record: drop them; the next
        # screening run recomputes them without it.
        if series:
            ScreeningResult.objects.filter(series_id=series).delete()
        # Rejected or warned lines from imports may carry the erased content.
        ImportIssue.objects.filter(reference=ref).delete()
        # A person seen only on this record no longer exists anywhere else; the others'
        # display names may have come from it.
        Person.objects.filter(pk__in=people, mentions__isnull=True).delete()
        refresh_names(set(people))
        audit.log(
            actor,
            Operation.ERASURE,
            "crime_record",
            [ref],
            fields=["*"],
            reason=reason.strip(),
            detail={
                "derived": "versions, history, labels, people, links, breaches, screening "
                "(with its series' results), triage, import issues, search index"
            },
        )
