"""Rules for changing the plan: history, permissions, evidence and the audit log."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, transaction

from foursight.access.policy import ALLOWED, Action
from foursight.audit.models import AuditEntry
from foursight.plans.models import AppendOnlyError, RowUpdate, SubPoint
from foursight.plans.services import RowEdit, do_create_plan, do_import_plan, do_update_row

pytestmark = pytest.mark.django_db

EDITORS = {role.value for role in ALLOWED[Action.EDIT_PLAN]}


def _edit(**changes) -> RowEdit:
    values = dict(
        status="complete",
        update_text="Usage is checked every month.",
        owner="Force Crime Registrar",
        due_date=None,
        as_at=date(2025, 9, 26),
        reason="Six-month return",
    )
    values.update(changes)
    return RowEdit(**values)


def test_status_change_keeps_old_and_new_in_history(row, users, fixed_today):
    update = do_update_row(users["supervisor"], row, _edit())
    row.refresh_from_db()
    assert (row.status, row.status_date, row.update_date) == (
        "complete",
        date(2025, 9, 26),
        date(2025, 9, 26),
    )
    assert (update.old_status, update.new_status) == ("in_progress", "complete")
    assert update.previous["status"] == "in_progress"
    assert update.previous["update_text"] == "Guidance issued."
    assert update.state["status"] == "complete"
    assert set(update.changed) >= {"status", "update_text", "owner", "update_date", "due_date"}
    assert update.by == users["supervisor"]
    history = list(row.history.order_by("as_at", "pk"))
    assert [(h.old_status, h.new_status) for h in history] == [
        ("", "in_progress"),
        ("in_progress", "complete"),
    ]


def test_each_change_is_audited_in_the_same_transaction(row, users, fixed_today):
    before = AuditEntry.objects.count()
    do_update_row(users["supervisor"], row, _edit(status="in_progress", reason="Owner changed"))
    entries = list(AuditEntry.objects.order_by("sequence")[before:])
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.operation, entry.object_type, entry.reason) == (
        "alteration",
        "action_plan_row",
        "Owner changed",
    )
    assert entry.object_ids == [f"plan-{row.recommendation.plan_id}/7.1"]
    assert entry.actor_username == "supervisor-user"


@pytest.mark.parametrize(
    "role",
    sorted(
        {"investigator", "spoc", "dmm_chair", "registrar", "analyst", "auditor", "partner_advocate"}
    ),
)
def test_roles_without_edit_plan_are_refused(row, users, role, fixed_today):
    assert role not in EDITORS
    before = (AuditEntry.objects.count(), RowUpdate.objects.count())
    with pytest.raises(PermissionDenied):
        do_update_row(users[role], row, _edit())
    with pytest.raises(PermissionDenied):
        do_import_plan(
            users[role], "Recommendation,Evidence requirement,Status\n7,7.1 x,Complete\n", "x"
        )
    with pytest.raises(PermissionDenied):
        do_create_plan(users[role])
    assert (AuditEntry.objects.count(), RowUpdate.objects.count()) == before
    row.refresh_from_db()
    assert row.status == "in_progress"


def test_complete_needs_evidence(plan, users, fixed_today):
    bare = SubPoint.objects.get(number="7.2")
    with pytest.raises(ValidationError, match="only be marked complete with evidence"):
        do_update_row(users["administrator"], bare, _edit())
    bare.refresh_from_db()
    assert bare.status == "not_started"
    update = do_update_row(
        users["administrator"],
        bare,
        _edit(link_url="https://example.org/interim.pdf", link_title="Interim instruction"),
    )
    assert update.state["documents"] == [
        {"title": "Interim instruction", "url": "https://example.org/interim.pdf", "file": ""}
    ]


def test_linking_a_measure_is_evidence_and_is_kept_by_key(plan, users, fixed_today):
    bare = SubPoint.objects.get(number="7.2")
    do_update_row(
        users["supervisor"], bare, _edit(measures=["usage_gap"], period_rule="since_report")
    )
    link = bare.measure_links.get()
    assert (link.measure_key, link.period_rule) == ("usage_gap", "since_report")
    with pytest.raises(ValidationError, match="Unknown measure"):
        do_update_row(users["supervisor"], bare, _edit(measures=["no_such_measure"]))


def test_upload_is_stored_under_media_root(row, users, fixed_today, media_root):
    upload = SimpleUploadedFile("audit.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    do_update_row(users["supervisor"], row, _edit(upload=upload, upload_title="Usage audit"))
    document = row.documents.get(title="Usage audit")
    assert document.kind == "file"
    assert (media_root / document.file.name).read_bytes() == b"%PDF-1.4 test"
    assert str(media_root) in document.file.path


def test_upload_type_is_checked(row, users, fixed_today):
    upload = SimpleUploadedFile("run.exe", b"MZ")
    with pytest.raises(ValidationError, match="must be a document"):
        do_update_row(users["supervisor"], row, _edit(upload=upload))


def test_nothing_changed_is_refused(row, users, fixed_today):
    edit = _edit(
        status="in_progress",
        update_text="Guidance issued.",
        owner="Detective Superintendent, Public Protection",
        due_date=date(2025, 9, 30),
        measures=["usage_gap"],
    )
    with pytest.raises(ValidationError, match="Nothing has changed"):
        do_update_row(users["supervisor"], row, edit)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"reason": " "}, "Say why"),
        ({"as_at": date(2025, 10, 2)}, "cannot be in the future"),
        ({"as_at": date(2025, 1, 1)}, "cannot be before the row's last update"),
        ({"link_url": "javascript:alert(1)"}, "must be a web address"),
        ({"status": "amber"}, "Choose a status"),
    ],
)
def test_edits_are_validated(row, users, fixed_today, changes, message):
    with pytest.raises(ValidationError, match=message):
        do_update_row(users["supervisor"], row, _edit(**changes))


def test_history_is_append_only(row):
    entry = row.history.get()
    entry.reason = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    # SQLite's RAISE(ABORT) surfaces as IntegrityError, PostgreSQL's RAISE EXCEPTION as
    # ProgrammingError (InternalError on some versions): both are DatabaseError.
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        RowUpdate.objects.filter(pk=entry.pk).update(reason="rewritten")
