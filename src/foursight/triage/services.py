"""Reviewers' outcomes on screening indications."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from foursight.access.policy import Action, require
from foursight.audit import services as audit
from foursight.audit.models import Operation
from foursight.records.models import CrimeRecord, LabelKind
from foursight.records.services import do_add_label

from .models import Outcome, TriageDecision


def do_record_triage(actor: Any, record: CrimeRecord, outcome: str, note: str) -> TriageDecision:
    """Record a reviewer's outcome. '8Q added as an included classification' also adds the 8Q."""
    require(actor, Action.DECIDE_TRIAGE, record)
    if outcome not in Outcome.values:
        raise ValidationError("Choose an outcome")
    if not note.strip():
        raise ValidationError("Write a note saying why")
    screening = getattr(record, "screening", None)
    with transaction.atomic():
        decision = TriageDecision.objects.create(
            record=record,
            outcome=outcome,
            note=note.strip(),
            decided_by=actor,
            score_at_decision=screening.score if screening else None,
        )
        audit.log(
            actor,
            Operation.ALTERATION,
            "crime_record",
            [record.crime_ref],
            fields=["triage_outcome"],
            reason=note.strip(),
            detail={"outcome": outcome},
        )
        has_8q = (
            record.principal_class == "8Q"
            or record.labels.filter(
                kind=LabelKind.CLASS, resolved_class="8Q", removed=False
            ).exists()
        )
        if outcome == Outcome.INCLUDED_8Q and not has_8q:
            do_add_label(actor, record, LabelKind.CLASS, "8Q", f"Screening review: {note.strip()}")
    return decision
