from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from .figures import measure_choices
from .models import PeriodRule, Status, SubPoint


class Radios(forms.RadioSelect):
    """govuk/field.html gives the first option the field's own id, as GOV.UK Frontend does.
    Django's RadioSelect reports no id for the group, which left that option unlabelled."""

    def id_for_label(self, id_: str, index: str | None = None) -> str:
        return id_


DATE_WIDGET = forms.DateInput(
    attrs={"type": "date", "data-width": "govuk-input--width-10"}, format="%Y-%m-%d"
)


class RowEditForm(forms.Form):
    status = forms.ChoiceField(
        choices=Status.choices,
        widget=Radios,
        label="Status",
        error_messages={"required": "Choose a status"},
    )
    as_at = forms.DateField(
        label="Date of this update",
        help_text="The return this update belongs to. It cannot be in the future.",
        widget=DATE_WIDGET,
        error_messages={
            "required": "Enter the date of this update",
            "invalid": "Enter a real date",
        },
    )
    update_text = forms.CharField(
        required=False,
        label="Force update",
        help_text="What has been done and what is left, in plain words. It is published.",
        widget=forms.Textarea,
    )
    owner = forms.CharField(
        max_length=200,
        required=False,
        label="Owner",
        help_text="A role title, for example Detective Superintendent, Public Protection.",
    )
    due_date = forms.DateField(
        required=False,
        label="Due date",
        help_text="Leave empty to use the recommendation's due date.",
        widget=DATE_WIDGET,
    )
    evidence_url = forms.URLField(
        required=False,
        max_length=1000,
        assume_scheme="https",
        label="Link to evidence (optional)",
        help_text="A web address, for example the published policy or training plan.",
    )
    evidence_file = forms.FileField(
        required=False,
        label="Upload evidence (optional)",
        help_text="A document, spreadsheet, presentation or image, up to 10 MB. Not published.",
    )
    evidence_title = forms.CharField(
        max_length=300,
        required=False,
        label="Title of the evidence (optional)",
        help_text="For example: Stalking training needs analysis, March 2025.",
    )
    measures = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Live measures that evidence this row",
        help_text="Their figures are computed from Foursight's data and shown beside the row.",
    )
    period_rule = forms.ChoiceField(
        choices=PeriodRule.choices, label="Period for the figures", required=True
    )
    reason = forms.CharField(
        label="Why are you making this change?",
        help_text="Kept in the row's history and the audit log; not published.",
        widget=forms.Textarea,
        error_messages={"required": "Say why you are making this change"},
    )

    def __init__(self, *args: Any, subpoint: SubPoint, **kwargs: Any) -> None:
        links = list(subpoint.measure_links.all())
        kwargs.setdefault(
            "initial",
            {
                "status": subpoint.status,
                # ISO strings: govuk/field.html prints the value as it is into a date input.
                "as_at": timezone.localdate().isoformat(),
                "update_text": subpoint.update_text,
                "owner": subpoint.owner,
                "due_date": subpoint.due_date.isoformat() if subpoint.due_date else "",
                "measures": [link.measure_key for link in links],
                "period_rule": links[0].period_rule if links else PeriodRule.LAST_12_MONTHS,
            },
        )
        super().__init__(*args, **kwargs)
        choices = measure_choices()
        known = {key for key, _ in choices}
        choices += [
            (link.measure_key, f"{link.measure_key} (not available in this version)")
            for link in links
            if link.measure_key not in known
        ]
        self.fields["measures"].choices = choices  # type: ignore[attr-defined]


class PublishForm(forms.Form):
    confirm = forms.BooleanField(
        label="I have checked the plan and it can be published",
        error_messages={"required": "Confirm that the plan can be published"},
    )


class AsAtForm(forms.Form):
    date = forms.DateField(label="Show the plan as at", widget=DATE_WIDGET)

    def clean_date(self) -> Any:
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise forms.ValidationError("The date must be today or in the past")
        return value
