"""A small force for the access, audit, API and records tests, built with the real services.

``build_world`` imports four crime records and an order (with one bad line), links the people,
screens the records, refers the victim to the partner service, and sets up an action plan with an
uploaded document and a publication. ``world_fixture`` builds it once per test module inside a
transaction that is rolled back when the module ends; each test runs in its own savepoint on top
(pytest-django's ``db``), so tests may change anything.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.test import override_settings

from foursight.access.roles import Role

ROLES = list(Role.values)


PASSWORD = "correct horse battery"

AMY = {
    "role": "victim",
    "person_ref": "N100",
    "forename": "Amy",
    "surname": "Example",
    "dob": "1990-02-01",
    "address": "1 Elm Street, Wessex",
    "postcode": "WX1 2AB",
    "phone": "07700900001",
}
BEN = {
    "role": "suspect",
    "person_ref": "N200",
    "forename": "Ben",
    "surname": "Sample",
    "dob": "1988-07-12",
    "phone": "07700900123",
}
CARL = {"role": "suspect", "person_ref": "N300", "forename": "Carl", "surname": "Hidden"}
DORA = {"role": "victim", "person_ref": "N400", "forename": "Dora", "surname": "Other"}
EVE = {"role": "suspect", "person_ref": "N500", "forename": "Eve", "surname": "Unrelated"}

# The ordinary record: principal 58A, 8Q included, on which the referred victim appears.
R1 = {
    "crime_ref": "WX/1001/25",
    "recorded_at": "2025-03-04T10:15:00",
    "classification": "58A",
    "included_classifications": ["8Q"],
    "flags": ["domestic_abuse"],
    "relationship": "ex_partner",
    "narrative": "Amy reports Ben has been sending messages every night since they split "
    "and smashed her kitchen window while parked outside her house on Monday.",
    "people": [AMY, BEN],
    "order_refs": ["SPO/2025/0007"],
    "officer_in_charge": "S900",
    "location": {"address": "1 Elm Street, Wessex", "postcode": "WX1 2AB"},
}
# Flagged stalking but no 8Q: the usage check lists it.
R2 = {
    "crime_ref": "WX/1002/25",
    "recorded_at": "2025-04-10T09:00:00",
    "classification": "8L",
    "flags": ["stalking"],
    "relationship": "ex_partner",
    "narrative": "Ben followed Amy to work again, waited outside her office every day this "
    "week and left flowers on her car with a note saying he is always watching her.",
    "people": [AMY, BEN],
    "officer_in_charge": "S900",
}
# Restricted: only supervisor, spoc, auditor and staff named on it (or its OIC S123) see it.
R3 = {
    "crime_ref": "WX/1003/25",
    "recorded_at": "2025-05-01T12:00:00",
    "classification": "8R",
    "relationship": "stranger",
    "narrative": "Covert enquiry: informant says Carl watches the victim's flat at night.",
    "people": [AMY, CARL],
    "officer_in_charge": "S123",
}
# Recorded as a Home Office offence code that counts as 8Q; its victim is not referred.
R4 = {
    "crime_ref": "WX/1004/25",
    "recorded_at": "2025-06-01T08:30:00",
    "classification": "195/12",
    "relationship": "neighbour",
    "narrative": "Dora was telephoned repeatedly by her neighbour Eve late at night.",
    "people": [DORA, EVE],
    "officer_in_charge": "S901",
}
ORDER = {
    "order_ref": "SPO/2025/0007",
    "type": "spo",
    "subject": {"person_ref": "N200", "forename": "Ben", "surname": "Sample", "dob": "1988-07-12"},
    "protected": [{"person_ref": "N100", "forename": "Amy", "surname": "Example"}],
    "made_on": "2025-02-01",
    "expires_on": "2027-02-01",
    "conditions": ["not to contact Amy Example directly or indirectly"],
}
BAD_LINE = b'{"crime_ref": "WX/BAD/25", oops'

PLAN_CSV = (
    "Recommendation number,Evidence requirement of progress or completion,Recommendation owner,"
    "Force update,Date,Status,Supporting documents,Recommendation title,Recommendation text,"
    "Recommendation due date,Due date,Live measures\r\n"
    '7,"7.1 Put processes in place so the capability is used.",Force Crime Registrar,'
    "Guidance issued.,2025-03-27,In progress,,Included classifications,"
    '"Seek RMS changes so included classifications can be recorded.",2025-03-27,,usage_gap\r\n'
)


def jsonl(name: str, *items: Any) -> Any:
    from foursight.records.importing import Source

    lines = [i if isinstance(i, bytes) else json.dumps(i).encode() for i in items]
    return Source(name, io.BytesIO(b"\n".join(lines) + b"\n"))


@dataclass
class World:
    """What the tests need to find again. Objects are fetched afresh: a test may change them."""

    users: dict[str, Any]
    service: Any
    record_ids: dict[str, int]  # by crime_ref
    person_ids: dict[str, int]  # amy, ben, carl, dora, eve
    referral_id: int
    batch_id: int
    series_id: str
    plan_ids: dict[str, int] = field(default_factory=dict)

    def record(self, crime_ref: str) -> Any:
        from foursight.records.models import CrimeRecord

        return CrimeRecord.objects.get(pk=self.record_ids[crime_ref])

    def person(self, name: str) -> Any:
        from foursight.people.models import Person

        return Person.objects.get(pk=self.person_ids[name])

    @property
    def r1(self) -> Any:
        return self.record(R1["crime_ref"])

    @property
    def restricted(self) -> Any:
        return self.record(R3["crime_ref"])


def make_users(service: Any) -> dict[str, Any]:
    from foursight.access.models import User

    return {
        role: User.objects.create_user(
            username=f"{role}-user",
            password=PASSWORD,
            role=role,
            partner_service=service if role == "partner_advocate" else None,
        )
        for role in ROLES
    }


def build_world(*, with_plan: bool = True) -> World:
    from foursight.access.models import PartnerService
    from foursight.people.models import PersonMention
    from foursight.people.services import do_refer
    from foursight.records.models import CrimeRecord
    from foursight.records.pipeline import import_link_and_screen
    from foursight.triage.models import ScreeningResult

    service = PartnerService.objects.get_or_create(name="Wessex Stalking Advocacy", kind="isac")[0]
    users = make_users(service)
    outcome = import_link_and_screen(
        users["registrar"],
        jsonl("crimes.jsonl", R1, R2, BAD_LINE, R3, R4),
        jsonl("orders.jsonl", ORDER),
    )
    CrimeRecord.objects.filter(crime_ref=R3["crime_ref"]).update(restricted=True)
    records = {r.crime_ref: r for r in CrimeRecord.objects.all()}

    def person(ref: str) -> Any:
        mention = PersonMention.objects.filter(person_ref=ref).select_related("person").first()
        assert mention is not None and mention.person is not None, f"{ref} was not linked"
        return mention.person

    persons = {
        name: person(ref)
        for name, ref in [
            ("amy", "N100"),
            ("ben", "N200"),
            ("carl", "N300"),
            ("dora", "N400"),
            ("eve", "N500"),
        ]
    }
    referral = do_refer(users["investigator"], persons["amy"], service, True, "Mobile after 6pm")
    series = (
        ScreeningResult.objects.exclude(series_id="")
        .filter(record__crime_ref=R1["crime_ref"])
        .values_list("series_id", flat=True)
        .first()
    )
    assert series, "the screening engine found no series for Amy and Ben"
    world = World(
        users=users,
        service=service,
        record_ids={ref: r.pk for ref, r in records.items()},
        person_ids={name: p.pk for name, p in persons.items()},
        referral_id=referral.pk,
        batch_id=outcome.imported.batch.pk,
        series_id=series,
    )
    if with_plan:
        _add_plan(world)
    return world


def _add_plan(world: World) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from foursight.plans.models import SubPoint
    from foursight.plans.services import RowEdit, do_import_plan, do_publish, do_update_row

    admin = world.users["administrator"]
    plan = do_import_plan(admin, PLAN_CSV, "plan.csv").plan
    row = SubPoint.objects.get(recommendation__plan=plan, number="7.1")
    upload = SimpleUploadedFile("usage-audit.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    do_update_row(
        admin,
        row,
        RowEdit(
            status="in_progress",
            update_text="Usage is checked every month.",
            owner="Force Crime Registrar",
            due_date=None,
            as_at=date.today(),
            reason="Monthly check",
            upload=upload,
            upload_title="Usage audit",
        ),
    )
    document = row.documents.exclude(file="").get()
    publication = do_publish(admin, plan)
    world.plan_ids = {
        "plan": plan.pk,
        "subpoint": row.pk,
        "document": document.pk,
        "publication": publication.pk,
    }


def world_fixture(
    django_db_setup: Any, django_db_blocker: Any, tmp_path_factory: Any
) -> Iterator[World]:
    """Build the world once for a module, in a transaction rolled back at the module's end."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
