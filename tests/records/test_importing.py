import io
import json
from unittest import mock

import pytest

from foursight.audit.models import AuditEntry
from foursight.people.models import PersonMention
from foursight.records.importing import Source, do_import
from foursight.records.models import (
    BreachLink,
    CrimeRecord,
    ImportBatch,
    RecordLabel,
    RecordVersion,
)

pytestmark = pytest.mark.django_db

AMY = {"role": "victim", "forename": "Amy", "surname": "Example", "dob": "1990-02-01"}
BEN = {"role": "suspect", "forename": "Ben", "surname": "Sample", "phone": "07700900123"}
CRIME = {
    "crime_ref": "GL/00012345/25",
    "recorded_at": "2025-03-04T10:15:00",
    "classification": "8L",
    "included_classifications": [],
    "flags": ["domestic_abuse"],
    "relationship": "ex_partner",
    "narrative": "IP reports ex has been sending txt msgs every night since they split in Jan.",
    "people": [AMY, BEN],
    "order_refs": ["SPO/2025/0007"],
}
ORDER = {
    "order_ref": "SPO/2025/0007",
    "type": "spo",
    "subject": {"forename": "Ben", "surname": "Sample", "dob": "1988-07-12"},
    "protected": [{"forename": "Amy", "surname": "Example"}],
    "made_on": "2025-05-01",
    "expires_on": "2027-05-01",
    "conditions": ["not to contact Amy Example directly or indirectly"],
}


def jsonl(*items: object) -> Source:
    body = b"\n".join(i if isinstance(i, bytes) else json.dumps(i).encode() for i in items) + b"\n"
    return Source("test.jsonl", io.BytesIO(body))


def test_import_keeps_good_lines_and_reports_bad_ones(registrar):
    result = do_import(
        registrar,
        jsonl(
            CRIME,
            b"{oops",
            {**CRIME, "crime_ref": "X2", "recorded_at": "2025-02-30"},
            {**CRIME, "crime_ref": "X3", "flags": ["made_up_flag"], "classification": "ZZ9"},
        ),
        jsonl(ORDER),
    )
    assert result.crimes.read == 4 and result.crimes.imported == 2 and result.crimes.rejected == 2
    assert [(i.line, i.kind) for i in result.rejects] == [(2, "reject"), (3, "reject")]
    warnings = [i.reason for i in result.warnings]
    assert any("ZZ9" in w for w in warnings) and any("made_up_flag" in w for w in warnings)
    assert CrimeRecord.objects.filter(crime_ref="X3").exists()  # warned, but kept
    assert result.orders.imported == 1
    record = CrimeRecord.objects.get(crime_ref=CRIME["crime_ref"])
    assert record.force == "Wessex" and record.principal_class == "8L"
    assert PersonMention.objects.filter(record=record).count() == 2
    assert PersonMention.objects.filter(order__order_ref="SPO/2025/0007").count() == 2
    assert BreachLink.objects.get(record=record).order.order_ref == "SPO/2025/0007"
    assert ImportBatch.objects.get().status == "complete"
    operations = set(AuditEntry.objects.values_list("operation", "object_type"))
    assert ("collection", "crime_record") in operations and ("collection", "order") in operations


def test_reimport_changes_nothing_and_changed_record_keeps_its_earlier_version(registrar):
    do_import(registrar, jsonl(CRIME), jsonl(ORDER))
    again = do_import(registrar, jsonl(CRIME), jsonl(ORDER))
    assert again.crimes.unchanged == 1 and again.crimes.imported == again.crimes.updated == 0
    assert again.orders.unchanged == 1
    assert CrimeRecord.objects.get().version == 1
    changed = {
        **CRIME,
        "narrative": "Further txt msgs overnight.",
        "included_classifications": ["8Q"],
    }
    third = do_import(registrar, jsonl(changed))
    assert third.crimes.updated == 1
    record = CrimeRecord.objects.get()
    assert record.version == 2 and record.narrative == "Further txt msgs overnight."
    assert RecordVersion.objects.get(record=record).source["narrative"] == CRIME["narrative"]
    assert RecordLabel.objects.filter(record=record, kind="class", code="8Q").exists()
    alteration = AuditEntry.objects.filter(operation="alteration").get()
    assert set(alteration.fields) == {"narrative", "included_classifications"}


def test_a_failure_midway_leaves_the_database_as_it_was(registrar):
    do_import(registrar, jsonl(CRIME))
    before = (
        CrimeRecord.objects.count(),
        PersonMention.objects.count(),
        AuditEntry.objects.count(),
    )
    second = {**CRIME, "crime_ref": "NEW/1"}
    with (
        mock.patch(
            "foursight.records.importing._BatchWriter.finish", side_effect=RuntimeError("disk full")
        ),
        pytest.raises(RuntimeError),
    ):
        do_import(registrar, jsonl(second, {**CRIME, "narrative": "changed"}))
    after = (CrimeRecord.objects.count(), PersonMention.objects.count(), AuditEntry.objects.count())
    assert after == before
    assert CrimeRecord.objects.get().narrative == CRIME["narrative"]
    failed = ImportBatch.objects.order_by("-pk").first()
    assert failed.status == "failed" and "disk full" in failed.error


def test_staff_removal_survives_reimport(registrar, supervisor):
    from foursight.records.services import do_remove_label

    do_import(registrar, jsonl({**CRIME, "flags": ["domestic_abuse", "online"]}))
    record = CrimeRecord.objects.get()
    do_remove_label(supervisor, record, "flag", "online", "Not committed online: phone calls only")
    do_import(
        registrar, jsonl({**CRIME, "flags": ["domestic_abuse", "online"], "narrative": "new"})
    )
    active = set(record.labels.filter(removed=False).values_list("code", flat=True))
    assert active == {"domestic_abuse"}


def test_import_requires_the_right_role(investigator):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        do_import(investigator, jsonl(CRIME))
    assert not CrimeRecord.objects.exists()


def test_csv_import(registrar):
    body = (
        b"crime_ref,recorded_at,classification,included_classifications,flags,person1_role,person1_forename\n"
        b"CSV/1,2025-01-01,58A,8Q|8L,domestic_abuse,victim,Amy\n"
        b"CSV/2,2025-01-01,,,,,\n"
    )
    result = do_import(registrar, Source("x.csv", io.BytesIO(body), "csv"))
    assert result.crimes.imported == 1 and result.crimes.rejected == 1
    assert result.rejects[0].line == 3
    record = CrimeRecord.objects.get()
    assert set(record.labels.values_list("code", flat=True)) == {"8Q", "8L", "domestic_abuse"}
