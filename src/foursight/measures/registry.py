"""Live measures: figures Foursight computes from its own data, by period.

Each measure has a stable key, a plain-English name and definition, and a function computing its
value for a period. Action-plan rows link to measures by key, and dashboards show them, so a new
measure (SPOs per 1,000 stalking crimes, time to referral, ...) plugs in by registering here.

Measures count all records (they are aggregates without personal data); the definitions follow
shared/domain/recommendations.md section 3: a "stalking crime" has 8Q as principal or included
class, and the principal-only figure is always given too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Exists, OuterRef, Q, QuerySet

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @classmethod
    def last_12_months(cls, as_at: date) -> Period:
        return cls(start=as_at.replace(year=as_at.year - 1) + timedelta(days=1), end=as_at)

    def bounds(self) -> tuple[datetime, datetime]:
        return (
            datetime.combine(self.start, time.min, LONDON),
            datetime.combine(self.end + timedelta(days=1), time.min, LONDON),
        )

    def label(self) -> str:
        return f"{self.start:%-d %b %Y} to {self.end:%-d %b %Y}"


@dataclass(frozen=True)
class MeasureValue:
    value: float | None
    display: str
    numerator: int | None = None
    denominator: int | None = None
    breakdown: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Measure:
    key: str
    name: str
    definition: str
    recommendation: str
    compute: Callable[[Period], MeasureValue]


REGISTRY: dict[str, Measure] = {}


def register(
    key: str, name: str, definition: str, recommendation: str
) -> Callable[[Callable[[Period], MeasureValue]], Callable[[Period], MeasureValue]]:
    def wrap(fn: Callable[[Period], MeasureValue]) -> Callable[[Period], MeasureValue]:
        REGISTRY[key] = Measure(key, name, definition, recommendation, fn)
        return fn

    return wrap


def compute(key: str, period: Period) -> MeasureValue:
    return REGISTRY[key].compute(period)


def _recorded_in(period: Period) -> QuerySet[Any]:
    from foursight.records.models import CrimeRecord

    start, end = period.bounds()
    return CrimeRecord.objects.filter(recorded_at__gte=start, recorded_at__lt=end)


def _stalking(records: QuerySet[Any]) -> tuple[QuerySet[Any], QuerySet[Any]]:
    """(stalking crimes: 8Q principal or included, principal-only stalking crimes)."""
    from foursight.records.models import LabelKind, RecordLabel

    included = RecordLabel.objects.filter(
        record=OuterRef("pk"), kind=LabelKind.CLASS, resolved_class="8Q", removed=False
    )
    return records.filter(Q(principal_class="8Q") | Q(Exists(included))), records.filter(
        principal_class="8Q"
    )


def _ratio(numerator: int, denominator: int, per: int = 100, unit: str = "%") -> MeasureValue:
    if not denominator:
        return MeasureValue(None, "no data", numerator, denominator)
    value = numerator / denominator * per
    shown = f"{value:.1f}{unit}" if unit == "%" else f"{value:.1f} {unit}"
    return MeasureValue(
        value, f"{shown} ({numerator:,} of {denominator:,})", numerator, denominator
    )


@register(
    "stalking_crimes",
    "Stalking crimes recorded",
    "Crimes recorded in the period with 8Q as the principal or an included classification; the "
    "principal-only count is given beside it.",
    "7",
)
def stalking_crimes(period: Period) -> MeasureValue:
    any_8q, principal = _stalking(_recorded_in(period))
    total, principal_only = any_8q.count(), principal.count()
    return MeasureValue(
        float(total),
        f"{total:,} ({principal_only:,} as principal crime)",
        breakdown={"principal": principal_only, "included_only": total - principal_only},
    )


@register(
    "hidden_stalking_share",
    "Stalking recorded only as an included classification",
    "Stalking crimes whose 8Q is included but not principal, as a share of all stalking crimes.",
    "7",
)
def hidden_stalking_share(period: Period) -> MeasureValue:
    any_8q, principal = _stalking(_recorded_in(period))
    total = any_8q.count()
    return _ratio(total - principal.count(), total)


@register(
    "usage_gap",
    "Stalking evidence without an 8Q classification (usage check)",
    "Records with stalking evidence (stalking flag, breach of an order, screening indication or a "
    "reviewer's confirmation) that carry no 8Q as principal or included class, as a share of all "
    "records with such evidence. Lower is better.",
    "7.1",
)
def usage_gap_share(period: Period) -> MeasureValue:
    from foursight.records.usage import usage_summary

    summary = usage_summary(_recorded_in(period))
    return _ratio(summary.without_8q, summary.evidenced)


@register(
    "screening_indications",
    "Records indicated as possible stalking by screening",
    "Records recorded in the period that the screening engine indicates as possible stalking.",
    "23",
)
def screening_indications(period: Period) -> MeasureValue:
    indicated = _recorded_in(period).filter(screening__indicated=True)
    total = indicated.count()
    hidden = indicated.exclude(principal_class="8Q").count()
    return MeasureValue(
        float(total),
        f"{total:,} ({hidden:,} not recorded as stalking)",
        breakdown={"not_principal_8q": hidden},
    )


@register(
    "indications_reviewed",
    "Screening indications reviewed",
    "Indicated records with a reviewer's outcome, as a share of all indicated records.",
    "23",
)
def indications_reviewed(period: Period) -> MeasureValue:
    indicated = _recorded_in(period).filter(screening__indicated=True)
    reviewed = indicated.filter(triage_decisions__isnull=False).distinct().count()
    return _ratio(reviewed, indicated.count())


@register(
    "reclassification_rate",
    "Reviewed indications confirmed as stalking",
    "Of the indicated records a reviewer has decided, the share whose latest outcome is "
    "'reclassified as stalking' or '8Q added as an included classification'.",
    "23",
)
def reclassification_rate(period: Period) -> MeasureValue:
    from foursight.triage.models import CONFIRMED_OUTCOMES, TriageDecision

    latest = TriageDecision.objects.filter(record=OuterRef("record")).order_by("-decided_at", "-pk")
    decisions = TriageDecision.objects.filter(
        record__in=_recorded_in(period), pk=latest.values("pk")[:1]
    )
    confirmed = decisions.filter(outcome__in=[str(o) for o in CONFIRMED_OUTCOMES]).count()
    return _ratio(confirmed, decisions.count())
