"""Every logged operation leaves the right audit entry, from the web, the API and commands alike.

Each test does one thing the Data Protection Act 2018 s.62 requires a log of, then checks the
entries it left: operation, actor, object, fields, reason, recipient and channel, and that the
hash chain still verifies.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from foursight.audit.models import AuditEntry
from foursight.audit.services import verify
from tests.world import R1, R3, jsonl

pytestmark = pytest.mark.django_db


def last_sequence() -> int:
    return AuditEntry.objects.order_by("-sequence").values_list("sequence", flat=True).first() or 0


class NewEntries:
    """The entries written since it was made."""

    def __init__(self) -> None:
        self.after = last_sequence()

    def all(self) -> list[AuditEntry]:
        return list(AuditEntry.objects.filter(sequence__gt=self.after).order_by("sequence"))

    def one(self, **match: object) -> AuditEntry:
        found = [e for e in self.all() if all(getattr(e, k) == v for k, v in match.items())]
        assert len(found) == 1, f"expected one entry like {match}, got {found} of {self.all()}"
        return found[0]


def signed_in(client, user):
    client.logout()
    client.force_login(user)
    return client


def assert_chain_intact() -> None:
    report = verify()
    assert report.ok, report.breaks


# --- consultation ------------------------------------------------------------------------------


@pytest.mark.parametrize("channel", ["web", "api"])
def test_viewing_a_record_is_a_consultation(world, client, channel):
    user = world.users["investigator"]
    pk = world.record_ids[R1["crime_ref"]]
    new = NewEntries()
    path = reverse("records:record", args=[pk]) if channel == "web" else f"/api/records/{pk}"
    assert signed_in(client, user).get(path).status_code == 200
    entry = new.one(operation="consultation", object_type="crime_record")
    assert entry.actor == user and entry.actor_role == "investigator"
    assert entry.channel == channel
    assert entry.object_ids == [R1["crime_ref"]]
    assert {"narrative", "people"} <= set(entry.fields)
    assert entry.recipient == ""
    assert_chain_intact()


def test_an_analysts_view_does_not_list_the_narrative_among_the_fields_seen(world, client):
    new = NewEntries()
    signed_in(client, world.users["analyst"]).get(
        reverse("records:record", args=[world.record_ids[R1["crime_ref"]]])
    )
    entry = new.one(operation="consultation", object_type="crime_record")
    assert "narrative" not in entry.fields and "people" in entry.fields


def test_searching_logs_the_records_listed(world, client):
    new = NewEntries()
    signed_in(client, world.users["investigator"]).get(
        reverse("records:search"), {"classification": "8Q"}
    )
    entry = new.one(operation="consultation", object_type="crime_record")
    assert set(entry.object_ids) == {R1["crime_ref"], "WX/1004/25"}
    assert entry.detail["search"] == {"classification": "8Q", "sort": "-recorded"}
    assert entry.detail["total"] == 2


# --- alteration --------------------------------------------------------------------------------


@pytest.mark.parametrize("channel", ["web", "api"])
def test_adding_and_removing_an_included_classification_is_an_alteration(world, client, channel):
    user = world.users["registrar"]
    pk = world.record_ids[R1["crime_ref"]]
    c = signed_in(client, user)
    new = NewEntries()
    if channel == "web":
        add = c.post(
            reverse("records:add-label", args=[pk]),
            {"kind": "class", "code": "8L", "reason": "Threatening messages too"},
        )
        remove = c.post(
            reverse("records:remove-label", args=[pk, "class", "8L"]),
            {"reason": "Added in error"},
        )
        assert add.status_code == remove.status_code == 302
    else:
        add = c.post(
            f"/api/records/{pk}/labels",
            {"kind": "class", "code": "8L", "reason": "Threatening messages too"},
            content_type="application/json",
        )
        remove = c.delete(
            f"/api/records/{pk}/labels/class/8L",
            json.dumps({"reason": "Added in error"}),
            content_type="application/json",
        )
        assert (add.status_code, remove.status_code) == (201, 204)
    added, removed = new.all()
    for entry, reason in ((added, "Threatening messages too"), (removed, "Added in error")):
        assert entry.operation == "alteration" and entry.object_type == "crime_record"
        assert entry.actor == user and entry.channel == channel
        assert entry.object_ids == [R1["crime_ref"]]
        assert entry.fields == ["included_classifications"]
        assert entry.reason == reason
    assert_chain_intact()


def test_changing_a_flag_names_the_flags_field(world, client):
    pk = world.record_ids[R1["crime_ref"]]
    new = NewEntries()
    signed_in(client, world.users["supervisor"]).post(
        reverse("records:remove-label", args=[pk, "flag", "domestic_abuse"]),
        {"reason": "They never lived together"},
    )
    entry = new.one(operation="alteration")
    assert entry.fields == ["flags"] and entry.reason == "They never lived together"


def test_a_triage_outcome_is_an_alteration_with_its_note(world, client):
    user = world.users["spoc"]
    pk = world.record_ids["WX/1002/25"]
    new = NewEntries()
    response = signed_in(client, user).post(
        reverse("triage:decide", args=[pk]),
        {"outcome": "included_8q", "note": "Following and gifts: a course of conduct"},
    )
    assert response.status_code == 302
    outcome, label = new.all()
    assert (outcome.operation, outcome.object_type, outcome.channel) == (
        "alteration",
        "crime_record",
        "web",
    )
    assert outcome.actor == user and outcome.object_ids == ["WX/1002/25"]
    assert outcome.fields == ["triage_outcome"]
    assert outcome.reason == "Following and gifts: a course of conduct"
    assert outcome.detail == {"outcome": "included_8q"}
    # "8Q added as an included classification" adds it, and logs that as well.
    assert label.fields == ["included_classifications"] and label.object_ids == ["WX/1002/25"]
    assert_chain_intact()


# --- disclosure --------------------------------------------------------------------------------


def test_exporting_search_results_is_a_disclosure_to_the_recipient(world, client):
    user = world.users["supervisor"]
    new = NewEntries()
    response = signed_in(client, user).post(
        reverse("records:export"), {"classification": "8Q", "recipient": "CPS Wessex"}
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    entry = new.one(operation="disclosure")
    assert entry.actor == user and entry.channel == "web"
    assert entry.object_type == "crime_record"
    assert entry.recipient == "CPS Wessex"
    assert set(entry.object_ids) == {row[0] for row in rows[1:]} == {R1["crime_ref"], "WX/1004/25"}
    assert "classification" in entry.fields
    assert entry.detail["rows"] == 2 and entry.detail["format"] == "csv"
    assert_chain_intact()


def test_a_referral_is_a_disclosure_to_the_service(world, client):
    user = world.users["investigator"]
    dora = world.person("dora")
    new = NewEntries()
    response = signed_in(client, user).post(
        reverse("people:refer", args=[dora.pk]),
        {"service": world.service.pk, "consent_recorded": "on", "safe_contact": "Email only"},
    )
    assert response.status_code == 302
    entry = new.one(operation="disclosure")
    assert entry.actor == user and entry.channel == "web"
    assert entry.object_type == "person" and entry.object_ids == [dora.pseudonym]
    assert entry.recipient == "Wessex Stalking Advocacy"
    assert_chain_intact()


def test_what_a_partner_advocate_reads_is_disclosed_to_their_service(world, client):
    new = NewEntries()
    c = signed_in(client, world.users["partner_advocate"])
    c.get(reverse("people:person", args=[world.person_ids["amy"]]))
    c.get(f"/api/records/{world.record_ids[R1['crime_ref']]}")
    person, record = new.all()
    for entry, channel in ((person, "web"), (record, "api")):
        assert entry.operation == "disclosure" and entry.channel == channel
        assert entry.recipient == "Wessex Stalking Advocacy"
    assert record.object_ids == [R1["crime_ref"]]


def test_downloading_an_imports_rejected_lines_is_a_disclosure(world, client):
    user = world.users["registrar"]
    new = NewEntries()
    response = signed_in(client, user).get(reverse("records:import-rejects", args=[world.batch_id]))
    assert response.status_code == 200 and b"WX/BAD/25" in response.content
    entry = new.one(operation="disclosure")
    assert entry.object_type == "import_rejects" and entry.object_ids == [str(world.batch_id)]
    assert entry.recipient == user.username and entry.fields == ["raw"]


# --- collection and combination -----------------------------------------------------------------


def test_an_import_through_the_api_is_a_collection_then_linkage_is_a_combination(world, client):
    user = world.users["registrar"]
    line = {**R1, "crime_ref": "WX/3001/25", "order_refs": []}
    upload = io.BytesIO(json.dumps(line).encode() + b"\n")
    upload.name = "crimes.jsonl"
    new = NewEntries()
    response = signed_in(client, user).post("/api/imports", {"crimes": upload})
    assert response.status_code == 201, response.content
    collection = new.one(operation="collection")
    assert collection.channel == "api" and collection.actor == user
    assert collection.object_type == "crime_record" and collection.object_ids == ["WX/3001/25"]
    assert {"narrative", "people"} <= set(collection.fields)
    combination = [e for e in new.all() if e.operation == "combination"]
    assert {e.object_type for e in combination} == {"person_mention", "crime_record"}
    assert all(e.channel == "api" for e in combination)
    assert_chain_intact()


def test_running_linkage_from_the_command_line_is_a_combination(world, capsys):
    from foursight.people.models import PersonMention

    new = NewEntries()
    call_command("link", "--as", "registrar-user")
    entries = new.all()
    assert entries and all(e.operation == "combination" for e in entries)
    entry = entries[0]
    assert entry.channel == "cli" and entry.actor == world.users["registrar"]
    assert entry.object_type == "person_mention" and entry.fields == ["person"]
    assert entry.detail["kind"] == "full"
    logged = {i for e in entries for i in e.object_ids}
    assert logged == {str(pk) for pk in PersonMention.objects.values_list("pk", flat=True)}
    assert_chain_intact()


def test_a_link_decision_is_a_combination_with_its_reason(world, client):
    user = world.users["supervisor"]
    amy = world.person("amy")
    left, right = amy.mentions.filter(record__restricted=False).order_by("pk")[:2]
    new = NewEntries()
    response = signed_in(client, user).post(
        reverse("people:decide", args=[amy.pk]),
        {"left": left.pk, "right": right.pk, "decision": "split", "reason": "Different DOB"},
    )
    assert response.status_code == 302
    entry = new.one(operation="combination")
    assert entry.object_ids == [str(left.pk), str(right.pk)] and entry.reason == "Different DOB"
    assert entry.channel == "web" and entry.actor == user


# --- erasure -----------------------------------------------------------------------------------


def _fts_rows(word: str) -> list[int]:
    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM records_narrative_fts WHERE records_narrative_fts MATCH %s", [word]
        )
        return [row[0] for row in cursor.fetchall()]


def test_erasing_a_record_removes_everything_derived_and_logs_only_the_reference(world, client):
    from foursight.people.linking import do_link_decision
    from foursight.people.models import LinkDecision, Person, PersonLink, PersonMention
    from foursight.records.importing import do_import
    from foursight.records.models import (
        BreachLink,
        CrimeRecord,
        RecordChange,
        RecordLabel,
        RecordVersion,
        RetentionReview,
    )
    from foursight.records.reference import load_reference
    from foursight.records.search import SearchParams, search
    from foursight.records.services import do_add_label
    from foursight.triage.models import ScreeningResult, TriageDecision
    from foursight.triage.services import do_record_triage

    supervisor = world.users["supervisor"]
    ref = R3["crime_ref"]
    # Give the restricted record something of every derived kind first.
    changed = {**R3, "narrative": R3["narrative"] + " Second statement from the witness."}
    assert do_import(world.users["registrar"], jsonl("again.jsonl", changed)).crimes.updated == 1
    record = world.restricted
    do_add_label(supervisor, record, "flag", "stalking", "Watching her flat")
    do_record_triage(supervisor, record, "not_course", "Single report so far")
    mentions = list(record.people.all())
    amy_here = next(m for m in mentions if m.role == "victim")
    amy_elsewhere = world.person("amy").mentions.exclude(pk=amy_here.pk).first()
    do_link_decision(supervisor, amy_here, amy_elsewhere, "confirm", "Same PNC number")
    carl = world.person("carl")
    mention_ids = [m.pk for m in mentions]
    assert RecordVersion.objects.filter(record=record).exists()
    assert ScreeningResult.objects.filter(record=record).exists()
    assert PersonLink.objects.filter(left_id__in=mention_ids).exists() or (
        PersonLink.objects.filter(right_id__in=mention_ids).exists()
    )
    assert _fts_rows("informant") == ([record.pk] if connection.vendor == "sqlite" else [])

    new = NewEntries()
    response = signed_in(client, supervisor).post(
        reverse("records:review-retention", args=[record.pk]),
        {"decision": "erase", "reason": "Past its review date; no further purpose"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("records:retention")

    entry = new.one(operation="erasure")
    assert entry.actor == supervisor and entry.channel == "web"
    assert entry.object_type == "crime_record" and entry.object_ids == [ref]
    assert entry.fields == ["*"] and entry.reason == "Past its review date; no further purpose"
    # The log keeps the reference, never the erased content.
    for entry in AuditEntry.objects.all():
        text = json.dumps([entry.object_ids, entry.fields, entry.reason, entry.detail])
        for erased in ("informant", "Carl", "Hidden", "statement", "N300"):
            assert erased not in text, (erased, entry)

    pk = record.pk
    assert not CrimeRecord.objects.filter(pk=pk).exists()
    assert not PersonMention.objects.filter(pk__in=mention_ids).exists()
    assert not PersonLink.objects.filter(left_id__in=mention_ids).exists()
    assert not PersonLink.objects.filter(right_id__in=mention_ids).exists()
    assert not LinkDecision.objects.filter(left_id__in=mention_ids).exists()
    assert not LinkDecision.objects.filter(right_id__in=mention_ids).exists()
    assert not ScreeningResult.objects.filter(record_id=pk).exists()
    assert not TriageDecision.objects.filter(record_id=pk).exists()
    assert not RecordLabel.objects.filter(record_id=pk).exists()
    assert not RecordVersion.objects.filter(record_id=pk).exists()
    assert not RecordChange.objects.filter(record_id=pk).exists()
    assert not BreachLink.objects.filter(record_id=pk).exists()
    assert _fts_rows("informant") == [] and _fts_rows("statement") == []
    everything = CrimeRecord.objects.all()
    assert not search(everything, SearchParams(text="informant"), load_reference()).records
    # Carl was on this record only; Amy is on others and stays.
    assert not Person.objects.filter(pk=carl.pk).exists()
    assert Person.objects.filter(pk=world.person_ids["amy"]).exists()
    # The review decision stays, by reference, as the record of why it was erased.
    review = RetentionReview.objects.get(record_ref=f"Wessex/{ref}")
    assert review.record is None and review.decision == "erase"
    assert_chain_intact()


def test_only_a_supervisor_may_erase(world, client):
    registrar = signed_in(client, world.users["registrar"])
    response = registrar.post(
        reverse("records:review-retention", args=[world.record_ids[R1["crime_ref"]]]),
        {"decision": "erase", "reason": "Past its review date"},
    )
    assert response.status_code == 403
    assert world.r1.retention_reviews.count() == 0


# --- the audit log itself -----------------------------------------------------------------------


def test_reading_the_audit_log_is_logged(world, client):
    auditor = world.users["auditor"]
    new = NewEntries()
    response = signed_in(client, auditor).get(reverse("audit:log"), {"operation": "collection"})
    assert response.status_code == 200
    entry = new.one(object_type="audit_log")
    assert entry.operation == "consultation" and entry.actor == auditor and entry.channel == "web"
    shown = AuditEntry.objects.filter(operation="collection").values_list("sequence", flat=True)
    assert sorted(entry.object_ids, key=int) == [str(s) for s in sorted(shown)]
    assert entry.detail == {"search": {"operation": "collection"}}
    assert_chain_intact()


def test_exporting_the_audit_log_is_a_disclosure_to_the_recipient(world, client):
    auditor = world.users["auditor"]
    new = NewEntries()
    response = signed_in(client, auditor).post(
        reverse("audit:export"), {"recipient": "Information Commissioner's Office"}
    )
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    entry = new.one(operation="disclosure")
    assert entry.object_type == "audit_log" and entry.channel == "web" and entry.actor == auditor
    assert entry.recipient == "Information Commissioner's Office"
    # The export holds the log up to and including its own entry.
    assert [int(r["sequence"]) for r in rows] == list(range(1, entry.sequence + 1))
    assert entry.detail["rows"] == entry.sequence - 1
    assert_chain_intact()


def test_exporting_the_audit_log_from_the_command_line(world, tmp_path):
    out = tmp_path / "audit.csv"
    new = NewEntries()
    call_command("audit", "--as", "auditor-user", "export", "--out", str(out), "--recipient", "ICO")
    entry = new.one(operation="disclosure")
    assert entry.channel == "cli" and entry.actor == world.users["auditor"]
    assert entry.recipient == "ICO"
    assert out.read_text().startswith("sequence,at,actor")


def test_tampering_after_all_this_breaks_the_chain(world):
    from tests.audit.test_chain import _tamper

    assert_chain_intact()
    _tamper("UPDATE audit_auditentry SET recipient = %s WHERE operation = %s", ["", "disclosure"])
    report = verify()
    assert not report.ok and any("was altered" in b for b in report.breaks)


def test_account_changes_in_the_admin_are_audited(world, client):
    from foursight.access.models import User
    from foursight.audit.models import AuditEntry

    admin = signed_in(client, world.users["administrator"])
    investigator = world.users["investigator"]
    url = reverse("admin:access_user_change", args=[investigator.pk])
    page = admin.get(url)
    assert page.status_code == 200
    before = AuditEntry.objects.count()
    response = admin.post(
        url,
        {
            "username": investigator.username,
            "first_name": "Renamed",
            "last_name": investigator.last_name,
            "email": investigator.email,
            "staff_id": "WX9999",
            "role": investigator.role,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content[:500]
    assert User.objects.get(pk=investigator.pk).staff_id == "WX9999"
    entry = AuditEntry.objects.order_by("-sequence").first()
    assert AuditEntry.objects.count() == before + 1
    assert (entry.operation, entry.object_type, entry.object_ids) == (
        "alteration",
        "user",
        [str(investigator.pk)],
    )
    assert {"first_name", "staff_id"} <= set(entry.fields)
