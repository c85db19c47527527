"""CSV import and export: round trips, bad rows, earlier returns and the plan command."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from foursight.audit.models import AuditEntry
from foursight.plans.csvformat import HEADERS, decode
from foursight.plans.models import SubPoint
from foursight.plans.services import RowEdit, do_export_plan, do_import_plan, do_update_row

pytestmark = pytest.mark.django_db


def _rows(text: str) -> list[list[str]]:
    return [r for r in csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")) if any(r)]


def test_round_trip_import_export_gives_the_same_rows(plan, plan_csv, system_user):
    exported = do_export_plan(system_user, plan)
    assert _rows(exported) == _rows(plan_csv)
    assert _rows(exported)[0] == HEADERS


def test_round_trip_through_the_command(tmp_path, plan_csv, test_measure, system_user):
    source, target = tmp_path / "plan.csv", tmp_path / "out.csv"
    source.write_text(plan_csv, encoding="utf-8")
    out = io.StringIO()
    call_command("plan", "import", str(source), stdout=out)
    assert "4 rows: 4 new, 0 updated, 0 unchanged, 0 rejected" in out.getvalue()
    call_command("plan", "export", "--out", str(target), stdout=io.StringIO())
    assert _rows(decode(target.read_bytes())) == _rows(plan_csv)
    # Importing the export again changes nothing.
    out = io.StringIO()
    call_command("plan", "import", str(target), "--as", "system", stdout=out)
    assert "0 new, 0 updated, 4 unchanged, 0 rejected" in out.getvalue()


def test_status_wordings_are_normalised_on_export(plan, system_user, fixed_today):
    text = (
        "Recommendation,Evidence requirement,Status,Date,Supporting documents\n"
        "10,10.1 Analyse training needs,Action complete,2025-03-27,Training needs analysis\n"
    )
    do_import_plan(system_user, text, "return.csv", plan=plan)
    row = SubPoint.objects.get(number="10.1")
    assert (row.status, row.status_date) == ("complete", date(2025, 3, 27))
    exported = _rows(do_export_plan(system_user, plan))
    assert [r[5] for r in exported if r[1].startswith("10.1")] == ["Complete"]


def test_bad_rows_are_reported_and_good_rows_kept(plan, system_user, fixed_today):
    text = (
        "Recommendation number,Evidence requirement of progress or completion,Status,Date,"
        "Supporting documents\n"
        "12,12.1 Screen every report,In progress,2025-03-27,\n"
        "12,12.2 Build screening into systems,Amber,2025-03-27,\n"
        "12,12.3 Treat a breach as rising risk,Complete,2025-13-01,\n"
        "12,12.1 Duplicate,Complete,2025-03-27,\n"
        "12,12.4 Review high risk daily,Not started,2030-01-01,\n"
        "12,12.5 Bad link,In progress,,Policy <ftp://example.org/p>\n"
        "7,7.1 Put processes in place so the capability is used.,In progress,2024-01-01,\n"
        "13,13.1 Consider an SPO,Complete,2025-03-27,\n"
    )
    result = do_import_plan(system_user, text, "return.csv", plan=plan)
    assert (result.read, result.created, result.updated) == (8, 2, 0)
    assert [(b.line, b.reason) for b in result.bad] == [
        (3, "status 'Amber' is not recognised (use Not started, In progress or Complete)"),
        (4, "date: '2025-13-01' is not a date (use YYYY-MM-DD, for example 2025-03-27)"),
        (5, "12.1 is already on line 2"),
        (6, "the date 2030-01-01 is in the future"),
        (7, "supporting document link 'ftp://example.org/p' is not an http or https address"),
        (
            8,
            "the date 2024-01-01 is before this row's last update (2025-03-27); import earlier "
            "returns first",
        ),
    ]
    assert set(
        SubPoint.objects.filter(recommendation__number__in=["12", "13"]).values_list(
            "number", flat=True
        )
    ) == {"12.1", "13.1"}
    assert result.warnings == [(9, "13.1 is marked complete without supporting evidence")]


def test_the_command_reports_bad_lines(tmp_path, plan):
    source = tmp_path / "bad.csv"
    source.write_text(
        "Recommendation,Evidence requirement,Status\n7,7.9 Something,Done\n,7.8 x,Done\n",
        encoding="cp1252",
    )
    out = io.StringIO()
    call_command("plan", "import", str(source), stdout=out)
    assert "rejected line 3: the recommendation number is empty" in out.getvalue()
    assert SubPoint.objects.filter(number="7.9").exists()


def test_unusable_file_is_refused_whole(tmp_path, plan):
    source = tmp_path / "plan.csv"
    source.write_text("Name,Notes\nx,y\n", encoding="utf-8")
    with pytest.raises(CommandError, match="no 'Recommendation number', 'Evidence requirement"):
        call_command("plan", "import", str(source))


def test_import_is_audited(plan_csv, system_user, test_measure):
    result = do_import_plan(system_user, plan_csv, "plan.csv")
    entries = AuditEntry.objects.filter(object_type="action_plan_row")
    assert entries.count() == 1
    entry = entries.get()
    assert entry.operation == "collection"
    assert sorted(entry.object_ids) == sorted(
        f"plan-{result.plan.pk}/{n}" for n in ["7", "7.1", "7.2", "23"]
    )
    assert entry.reason == "Imported from plan.csv"
    changed = plan_csv.replace("Guidance issued.", "Guidance issued and checked.")
    do_import_plan(system_user, changed, "later.csv")
    later = AuditEntry.objects.filter(object_type="action_plan_row").last()
    assert (later.operation, later.object_ids, later.fields) == (
        "alteration",
        [f"plan-{result.plan.pk}/7.1"],
        ["update_text"],
    )


def test_export_is_logged_as_a_disclosure(plan, system_user):
    do_export_plan(system_user, plan, recipient="NPCC")
    entry = AuditEntry.objects.filter(object_type="action_plan").last()
    assert (entry.operation, entry.recipient) == ("disclosure", "NPCC")


def test_earlier_return_is_reproduced_as_at_its_date(plan, plan_csv, users, fixed_today):
    row = SubPoint.objects.get(number="7.1")
    do_update_row(
        users["supervisor"],
        row,
        RowEdit(
            status="complete",
            update_text="Monthly checks in place.",
            owner="Force Crime Registrar",
            due_date=None,
            as_at=date(2025, 9, 26),
            reason="Twelve-month return",
        ),
    )
    march = _rows(do_export_plan(users["supervisor"], plan, as_at=date(2025, 3, 27)))
    assert march == _rows(plan_csv)
    now = {r[1][:4]: r for r in _rows(do_export_plan(users["supervisor"], plan))}
    assert (now["7.1 "][5], now["7.1 "][3], now["7.1 "][4]) == (
        "Complete",
        "Monthly checks in place.",
        "2025-09-26",
    )
    # Before any row existed, nothing; in between, only rows dated by then.
    assert _rows(do_export_plan(users["supervisor"], plan, as_at=date(2024, 1, 1))) == [HEADERS]
    november = _rows(do_export_plan(users["supervisor"], plan, as_at=date(2024, 11, 30)))
    assert [r[1].split()[0] for r in november[1:]] == ["7.2"]


def test_export_as_at_through_the_command(tmp_path, plan):
    target = tmp_path / "november.csv"
    call_command(
        "plan", "export", "--out", str(target), "--as-at", "2024-11-30", stdout=io.StringIO()
    )
    rows = _rows(decode(target.read_bytes()))
    assert len(rows) == 2 and rows[1][1].startswith("7.2 ")


def test_command_refuses_an_account_without_the_permission(tmp_path, plan_csv, plan, users):
    source = tmp_path / "plan.csv"
    source.write_text(plan_csv, encoding="utf-8")
    with pytest.raises(CommandError, match="analyst-user: edit_plan is not allowed"):
        call_command("plan", "import", str(source), "--as", "analyst-user")
    with pytest.raises(CommandError, match="publish_plan is not allowed"):
        call_command("plan", "--as", "registrar-user", "publish", "--out", str(tmp_path / "site"))
