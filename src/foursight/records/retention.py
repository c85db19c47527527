"""Retention classes and review dates (Management of Police Information style review periods)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from .models import RETENTION_YEARS, RetentionClass

SERIOUS_CLASSES = {"3A", "3B", "5D", "19C", "36", "34B", "56"}
PUBLIC_PROTECTION_FLAGS = {"domestic_abuse", "stalking", "breach_of_order", "honour_based_abuse"}


def retention_class_for(
    classes: Iterable[str], flags: Iterable[str], stalking_related: set[str]
) -> str:
    class_set = set(classes)
    if class_set & SERIOUS_CLASSES:
        return RetentionClass.SERIOUS
    if class_set & stalking_related or set(flags) & PUBLIC_PROTECTION_FLAGS:
        return RetentionClass.PUBLIC_PROTECTION
    return RetentionClass.STANDARD


def review_date_for(recorded_at: datetime | date, retention_class: str) -> date:
    start = recorded_at.date() if isinstance(recorded_at, datetime) else recorded_at
    years = RETENTION_YEARS[RetentionClass(retention_class)]
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)
