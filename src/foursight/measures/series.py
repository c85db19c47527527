"""Monthly series for dashboard charts (aggregates only, no personal data)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncMonth

from .registry import LONDON, Period


def _months(period: Period) -> list[date]:
    months, current = [], period.start.replace(day=1)
    while current <= period.end:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def monthly_stalking(period: Period) -> dict[str, Any]:
    """Per month: stalking crimes (8Q principal), 8Q included only, and screening indications
    on records not recorded as stalking."""
    from foursight.records.models import CrimeRecord, LabelKind, RecordLabel

    start, end = period.bounds()
    included = RecordLabel.objects.filter(
        record=OuterRef("pk"), kind=LabelKind.CLASS, resolved_class="8Q", removed=False
    )
    rows = (
        CrimeRecord.objects.filter(recorded_at__gte=start, recorded_at__lt=end)
        .annotate(month=TruncMonth("recorded_at", tzinfo=LONDON), inc=Exists(included))
        .values("month")
        .annotate(
            principal=Count("pk", filter=Q(principal_class="8Q")),
            included_only=Count("pk", filter=Q(inc=True) & ~Q(principal_class="8Q")),
            hidden_indicated=Count(
                "pk",
                filter=Q(screening__indicated=True) & ~Q(principal_class="8Q") & Q(inc=False),
            ),
        )
    )
    by_month = {r["month"].date() if hasattr(r["month"], "date") else r["month"]: r for r in rows}
    months = _months(period)
    series: dict[str, list[int]] = {"principal": [], "included_only": [], "hidden_indicated": []}
    for month in months:
        row = by_month.get(month, {})
        for key in series:
            series[key].append(int(row.get(key, 0) or 0))
    return {"labels": [m.strftime("%b %Y") for m in months], "series": series}


def classes_of_indicated(period: Period, limit: int = 8) -> list[tuple[str, int]]:
    """Which principal classes the screening engine finds stalking under (hidden stalking)."""
    from foursight.records.models import CrimeRecord

    start, end = period.bounds()
    counts = Counter(
        CrimeRecord.objects.filter(
            recorded_at__gte=start, recorded_at__lt=end, screening__indicated=True
        ).values_list("principal_class", flat=True)
    )
    return counts.most_common(limit)
