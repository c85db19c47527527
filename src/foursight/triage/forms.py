from __future__ import annotations

from django import forms

from .models import Band, Outcome


class TriageForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=Outcome.choices, widget=forms.RadioSelect, label="What did you decide?"
    )
    note = forms.CharField(
        label="Note",
        widget=forms.Textarea,
        help_text="Why: the evidence you relied on, and anything the investigator should know.",
    )


class WorklistFilter(forms.Form):
    band = forms.ChoiceField(
        required=False, label="Band", choices=[("", "High and needs review"), *Band.choices]
    )
    state = forms.ChoiceField(
        required=False,
        label="Reviewed",
        choices=[("open", "Not yet reviewed"), ("decided", "Reviewed"), ("all", "All")],
    )
