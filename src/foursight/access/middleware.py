"""Sign-in (and two-factor sign-in) is required everywhere except the sign-in pages and static
files; every dynamic response is kept out of caches."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers

from .twofactor import needs_two_factor

OPEN_PREFIXES = ("/sign-in/", "/static/", "/oidc/", "/healthz")
TWO_FACTOR_PREFIXES = ("/account/two-factor/", "/sign-out/")
API_PREFIX = "/api/"
# The API's documentation is for people, treated as a page: signed-in staff only.
API_SCHEMA = "/api/openapi.json"
API_DOCS = ("/api/docs", API_SCHEMA)


class SignInRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if path.startswith(OPEN_PREFIXES):
            return self.get_response(request)
        user = request.user
        if path.startswith(API_PREFIX) and not path.startswith(API_DOCS):
            # The API authenticates each request itself (token or session) and answers 401. A
            # session still waiting for its two-factor code is refused here, as pages are.
            if user.is_authenticated and awaiting_two_factor(user):
                return _two_factor_required_json()
            return self.get_response(request)
        if not user.is_authenticated:
            if path.startswith(API_SCHEMA):
                return JsonResponse({"detail": "Unauthorized"}, status=401)
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if getattr(user, "is_service_account", False):
            return HttpResponse(status=403)
        if not path.startswith(TWO_FACTOR_PREFIXES) and awaiting_two_factor(user):
            if request.headers.get("accept", "").startswith("application/json"):
                return _two_factor_required_json()
            return redirect("access:two-factor")
        return self.get_response(request)


def awaiting_two_factor(user: Any) -> bool:
    """Signed in with a password, but not yet with the code two-factor sign-in asks for."""
    # OTPMiddleware gives every user is_verified(): true once a code was entered this session.
    verified = getattr(user, "is_verified", lambda: False)()
    return not verified and needs_two_factor(user)


def _two_factor_required_json() -> HttpResponse:
    return JsonResponse({"detail": "two-factor verification required"}, status=403)


class PrivatePagesMiddleware:
    """Keep every page and API answer out of shared and browser caches (no victim's details left
    behind on a shared terminal after signing out), and switch off browser features no page
    uses. Static files are answered earlier, by WhiteNoise, and stay cacheable."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Cache-Control" not in response:
            add_never_cache_headers(response)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
