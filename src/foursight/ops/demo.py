"""The demo force: generated records with known answers, one account per role, a plan.

Everything here is generated (foursight.synth); no real person's data is ever loaded.
"""

from __future__ import annotations

import json
import random
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from foursight.access.models import PartnerService, User
from foursight.access.roles import Role
from foursight.people.linking import do_link_all
from foursight.people.models import Person
from foursight.people.services import do_refer
from foursight.records.importing import Source
from foursight.records.models import CrimeRecord
from foursight.records.pipeline import import_link_and_screen
from foursight.triage.models import Outcome, ScreeningResult
from foursight.triage.screening import screen_records
from foursight.triage.services import do_record_triage

SERVICE_NAME = "Wessex Stalking Advocacy Service"
ACCOUNTS = [
    (Role.INVESTIGATOR, "investigator", "Priya", "Shah"),
    (Role.SUPERVISOR, "supervisor", "Tom", "Okafor"),
    (Role.SPOC, "spoc", "Megan", "Hughes"),
    (Role.DMM_CHAIR, "dmm-chair", "Daniel", "Kowalski"),
    (Role.REGISTRAR, "registrar", "Aisha", "Begum"),
    (Role.ANALYST, "analyst", "Owen", "Price"),
    (Role.AUDITOR, "auditor", "Grace", "Mensah"),
    (Role.PARTNER_ADVOCATE, "advocate", "Sian", "Evans"),
    (Role.ADMINISTRATOR, "admin", "Liam", "Murphy"),
]


@dataclass
class DemoAccount:
    username: str
    password: str
    role: str


def accounts() -> list[DemoAccount]:
    """Create or refresh one account per role, each with a new random password."""
    service, _ = PartnerService.objects.get_or_create(name=SERVICE_NAME, defaults={"kind": "isac"})
    oic = (
        CrimeRecord.objects.exclude(officer_in_charge="")
        .values_list("officer_in_charge", flat=True)
        .order_by("officer_in_charge")
        .first()
        or ""
    )
    made = []
    for role, username, first, last in ACCOUNTS:
        partner = service if role == Role.PARTNER_ADVOCATE else None
        user, _ = User.objects.get_or_create(
            username=username, defaults={"role": role, "partner_service": partner}
        )
        user.role, user.first_name, user.last_name = role, first, last
        user.partner_service = partner
        user.staff_id = oic if role == Role.INVESTIGATOR else ""
        user.is_staff = role == Role.ADMINISTRATOR
        password = "-".join(secrets.token_hex(3) for _ in range(3))
        user.set_password(password)
        user.save()
        made.append(DemoAccount(username, password, Role(role).label))
    return made


def load(records: int, seed: int, work_dir: Path, progress: Any = None) -> dict[str, Any]:
    """Generate and import the demo force, link, screen, and add the demo casework."""
    from foursight.synth import generate

    system = User.objects.get(username="system")
    summary = generate(records, seed, work_dir, force=settings.FORCE_NAME)
    with (
        (work_dir / "crimes.jsonl").open("rb") as crimes,
        (work_dir / "orders.jsonl").open("rb") as orders,
    ):
        outcome = import_link_and_screen(
            system,
            Source("crimes.jsonl", crimes),
            Source("orders.jsonl", orders),
            progress=progress,
            screen=False,
        )
    if outcome.linkage is None:
        do_link_all(system)
    screen_records(system)
    supervisor = User.objects.get(username="supervisor")
    _restrict_some(seed)
    _review_some(supervisor, work_dir / "truth.jsonl", seed)
    _refer_some(User.objects.get(username="spoc"), seed)
    try:
        from foursight.plans.demo import load_demo_plan
    except ImportError:  # pragma: no cover - the plans app is always installed
        pass
    else:
        load_demo_plan(User.objects.get(username="admin"))
    return summary


def _restrict_some(seed: int) -> None:
    """A few records are restricted (e.g. a victim who is a serving officer), named to the OIC."""
    rng = random.Random(seed)
    ids = list(CrimeRecord.objects.order_by("pk").values_list("pk", flat=True))
    investigator = User.objects.get(username="investigator")
    for pk in rng.sample(ids, max(1, len(ids) // 100)):
        record = CrimeRecord.objects.get(pk=pk)
        record.restricted = True
        record.save(update_fields=["restricted"])
        if rng.random() < 0.5:
            record.named_staff.add(investigator)


def _review_some(reviewer: User, truth_path: Path, seed: int) -> None:
    """Record outcomes on about a third of the indications, as a reviewer would have decided."""
    stalking = {}
    with truth_path.open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if item.get("type") == "record":
                stalking[item["crime_ref"]] = bool(item.get("stalking"))
    rng = random.Random(seed)
    indicated = list(
        ScreeningResult.objects.filter(indicated=True).select_related("record").order_by("pk")
    )
    for result in rng.sample(indicated, len(indicated) // 3):
        record = result.record
        if stalking.get(record.crime_ref):
            outcome = Outcome.INCLUDED_8Q if rng.random() < 0.6 else Outcome.RECLASSIFIED
            note = "Course of conduct against one victim; FOUR present. Demo review."
        else:
            outcome = Outcome.HARASSMENT_ONLY if rng.random() < 0.5 else Outcome.FALSE_INDICATION
            note = "Issue-based dispute, no fixation on the victim. Demo review."
        do_record_triage(reviewer, record, outcome, note)


def _refer_some(spoc: User, seed: int) -> None:
    """Refer some victims of indicated records to the advocacy service, with consent."""
    service = PartnerService.objects.get(name=SERVICE_NAME)
    rng = random.Random(seed)
    victims = list(
        Person.objects.filter(mentions__role="victim", mentions__record__screening__indicated=True)
        .distinct()
        .order_by("pk")
    )
    for person in rng.sample(victims, min(len(victims), 25)):
        with transaction.atomic():
            do_refer(
                spoc, person, service, True, "Mobile, weekdays after 6pm. Do not leave voicemail."
            )
