from __future__ import annotations

from datetime import timedelta
from typing import Any

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from .forms import APITokenForm, SignInForm, TokenForm
from .models import APIToken, User
from .twofactor import (
    awaiting_two_factor,
    confirmed_device,
    pending_device,
    qr_code_data_uri,
    secret_for_manual_entry,
    two_factor_url,
)


def signed_in(request: HttpRequest) -> User:
    """The signed-in user (the middleware has already sent anyone else to sign in)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


class SignInView(auth_views.LoginView):
    template_name = "access/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_success_url(self) -> str:
        destination = super().get_success_url()
        if awaiting_two_factor(self.request.user):
            return two_factor_url(destination)
        return destination

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # Where the identity provider's sign-in was refused (settings.LOGIN_REDIRECT_URL_FAILURE).
        context["force_account_refused"] = "force-account" in self.request.GET
        return context


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """What django-axes shows once a username has failed too often from one address."""
    cool_off = get_cool_off(request) or timedelta(hours=1)
    return render(
        request,
        "access/locked_out.html",
        {"cool_off": _in_words(cool_off)},
        status=getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429),
    )


def _in_words(period: timedelta) -> str:
    minutes = round(period.total_seconds() / 60)
    if minutes == 60:
        return "an hour"
    if minutes % 60 == 0:
        return f"{minutes // 60} hours"
    return "a minute" if minutes == 1 else f"{minutes} minutes"


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]


def account(request: HttpRequest) -> HttpResponse:
    tokens = APIToken.live().filter(user=signed_in(request))
    return render(
        request,
        "access/account.html",
        {
            "device": confirmed_device(request.user),
            "tokens": tokens,
            "token_form": APITokenForm(),
            "new_token": request.session.pop("new_api_token", None),
        },
    )


def two_factor(request: HttpRequest) -> HttpResponse:
    """Verify a code from a confirmed device, or set one up (first sign-in)."""
    device = confirmed_device(request.user)
    setting_up = device is None
    if setting_up:
        device = pending_device(request.user)
    assert device is not None
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _ = device.verify_is_allowed()
        if device.verify_token(form.cleaned_data["otp_token"]):
            if setting_up:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(
                request, "Two-factor sign-in is set up." if setting_up else "Signed in."
            )
            return redirect(_next_page(request))
        form.add_error(
            "otp_token",
            "That code is wrong or has expired: enter the code your app shows now"
            if allowed
            else "Too many wrong codes: wait a few seconds, then enter the code your app shows",
        )
    context: dict[str, Any] = {"form": form, "setting_up": setting_up}
    if setting_up:
        context |= {"qr": qr_code_data_uri(device), "secret": secret_for_manual_entry(device)}
    return render(request, "access/two_factor.html", context)


def _next_page(request: HttpRequest) -> str:
    """Where the user was going before being asked for a code, if it is on this site."""
    destination = request.GET.get("next", "")
    if destination and url_has_allowed_host_and_scheme(
        destination, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return destination
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@require_POST
def create_token(request: HttpRequest) -> HttpResponse:
    form = APITokenForm(request.POST)
    if not form.is_valid():
        tokens = APIToken.live().filter(user=signed_in(request))
        return render(
            request,
            "access/account.html",
            {"device": confirmed_device(request.user), "tokens": tokens, "token_form": form},
            status=400,
        )
    _, raw = APIToken.issue(signed_in(request), form.cleaned_data["name"])
    request.session["new_api_token"] = raw
    return redirect("access:account")


@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    APIToken.objects.filter(pk=pk, user=signed_in(request), revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    messages.success(request, "The token was revoked.")
    return redirect("access:account")
