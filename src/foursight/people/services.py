"""Referrals of victims to partner services, and audited reads of people."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from foursight.access.models import PartnerService
from foursight.access.policy import Action, require
from foursight.audit import services as audit
from foursight.audit.models import Operation

from .models import Person, Referral


def view_person(actor: Any, person: Person, fields: list[str]) -> None:
    require(actor, Action.VIEW_PERSON, person)
    audit.consulted(actor, "person", [person.pseudonym], fields=fields)


def do_refer(
    actor: Any, person: Person, service: PartnerService, consent: bool, safe_contact: str
) -> Referral:
    """Refer a victim to a partner service: a disclosure to that service, so it is logged."""
    require(actor, Action.MANAGE_REFERRALS, person)
    if not consent:
        raise ValidationError("Record the victim's consent before referring them")
    with transaction.atomic():
        if Referral.objects.filter(
            person=person, service=service, withdrawn_at__isnull=True
        ).exists():
            raise ValidationError(f"Already referred to {service}")
        referral = Referral.objects.create(
            person=person,
            service=service,
            referred_by=actor,
            consent_recorded=consent,
            safe_contact=safe_contact.strip(),
        )
        audit.log(
            actor,
            Operation.DISCLOSURE,
            "person",
            [person.pseudonym],
            fields=["name", "contact", "records"],
            recipient=service.name,
        )
    return referral


def do_withdraw_referral(actor: Any, referral: Referral, reason: str) -> None:
    require(actor, Action.MANAGE_REFERRALS, referral.person)
    with transaction.atomic():
        referral.withdrawn_at = timezone.now()
        referral.save(update_fields=["withdrawn_at"])
        audit.log(
            actor,
            Operation.ALTERATION,
            "referral",
            [referral.pk],
            fields=["withdrawn_at"],
            reason=reason,
            recipient=referral.service.name,
        )
