from __future__ import annotations

from typing import Any

from django import forms

from foursight.access.models import PartnerService

from .models import LinkDecision


class LinkDecisionForm(forms.Form):
    left = forms.IntegerField(widget=forms.HiddenInput)
    right = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        choices=LinkDecision.Decision.choices, widget=forms.RadioSelect, label="Decision"
    )
    reason = forms.CharField(
        widget=forms.Textarea,
        label="Reason",
        help_text="What you checked, for example the PNC record.",
    )


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
