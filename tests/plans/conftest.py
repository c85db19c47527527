"""Fixtures for the action-plan tests: a small plan CSV, the plan imported, a test measure."""

from __future__ import annotations

from datetime import date

import pytest

from foursight.measures.registry import REGISTRY, Measure, MeasureValue, Period

HEADER = (
    "Recommendation number,Evidence requirement of progress or completion,Recommendation owner,"
    "Force update,Date,Status,Supporting documents,Recommendation title,Recommendation text,"
    "Recommendation due date,Due date,Live measures\r\n"
)
ROWS = [
    '7,"7 Make stalking searchable however it is recorded.",Force Crime Registrar,'
    '"Searches cover principal and included classifications.\nChecked in February.",2025-03-27,'
    'Complete,"Search test results <https://example.org/search-test.pdf>",Included classifications,'
    '"Seek RMS changes so included classifications can be recorded and searched.",2025-03-27,,'
    "stalking_crimes; plan_test_measure (since_report)",
    '7,"7.1 Put processes in place so the capability is used.","Detective Superintendent, Public '
    'Protection",Guidance issued.,2025-03-27,In progress,Crime recording guidance note,,,,'
    "2025-09-30,usage_gap",
    '7,"7.2 Use an interim method until the system changes.",Head of Intelligence,,2024-11-22,'
    "Not started,,,,,,",
    '23,"23 Screen related crimes early.",Force Crime Registrar,Screening runs nightly.,2025-03-27,'
    'In progress,,Early screening,"Screen crimes that look like stalking.",2025-03-27,2099-12-31,'
    "screening_indications; indications_reviewed; reclassification_rate",
]
PLAN_CSV = HEADER + "\r\n".join(ROWS) + "\r\n"


@pytest.fixture
def plan_csv() -> str:
    return PLAN_CSV


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def test_measure(monkeypatch):
    """A measure whose figure names the end of its period, to check 'as at' dates."""

    def compute(period: Period) -> MeasureValue:
        return MeasureValue(1.0, f"figure to {period.end.isoformat()}")

    measure = Measure("plan_test_measure", "Test measure", "A test.", "7", compute)
    monkeypatch.setitem(REGISTRY, "plan_test_measure", measure)
    return measure


@pytest.fixture
def plan(db, system_user, plan_csv, test_measure):
    from foursight.plans.services import do_import_plan

    result = do_import_plan(system_user, plan_csv, "fixture.csv")
    assert not result.bad, [(b.line, b.reason) for b in result.bad]
    return result.plan


@pytest.fixture
def row(plan):
    from foursight.plans.models import SubPoint

    return SubPoint.objects.get(recommendation__plan=plan, number="7.1")


@pytest.fixture
def fixed_today(monkeypatch):
    """Pin 'today' for services and views (the plan's dates are fixed)."""
    from django.utils import timezone

    today = date(2025, 10, 1)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today)
    return today
