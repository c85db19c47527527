from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account is inactive.",
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].widget.attrs["autocomplete"] = "username"
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"

    def confirm_login_allowed(self, user: object) -> None:
        super().confirm_login_allowed(user)  # type: ignore[arg-type]
        if getattr(user, "is_service_account", False):
            raise forms.ValidationError("This account is for commands and cannot sign in.")


class TokenForm(forms.Form):
    otp_token = forms.CharField(
        label="Code from your authenticator app",
        max_length=8,
        help_text="The 6-digit code your app shows now.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "data-width": "govuk-input--width-5"}
        ),
    )

    def clean_otp_token(self) -> str:
        value = self.cleaned_data["otp_token"].replace(" ", "")
        if not value.isdigit():
            raise forms.ValidationError("Enter the 6-digit code, numbers only")
        return value


class APITokenForm(forms.Form):
    name = forms.CharField(
        label="What is this token for?",
        max_length=100,
        help_text="For example: the nightly RMS export job.",
    )
