from __future__ import annotations

from typing import Any, cast

from django import forms

from .models import CrimeFlag, LabelKind, OffenceClass, RetentionReview
from .search import SORTS, SearchParams

DATE_WIDGET = forms.DateInput(attrs={"type": "date", "data-width": "govuk-input--width-10"})


def class_choices() -> list[tuple[str, str]]:
    return [("", "Any classification")] + [
        (c.code, f"{c.code} {c.name}") for c in OffenceClass.objects.all()
    ]


def flag_choices() -> list[tuple[str, str]]:
    return [("", "Any flag")] + [(f.code, f.name) for f in CrimeFlag.objects.all()]


class SearchForm(forms.Form):
    classification = forms.ChoiceField(
        required=False,
        label="Classification",
        help_text="Finds records with this class as the principal or an included classification.",
    )
    flag = forms.ChoiceField(required=False, label="Flag")
    person = forms.CharField(
        required=False,
        max_length=200,
        label="Person's name",
        help_text="Spelling need not be exact; forename and surname in any order.",
    )
    date_from = forms.DateField(required=False, label="Recorded on or after", widget=DATE_WIDGET)
    date_to = forms.DateField(required=False, label="Recorded on or before", widget=DATE_WIDGET)
    text = forms.CharField(
        required=False,
        max_length=500,
        label="Words in the narrative",
        help_text='All the words must appear. Use quotes for a phrase: "parked outside".',
    )
    sort = forms.ChoiceField(
        required=False,
        label="Sort by",
        choices=[
            ("-recorded", "Newest first"),
            ("recorded", "Oldest first"),
            ("ref", "Reference A to Z"),
            ("-ref", "Reference Z to A"),
            ("class", "Classification"),
        ],
    )

    def __init__(self, *args: Any, identified: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not identified:
            # Pseudonymised users (analysts) must not learn whether a named person, or a phrase
            # from a narrative they cannot read, appears in the records.
            del self.fields["person"]
            del self.fields["text"]
        cast(forms.ChoiceField, self.fields["classification"]).choices = class_choices()
        cast(forms.ChoiceField, self.fields["flag"]).choices = flag_choices()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date must be the same as or after the start date")
        return data

    def params(self) -> SearchParams:
        data = self.cleaned_data
        return SearchParams(
            classification=data.get("classification") or "",
            flag=data.get("flag") or "",
            person=(data.get("person") or "").strip(),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            text=(data.get("text") or "").strip(),
            sort=str(data["sort"]) if data.get("sort") in SORTS else "-recorded",
        )


class ExportForm(forms.Form):
    recipient = forms.CharField(
        max_length=200,
        label="Who is this export for?",
        help_text="The person or organisation the data goes to. It is logged as a disclosure.",
    )


class LabelForm(forms.Form):
    kind = forms.ChoiceField(choices=LabelKind.choices, widget=forms.RadioSelect, label="Add")
    code = forms.CharField(
        max_length=40,
        label="Class, offence code or flag",
        help_text="For example 8Q, 195/12 or stalking.",
        widget=forms.TextInput(attrs={"data-width": "govuk-input--width-10"}),
    )
    reason = forms.CharField(label="Why are you adding it?", widget=forms.Textarea)


class RemoveLabelForm(forms.Form):
    reason = forms.CharField(label="Why are you removing it?", widget=forms.Textarea)


class UploadForm(forms.Form):
    crimes = forms.FileField(
        required=False,
        label="Crime records file",
        help_text="JSON Lines (.jsonl) or CSV (.csv) in the Foursight exchange format.",
    )
    orders = forms.FileField(required=False, label="Protective orders file (optional)")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("crimes") and not data.get("orders"):
            raise forms.ValidationError("Choose a crime records file or a protective orders file")
        return data


class RetentionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=RetentionReview.Decision.choices, widget=forms.RadioSelect, label="Decision"
    )
    next_review_date = forms.DateField(
        required=False, label="Next review date (if retained)", widget=DATE_WIDGET
    )
    reason = forms.CharField(label="Reason for the decision", widget=forms.Textarea)

    def __init__(self, *args: Any, may_erase: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not may_erase:
            # Only supervisors may erase; others record a decision to retain.
            cast(forms.ChoiceField, self.fields["decision"]).choices = [
                (RetentionReview.Decision.RETAIN, RetentionReview.Decision.RETAIN.label)
            ]
