from __future__ import annotations

from django import forms

from .models import Operation
from .search import AuditQuery

DATE_WIDGET = forms.DateInput(attrs={"type": "date", "data-width": "govuk-input--width-10"})


class AuditSearchForm(forms.Form):
    actor = forms.CharField(required=False, label="Username", max_length=150)
    operation = forms.ChoiceField(
        required=False, label="Operation", choices=[("", "Any operation"), *Operation.choices]
    )
    object_type = forms.CharField(
        required=False, label="What was touched", help_text="For example crime_record or person."
    )
    reference = forms.CharField(
        required=False, label="Reference", help_text="A crime reference or person pseudonym."
    )
    date_from = forms.DateField(required=False, label="From", widget=DATE_WIDGET)
    date_to = forms.DateField(required=False, label="To", widget=DATE_WIDGET)

    def query(self) -> AuditQuery:
        fields = AuditQuery.__dataclass_fields__
        return AuditQuery(
            **{k: v for k, v in self.cleaned_data.items() if k in fields and v not in (None, "")}
        )


class AuditExportForm(AuditSearchForm):
    recipient = forms.CharField(
        label="Who is this export for?",
        max_length=200,
        help_text="For example: the Information Commissioner's Office. It is logged.",
    )
