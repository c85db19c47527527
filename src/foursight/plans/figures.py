"""Live figures for action-plan rows: a row stores a measure key and a period rule, never numbers.

A key not in the registry (a plan written for a newer Foursight, say) shows as unavailable
instead of failing, so plans can name measures before they exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from foursight.measures.registry import REGISTRY, Measure, MeasureValue, Period

from .models import PeriodRule, natural_key

REPORT_PUBLISHED = date(2024, 9, 27)


def period_for(rule: str, as_at: date) -> Period:
    if rule == PeriodRule.SINCE_REPORT:
        return Period(start=min(REPORT_PUBLISHED, as_at), end=as_at)
    if rule == PeriodRule.YEAR_TO_DATE:
        year = as_at.year if as_at.month >= 4 else as_at.year - 1
        return Period(start=date(year, 4, 1), end=as_at)
    return Period.last_12_months(as_at)


@dataclass(frozen=True)
class Figure:
    key: str
    rule: str
    period: Period
    measure: Measure | None
    value: MeasureValue | None

    @property
    def name(self) -> str:
        return self.measure.name if self.measure else self.key

    @property
    def display(self) -> str:
        return self.value.display if self.value else "Not available in this version of Foursight"

    @property
    def available(self) -> bool:
        return self.measure is not None

    def as_snapshot(self) -> dict[str, str]:
        return {
            "key": self.key,
            "name": self.name,
            "definition": self.measure.definition if self.measure else "",
            "period": self.period.label(),
            "display": self.display,
        }


class FigureBook:
    """Computes each (measure, period rule) once per page, however many rows link to it."""

    def __init__(self, as_at: date) -> None:
        self.as_at = as_at
        self._cache: dict[tuple[str, str], Figure] = {}

    def figure(self, key: str, rule: str) -> Figure:
        cached = self._cache.get((key, rule))
        if cached is None:
            period = period_for(rule, self.as_at)
            measure = REGISTRY.get(key)
            value = measure.compute(period) if measure else None
            cached = self._cache[(key, rule)] = Figure(key, rule, period, measure, value)
        return cached


def measure_choices() -> list[tuple[str, str]]:
    return [
        (m.key, f"{m.name} (recommendation {m.recommendation})")
        for m in sorted(REGISTRY.values(), key=lambda m: (natural_key(m.recommendation), m.name))
    ]
