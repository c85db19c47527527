"""Who may do what: the one place views, the API and commands ask.

Two layers:
* ``ALLOWED``: which roles may perform each action at all;
* object rules: a restricted record is visible only to staff named on it and to roles cleared for
  restricted records; a partner advocate sees only the victims referred to their service; an
  analyst sees people pseudonymised.

docs/access-control.md holds the same rules as a table per URL, and a test walks every URL as
every role against that table.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet

from .roles import Role

if TYPE_CHECKING:
    from foursight.access.models import User


class Action(StrEnum):
    SEARCH_RECORDS = "search_records"
    VIEW_RECORD = "view_record"
    EXPORT_RECORDS = "export_records"
    EDIT_LABELS = "edit_labels"
    IMPORT_RECORDS = "import_records"
    VIEW_IMPORTS = "view_imports"
    VIEW_USAGE_REPORT = "view_usage_report"
    VIEW_PERSON = "view_person"
    DECIDE_LINK = "decide_link"
    RUN_LINKAGE = "run_linkage"
    VIEW_TRIAGE = "view_triage"
    DECIDE_TRIAGE = "decide_triage"
    RUN_SCREENING = "run_screening"
    VIEW_MEASURES = "view_measures"
    VIEW_PLAN = "view_plan"
    EDIT_PLAN = "edit_plan"
    PUBLISH_PLAN = "publish_plan"
    VIEW_AUDIT = "view_audit"
    EXPORT_AUDIT = "export_audit"
    REVIEW_RETENTION = "review_retention"
    ERASE_RECORD = "erase_record"
    VIEW_RESTRICTED = "view_restricted"
    VIEW_IDENTIFIED = "view_identified"
    VIEW_REFERRALS = "view_referrals"
    MANAGE_REFERRALS = "manage_referrals"
    MANAGE_USERS = "manage_users"
    MANAGE_REFERENCE_DATA = "manage_reference_data"


R = Role
_CASEWORK = {R.INVESTIGATOR, R.SUPERVISOR, R.SPOC, R.DMM_CHAIR, R.REGISTRAR}
_STAFF = _CASEWORK | {R.ANALYST, R.AUDITOR, R.ADMINISTRATOR}

ALLOWED: dict[Action, frozenset[Role]] = {
    Action.SEARCH_RECORDS: frozenset(_CASEWORK | {R.ANALYST, R.AUDITOR}),
    Action.VIEW_RECORD: frozenset(_CASEWORK | {R.ANALYST, R.AUDITOR, R.PARTNER_ADVOCATE}),
    Action.EXPORT_RECORDS: frozenset({R.SUPERVISOR, R.SPOC, R.REGISTRAR, R.ANALYST}),
    Action.EDIT_LABELS: frozenset({R.INVESTIGATOR, R.SUPERVISOR, R.SPOC, R.REGISTRAR}),
    Action.IMPORT_RECORDS: frozenset({R.REGISTRAR, R.ADMINISTRATOR}),
    Action.VIEW_IMPORTS: frozenset({R.REGISTRAR, R.ADMINISTRATOR, R.SUPERVISOR}),
    Action.VIEW_USAGE_REPORT: frozenset({R.REGISTRAR, R.SUPERVISOR, R.SPOC, R.ANALYST, R.AUDITOR}),
    Action.VIEW_PERSON: frozenset(_CASEWORK | {R.ANALYST, R.AUDITOR, R.PARTNER_ADVOCATE}),
    Action.DECIDE_LINK: frozenset({R.SUPERVISOR, R.SPOC, R.REGISTRAR}),
    Action.RUN_LINKAGE: frozenset({R.REGISTRAR, R.ADMINISTRATOR}),
    Action.VIEW_TRIAGE: frozenset({R.SUPERVISOR, R.SPOC, R.DMM_CHAIR, R.REGISTRAR, R.INVESTIGATOR}),
    Action.DECIDE_TRIAGE: frozenset({R.SUPERVISOR, R.SPOC, R.REGISTRAR}),
    Action.RUN_SCREENING: frozenset({R.REGISTRAR, R.ADMINISTRATOR}),
    Action.VIEW_MEASURES: frozenset(_STAFF),
    Action.VIEW_PLAN: frozenset(_STAFF),
    Action.EDIT_PLAN: frozenset({R.SUPERVISOR, R.ADMINISTRATOR}),
    Action.PUBLISH_PLAN: frozenset({R.SUPERVISOR, R.ADMINISTRATOR}),
    Action.VIEW_AUDIT: frozenset({R.AUDITOR}),
    Action.EXPORT_AUDIT: frozenset({R.AUDITOR}),
    Action.REVIEW_RETENTION: frozenset({R.SUPERVISOR, R.REGISTRAR}),
    Action.ERASE_RECORD: frozenset({R.SUPERVISOR}),
    Action.VIEW_RESTRICTED: frozenset({R.SUPERVISOR, R.SPOC, R.AUDITOR}),
    Action.VIEW_IDENTIFIED: frozenset(_CASEWORK | {R.AUDITOR, R.PARTNER_ADVOCATE}),
    Action.VIEW_REFERRALS: frozenset({R.PARTNER_ADVOCATE, R.SPOC, R.SUPERVISOR, R.INVESTIGATOR}),
    Action.MANAGE_REFERRALS: frozenset({R.SPOC, R.SUPERVISOR, R.INVESTIGATOR}),
    Action.MANAGE_USERS: frozenset({R.ADMINISTRATOR}),
    Action.MANAGE_REFERENCE_DATA: frozenset({R.ADMINISTRATOR, R.REGISTRAR}),
}


def role_of(user: Any) -> Role | None:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    role = getattr(user, "role", None)
    return Role(role) if role in Role.values else None


def can(user: Any, action: Action, obj: Any = None) -> bool:
    role = role_of(user)
    if role is None or role not in ALLOWED[action]:
        return False
    if obj is None:
        return True
    check = _OBJECT_RULES.get(type(obj).__name__)
    return check(user, role, obj) if check else True


def require(user: Any, action: Action, obj: Any = None) -> None:
    if not can(user, action, obj):
        raise PermissionDenied(f"{action.value} is not allowed for this account")


def pseudonymised(user: Any) -> bool:
    """Whether people must be shown to this user as pseudonyms (analysts)."""
    return not can(user, Action.VIEW_IDENTIFIED)


# --- object rules ---------------------------------------------------------------------------


def visible_records(user: Any, records: QuerySet[Any]) -> QuerySet[Any]:
    """Restrict a CrimeRecord queryset to what this user may see."""
    role = role_of(user)
    if role is None:
        return records.none()
    if role == Role.PARTNER_ADVOCATE:
        return records.filter(_referred_victim_on_record(user))
    if role in ALLOWED[Action.VIEW_RESTRICTED]:
        return records
    return records.filter(Q(restricted=False) | _named_on_record(user))


def visible_people(user: Any, people: QuerySet[Any]) -> QuerySet[Any]:
    role = role_of(user)
    if role is None:
        return people.none()
    if role == Role.PARTNER_ADVOCATE:
        return people.filter(
            referrals__service_id=user.partner_service_id, referrals__withdrawn_at__isnull=True
        ).distinct()
    if role in ALLOWED[Action.VIEW_RESTRICTED]:
        return people
    # Someone known only from restricted records is as restricted as those records.
    return people.filter(Exists(_mention_seen_by(user)))


def _mention_seen_by(user: User) -> QuerySet[Any]:
    from foursight.people.models import PersonMention
    from foursight.records.models import CrimeRecord

    records = visible_records(user, CrimeRecord.objects.all())
    return PersonMention.objects.filter(person=OuterRef("pk")).filter(
        Q(order__isnull=False) | Q(record__in=records)
    )


def _named_on_record(user: User) -> Q:
    named = Q(named_staff=user)
    if user.staff_id:
        named |= Q(officer_in_charge__iexact=user.staff_id)
    return named


def _referred_victim_on_record(user: User) -> Q:
    from foursight.people.models import PersonMention

    referred = PersonMention.objects.filter(
        record=OuterRef("pk"),
        role="victim",
        person__referrals__service_id=user.partner_service_id,
        person__referrals__withdrawn_at__isnull=True,
    )
    return Q(Exists(referred)) & Q(restricted=False)


def _record_rule(user: User, role: Role, record: Any) -> bool:
    from foursight.records.models import CrimeRecord

    return visible_records(user, CrimeRecord.objects.filter(pk=record.pk)).exists()


def _person_rule(user: User, role: Role, person: Any) -> bool:
    from foursight.people.models import Person

    return visible_people(user, Person.objects.filter(pk=person.pk)).exists()


_OBJECT_RULES = {"CrimeRecord": _record_rule, "Person": _person_rule}
