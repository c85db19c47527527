from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from foursight.access.policy import (
    Action,
    can,
    pseudonymised,
    require,
    visible_people,
    visible_records,
)
from foursight.audit import services as audit
from foursight.records.models import CrimeRecord

from .display import explaining_links, mention_label, people_rows
from .forms import LinkDecisionForm, ReferralForm
from .linking import do_link_decision
from .models import LinkDecision, Person, PersonLink, PersonMention, Referral
from .services import do_refer, do_withdraw_referral, view_person


def person(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Person, pk=pk)
    hidden = pseudonymised(request.user)
    view_person(request.user, found, ["name", "dob", "address", "contact", "records", "links"])
    mentions = list(found.mentions.select_related("record", "order", "person").order_by("pk"))
    visible_ids = set(
        visible_records(request.user, CrimeRecord.objects.filter(people__person=found)).values_list(
            "pk", flat=True
        )
    )
    shown = [m for m in mentions if m.order_id or m.record_id in visible_ids]
    withheld = len([m for m in mentions if m.record_id and m.record_id not in visible_ids])
    ids = [m.pk for m in shown]
    links = explaining_links(PersonLink.objects.filter(left_id__in=ids, right_id__in=ids), ids)
    decisions = LinkDecision.objects.filter(
        Q(left_id__in=ids) | Q(right_id__in=ids)
    ).select_related("decided_by")
    rows = people_rows(shown, hidden)
    by_pk = {row["mention"].pk: row for row in rows}
    return render(
        request,
        "people/person.html",
        {
            "person": found,
            "rows": rows,
            "links": [(link, by_pk.get(link.left_id), by_pk.get(link.right_id)) for link in links],
            "decisions": decisions,
            "withheld": withheld,
            "pseudonymised": hidden,
            "decision_form": LinkDecisionForm(
                mentions=[(r["mention"].pk, mention_label(r["mention"], r["name"])) for r in rows]
            ),
            "referral_form": ReferralForm(),
            "referrals": _referrals_shown(request, found),
            "can_refer": can(request.user, Action.MANAGE_REFERRALS),
        },
    )


def _referrals_shown(request: HttpRequest, person: Person) -> Any:
    """A partner advocate sees their own service's referrals, not other services'."""
    referrals = person.referrals.select_related("service")
    service_id = getattr(request.user, "partner_service_id", None)
    if getattr(request.user, "role", "") == "partner_advocate":
        referrals = referrals.filter(service_id=service_id)
    return referrals


@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Person, pk=pk)
    require(request.user, Action.DECIDE_LINK)
    # The two mentions must belong to the person whose page the decision was made on.
    mentions = PersonMention.objects.filter(person=found)
    form = LinkDecisionForm(request.POST, mentions=[(m.pk, str(m.pk)) for m in mentions])
    if form.is_valid():
        left = get_object_or_404(mentions, pk=form.cleaned_data["left"])
        right = get_object_or_404(mentions, pk=form.cleaned_data["right"])
        try:
            do_link_decision(
                request.user,
                left,
                right,
                form.cleaned_data["decision"],
                form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(
                request, "Your decision was recorded and will be kept by later linkage runs."
            )
            target = PersonMention.objects.get(pk=left.pk).person_id or found.pk
            return redirect("people:person", pk=target)
    else:
        messages.error(request, "Choose a decision and give a reason.")
    return redirect("people:person", pk=found.pk)


def flagged(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.DECIDE_LINK)
    flagged_people = visible_people(request.user, Person.objects.filter(flagged=True))
    people = Paginator(flagged_people.order_by("pk"), 25).get_page(request.GET.get("page"))
    audit.consulted(
        request.user, "person", [p.pseudonym for p in people.object_list], fields=["name"]
    )
    return render(request, "people/flagged.html", {"page": people})


def referrals(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.VIEW_REFERRALS)
    people = visible_people(request.user, Person.objects.filter(referrals__isnull=False)).distinct()
    active = Referral.objects.filter(person__in=people, withdrawn_at__isnull=True).select_related(
        "person", "service", "referred_by"
    )
    if request.user.role == "partner_advocate":  # type: ignore[union-attr]
        active = active.filter(service_id=request.user.partner_service_id)  # type: ignore[union-attr]
    page = Paginator(active.order_by("-referred_at"), 25).get_page(request.GET.get("page"))
    audit.consulted(
        request.user,
        "person",
        [r.person.pseudonym for r in page.object_list],
        fields=["name", "safe_contact"],
        recipient=getattr(request.user.partner_service, "name", ""),  # type: ignore[union-attr]
    )
    return render(request, "people/referrals.html", {"page": page})


@require_POST
def refer(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Person, pk=pk)
    require(request.user, Action.MANAGE_REFERRALS, found)
    form = ReferralForm(request.POST)
    if form.is_valid():
        try:
            do_refer(
                request.user,
                found,
                form.cleaned_data["service"],
                form.cleaned_data["consent_recorded"],
                form.cleaned_data["safe_contact"],
            )
        except ValidationError as exc:
            messages.error(request, exc.messages[0])
        else:
            messages.success(request, f"Referred to {form.cleaned_data['service']}.")
    else:
        messages.error(request, "Choose a service.")
    return redirect("people:person", pk=found.pk)


@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    referral = get_object_or_404(Referral, pk=pk, withdrawn_at__isnull=True)
    do_withdraw_referral(request.user, referral, request.POST.get("reason", ""))
    messages.success(request, "The referral was withdrawn.")
    return redirect("people:person", pk=referral.person_id)
