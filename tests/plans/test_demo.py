"""The demo plan: every recommendation to chief constables, three returns, live measures linked."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from foursight.plans.csvformat import parse_status
from foursight.plans.demo import demo_returns, load_demo_plan
from foursight.plans.models import MeasureLink, Recommendation, RowUpdate, Status, SubPoint
from foursight.plans.services import do_export_plan

pytestmark = pytest.mark.django_db

CHIEF_CONSTABLE_RECOMMENDATIONS = [
    "7",
    "10",
    "11",
    "12",
    "13",
    "14",
    "16",
    "17",
    "18",
    "20",
    "22",
    "23",
    "25",
]


def test_demo_plan_loads_every_recommendation_with_history(system_user):
    plan, results = load_demo_plan(system_user)
    assert all(not r.bad and not r.warnings for r in results), [
        (b.line, b.reason) for r in results for b in r.bad
    ]
    numbers = list(Recommendation.objects.filter(plan=plan).values_list("number", flat=True))
    assert numbers == CHIEF_CONSTABLE_RECOMMENDATIONS
    rows = SubPoint.objects.filter(recommendation__plan=plan)
    assert {row.status for row in rows} == {"not_started", "in_progress", "complete"}
    assert all(row.owner for row in rows)
    assert RowUpdate.objects.filter(old_status="in_progress", new_status="complete").exists()
    assert len({u.as_at for u in RowUpdate.objects.all()}) == len(demo_returns()) == 3


def test_demo_rows_link_the_live_measures(system_user):
    load_demo_plan(system_user)

    def keys(number: str) -> set[str]:
        return set(
            MeasureLink.objects.filter(subpoint__number=number).values_list(
                "measure_key", flat=True
            )
        )

    assert keys("7") == {"stalking_crimes", "hidden_stalking_share"}
    assert keys("7.1") == {"usage_gap"}
    assert keys("23") == {"screening_indications", "indications_reviewed", "reclassification_rate"}


def test_loading_again_changes_nothing(system_user):
    plan, _ = load_demo_plan(system_user)
    before = RowUpdate.objects.count()
    again, results = load_demo_plan(system_user)
    assert (again, results, RowUpdate.objects.count()) == (plan, [], before)


def test_each_return_is_reproduced_as_at_its_date(system_user):
    def rows(text: str, first: bool) -> list[list[str]]:
        kept = [r for r in csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")) if any(r)]
        for row in kept[1:]:  # "Action complete" is exported as "Complete"
            row[5] = Status(parse_status(row[5])).label
        # Later returns list only the rows that changed, without the recommendation columns.
        return kept if first else [r[:7] + r[10:] for r in kept]

    plan, _ = load_demo_plan(system_user)
    for index, (name, text) in enumerate(demo_returns()):
        as_at = date.fromisoformat(name.removesuffix(".csv"))
        exported = rows(do_export_plan(system_user, plan, as_at=as_at), index == 0)
        wanted = rows(text, index == 0)
        if index == 0:
            assert exported == wanted
        else:
            assert all(row in exported for row in wanted[1:]), name
