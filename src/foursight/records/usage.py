"""Recommendation 7.1: is the included-classification capability used?

Lists records whose evidence points to stalking but which carry no 8Q, neither as the principal
classification nor as an included one. The evidence is: the stalking flag, a breach of a
protective order, a screening indication, or a reviewer's confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet

from foursight.triage.models import CONFIRMED_OUTCOMES, ScreeningResult, TriageDecision

from .models import BreachLink, CrimeRecord, LabelKind, RecordLabel

STALKING_CLASS = "8Q"

REASONS = {
    "flagged": "Stalking flag",
    "breach": "Reports a breach of a protective order",
    "indicated": "Screening indicates stalking",
    "confirmed": "A reviewer confirmed stalking",
}


def with_evidence(records: QuerySet[CrimeRecord]) -> QuerySet[CrimeRecord]:
    has_8q_included = RecordLabel.objects.filter(
        record=OuterRef("pk"), kind=LabelKind.CLASS, resolved_class=STALKING_CLASS, removed=False
    )
    flagged = RecordLabel.objects.filter(
        record=OuterRef("pk"), kind=LabelKind.FLAG, code="stalking", removed=False
    )
    breach = BreachLink.objects.filter(record=OuterRef("pk"))
    indicated = ScreeningResult.objects.filter(record=OuterRef("pk"), indicated=True)
    confirmed = TriageDecision.objects.filter(
        record=OuterRef("pk"), outcome__in=[str(o) for o in CONFIRMED_OUTCOMES]
    )
    return records.annotate(
        has_8q=ExpressionWrapper(
            Q(principal_class=STALKING_CLASS) | Q(Exists(has_8q_included)),
            output_field=BooleanField(),
        ),
        flagged=Exists(flagged),
        breach=Exists(breach),
        indicated=Exists(indicated),
        confirmed=Exists(confirmed),
    ).filter(Q(flagged=True) | Q(breach=True) | Q(indicated=True) | Q(confirmed=True))


def usage_gap(records: QuerySet[CrimeRecord]) -> QuerySet[CrimeRecord]:
    return with_evidence(records).filter(**{"has_8q": False}).order_by("-recorded_at", "pk")


@dataclass(frozen=True)
class UsageSummary:
    evidenced: int
    with_8q: int
    by_reason: dict[str, int]

    @property
    def without_8q(self) -> int:
        return self.evidenced - self.with_8q

    @property
    def usage_rate(self) -> float | None:
        return self.with_8q / self.evidenced if self.evidenced else None


def usage_summary(records: QuerySet[CrimeRecord]) -> UsageSummary:
    evidenced = with_evidence(records)
    gap = evidenced.filter(**{"has_8q": False})
    return UsageSummary(
        evidenced=evidenced.count(),
        with_8q=evidenced.filter(**{"has_8q": True}).count(),
        by_reason={key: gap.filter(**{key: True}).count() for key in REASONS},
    )


def reasons_for(record: CrimeRecord) -> list[str]:
    return [text for key, text in REASONS.items() if getattr(record, key, False)]
