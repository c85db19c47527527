from __future__ import annotations

from typing import Any, cast

from django import forms

from foursight.access.models import PartnerService

from .models import LinkDecision


class LinkDecisionForm(forms.Form):
    left = forms.TypedChoiceField(coerce=int, label="First mention")
    right = forms.TypedChoiceField(
        coerce=int,
        label="Second mention",
        help_text="To split a mention off this person, choose it here.",
    )
    decision = forms.ChoiceField(
        choices=LinkDecision.Decision.choices,
        widget=forms.RadioSelect,
        label="Are they the same person?",
    )
    reason = forms.CharField(
        widget=forms.Textarea,
        label="Reason",
        help_text="What you checked, for example the PNC record.",
    )

    def __init__(self, *args: Any, mentions: list[tuple[int, str]] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        for name in ("left", "right"):
            cast(forms.ChoiceField, self.fields[name]).choices = [
                ("", "Choose a mention"),
                *mentions,
            ]


class ReferralForm(forms.Form):
    service = forms.ModelChoiceField(queryset=PartnerService.objects.all(), label="Service")
    consent_recorded = forms.BooleanField(
        required=False, label="The victim consented to the referral"
    )
    safe_contact = forms.CharField(
        required=False,
        widget=forms.Textarea,
        label="Safe ways and times to make contact",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        service = self.fields["service"]
        assert isinstance(service, forms.ModelChoiceField)
        service.empty_label = "Choose a service"
