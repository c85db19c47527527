import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from foursight.audit import services
from foursight.audit.models import AuditEntry, Operation

pytestmark = pytest.mark.django_db


def _write(actor, n=3):
    for i in range(n):
        with transaction.atomic():
            services.log(
                actor, Operation.CONSULTATION, "crime_record", [f"WX/{i}/25"], fields=["narrative"]
            )


def _tamper(sql: str, params: list) -> None:
    """Bypass the append-only triggers the way an attacker with database access could."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks before ALTER
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER USER")
            cursor.execute(sql, params)
            cursor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER USER")
        else:
            cursor.execute("DROP TRIGGER audit_entry_no_update")
            cursor.execute("DROP TRIGGER audit_entry_no_delete")
            cursor.execute(sql, params)


def test_entries_chain_and_verify(users):
    _write(users["investigator"])
    entries = list(AuditEntry.objects.order_by("sequence"))
    assert [e.sequence for e in entries] == [1, 2, 3]
    assert entries[1].prev_hash == entries[0].entry_hash
    report = services.verify()
    assert report.ok and report.checked == 3


@pytest.mark.django_db(transaction=True)
def test_log_outside_a_transaction_is_refused(users):
    with pytest.raises(RuntimeError):
        services.log(users["investigator"], Operation.CONSULTATION, "crime_record", ["x"])


def test_database_refuses_updates_and_deletes(users):
    _write(users["investigator"], 1)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.update(reason="covering tracks")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.all().delete()


def test_an_edited_entry_breaks_the_chain(users):
    _write(users["investigator"])
    _tamper("UPDATE audit_auditentry SET actor_username = %s WHERE sequence = 2", ["someone-else"])
    report = services.verify()
    assert not report.ok
    assert any("entry 2 was altered" in b for b in report.breaks)
    with pytest.raises(CommandError, match="tampered"):
        call_command("audit", "verify")


def test_a_deleted_entry_breaks_the_chain(users):
    _write(users["investigator"])
    _tamper("DELETE FROM audit_auditentry WHERE sequence = %s", [2])
    report = services.verify()
    assert any("missing" in b for b in report.breaks)
    assert any("does not follow" in b for b in report.breaks)


def test_verify_command_passes_on_an_intact_log(users, capsys):
    _write(users["investigator"])
    call_command("audit", "verify")
    assert "3 entries verified" in capsys.readouterr().out


def test_an_anchor_kept_outside_catches_a_consistent_rewrite(users):
    from foursight.audit.chain import compute_hash

    _write(users["investigator"])
    anchor = services.verify().anchor
    assert anchor.startswith("3:")
    # Someone with database access rewrites entry 3 and recomputes its hash consistently.
    entry = AuditEntry.objects.get(sequence=3)
    entry.actor_username = "someone-else"
    rewritten = compute_hash(entry)
    _tamper(
        "UPDATE audit_auditentry SET actor_username = %s, entry_hash = %s WHERE sequence = 3",
        ["someone-else", rewritten],
    )
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_chainhead SET entry_hash = %s", [rewritten])
    assert services.verify().ok  # the chain alone cannot tell
    report = services.verify(anchors=[anchor])
    assert not report.ok and "differs from its anchor" in report.breaks[0]
